// Key function of the reflection SPI (so its vtable lives in libathanor, not in a plugin) and
// the Reflector's defaults: the get_multi_* calls loop over the single-table methods.
#include <athanor/errors.hpp>
#include <athanor/sdk/reflector.hpp>

#include <algorithm>

namespace athanor::sdk {

namespace {

/// `fn(name)` for every relation `options` selects, keyed by name.
template <class T, class Fn>
std::map<std::string, T> each_relation(Reflector& reflector, DriverConnection& connection,
                                       const MultiReflectOptions& options, Fn fn) {
    std::map<std::string, T> out;
    const std::string_view schema = options.scope == ObjectScope::temporary ? std::string_view() : options.schema;
    for (const auto& name : reflector.relation_names(connection, options)) out.emplace(name, fn(name, schema));
    return out;
}

}  // namespace

Reflector::~Reflector() = default;

std::vector<ReflectedSequence> Reflector::get_sequences(DriverConnection&, std::string_view) { return {}; }

std::optional<std::string> Reflector::get_table_comment(DriverConnection&, std::string_view, std::string_view) {
    return std::nullopt;
}

bool Reflector::has_schema(DriverConnection& connection, std::string_view schema) {
    const auto names = get_schema_names(connection);
    return std::find(names.begin(), names.end(), schema) != names.end();
}

std::vector<std::string> Reflector::get_temp_table_names(DriverConnection&) { return {}; }

std::vector<std::string> Reflector::get_temp_view_names(DriverConnection&) { return {}; }

std::optional<std::string> Reflector::get_view_definition(DriverConnection&, std::string_view view, std::string_view) {
    throw NotSupportedError("this dialect's Reflector does not read view definitions (asked for view '" +
                            std::string(view) + "')");
}

std::map<std::string, std::string> Reflector::get_table_options(DriverConnection&, std::string_view table,
                                                                std::string_view) {
    throw NotSupportedError("this dialect's Reflector does not reflect table options (asked for table '" +
                            std::string(table) + "')");
}

std::vector<std::string> Reflector::relation_names(DriverConnection& connection, const MultiReflectOptions& options) {
    const bool tables = options.kind != ObjectKind::view;
    const bool views = options.kind != ObjectKind::table;
    const bool regular = options.scope != ObjectScope::temporary;
    const bool temporary = options.scope != ObjectScope::default_;
    std::vector<std::string> names;
    auto add = [&](std::vector<std::string> more) { names.insert(names.end(), more.begin(), more.end()); };
    if (regular && tables) add(get_table_names(connection, options.schema));
    if (regular && views) add(get_view_names(connection, options.schema));
    if (temporary && tables) add(get_temp_table_names(connection));
    if (temporary && views) add(get_temp_view_names(connection));
    if (options.filter_names) {
        const auto& wanted = *options.filter_names;
        std::erase_if(names, [&](const std::string& n) { return std::find(wanted.begin(), wanted.end(), n) == wanted.end(); });
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

std::map<std::string, std::vector<ReflectedColumn>> Reflector::get_multi_columns(DriverConnection& connection,
                                                                               const MultiReflectOptions& options) {
    return each_relation<std::vector<ReflectedColumn>>(
        *this, connection, options, [&](const std::string& t, std::string_view s) { return get_columns(connection, t, s); });
}

std::map<std::string, ReflectedPrimaryKey> Reflector::get_multi_pk_constraint(DriverConnection& connection,
                                                                            const MultiReflectOptions& options) {
    return each_relation<ReflectedPrimaryKey>(*this, connection, options, [&](const std::string& t, std::string_view s) {
        return get_pk_constraint(connection, t, s);
    });
}

std::map<std::string, std::vector<ReflectedForeignKey>> Reflector::get_multi_foreign_keys(
    DriverConnection& connection, const MultiReflectOptions& options) {
    return each_relation<std::vector<ReflectedForeignKey>>(
        *this, connection, options,
        [&](const std::string& t, std::string_view s) { return get_foreign_keys(connection, t, s); });
}

std::map<std::string, std::vector<ReflectedIndex>> Reflector::get_multi_indexes(DriverConnection& connection,
                                                                              const MultiReflectOptions& options) {
    return each_relation<std::vector<ReflectedIndex>>(
        *this, connection, options, [&](const std::string& t, std::string_view s) { return get_indexes(connection, t, s); });
}

std::map<std::string, std::vector<ReflectedUniqueConstraint>> Reflector::get_multi_unique_constraints(
    DriverConnection& connection, const MultiReflectOptions& options) {
    return each_relation<std::vector<ReflectedUniqueConstraint>>(
        *this, connection, options,
        [&](const std::string& t, std::string_view s) { return get_unique_constraints(connection, t, s); });
}

std::map<std::string, std::vector<ReflectedCheckConstraint>> Reflector::get_multi_check_constraints(
    DriverConnection& connection, const MultiReflectOptions& options) {
    return each_relation<std::vector<ReflectedCheckConstraint>>(
        *this, connection, options,
        [&](const std::string& t, std::string_view s) { return get_check_constraints(connection, t, s); });
}

std::map<std::string, std::optional<std::string>> Reflector::get_multi_table_comment(
    DriverConnection& connection, const MultiReflectOptions& options) {
    return each_relation<std::optional<std::string>>(
        *this, connection, options,
        [&](const std::string& t, std::string_view s) { return get_table_comment(connection, t, s); });
}

std::map<std::string, std::map<std::string, std::string>> Reflector::get_multi_table_options(
    DriverConnection& connection, const MultiReflectOptions& options) {
    return each_relation<std::map<std::string, std::string>>(
        *this, connection, options,
        [&](const std::string& t, std::string_view s) { return get_table_options(connection, t, s); });
}

}  // namespace athanor::sdk
