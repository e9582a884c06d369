// athanor/sql/statement.hpp — the Executable face shared by select/insert/update/delete.
//
// compile() asks the dialect for its SqlCompiler (Dialect::create_statement_compiler) and
// renders the statement's tree; cache_key() and bound_values() walk the same tree without
// rendering (cache_key(values) does both in one walk), so the engine compiles a shape once
// and rebinds values on every execution.
//
// Usage:
//   auto compiled = select(users).where(users.c("id") == 5).compile(dialect);
//   compiled->sql;                          // "SELECT users.id, users.name FROM users WHERE users.id = ?"
//   std::cout << select(users);             // printed against the generic DefaultDialect
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/element.hpp>
#include <athanor/sql/executable.hpp>

#include <iosfwd>
#include <memory>
#include <string>

namespace athanor::sql {

class Expr;

struct CompileOptions {
    /// Render values as SQL literals instead of bound parameters (for printing / DDL only).
    bool literal_binds = false;
    /// Keep IN lists of values as expanding binds (one compiled form for any list length), to
    /// be rendered by SqlCompiler::expand() at execution; what the engine's cache stores.
    /// Without it the lists are rendered in place (`IN (?, ?, ?)`). Binds whose value only
    /// comes with the execution (an expanding bindparam(), a named literal_execute one) are
    /// post-compile either way: `__[POSTCOMPILE_q]`, rendered by SqlCompiler::expand().
    bool keep_expanding = false;
    /// Schema names to replace in table, column and sequence references (see
    /// SchemaTranslateMap); null for none.
    std::shared_ptr<const SchemaTranslateMap> schema_translate_map = nullptr;
};

class ATHANOR_API Statement : public Executable {
public:
    /// compile(dialect, {}).
    std::shared_ptr<const CompiledStatement> compile(const sdk::Dialect& dialect) const override;
    /// Virtual: a statement that adds to what the compiler renders (insert()'s column defaults)
    /// does it here, for every option set.
    virtual std::shared_ptr<const CompiledStatement> compile(const sdk::Dialect& dialect,
                                                             const CompileOptions& options) const;
    std::string cache_key() const override;
    void bound_values(Params& out) const override;
    /// One walk of the tree for both (what the engine uses on every execution).
    std::string cache_key(Params& values) const override;

    /// The root node of the statement.
    virtual ElementPtr element() const = 0;
};

/// The statement compiled against the generic DefaultDialect (named paramstyle), as
/// SQLAlchemy's str(stmt) does.
ATHANOR_API std::string to_string(const Statement& statement, const CompileOptions& options = {});
ATHANOR_API std::ostream& operator<<(std::ostream& os, const Statement& statement);
/// A lone expression, printed the same way: to_string(users.c("id") == 5) -> "users.id = :id_1".
ATHANOR_API std::string to_string(const Expr& expression, const CompileOptions& options = {});
ATHANOR_API std::ostream& operator<<(std::ostream& os, const Expr& expression);

}  // namespace athanor::sql
