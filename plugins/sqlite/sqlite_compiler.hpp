// sqlite_compiler.hpp — the SQLite SQL flavour: the generic compiler with SQLite's hooks.
//
//   a / (b + 0.0)          true division of integers (CAST(b AS NUMERIC) stays an integer on SQLite)
//   CURRENT_TIMESTAMP      for now()
//   JSON_EXTRACT(d, '$."k"')  a JSON element (SQLAlchemy's SQLite form)
//   LIMIT -1 OFFSET n      an offset without a limit (the generic form, kept)
//   LIMIT n OFFSET m       for fetch(n) (FETCH FIRST n ROWS ONLY); WITH TIES / PERCENT refused
//   ((a | b) - (a & b))    for bitwise_xor (SQLite has no XOR)
//   (SELECT column1 AS a, ... FROM (VALUES ...)) AS v   values() in a FROM clause (SQLite
//                          has no column alias list; its VALUES columns are column1, column2, ...)
//   CAST(STRFTIME('%Y', d) AS INTEGER)   extract("year", d); WITHIN GROUP and ANY/ALL refused
//   a REGEXP p             regexp_match (the sqlite plugin registers regexp(); flags and
//                          regexp_replace refused: SQLite has neither)
//   ON CONFLICT ...        upsert; RETURNING (SQLite 3.35+)
//   SELECT * FROM (...)    a UNION member with ORDER BY/LIMIT (SQLite allows them only at the
//                          end of a compound SELECT, and no parenthesised members)
//
// Example:
//   auto compiler = dialect.create_statement_compiler();   // a SqliteCompiler
//   compiler->compile(*select((t.c("a") / t.c("b")).label("q")).element())->sql;
//   // SELECT t.a / (t.b + 0.0) AS q FROM t
#pragma once

#include <athanor/sql/compiler.hpp>

namespace athanor::sqlite {

class SqliteCompiler final : public sql::SqlCompiler {
public:
    using SqlCompiler::SqlCompiler;

    void visit_true_division(const sql::BinaryNode& node) override;
    void visit_binary(const sql::BinaryNode& node) override;
    void visit_function(const sql::FunctionNode& node) override;
    void compound_member(const sql::SelectBaseNode& member) override;
    /// FETCH FIRST n ROWS ONLY as its exact equivalent LIMIT n [OFFSET m]; SQLite has neither
    /// WITH TIES nor PERCENT and refuses them.
    void fetch_clause(const sql::FetchClause& fetch, const sql::ColumnElement* offset) override;
    /// SQLite has no XOR operator: ((a | b) - (a & b)), equal to a XOR b for every pair of
    /// 64-bit integers (a | b is a XOR b plus the disjoint bits of a & b, so no overflow).
    void visit_bitwise_xor(const sql::BinaryNode& node) override;
    /// JSON_EXTRACT(doc, '$."key"') (JSON_QUOTE(...) around it when read as JSON), the path
    /// written by a bind processor from the bound key, index or path.
    void visit_json_get(const sql::JsonGetNode& node) override;
    void visit_values(const sql::ValuesNode& node) override;
    /// CAST(STRFTIME('%Y', e) AS INTEGER) and the like (SQLite has no EXTRACT); second keeps its
    /// fraction (STRFTIME('%f'), as REAL), quarter has no format and is refused.
    void visit_extract(const sql::ExtractNode& node) override;
    void visit_within_group(const sql::WithinGroupNode&) override { unsupported("WITHIN GROUP (ordered-set aggregates)"); }
    void visit_any_all(const sql::AnyAllNode& node) override { unsupported(node.all ? "ALL (...)" : "ANY (...)"); }
    /// a REGEXP p / a NOT REGEXP p; flags raise CompileError (the REGEXP operator takes none).
    void visit_regexp_match(const sql::RegexpNode& node) override;
    void lateral_keyword() override { unsupported("LATERAL subqueries"); }
    /// Nothing: SQLite has no row locks; a write transaction locks the whole database.
    void for_update_clause(const sql::ForUpdateClause&) override {}
    /// SQLite's DELETE has no USING/FROM: refer to other tables through a subquery instead.
    void delete_using_clause(const std::vector<sql::FromPtr>&) override {
        unsupported("DELETE with criteria on other tables (DELETE ... USING)");
    }
    bool supports_on_conflict() const override { return true; }
    bool supports_returning() const override { return true; }
};

}  // namespace athanor::sqlite
