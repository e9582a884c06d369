// athanor/sql/default_dialect.hpp — the generic dialect statements print against.
//
// Named paramstyle, standard quoting, and a compiler that renders every construct it can
// (sequences as NEXT VALUE FOR, ON CONFLICT), like SQLAlchemy's str(statement). It cannot
// connect to anything.
//
// Usage:
//   athanor::sql::DefaultDialect dialect;
//   auto compiled = stmt.compile(dialect);
//   std::cout << athanor::sql::to_string(stmt);   // same thing, printed
#pragma once

#include <athanor/export.hpp>
#include <athanor/sdk/dialect.hpp>

namespace athanor::sql {

class ATHANOR_API DefaultDialect : public sdk::Dialect {
public:
    std::string name() const override { return "default"; }
    std::string driver() const override { return "none"; }
    sdk::Paramstyle paramstyle() const override { return sdk::Paramstyle::named; }
    /// Throws NotSupportedError: the default dialect only compiles.
    std::unique_ptr<sdk::DriverConnection> connect(const Url& url) override;
    std::shared_ptr<SqlCompiler> create_statement_compiler() const override;

    /// A shared instance for printing.
    static const DefaultDialect& instance();
};

}  // namespace athanor::sql
