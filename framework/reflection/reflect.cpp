// MetaData from the catalog: each reflected record becomes the schema object create_all()
// renders, so reflect -> create_all reproduces the schema on the same dialect.
#include <athanor/engine/connection.hpp>
#include <athanor/engine/engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/reflection/reflect.hpp>
#include <athanor/sdk/dialect.hpp>

#include "table_records.hpp"

#include <algorithm>
#include <utility>

namespace athanor {

namespace {

std::string option(const std::map<std::string, std::string>& options, const char* key) {
    const auto it = options.find(key);
    return it == options.end() ? std::string() : it->second;
}

/// A serial/identity column's default is its own sequence's nextval: recreated by the
/// dialect from autoincrement, so it is not copied.
bool generated_default(const ReflectedColumn& c) {
    return c.autoincrement && c.default_ && c.default_->rfind("nextval(", 0) == 0;
}

template <class... Extra>
sql::Column build_column(const ReflectedColumn& c, Extra&&... extra) {
    return sql::Column(c.name, c.type ? c.type : sql::TypeEngine::named(c.type_name), sql::nullable(c.nullable),
                       sql::autoincrement(c.autoincrement), sql::comment(c.comment.value_or("")),
                       std::forward<Extra>(extra)...);
}

sql::Column make_column(const ReflectedColumn& c) {
    if (c.computed) return build_column(c, sql::Computed(c.computed->sqltext, c.computed->persisted));
    if (!c.identity.empty()) {
        sql::Identity identity;
        identity.always = c.identity == "always";
        return build_column(c, identity);
    }
    if (c.default_ && !generated_default(c)) return build_column(c, sql::ServerDefault{true, *c.default_, Value()});
    return build_column(c);
}

}  // namespace

namespace detail {

sql::TableArgs table_args(const TableRecords& records, const std::string& schema) {
    sql::TableArgs args;
    for (const auto& c : records.columns) args.add(make_column(c));
    const auto& pk = records.primary_key;
    if (!pk.constrained_columns.empty()) args.add(sql::PrimaryKeyConstraint(pk.constrained_columns, pk.name));
    for (const auto& fk : records.foreign_keys) {
        std::vector<std::string> referred;
        const std::string prefix = (fk.referred_schema.empty() ? "" : fk.referred_schema + ".") + fk.referred_table + ".";
        for (const auto& col : fk.referred_columns) referred.push_back(prefix + col);
        args.add(sql::ForeignKeyConstraint(
            fk.constrained_columns, referred,
            {.ondelete = option(fk.options, "ondelete"),
             .onupdate = option(fk.options, "onupdate"),
             .name = fk.name,
             .deferrable = fk.options.count("deferrable") ? std::optional<bool>(option(fk.options, "deferrable") == "true")
                                                          : std::nullopt,
             .initially = option(fk.options, "initially"),
             .match = option(fk.options, "match")}));
    }
    for (const auto& u : records.unique_constraints) args.add(sql::UniqueConstraint(u.column_names, u.name));
    for (const auto& ck : records.check_constraints) args.add(sql::CheckConstraint(ck.sqltext, ck.name));
    for (const auto& ix : records.indexes) {
        sql::Index index(ix.name, ix.column_names, sql::unique(ix.unique));
        index.include = ix.include_columns;
        args.add(std::move(index));
    }
    args.options.schema = schema;
    args.options.comment = records.comment.value_or("");
    return args;
}

}  // namespace detail

namespace {

sql::TableArgs table_args(Inspector& inspector, const std::string& table, const std::string& schema) {
    detail::TableRecords records;
    records.columns = inspector.get_columns(table, schema);
    records.primary_key = inspector.get_pk_constraint(table, schema);
    records.foreign_keys = inspector.get_foreign_keys(table, schema);
    records.unique_constraints = inspector.get_unique_constraints(table, schema);
    records.check_constraints = inspector.get_check_constraints(table, schema);
    records.indexes = inspector.get_indexes(table, schema);
    records.comment = inspector.get_table_comment(table, schema);
    return detail::table_args(records, schema);
}

std::string key_of(const std::string& table, std::string_view schema) {
    return schema.empty() ? table : std::string(schema) + "." + table;
}

}  // namespace

sql::Table& reflect_table(sql::MetaData& metadata, Inspector& inspector, std::string_view table,
                          std::string_view schema) {
    const std::string name(table);
    const auto key = key_of(name, schema);
    if (metadata.contains(key)) return metadata.table(key);
    return metadata.add_table(name, table_args(inspector, name, std::string(schema)));
}

void reflect(sql::MetaData& metadata, Inspector& inspector, const ReflectOptions& options) {
    const auto available = inspector.get_table_names(options.schema);
    std::vector<std::string> wanted = options.only.empty() ? available : options.only;
    std::string missing;
    for (const auto& name : wanted)
        if (std::find(available.begin(), available.end(), name) == available.end())
            missing += (missing.empty() ? "'" : ", '") + name + "'";
    if (!missing.empty())
        throw InvalidRequestError("Could not reflect: requested table(s) not available in the " +
                                  inspector.dialect().description() + " database" +
                                  (options.schema.empty() ? "" : " (schema '" + options.schema + "')") + ": " + missing +
                                  "; get_table_names() lists the tables");
    for (const auto& name : wanted) reflect_table(metadata, inspector, name, options.schema);
    if (!options.sequences) return;
    for (const auto& s : inspector.get_sequences(options.schema)) {
        if (!s.owner_table.empty()) continue;  // serial/identity: the column recreates it
        const bool known = std::any_of(metadata.sequences().begin(), metadata.sequences().end(),
                                       [&](const sql::Sequence& q) { return q.name() == s.name; });
        if (!known)
            metadata.sequence(sql::Sequence(s.name, {.start = s.start, .increment = s.increment, .schema = options.schema}));
    }
}

void reflect(sql::MetaData& metadata, const Engine& engine, const ReflectOptions& options) {
    Inspector inspector(engine);
    reflect(metadata, inspector, options);
}

void reflect(sql::MetaData& metadata, Connection& connection, const ReflectOptions& options) {
    Inspector inspector(connection);
    reflect(metadata, inspector, options);
}

sql::Table& reflect_table(sql::MetaData& metadata, const Engine& engine, std::string_view table,
                          std::string_view schema) {
    Inspector inspector(engine);
    return reflect_table(metadata, inspector, table, schema);
}

sql::Table& reflect_table(sql::MetaData& metadata, Connection& connection, std::string_view table,
                          std::string_view schema) {
    Inspector inspector(connection);
    return reflect_table(metadata, inspector, table, schema);
}

}  // namespace athanor
