// compiler_state.hpp (private) — the working state of one SqlCompiler. It lives behind a pointer
// so that SqlCompiler's size and layout, which dialect plugins inherit, stay the same when the
// compiler needs new state; only the compiler's own translation units see it.
#pragma once

#include <athanor/sql/compiled.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/identifier_preparer.hpp>
#include <athanor/sql/type_compiler.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace athanor::sql {

struct SqlCompiler::State {
    CompileOptions options_;
    std::string out_;
    std::vector<BindParameter> binds_;
    BindNamer namer_;
    std::unique_ptr<IdentifierPreparer> preparer_;
    std::shared_ptr<CompiledStatement> result_;
    int depth_ = 0;                                   // statement nesting; 0 = top level
    bool in_columns_clause_ = false;
    std::vector<const FromClause*> enclosing_froms_;  // for auto-correlation
    struct CteText {
        std::string name;
        std::string sql;
        std::vector<BindParameter> binds;
        bool recursive;
        std::string columns;  // "(a, b)" after the name, for a VALUES body
    };
    std::vector<CteText> ctes_;
    std::vector<std::string> cte_names_;
    bool positional_ = false;
    std::shared_ptr<TypeCompiler> type_compiler_;
    TypePtr bind_type_;  // the type the bind being rendered takes (set by process_coerced)
    std::vector<std::pair<const TypeEngine*, Processor>> bind_processors_;  // per type, per statement
    // Where a top-level single-row INSERT's VALUES tuple is in out_ (offsets and bind counts),
    // turned into CompiledStatement::insertmanyvalues at the end of compile().
    struct ValuesTupleSpan {
        std::size_t begin = 0, end = 0;
        std::size_t binds_before = 0, binds_after = 0;
    };
    std::optional<ValuesTupleSpan> values_tuple_;
    // Schema-qualified tables of the SELECTs being rendered whose name an unqualified table in
    // the same FROM list also has (SQLAlchemy's ambiguous_table_name_map): each is rendered
    // `schema.t AS t_1` and its columns `t_1.c`, since `schema.t.c` would be ambiguous.
    std::vector<std::pair<const TableNode*, std::string>> ambiguous_tables_;
    int ambiguous_counter_ = 0;
    /// The alias of `table` when it is one of those, else nullptr.
    const std::string* ambiguous_alias(const FromClause* table) const {
        for (const auto& [t, alias] : ambiguous_tables_)
            if (t == table) return &alias;
        return nullptr;
    }
};

}  // namespace athanor::sql
