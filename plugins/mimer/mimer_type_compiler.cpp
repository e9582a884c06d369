// Mimer SQL type names, both ways.
#include "mimer_type_compiler.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/text_util.hpp>
#include <athanor/sql/types.hpp>

#include <cctype>
#include <string>

namespace athanor::mimer {

namespace {

std::string sized(const char* name, std::optional<int> length, const char* otherwise) {
    return std::string(name) + "(" + (length ? std::to_string(*length) : std::string(otherwise)) + ")";
}

/// "NAME(a, b)" -> {"NAME", "a, b"}; blanks collapsed, upper case.
std::pair<std::string, std::string> split_arguments(std::string_view name) {
    std::string head, args;
    const auto open = name.find('(');
    std::string_view base = name.substr(0, open);
    bool space = false;
    for (char c : base) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !head.empty();
            continue;
        }
        if (space) head += ' ';
        space = false;
        head += sdk::ascii_upper(c);
    }
    if (open != std::string_view::npos) {
        const auto close = name.find(')', open);
        args = std::string(name.substr(open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1));
    }
    return {head, args};
}

std::optional<int> first_number(const std::string& args) {
    std::size_t i = 0;
    while (i < args.size() && std::isspace(static_cast<unsigned char>(args[i]))) ++i;
    if (i >= args.size() || !std::isdigit(static_cast<unsigned char>(args[i]))) return std::nullopt;
    long value = 0;
    while (i < args.size() && std::isdigit(static_cast<unsigned char>(args[i])) && value < 1000000000L)
        value = value * 10 + (args[i++] - '0');
    return static_cast<int>(value);
}

}  // namespace

std::string MimerTypeCompiler::visit_string(const sql::TypeEngine& t) const { return sized("VARCHAR", t.length(), "15000"); }

std::string MimerTypeCompiler::visit_unicode(const sql::TypeEngine& t) const {
    return sized("NVARCHAR", t.length(), "5000");
}

std::string MimerTypeCompiler::visit_text(const sql::TypeEngine& t) const { return sized("CLOB", t.length(), "2G"); }

std::string MimerTypeCompiler::visit_unicode_text(const sql::TypeEngine& t) const {
    return sized("NCLOB", t.length(), "2G");
}

std::string MimerTypeCompiler::visit_large_binary(const sql::TypeEngine& t) const {
    return sized("BLOB", t.length(), "2G");
}

std::string MimerTypeCompiler::visit_float(const sql::TypeEngine& t) const {
    return t.precision() && *t.precision() <= 24 ? "REAL" : "DOUBLE PRECISION";
}

std::string MimerTypeCompiler::visit_double(const sql::TypeEngine&) const { return "DOUBLE PRECISION"; }

std::string MimerTypeCompiler::visit_numeric(const sql::TypeEngine& t) const {
    if (!t.precision()) return "DECIMAL";
    if (!t.scale()) return "DECIMAL(" + std::to_string(*t.precision()) + ")";
    return "DECIMAL(" + std::to_string(*t.precision()) + ", " + std::to_string(*t.scale()) + ")";
}

std::string MimerTypeCompiler::visit_time(const sql::TypeEngine& t) const {
    if (t.timezone()) throw CompileError("TIME WITH TIME ZONE is not supported by dialect mimer+odbc (Mimer SQL has no time zone types)");
    return "TIME";
}

std::string MimerTypeCompiler::visit_datetime(const sql::TypeEngine& t) const {
    if (t.timezone())
        throw CompileError("TIMESTAMP WITH TIME ZONE is not supported by dialect mimer+odbc (Mimer SQL has no time zone types)");
    return "TIMESTAMP";
}

std::string MimerTypeCompiler::visit_interval(const sql::TypeEngine& t) const {
    const auto& o = t.options();
    std::string out = "INTERVAL DAY";
    if (o.day_precision) out += "(" + std::to_string(*o.day_precision) + ")";
    out += " TO SECOND";
    if (o.second_precision) out += "(" + std::to_string(*o.second_precision) + ")";
    return out;
}

std::string MimerTypeCompiler::visit_uuid(const sql::TypeEngine& t) const {
    return t.options().native_uuid ? "BUILTIN.UUID" : TypeCompiler::visit_uuid(t);
}

std::string MimerTypeCompiler::visit_json(const sql::TypeEngine&) const {
    throw CompileError("JSON is not supported by dialect mimer+odbc (Mimer SQL has no JSON type)");
}

sql::Processor MimerTypeCompiler::bind_processor(const sql::TypeEngine& t) const {
    if (t.kind() == sql::TypeKind::uuid)
        return t.options().native_uuid ? sql::processors::uuid_to_canonical : sql::processors::uuid_to_hex;
    return TypeCompiler::bind_processor(t);
}

sql::TypePtr MimerTypeCompiler::from_database_type(std::string_view name) const {
    const auto [head, args] = split_arguments(name);
    const auto length = first_number(args);
    if (head == "CHARACTER VARYING" || head == "VARCHAR" || head == "CHAR VARYING") return types::String(length);
    if (head == "NATIONAL CHARACTER VARYING" || head == "NVARCHAR" || head == "NATIONAL CHAR VARYING")
        return types::Unicode(length);
    if (head == "NATIONAL CHARACTER" || head == "NCHAR") return types::Unicode(length);
    if (head == "CHARACTER LARGE OBJECT" || head == "CLOB") return types::Text();
    if (head == "NATIONAL CHARACTER LARGE OBJECT" || head == "NCLOB") return types::UnicodeText();
    if (head == "BINARY LARGE OBJECT" || head == "BLOB") return types::LargeBinary();
    if (head == "BINARY VARYING" || head == "VARBINARY" || head == "BINARY") return types::LargeBinary(length);
    if (head == "BUILTIN.UUID" || head == "UUID") return types::Uuid();
    if (head == "DOUBLE PRECISION" || head == "DOUBLE") return types::Double();
    if (head == "REAL") return types::Float(24);
    if (head == "FLOAT") return types::Double();  // Mimer's FLOAT(p): p decimal digits, read as double
    if (head == "DECIMAL" || head == "NUMERIC") {
        std::optional<int> scale;
        if (const auto comma = args.find(','); comma != std::string::npos) scale = first_number(args.substr(comma + 1));
        return types::Numeric(length, scale);
    }
    if (head == "TIMESTAMP") return types::DateTime();
    if (head.rfind("INTERVAL", 0) == 0) return types::Interval();
    return TypeCompiler::from_database_type(name);
}

}  // namespace athanor::mimer
