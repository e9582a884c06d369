// reflect_json(): the Inspector's records as JSON. Lists are sorted so that the same schema
// on two databases prints the same text (catalog order is not stable across databases).
#include <athanor/reflection/reflect.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

namespace athanor {

namespace {

using json = nlohmann::ordered_json;

json name_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json optional_text(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json column_json(const ReflectedColumn& c) {
    return json{{"name", c.name},
                {"type", c.type ? c.type->name() : c.type_name},
                {"type_name", c.type_name},
                {"nullable", c.nullable},
                {"default", optional_text(c.default_)},
                {"autoincrement", c.autoincrement},
                {"identity", name_or_null(c.identity)},
                {"comment", optional_text(c.comment)},
                {"collation", optional_text(c.collation)}};
}

template <class T, class Key>
void sort_by(std::vector<T>& items, Key key) {
    std::sort(items.begin(), items.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
}

json table_json(Inspector& inspector, const std::string& table, std::string_view schema) {
    json out = json::object();
    json columns = json::array();
    for (const auto& c : inspector.get_columns(table, schema)) columns.push_back(column_json(c));
    out["columns"] = std::move(columns);

    const auto pk = inspector.get_pk_constraint(table, schema);
    out["primary_key"] = json{{"name", name_or_null(pk.name)}, {"constrained_columns", pk.constrained_columns}};

    auto fks = inspector.get_foreign_keys(table, schema);
    sort_by(fks, [](const ReflectedForeignKey& f) { return std::tie(f.name, f.constrained_columns); });
    json fk_list = json::array();
    for (const auto& f : fks)
        fk_list.push_back(json{{"name", name_or_null(f.name)},
                               {"constrained_columns", f.constrained_columns},
                               {"referred_schema", name_or_null(f.referred_schema)},
                               {"referred_table", f.referred_table},
                               {"referred_columns", f.referred_columns},
                               {"options", json(f.options)}});
    out["foreign_keys"] = std::move(fk_list);

    auto indexes = inspector.get_indexes(table, schema);
    sort_by(indexes, [](const ReflectedIndex& i) { return std::tie(i.name, i.column_names); });
    json ix_list = json::array();
    for (const auto& i : indexes)
        ix_list.push_back(json{{"name", name_or_null(i.name)}, {"column_names", i.column_names}, {"unique", i.unique}});
    out["indexes"] = std::move(ix_list);

    auto uniques = inspector.get_unique_constraints(table, schema);
    sort_by(uniques, [](const ReflectedUniqueConstraint& u) { return std::tie(u.name, u.column_names); });
    json uq_list = json::array();
    for (const auto& u : uniques)
        uq_list.push_back(json{{"name", name_or_null(u.name)}, {"column_names", u.column_names}});
    out["unique_constraints"] = std::move(uq_list);

    auto checks = inspector.get_check_constraints(table, schema);
    sort_by(checks, [](const ReflectedCheckConstraint& c) { return std::tie(c.name, c.sqltext); });
    json ck_list = json::array();
    for (const auto& c : checks) ck_list.push_back(json{{"name", name_or_null(c.name)}, {"sqltext", c.sqltext}});
    out["check_constraints"] = std::move(ck_list);

    out["comment"] = optional_text(inspector.get_table_comment(table, schema));
    return out;
}

}  // namespace

std::string reflect_json(Inspector& inspector, std::string_view schema, int indent) {
    json tables = json::object();
    for (const auto& table : inspector.get_table_names(schema)) tables[table] = table_json(inspector, table, schema);
    auto views = inspector.get_view_names(schema);
    std::sort(views.begin(), views.end());
    auto sequences = inspector.get_sequences(schema);
    sort_by(sequences, [](const ReflectedSequence& s) { return s.name; });
    json seq_list = json::array();
    for (const auto& s : sequences)
        seq_list.push_back(json{{"name", s.name},
                                {"start", s.start ? json(*s.start) : json(nullptr)},
                                {"increment", s.increment ? json(*s.increment) : json(nullptr)},
                                {"owner", s.owner_table.empty() ? json(nullptr) : json(s.owner_table + "." + s.owner_column)}});
    json out{{"tables", std::move(tables)}, {"views", views}, {"sequences", std::move(seq_list)}};
    return out.dump(indent);
}

}  // namespace athanor
