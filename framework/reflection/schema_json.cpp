// reflect_json(): the Inspector's records as JSON. Lists are sorted so that the same schema
// on two databases prints the same text (catalog order is not stable across databases).
// load_schema_json(): the same text read back into records, then into MetaData through the
// builder reflect() uses (table_records.hpp).
#include <athanor/errors.hpp>
#include <athanor/reflection/reflect.hpp>

#include "table_records.hpp"

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

namespace {

/// Reads one JSON schema, naming where it is wrong: "tables.users.columns[2].name".
struct SchemaReader {
    [[noreturn]] static void bad(const std::string& where, const std::string& problem) {
        throw ArgumentError("the JSON schema (as athanor reflect --json prints it) is not usable: " + where + " " +
                            problem);
    }
    static const json& field(const json& object, const char* key, const std::string& where) {
        if (!object.is_object()) bad(where, "must be an object");
        const auto it = object.find(key);
        if (it == object.end()) bad(where, std::string("has no \"") + key + "\"");
        return *it;
    }
    static std::string text(const json& object, const char* key, const std::string& where, bool required = true) {
        if (!object.is_object()) bad(where, "must be an object");
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            if (required) bad(where + "." + key, "is missing");
            return {};
        }
        if (!it->is_string()) bad(where + "." + key, "must be a string");
        return it->get<std::string>();
    }
    static std::optional<std::string> optional_text(const json& object, const char* key, const std::string& where) {
        if (!object.contains(key) || object.at(key).is_null()) return std::nullopt;
        return text(object, key, where);
    }
    static bool flag(const json& object, const char* key, const std::string& where, bool otherwise) {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) return otherwise;
        if (!it->is_boolean()) bad(where + "." + key, "must be true or false");
        return it->get<bool>();
    }
    static std::vector<std::string> names(const json& object, const char* key, const std::string& where) {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) return {};
        if (!it->is_array()) bad(where + "." + key, "must be a list of names");
        std::vector<std::string> out;
        for (const auto& n : *it) {
            if (!n.is_string()) bad(where + "." + key, "must be a list of names");
            out.push_back(n.get<std::string>());
        }
        return out;
    }
    static const json& list(const json& object, const char* key, const std::string& where) {
        static const json empty = json::array();
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) return empty;
        if (!it->is_array()) bad(where + "." + key, "must be a list");
        return *it;
    }
    static std::optional<std::int64_t> number(const json& object, const char* key, const std::string& where) {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) return std::nullopt;
        if (!it->is_number_integer()) bad(where + "." + key, "must be an integer");
        return it->get<std::int64_t>();
    }

    static detail::TableRecords table(const json& t, const std::string& where) {
        detail::TableRecords out;
        const auto& columns = field(t, "columns", where);
        if (!columns.is_array() || columns.empty()) bad(where + ".columns", "must be a non-empty list");
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto& c = columns[i];
            const std::string at = where + ".columns[" + std::to_string(i) + "]";
            ReflectedColumn col;
            col.name = text(c, "name", at);
            // The database's spelling where it names a generic type ("uuid", "integer",
            // "timestamp with time zone"): the generic "type" is only that type's default
            // rendering, which can lose it (a Uuid renders CHAR(32)). Else the generic "type".
            const auto database_spelling = text(c, "type_name", at, false);
            const auto generic = text(c, "type", at, false);
            if (database_spelling.empty() && generic.empty()) bad(at, "has neither \"type\" nor \"type_name\"");
            col.type_name = database_spelling.empty() ? generic : database_spelling;
            col.type = sql::TypeEngine::named(col.type_name);
            if (col.type->kind() == sql::TypeKind::custom && !generic.empty()) {
                col.type_name = generic;
                col.type = sql::TypeEngine::named(generic);
            }
            col.collation = optional_text(c, "collation", at);
            col.type = detail::with_reflected_collation(col.type, col.collation);
            col.nullable = flag(c, "nullable", at, true);
            col.default_ = optional_text(c, "default", at);
            col.autoincrement = flag(c, "autoincrement", at, false);
            col.identity = text(c, "identity", at, false);
            col.comment = optional_text(c, "comment", at);
            out.columns.push_back(std::move(col));
        }
        if (t.contains("primary_key") && !t.at("primary_key").is_null()) {
            const auto& pk = t.at("primary_key");
            out.primary_key.name = text(pk, "name", where + ".primary_key", false);
            out.primary_key.constrained_columns = names(pk, "constrained_columns", where + ".primary_key");
        }
        const auto& fks = list(t, "foreign_keys", where);
        for (std::size_t i = 0; i < fks.size(); ++i) {
            const std::string at = where + ".foreign_keys[" + std::to_string(i) + "]";
            ReflectedForeignKey fk;
            fk.name = text(fks[i], "name", at, false);
            fk.constrained_columns = names(fks[i], "constrained_columns", at);
            fk.referred_schema = text(fks[i], "referred_schema", at, false);
            fk.referred_table = text(fks[i], "referred_table", at);
            fk.referred_columns = names(fks[i], "referred_columns", at);
            if (fk.constrained_columns.empty() || fk.constrained_columns.size() != fk.referred_columns.size())
                bad(at, "needs as many referred_columns as constrained_columns (at least one)");
            for (const char* key : {"ondelete", "onupdate", "deferrable", "initially", "match"})
                if (fks[i].contains("options")) {
                    if (auto v = optional_text(field(fks[i], "options", at), key, at + ".options")) fk.options[key] = *v;
                }
            out.foreign_keys.push_back(std::move(fk));
        }
        const auto& indexes = list(t, "indexes", where);
        for (std::size_t i = 0; i < indexes.size(); ++i) {
            const std::string at = where + ".indexes[" + std::to_string(i) + "]";
            ReflectedIndex ix;
            ix.name = text(indexes[i], "name", at);
            ix.column_names = names(indexes[i], "column_names", at);
            ix.unique = flag(indexes[i], "unique", at, false);
            out.indexes.push_back(std::move(ix));
        }
        const auto& uniques = list(t, "unique_constraints", where);
        for (std::size_t i = 0; i < uniques.size(); ++i) {
            const std::string at = where + ".unique_constraints[" + std::to_string(i) + "]";
            out.unique_constraints.push_back({text(uniques[i], "name", at, false), names(uniques[i], "column_names", at)});
        }
        const auto& checks = list(t, "check_constraints", where);
        for (std::size_t i = 0; i < checks.size(); ++i) {
            const std::string at = where + ".check_constraints[" + std::to_string(i) + "]";
            out.check_constraints.push_back({text(checks[i], "name", at, false), text(checks[i], "sqltext", at)});
        }
        out.comment = optional_text(t, "comment", where);
        return out;
    }
};

}  // namespace

