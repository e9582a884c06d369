// mimer_compiler.hpp — the Mimer SQL flavour: the generic compiler with Mimer's hooks
// (Mimer SQL Reference Manual, SELECT, "Sequences", "Functions", "Reserved Words").
//
//   OFFSET m ROWS FETCH FIRST n ROWS ONLY   limit()/offset() and fetch(n); WITH TIES / PERCENT refused
//   NEXT VALUE FOR s                          a sequence's next value (CURRENT VALUE FOR s: current_value_sql)
//   FROM SYSTEM.ONEROW                        a SELECT without tables (Mimer's one-row table)
//   LOCALTIMESTAMP / LOCALTIME                now(), current_timestamp(), localtimestamp() / current_time(), localtime()
//   CAST(? AS type)                           a bound value that is a whole SELECT-list item: Mimer
//                                             cannot type a parameter there
//   CASE WHEN a = b OR a IS NULL AND b IS NULL THEN 0 ELSE 1 END = 1
//                                             a IS DISTINCT FROM b (= 0: IS NOT DISTINCT FROM),
//                                             exact for NULLs, the standard predicate being UNVERIFIED on Mimer
//   a <> b, MOD(a, b)                         not-equals and modulo (no `!=` or `%` in Mimer)
//   "word"                                    Mimer's reserved words quoted (MimerPreparer)
// Refused with CompileError (Mimer has no such syntax, or it is UNVERIFIED): RETURNING,
// ON CONFLICT, DISTINCT ON, LATERAL, UPDATE ... FROM, DELETE ... USING, tuple IN,
// bitwise operators, JSON elements, FOR UPDATE options (NOWAIT, SKIP LOCKED, OF, FOR SHARE).
//
// Example:
//   select(users.c("id")).order_by(users.c("id")).limit(10).offset(20)
//   // SELECT users.id FROM users ORDER BY users.id OFFSET 20 ROWS FETCH FIRST 10 ROWS ONLY
#pragma once

#include <athanor/sql/compiler.hpp>
#include <athanor/sql/identifier_preparer.hpp>

namespace athanor::mimer {

/// Quotes Mimer's reserved words (the SQL standard's plus Mimer's PSM and other keywords).
class MimerPreparer final : public sql::IdentifierPreparer {
public:
    using IdentifierPreparer::IdentifierPreparer;
    bool is_reserved(std::string_view lower_case_word) const override;
};

class MimerCompiler final : public sql::SqlCompiler {
public:
    using SqlCompiler::SqlCompiler;

    void limit_clause(const sql::ColumnElement* limit, const sql::ColumnElement* offset) override;
    void fetch_clause(const sql::FetchClause& fetch, const sql::ColumnElement* offset) override;
    void for_update_clause(const sql::ForUpdateClause& clause) override;
    void visit_function(const sql::FunctionNode& node) override;
    void visit_select(const sql::SelectNode& node) override;
    void visit_binary(const sql::BinaryNode& node) override;
    void visit_unary(const sql::UnaryNode& node) override;
    void visit_in(const sql::InNode& node) override;
    void visit_bitwise_xor(const sql::BinaryNode& node) override;
    /// A bound value in a VALUES row is cast to its column's type (Mimer cannot type a bare
    /// parameter there).
    void values_cell(const sql::ColumnElement& cell, const sql::TypePtr& type) override;
    /// FILTER (WHERE ...), WITHIN GROUP and GROUPS frames are outside the SQL features the
    /// Mimer manual documents: refused.
    void visit_function_filter(const sql::FunctionFilterNode&) override { unsupported("aggregate FILTER (WHERE ...)"); }
    void visit_within_group(const sql::WithinGroupNode&) override { unsupported("WITHIN GROUP (ordered-set aggregates)"); }
    void visit_over(const sql::OverNode& node) override;
    void lateral_keyword() override { unsupported("LATERAL subqueries"); }
    void update_from_clause(const std::vector<sql::FromPtr>&) override {
        unsupported("UPDATE with criteria on other tables (UPDATE ... FROM)");
    }
    void delete_using_clause(const std::vector<sql::FromPtr>&) override {
        unsupported("DELETE with criteria on other tables (DELETE ... USING)");
    }
    bool supports_returning() const override { return false; }
    std::string default_from() const override { return " FROM SYSTEM.ONEROW"; }
    std::string next_value_sql(const std::string& quoted_sequence) const override;
    std::unique_ptr<sql::IdentifierPreparer> create_preparer() const override;

    /// `CURRENT VALUE FOR s`: the value NEXT VALUE FOR s last gave in this session.
    static std::string current_value_sql(const std::string& quoted_sequence);
    /// The type a bound value is cast to where Mimer needs one (nullptr when no cast applies:
    /// an expanding or literal bind, or a NULL of unknown type).
    static sql::TypePtr parameter_cast_type(const sql::BindParamNode& node);

private:
    void distinct_predicate(const sql::BinaryNode& node, bool distinct);
};

}  // namespace athanor::mimer
