// PostgreSQL overrides of the generic SQL compiler's hooks.
#include "pg_compiler.hpp"

#include <algorithm>
#include <cctype>

namespace athanor::postgresql {

void PgCompiler::visit_ilike(const sql::BinaryNode& node) {
    const int p = node.precedence();
    process_operand(*node.left, p);
    out() += node.op == sql::BinaryOp::ilike ? " ILIKE " : " NOT ILIKE ";
    process_operand(*node.right, p);
    if (node.escape) out() += " ESCAPE " + render_literal_value(Value(std::string(1, *node.escape)));
}

void PgCompiler::distinct_on_clause(const std::vector<sql::ColumnPtr>& expressions) {
    out() += "ON (";
    comma_list(expressions);
    out() += ") ";
}

void PgCompiler::for_update_clause(const sql::ForUpdateClause& clause) {
    if (clause.read)
        out() += clause.key_share ? " FOR KEY SHARE" : " FOR SHARE";
    else
        out() += clause.key_share ? " FOR NO KEY UPDATE" : " FOR UPDATE";
    for (std::size_t i = 0; i < clause.of.size(); ++i) {
        // The name as the FROM list knows it, never schema-qualified (PostgreSQL's rule).
        out() += i ? ", " : " OF ";
        out() += quote(clause.of[i]->name());
    }
    if (clause.nowait) out() += " NOWAIT";
    if (clause.skip_locked) out() += " SKIP LOCKED";
}

void PgCompiler::limit_clause(std::optional<std::int64_t> limit, std::optional<std::int64_t> offset) {
    if (limit) out() += " LIMIT " + std::to_string(*limit);
    if (offset) out() += " OFFSET " + std::to_string(*offset);
}

std::string PgCompiler::next_value_sql(const std::string& quoted_sequence) const {
    // nextval takes the (quoted) name as a string literal.
    std::string literal;
    for (char c : quoted_sequence) {
        if (c == '\'') literal += '\'';
        literal += c;
    }
    return "nextval('" + literal + "')";
}

void PgCompiler::visit_bind_param(const sql::BindParamNode& node) {
    if (!node.type || node.literal_execute) return SqlCompiler::visit_bind_param(node);
    out() += "CAST(";
    SqlCompiler::visit_bind_param(node);
    out() += " AS " + type_sql(*node.type) + ")";
}

std::string PgCompiler::render_literal_value(const Value& value) const {
    if (value.kind() != Value::Kind::bytes) return SqlCompiler::render_literal_value(value);
    static const char* hex = "0123456789abcdef";
    std::string out = "'\\x";
    for (auto b : std::get<Bytes>(value.storage())) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out + "'::bytea";
}

}  // namespace athanor::postgresql
