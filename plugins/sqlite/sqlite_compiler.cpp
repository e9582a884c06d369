// SQLite overrides of the generic SQL compiler's hooks.
#include "sqlite_compiler.hpp"

namespace athanor::sqlite {

void SqliteCompiler::visit_true_division(const sql::BinaryNode& node) {
    // Adding 0.0 makes the divisor REAL; a CAST to NUMERIC would keep an integer integral.
    process_operand(*node.left, sql::prec::multiplicative);
    out() += " / (";
    process_coerced(*node.right, expression_type(*node.left), sql::prec::additive);
    out() += " + 0.0)";
}

void SqliteCompiler::visit_binary(const sql::BinaryNode& node) {
    // SQLite stores an integral NUMERIC value as INTEGER, so numeric / numeric (15.00 / 10)
    // would truncate to 1: divide as REAL, the result processor turns it back into a Decimal.
    const auto numeric = [](const sql::ColumnElement& e) { return e.affinity() == sql::TypeAffinity::numeric; };
    if (node.op == sql::BinaryOp::div && !node.is_true_division() && (numeric(*node.left) || numeric(*node.right)))
        return visit_true_division(node);
    SqlCompiler::visit_binary(node);
}

void SqliteCompiler::visit_function(const sql::FunctionNode& node) {
    if (node.name == "now" && node.args.empty()) {
        out() += "CURRENT_TIMESTAMP";
        return;
    }
    SqlCompiler::visit_function(node);
}

void SqliteCompiler::compound_member(const sql::SelectBaseNode& member) {
    if (!compound_member_needs_grouping(member)) return SqlCompiler::compound_member(member);
    // A subquery in FROM may carry ORDER BY/LIMIT and be compound; SQLite takes no alias here.
    out() += "SELECT * FROM (";
    process(member);
    out() += ')';
}

}  // namespace athanor::sqlite
