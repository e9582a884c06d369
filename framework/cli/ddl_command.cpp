// `athanor ddl --to SCHEME|URL [--from URL|FILE.json|-] [--schema NAME]`: the DDL that
// creates a schema on the target dialect, compiled through a mock engine (no connection to the
// target). The schema comes from a database reflected at --from (cross-dialect translation
// through the generic types of the reflected columns), or from a JSON schema as
// `athanor reflect --json` prints it (a file, or standard input). Every statement is compiled
// before anything is printed: bad input prints nothing but the error.
#include "commands.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/mock_engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/reflection/reflect.hpp>
#include <athanor/sql/schema/metadata.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace athanor::cli {

namespace {

std::string read_json(const std::string& source, std::istream& in) {
    if (source == "-") return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::ifstream file(source, std::ios::binary);
    if (!file) throw ArgumentError("cannot read the JSON schema file '" + source + "'");
    std::ostringstream text;
    text << file.rdbuf();
    if (file.bad()) throw ArgumentError("cannot read the JSON schema file '" + source + "'");
    return text.str();
}

/// What a terminal is shown: the compiler's layout (line breaks, tabs) kept, every other
/// control character — from names, defaults and CHECK text of the source — escaped.
std::string shown(const std::string& sql, const OutputStyle& style) {
    if (!style.escape) return sql;
    std::string out;
    std::size_t start = 0;
    for (std::size_t tab = sql.find('\t'); ; tab = sql.find('\t', start)) {
        out += escape_controls(std::string_view(sql).substr(start, tab == std::string::npos ? std::string::npos : tab - start), true);
        if (tab == std::string::npos) break;
        out += '\t';
        start = tab + 1;
    }
    return out;
}

}  // namespace

int run_ddl(const std::string& to, const std::string& from, const std::string& schema, const OutputStyle& style,
            std::istream& in, std::ostream& out) {
    // The target first: an unknown scheme is reported before the source is read.
    std::vector<std::string> statements;
    auto mock = create_mock_engine(to, [&](const MockStatement& s) { statements.push_back(s.sql); });
    sql::MetaData metadata;
    std::string origin;
    if (from.find("://") != std::string::npos) {
        auto engine = create_engine(from);
        reflect(metadata, engine, ReflectOptions{.schema = schema});
        origin = engine.url().render();
    } else {
        load_schema_json(metadata, read_json(from, in), schema);
        origin = from == "-" ? "the JSON schema on standard input" : "the JSON schema " + from;
    }
    if (metadata.tables_in_definition_order().empty() && metadata.sequences().empty())
        throw InvalidRequestError("nothing to translate: " + origin + " has no tables or sequences" +
                                  (schema.empty() ? std::string() : " in schema '" + schema + "'"));
    metadata.create_all(mock);
    for (const auto& sql : statements) out << shown(sql, style) << ";\n";
    return 0;
}

}  // namespace athanor::cli
