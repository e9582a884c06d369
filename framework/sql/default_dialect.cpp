// DefaultDialect: compiles and prints, never connects. Its compiler renders the constructs
// the generic one leaves to dialects (sequences, ON CONFLICT) so any statement can be printed.
#include <athanor/errors.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/default_dialect.hpp>

namespace athanor::sql {

namespace {
class StrSqlCompiler final : public SqlCompiler {
public:
    using SqlCompiler::SqlCompiler;
    std::string next_value_sql(const std::string& quoted_sequence) const override {
        return "NEXT VALUE FOR " + quoted_sequence;
    }
    bool supports_on_conflict() const override { return true; }
};
}  // namespace

std::unique_ptr<sdk::DriverConnection> DefaultDialect::connect(const Url&) {
    throw NotSupportedError("the default dialect only compiles statements; create an engine with a real "
                            "dialect URL (e.g. sqlite://) to execute them");
}

std::shared_ptr<SqlCompiler> DefaultDialect::create_statement_compiler() const {
    return std::make_shared<StrSqlCompiler>(*this);
}

const DefaultDialect& DefaultDialect::instance() {
    static const DefaultDialect dialect;
    return dialect;
}

}  // namespace athanor::sql
