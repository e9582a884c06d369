// athanor/sql/text.hpp — a literal SQL statement with named parameters.
//
// `:name` marks a bound parameter (letters, digits and '_'); `\:` is a literal colon and
// `::` (a PostgreSQL cast) is left alone, as are colons inside quoted strings and
// identifiers. The framework renders the placeholders in the dialect's paramstyle and binds
// values by name, so values are never spliced into the SQL.
//
// Usage:
//   conn.execute(athanor::text("INSERT INTO users (name) VALUES (:name)"), {{"name", "Alex"}});
//   auto rows = conn.execute(athanor::text("SELECT * FROM users WHERE id > :id"), {{"id", 1}});
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/executable.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace athanor::sql {

class ATHANOR_API TextClause : public Executable {
public:
    explicit TextClause(std::string sql);

    std::shared_ptr<const CompiledStatement> compile(const sdk::Dialect& dialect) const override;
    std::string cache_key() const override;

    const std::string& text() const { return sql_; }
    /// Parameter names in order of appearance (a name used twice appears twice).
    const std::vector<std::string>& parameter_names() const { return names_; }

private:
    struct Piece {
        std::string literal;  // SQL text before the parameter
        std::string name;     // "" for the trailing piece
    };
    std::string sql_;
    std::vector<Piece> pieces_;
    std::vector<std::string> names_;
};

}  // namespace athanor::sql

namespace athanor {
/// Shorthand: athanor::text("SELECT ...").
ATHANOR_API sql::TextClause text(std::string sql);
}  // namespace athanor
