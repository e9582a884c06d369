// athanor/sql/text.hpp — a literal SQL statement with named parameters.
//
// `:name` marks a bound parameter (letters, digits and '_'; not when the colon follows a
// letter or digit, as in `12:30`); `\:` is a literal colon and `::` (a PostgreSQL cast) is
// left alone, so `:id::int` binds `id`. Text inside '...' strings ('' is a quote), PostgreSQL
// E'...' strings (a backslash escapes the next character, so E'\'' is one quote), "..." and
// `...` identifiers, -- and /* */ comments (not nested) and PostgreSQL $tag$...$tag$ bodies
// is never searched, and a `\:` there stays as written; an unclosed one runs to the end.
// The framework renders the placeholders in the dialect's paramstyle (? / :1 / $1 / :name /
// %s; in the format style every literal '%' is doubled) and binds values by name, so values
// are never spliced into the SQL. Positional styles bind each occurrence of a name; the named
// style binds each distinct name once, in order of first appearance.
//
// Usage:
//   conn.execute(athanor::text("INSERT INTO users (name) VALUES (:name)"), {{"name", "Alex"}});
//   auto rows = conn.execute(athanor::text("SELECT * FROM users WHERE id > :id"), {{"id", 1}});
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/executable.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace athanor::sql {

class Expr;
class BindParamNode;

class ATHANOR_API TextClause : public Executable {
public:
    explicit TextClause(std::string sql);

    std::shared_ptr<const CompiledStatement> compile(const sdk::Dialect& dialect) const override;
    std::string cache_key() const override;

    /// A copy whose `:name` parameters take the given bindparam()s' options (SQLAlchemy's
    /// text().bindparams()): a type's processor, a default value, and expanding:
    ///   text("SELECT id FROM t WHERE (x, z) IN :q").bindparams({bindparam("q", {.expanding = true})})
    ///   executed with Params{}.set_tuples("q", {{2, "z2"}, {3, "z3"}}) -> ... IN ((?, ?), (?, ?))
    /// An expanding bind renders its own parentheses. Throws ArgumentError for a bind that is
    /// not a named bindparam() or names no parameter of the text.
    TextClause bindparams(const std::vector<Expr>& binds) const;

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
    std::vector<std::shared_ptr<const BindParamNode>> binds_;  // from bindparams()
};

}  // namespace athanor::sql

namespace athanor {
/// Shorthand: athanor::text("SELECT ...").
ATHANOR_API sql::TextClause text(std::string sql);
}  // namespace athanor
