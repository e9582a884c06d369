// PostgreSQL overrides of the generic SQL compiler's hooks.
#include "pg_compiler.hpp"

#include <athanor/sql/types.hpp>

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

void PgCompiler::visit_regexp_match(const sql::RegexpNode& node) {
    const int p = node.precedence();
    process_operand(*node.element, p);
    const bool negated = node.kind == sql::RegexpNode::Kind::not_match;
    if (node.flags.empty() || node.flags == "i") {
        out() += negated ? " !~" : " ~";
        out() += node.flags.empty() ? " " : "* ";
        process_operand(*node.pattern, p);
        return;
    }
    // Any other flags: an ARE's embedded options, "(?flags)" at the start of the pattern
    // (PostgreSQL manual, 9.7.3.4 Regular Expression Metasyntax).
    out() += negated ? " !~ (" : " ~ (";
    out() += render_literal_value(Value("(?" + node.flags + ")"));
    out() += " || ";
    process_operand(*node.pattern, sql::prec::concat);
    out() += ')';
}

void PgCompiler::visit_extract(const sql::ExtractNode& node) { extract_expression(node); }

void PgCompiler::visit_regexp_replace(const sql::RegexpNode& node) {
    out() += "REGEXP_REPLACE(";
    process(*node.element);
    out() += ", ";
    process(*node.pattern);
    out() += ", ";
    process(*node.replacement);
    if (!node.flags.empty()) out() += ", " + render_literal_value(Value(node.flags));
    out() += ')';
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

void PgCompiler::limit_clause(const sql::ColumnElement* limit, const sql::ColumnElement* offset) {
    if (limit) {
        out() += " LIMIT ";
        row_count(*limit);
    }
    if (offset) {
        out() += " OFFSET ";
        row_count(*offset);
    }
}

void PgCompiler::fetch_clause(const sql::FetchClause& fetch, const sql::ColumnElement* offset) {
    if (fetch.percent) unsupported("FETCH FIRST ... PERCENT ROWS");
    SqlCompiler::fetch_clause(fetch, offset);
}

void PgCompiler::visit_bitwise_xor(const sql::BinaryNode& node) {
    process_operand(*node.left, node.precedence());
    out() += " # ";
    process_operand(*node.right, node.precedence());
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

namespace {

/// The bound path of a JSON path expression as a PostgreSQL TEXT[] literal: {"key1","0"}.
class PgJsonPathType final : public sql::TypeEngine {
public:
    PgJsonPathType() : TypeEngine("TEXT[]", sql::TypeAffinity::string) {}
    sql::Processor bind_processor(const sql::TypeCompiler&) const override {
        return [](Value v) {
            if (v.kind() != Value::Kind::text) return v;
            std::string out = "{";
            for (const auto& e : sql::processors::json_path_elements(v.as_string())) {
                if (out.size() > 1) out += ',';
                const std::string text = e.kind() == Value::Kind::integer ? std::to_string(e.as_int()) : e.as_string();
                out += '"';
                for (char c : text) {
                    if (c == '"' || c == '\\') out += '\\';
                    out += c;
                }
                out += '"';
            }
            return Value(out + "}");
        };
    }
};

}  // namespace

void PgCompiler::visit_json_get(const sql::JsonGetNode& node) {
    // SQLAlchemy's PostgreSQL form: an element read as another type is CAST(json ->> key AS type).
    const bool as_json = node.type->kind() == sql::TypeKind::json;
    if (!as_json) out() += "CAST(";
    process_operand(*node.json, sql::prec::unary);
    if (node.is_path) {
        static const sql::TypePtr path_type = std::make_shared<const PgJsonPathType>();
        out() += as_json ? " #> CAST(" : " #>> CAST(";
        process_coerced(*node.path, path_type);
        out() += " AS TEXT[])";
    } else {
        // Typed: json -> integer and json -> text are both operators, and psqlODBC sends
        // parameters untyped. The key's kind is part of the cache key (bind affinity).
        const bool index = node.path->affinity() == sql::TypeAffinity::integer;
        out() += as_json ? " -> CAST(" : " ->> CAST(";
        process(*node.path);
        out() += index ? " AS INTEGER)" : " AS TEXT)";
    }
    if (!as_json) out() += " AS " + type_sql(*node.type) + ")";
}

void PgCompiler::visit_bind_param(const sql::BindParamNode& node) {
    if (!node.type || node.literal_execute || node.expanding) return SqlCompiler::visit_bind_param(node);
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
