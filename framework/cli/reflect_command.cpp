// `athanor reflect URL [--json] [--schema NAME]`: the database's schema through the Inspector,
// either as JSON (athanor::reflect_json, the Inspector's field names) or as a listing a
// person reads: one block per table, then views and sequences.
#include "commands.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/reflection/reflect.hpp>

namespace athanor::cli {

namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string named(const std::string& name) { return name.empty() ? std::string() : " " + name; }

void print_table(Inspector& inspector, const std::string& table, const std::string& schema, std::ostream& out) {
    out << "table " << table;
    if (const auto comment = inspector.get_table_comment(table, schema)) out << "  -- " << *comment;
    out << '\n';
    for (const auto& c : inspector.get_columns(table, schema)) {
        out << "  " << c.name << ' ' << c.type_name;
        if (c.type && c.type->name() != c.type_name) out << " [" << c.type->name() << ']';
        if (!c.nullable) out << " NOT NULL";
        if (c.default_) out << " DEFAULT " << *c.default_;
        if (c.autoincrement) out << " AUTOINCREMENT";
        if (c.comment) out << "  -- " << *c.comment;
        out << '\n';
    }
    const auto pk = inspector.get_pk_constraint(table, schema);
    if (!pk.constrained_columns.empty()) out << "  PRIMARY KEY" << named(pk.name) << " (" << joined(pk.constrained_columns) << ")\n";
    for (const auto& fk : inspector.get_foreign_keys(table, schema)) {
        out << "  FOREIGN KEY" << named(fk.name) << " (" << joined(fk.constrained_columns) << ") REFERENCES "
            << (fk.referred_schema.empty() ? "" : fk.referred_schema + ".") << fk.referred_table << " ("
            << joined(fk.referred_columns) << ")";
        for (const auto& [key, value] : fk.options) out << ' ' << (key == "ondelete" ? "ON DELETE " : "ON UPDATE ") << value;
        out << '\n';
    }
    for (const auto& u : inspector.get_unique_constraints(table, schema))
        out << "  UNIQUE" << named(u.name) << " (" << joined(u.column_names) << ")\n";
    for (const auto& ck : inspector.get_check_constraints(table, schema))
        out << "  CHECK" << named(ck.name) << " (" << ck.sqltext << ")\n";
    for (const auto& ix : inspector.get_indexes(table, schema))
        out << "  " << (ix.unique ? "UNIQUE INDEX " : "INDEX ") << ix.name << " (" << joined(ix.column_names) << ")\n";
}

}  // namespace

int run_reflect(const std::string& url, bool json, const std::string& schema, std::ostream& out) {
    auto engine = create_engine(url);
    Inspector inspector(engine);
    if (json) {
        out << reflect_json(inspector, schema) << '\n';
        return 0;
    }
    const auto tables = inspector.get_table_names(schema);
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (i) out << '\n';
        print_table(inspector, tables[i], schema, out);
    }
    const auto views = inspector.get_view_names(schema);
    const auto sequences = inspector.get_sequence_names(schema);
    if (!views.empty()) out << (tables.empty() ? "" : "\n") << "views: " << joined(views) << '\n';
    if (!sequences.empty()) out << (tables.empty() && views.empty() ? "" : "\n") << "sequences: " << joined(sequences) << '\n';
    if (tables.empty() && views.empty() && sequences.empty()) out << "(no tables, views or sequences)\n";
    return 0;
}

}  // namespace athanor::cli
