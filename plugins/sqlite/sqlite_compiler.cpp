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

void SqliteCompiler::visit_function(const sql::FunctionNode& node) {
    if (node.name == "now" && node.args.empty()) {
        out() += "CURRENT_TIMESTAMP";
        return;
    }
    SqlCompiler::visit_function(node);
}

}  // namespace athanor::sqlite