void load_schema_json(sql::MetaData& metadata, std::string_view text, std::string_view schema) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        throw ArgumentError(std::string("the JSON schema is not valid JSON: ") + e.what());
    }
    const auto& tables = SchemaReader::field(doc, "tables", "the document");
    if (!tables.is_object()) SchemaReader::bad("\"tables\"", "must be an object keyed by table name");
    // Every table is read before any is added: a mistake anywhere leaves the MetaData as it was.
    std::vector<std::pair<std::string, detail::TableRecords>> read;
    for (const auto& [name, t] : tables.items()) read.emplace_back(name, SchemaReader::table(t, "tables." + name));
    std::vector<sql::Sequence> sequences;
    const auto& seq_list = SchemaReader::list(doc, "sequences", "the document");
    for (std::size_t i = 0; i < seq_list.size(); ++i) {
        const std::string at = "sequences[" + std::to_string(i) + "]";
        const auto& s = seq_list[i];
        if (!SchemaReader::text(s, "owner", at, false).empty()) continue;  // serial/identity: the column recreates it
        sequences.emplace_back(SchemaReader::text(s, "name", at),
                               sql::SequenceOptions{.start = SchemaReader::number(s, "start", at),
                                                    .increment = SchemaReader::number(s, "increment", at),
                                                    .schema = std::string(schema)});
    }
    const std::string schema_name(schema);
    for (auto& [name, records] : read) {
        const auto key = schema_name.empty() ? name : schema_name + "." + name;
        if (metadata.contains(key)) continue;
        metadata.add_table(name, detail::table_args(records, schema_name));
    }
    for (auto& s : sequences) {
        const bool known = std::any_of(metadata.sequences().begin(), metadata.sequences().end(),
                                       [&](const sql::Sequence& q) { return q.name() == s.name() && q.schema() == s.schema(); });
        if (!known) metadata.sequence(std::move(s));
    }
}

}  // namespace athanor
