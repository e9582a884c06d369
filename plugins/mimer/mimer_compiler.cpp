// Mimer SQL overrides of the generic SQL compiler's hooks.
#include "mimer_compiler.hpp"

#include <athanor/sql/types.hpp>

#include <string>
#include <unordered_set>

namespace athanor::mimer {

bool MimerPreparer::is_reserved(std::string_view word) const {
    // Mimer reserves the SQL standard's words and these (sqlalchemy-mimer's reserved-word set
    // and Mimer SQL Reference Manual, "Reserved Words", as summarised in the project's
    // reference: SQL:2016 words such as OFFSET, FETCH, VALUE, plus PSM words).
    static const std::unordered_set<std::string> mimer_words = {
        "begin", "call", "case", "close", "cycle", "declare", "do", "dynamic", "each", "element", "elseif",
        "exit", "fetch", "filter", "free", "function", "handler", "identity", "if", "iterate", "lateral",
        "leave", "localtime", "localtimestamp", "loop", "member", "merge", "method", "modifies", "new",
        "offset", "old", "out", "over", "parameter", "range", "reads", "recursive", "ref", "repeat",
        "resignal", "result", "return", "returns", "row", "rows", "signal", "specific", "start",
        "static", "system", "system_user", "until", "value", "while", "window", "within",
    };
    return IdentifierPreparer::is_reserved(word) || mimer_words.count(std::string(word)) != 0;
}

std::unique_ptr<sql::IdentifierPreparer> MimerCompiler::create_preparer() const {
    return std::make_unique<MimerPreparer>(dialect());
}

void MimerCompiler::limit_clause(const sql::ColumnElement* limit, const sql::ColumnElement* offset) {
    // <result offset clause> then <fetch first clause> (ISO 9075 and Mimer's SELECT): each a
    // literal, a parameter, or a parenthesised expression.
    if (offset) {
        out() += " OFFSET ";
        row_count(*offset, true);
        out() += " ROWS";
    }
    if (limit) {
        out() += " FETCH FIRST ";
        row_count(*limit, true);
        out() += " ROWS ONLY";
    }
}

void MimerCompiler::fetch_clause(const sql::FetchClause& fetch, const sql::ColumnElement* offset) {
    // Mimer documents FETCH FIRST n ROWS ONLY; WITH TIES and PERCENT are not in its manual.
    if (fetch.with_ties) unsupported("FETCH FIRST ... WITH TIES");
    if (fetch.percent) unsupported("FETCH FIRST ... PERCENT ROWS");
    limit_clause(fetch.count.get(), offset);
}

void MimerCompiler::for_update_clause(const sql::ForUpdateClause& clause) {
    if (clause.read) unsupported("SELECT ... FOR SHARE");
    if (clause.nowait) unsupported("SELECT ... FOR UPDATE NOWAIT");
    if (clause.skip_locked) unsupported("SELECT ... FOR UPDATE SKIP LOCKED");
    if (!clause.of.empty()) unsupported("SELECT ... FOR UPDATE OF");
    out() += " FOR UPDATE";
}

std::string MimerCompiler::next_value_sql(const std::string& quoted_sequence) const {
    return "NEXT VALUE FOR " + quoted_sequence;
}

std::string MimerCompiler::current_value_sql(const std::string& quoted_sequence) {
    return "CURRENT VALUE FOR " + quoted_sequence;
}

void MimerCompiler::visit_function(const sql::FunctionNode& node) {
    if (node.args.empty()) {
        // Mimer's CURRENT_TIMESTAMP / CURRENT_TIME carry a time zone; LOCALTIMESTAMP and
        // LOCALTIME are the session's local values, what TIMESTAMP/TIME columns hold.
        if (node.name == "now" || node.name == "current_timestamp" || node.name == "localtimestamp") {
            out() += "LOCALTIMESTAMP";
            return;
        }
        if (node.name == "current_time" || node.name == "localtime") {
            out() += "LOCALTIME";
            return;
        }
    }
    SqlCompiler::visit_function(node);
}

sql::TypePtr MimerCompiler::parameter_cast_type(const sql::BindParamNode& node) {
    if (node.expanding || node.literal_execute) return nullptr;
    if (node.type) return node.type;
    static const sql::TypePtr varbinary = std::make_shared<const sql::TypeEngine>("VARBINARY(15000)", sql::TypeAffinity::binary);
    switch (node.affinity()) {
        case sql::TypeAffinity::integer: return types::BigInteger();
        case sql::TypeAffinity::floating: return types::Double();
        case sql::TypeAffinity::numeric: return types::Numeric(38, 10);
        case sql::TypeAffinity::boolean: return types::Boolean();
        case sql::TypeAffinity::date: return types::Date();
        case sql::TypeAffinity::time: return types::Time();
        case sql::TypeAffinity::datetime: return types::DateTime();
        case sql::TypeAffinity::binary: return varbinary;
        case sql::TypeAffinity::string: return types::Unicode(5000);
        default: break;
    }
    if (!node.value || node.value->is_null()) return nullptr;  // a NULL takes the type of what receives it
    return types::Unicode(5000);
}

void MimerCompiler::visit_select(const sql::SelectNode& node) {
    // "A parameter cannot be selected unless it is wrapped in a cast or a function call": a
    // bound value that is a whole SELECT-list item (alone or labelled) is cast to its type.
    std::shared_ptr<sql::SelectNode> cast;
    for (std::size_t i = 0; i < node.columns.size(); ++i) {
        const auto* label = dynamic_cast<const sql::LabelNode*>(node.columns[i].get());
        const sql::ColumnPtr& item = label ? label->element : node.columns[i];
        const auto* bind = dynamic_cast<const sql::BindParamNode*>(item.get());
        if (!bind) continue;
        const sql::TypePtr type = parameter_cast_type(*bind);
        if (!type) continue;
        if (!cast) cast = std::make_shared<sql::SelectNode>(node);
        sql::ColumnPtr wrapped = std::make_shared<sql::CastNode>(item, type);
        cast->columns[i] = label ? std::make_shared<sql::LabelNode>(wrapped, label->name) : wrapped;
    }
    SqlCompiler::visit_select(cast ? *cast : node);
}

void MimerCompiler::values_cell(const sql::ColumnElement& cell, const sql::TypePtr& type) {
    const auto* bind = dynamic_cast<const sql::BindParamNode*>(&cell);
    if (!bind || bind->literal_execute || !type) return SqlCompiler::values_cell(cell, type);
    out() += "CAST(";
    process_coerced(cell, type);
    out() += " AS " + type_sql(*type) + ")";
}

void MimerCompiler::visit_over(const sql::OverNode& node) {
    if (node.frame == sql::OverNode::FrameKind::groups) unsupported("GROUPS window frames");
    SqlCompiler::visit_over(node);
}

void MimerCompiler::distinct_predicate(const sql::BinaryNode& node, bool distinct) {
    // CASE WHEN a = b OR a IS NULL AND b IS NULL THEN 0 ELSE 1 END = 1: UNKNOWN (one side NULL)
    // goes to ELSE, so the result is TRUE or FALSE, never NULL, as IS DISTINCT FROM's.
    const sql::BindNamer names = bind_namer();
    out() += "(CASE WHEN ";
    process_facing(*node.left, *node.right, sql::prec::comparison);
    out() += " = ";
    process_facing(*node.right, *node.left, sql::prec::comparison);
    out() += " OR ";
    set_bind_namer(names);
    process_facing(*node.left, *node.right, sql::prec::comparison);
    out() += " IS NULL AND ";
    process_facing(*node.right, *node.left, sql::prec::comparison);
    out() += " IS NULL THEN 0 ELSE 1 END = ";
    out() += distinct ? "1)" : "0)";
}

void MimerCompiler::visit_binary(const sql::BinaryNode& node) {
    switch (node.op) {
        case sql::BinaryOp::is_distinct_from: return distinct_predicate(node, true);
        case sql::BinaryOp::is_not_distinct_from: return distinct_predicate(node, false);
        case sql::BinaryOp::ne:
            // The standard's not-equals operator; `!=` is not in Mimer's grammar.
            process_facing(*node.left, *node.right, sql::prec::comparison);
            out() += " <> ";
            process_facing(*node.right, *node.left, sql::prec::comparison);
            return;
        case sql::BinaryOp::mod:
            // Mimer has the MOD function, no `%` operator.
            out() += "MOD(";
            process_facing(*node.left, *node.right);
            out() += ", ";
            process_facing(*node.right, *node.left);
            out() += ')';
            return;
        case sql::BinaryOp::bitwise_and: unsupported("the bitwise AND operator");
        case sql::BinaryOp::bitwise_or: unsupported("the bitwise OR operator");
        case sql::BinaryOp::bitwise_lshift: unsupported("the bitwise left shift operator");
        case sql::BinaryOp::bitwise_rshift: unsupported("the bitwise right shift operator");
        default: break;
    }
    SqlCompiler::visit_binary(node);
}

void MimerCompiler::visit_bitwise_xor(const sql::BinaryNode&) { unsupported("the bitwise XOR operator"); }

void MimerCompiler::visit_unary(const sql::UnaryNode& node) {
    if (node.op == sql::UnaryOp::bitwise_not) unsupported("the bitwise NOT operator");
    SqlCompiler::visit_unary(node);
}

void MimerCompiler::visit_in(const sql::InNode& node) {
    // Mimer has no row value constructors in IN predicates (Hibernate's Mimer dialect).
    if (dynamic_cast<const sql::TupleNode*>(node.left.get())) unsupported("tuple IN ((a, b) IN ...)");
    SqlCompiler::visit_in(node);
}

}  // namespace athanor::mimer
