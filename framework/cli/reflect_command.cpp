// `athanor reflect URL [--json] [--schema NAME]`: the database's schema through the Inspector,
// either as JSON (athanor::reflect_json, the Inspector's field names) or as a listing a
// person reads: one block per table, then views and sequences.
#include "commands.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/reflection/reflect.hpp>

namespace athanor::cli {

namespace {

// Every name, type, default, comment and expression comes from the database: each goes
// through `show` (the OutputStyle), so a stored escape sequence cannot reach a terminal.
struct Listing {
    const OutputStyle& style;

    std::string show(const std::string& text) const { return style.show(text); }
    std::string joined(const std::vector<std::string>& names) const {
        std::string out;
        for (const auto& n : names) out += (out.empty() ? "" : ", ") + show(n);
        return out;
    }
    std::string named(const std::string& name) const { return name.empty() ? std::string() : " " + show(name); }
};

void print_table(Inspector& inspector, const std::string& table, const std::string& schema, const Listing& l,
                 std::ostream& out) {
    out << "table " << l.show(table);
    if (const auto comment = inspector.get_table_comment(table, schema)) out << "  -- " << l.show(*comment);
    out << '\n';
    for (const auto& c : inspector.get_columns(table, schema)) {
        out << "  " << l.show(c.name) << ' ' << l.show(c.type_name);
        if (c.type && c.type->name() != c.type_name) out << " [" << l.show(c.type->name()) << ']';
        if (!c.nullable) out << " NOT NULL";
        if (c.default_) out << " DEFAULT " << l.show(*c.default_);
        if (c.autoincrement) out << " AUTOINCREMENT";
        if (c.comment) out << "  -- " << l.show(*c.comment);
        out << '\n';
    }
    const auto pk = inspector.get_pk_constraint(table, schema);
    if (!pk.constrained_columns.empty())
        out << "  PRIMARY KEY" << l.named(pk.name) << " (" << l.joined(pk.constrained_columns) << ")\n";
    for (const auto& fk : inspector.get_foreign_keys(table, schema)) {
        out << "  FOREIGN KEY" << l.named(fk.name) << " (" << l.joined(fk.constrained_columns) << ") REFERENCES "
            << (fk.referred_schema.empty() ? "" : l.show(fk.referred_schema) + ".") << l.show(fk.referred_table)
            << " (" << l.joined(fk.referred_columns) << ")";
        for (const auto& [key, value] : fk.options)
            out << ' ' << (key == "ondelete" ? "ON DELETE " : "ON UPDATE ") << l.show(value);
        out << '\n';
    }
    for (const auto& u : inspector.get_unique_constraints(table, schema))
        out << "  UNIQUE" << l.named(u.name) << " (" << l.joined(u.column_names) << ")\n";
    for (const auto& ck : inspector.get_check_constraints(table, schema))
        out << "  CHECK" << l.named(ck.name) << " (" << l.show(ck.sqltext) << ")\n";
    for (const auto& ix : inspector.get_indexes(table, schema))
        out << "  " << (ix.unique ? "UNIQUE INDEX " : "INDEX ") << l.show(ix.name) << " (" << l.joined(ix.column_names)
            << ")\n";
}

}  // namespace

int run_reflect(const std::string& url, bool json, const std::string& schema, const OutputStyle& style,
                std::ostream& out) {
    auto engine = create_engine(url);
    Inspector inspector(engine);
    if (json) {
        // The JSON writer escapes C0 itself; for a terminal DEL and C1 are escaped too.
        const auto text = reflect_json(inspector, schema);
        out << (style.escape ? escape_controls_in_json(text) : text) << '\n';
        return 0;
    }
    const Listing l{style};
    const auto tables = inspector.get_table_names(schema);
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (i) out << '\n';
        print_table(inspector, tables[i], schema, l, out);
    }
    const auto views = inspector.get_view_names(schema);
    const auto sequences = inspector.get_sequence_names(schema);
    if (!views.empty()) out << (tables.empty() ? "" : "\n") << "views: " << l.joined(views) << '\n';
    if (!sequences.empty()) out << (tables.empty() && views.empty() ? "" : "\n") << "sequences: " << l.joined(sequences) << '\n';
    if (tables.empty() && views.empty() && sequences.empty()) out << "(no tables, views or sequences)\n";
    return 0;
}

}  // namespace athanor::cli
