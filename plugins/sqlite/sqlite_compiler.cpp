// SQLite overrides of the generic SQL compiler's hooks.
#include "sqlite_compiler.hpp"

#include <athanor/sql/types.hpp>

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

void SqliteCompiler::fetch_clause(const sql::FetchClause& fetch, const sql::ColumnElement* offset) {
    if (fetch.with_ties) unsupported("FETCH FIRST ... WITH TIES");
    if (fetch.percent) unsupported("FETCH FIRST ... PERCENT ROWS");
    limit_clause(fetch.count.get(), offset);
}

void SqliteCompiler::visit_bitwise_xor(const sql::BinaryNode& node) {
    const sql::BinaryNode either(node.left, sql::BinaryOp::bitwise_or, node.right);
    const sql::BinaryNode both(node.left, sql::BinaryOp::bitwise_and, node.right);
    const sql::BindNamer names = bind_namer();
    out() += "((";
    process(either);
    out() += ") - (";
    set_bind_namer(names);
    process(both);
    out() += "))";
}

void SqliteCompiler::visit_values(const sql::ValuesNode& node) {
    // lang_select.html: "the columns of a VALUES clause are named column1, column2, ...".
    out() += "(SELECT ";
    for (std::size_t i = 0; i < node.columns.size(); ++i)
        out() += (i ? ", column" : "column") + std::to_string(i + 1) + " AS " + quote(node.columns[i].name);
    out() += " FROM (";
    values_rows(node);
    out() += ")) AS " + quote(node.alias);
}

void SqliteCompiler::visit_extract(const sql::ExtractNode& node) {
    // lang_datefunc.html, the strftime() substitutions.
    static const std::pair<const char*, const char*> formats[] = {
        {"year", "%Y"}, {"month", "%m"}, {"day", "%d"}, {"hour", "%H"}, {"minute", "%M"},
        {"dow", "%w"}, {"doy", "%j"}, {"week", "%W"}, {"epoch", "%s"}};
    if (node.field == "second") {
        out() += "CAST(STRFTIME('%f', ";
        process(*node.element);
        out() += ") AS REAL)";
        return;
    }
    for (const auto& [field, format] : formats) {
        if (node.field != field) continue;
        out() += std::string("CAST(STRFTIME('") + format + "', ";
        process(*node.element);
        out() += ") AS INTEGER)";
        return;
    }
    unsupported("extract('" + node.field + "')");
}

void SqliteCompiler::visit_regexp_match(const sql::RegexpNode& node) {
    if (!node.flags.empty()) unsupported("regexp_match() flags");
    const int p = node.precedence();
    process_operand(*node.element, p);
    out() += node.kind == sql::RegexpNode::Kind::not_match ? " NOT REGEXP " : " REGEXP ";
    process_operand(*node.pattern, p);
}

void SqliteCompiler::compound_member(const sql::SelectBaseNode& member) {
    if (!compound_member_needs_grouping(member)) return SqlCompiler::compound_member(member);
    // A subquery in FROM may carry ORDER BY/LIMIT and be compound; SQLite takes no alias here.
    out() += "SELECT * FROM (";
    process(member);
    out() += ')';
}

namespace {

/// The bound key / index / path of a JSON element as a SQLite JSON path: $."key"[0]."sub".
class SqliteJsonPathType final : public sql::TypeEngine {
public:
    explicit SqliteJsonPathType(bool is_path) : TypeEngine("TEXT", sql::TypeAffinity::string), is_path_(is_path) {}
    sql::Processor bind_processor(const sql::TypeCompiler&) const override {
        const bool is_path = is_path_;
        return [is_path](Value v) {
            if (v.is_null()) return v;
            const auto step = [](const Value& e) {
                return e.kind() == Value::Kind::integer ? "[" + std::to_string(e.as_int()) + "]"
                                                        : ".\"" + e.as_string() + "\"";
            };
            std::string out = "$";
            if (!is_path) return Value(out + step(v));
            for (const auto& e : sql::processors::json_path_elements(v.as_string())) out += step(e);
            return Value(out);
        };
    }

private:
    bool is_path_;
};

}  // namespace

void SqliteCompiler::visit_json_get(const sql::JsonGetNode& node) {
    static const sql::TypePtr index_type = std::make_shared<const SqliteJsonPathType>(false);
    static const sql::TypePtr path_type = std::make_shared<const SqliteJsonPathType>(true);
    // JSON_QUOTE leaves an object or array JSON_EXTRACT returned as it is and quotes a scalar,
    // so a JSON element is JSON text either way.
    const bool as_json = node.type->kind() == sql::TypeKind::json;
    // Read as a number, the CAST gives the element NUMERIC/REAL affinity, so a decimal bound
    // as text compares as the number it is (JSON_EXTRACT alone has no affinity).
    const auto affinity = node.type->affinity();
    const bool numeric = affinity == sql::TypeAffinity::numeric || affinity == sql::TypeAffinity::floating;
    if (numeric) out() += "CAST(";
    out() += as_json ? "JSON_QUOTE(JSON_EXTRACT(" : "JSON_EXTRACT(";
    process(*node.json);
    out() += ", ";
    process_coerced(*node.path, node.is_path ? path_type : index_type);
    out() += as_json ? "))" : ")";
    if (numeric) out() += " AS " + type_sql(*node.type) + ")";
}

}  // namespace athanor::sqlite
