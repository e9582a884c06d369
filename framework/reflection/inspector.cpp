// Inspector: forwards to the dialect's Reflector on a driver connection, maps type names
// through the dialect's type compiler, and turns "nothing there" into NoSuchTableError.
#include <athanor/engine/connection.hpp>
#include <athanor/engine/engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/reflector.hpp>
#include <athanor/sql/type_compiler.hpp>

#include <algorithm>

namespace athanor {

struct Inspector::State {
    std::optional<Engine> engine;
    Connection* connection = nullptr;
    sdk::Dialect* dialect = nullptr;  // the engine's, which `engine` keeps alive
    std::unique_ptr<sdk::Reflector> reflector;
    std::shared_ptr<sql::TypeCompiler> types;

    void init() {
        reflector = dialect->create_reflector();
        if (!reflector)
            throw NotSupportedError("dialect " + dialect->description() +
                                    " does not support reflection (its plugin provides no Reflector); "
                                    "describe the tables with MetaData instead");
        types = sql::type_compiler_for(*dialect);
    }
};

Inspector::Inspector(const Engine& engine) : state_(std::make_unique<State>()) {
    state_->engine.emplace(engine);
    state_->dialect = &engine.dialect();
    state_->init();
}

Inspector::Inspector(Connection& connection) : state_(std::make_unique<State>()) {
    if (connection.closed()) throw ResourceClosedError("an Inspector needs an open Connection; this one is closed");
    state_->engine.emplace(connection.engine());
    state_->connection = &connection;
    state_->dialect = &connection.dialect();
    state_->init();
}

Inspector::~Inspector() = default;
Inspector::Inspector(Inspector&&) noexcept = default;
Inspector& Inspector::operator=(Inspector&&) noexcept = default;

const sdk::Dialect& Inspector::dialect() const { return *state_->dialect; }

template <class T>
T Inspector::run(const std::function<T(sdk::DriverConnection&)>& fn) {
    if (state_->connection) {
        if (state_->connection->closed())
            throw ResourceClosedError("the Inspector's Connection was closed; make a new Inspector");
        return fn(state_->connection->driver_connection());
    }
    auto connection = state_->engine->connect();
    T out = fn(connection.driver_connection());
    connection.close();
    return out;
}

void Inspector::require_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) {
    if (state_->reflector->has_table(connection, table, schema)) return;
    const std::string where =
        schema.empty() ? "the default schema (" + state_->reflector->default_schema_name(connection) + ")"
                       : "schema '" + std::string(schema) + "'";
    throw NoSuchTableError("table '" + std::string(table) + "' does not exist in " + where + " of the " +
                           state_->dialect->description() +
                           " database; check the name and schema (get_table_names() lists the tables)");
}

std::string Inspector::default_schema_name() {
    return run<std::string>([&](sdk::DriverConnection& c) { return state_->reflector->default_schema_name(c); });
}

std::vector<std::string> Inspector::get_schema_names() {
    return run<std::vector<std::string>>([&](sdk::DriverConnection& c) { return state_->reflector->get_schema_names(c); });
}

std::vector<std::string> Inspector::get_table_names(std::string_view schema) {
    return run<std::vector<std::string>>(
        [&](sdk::DriverConnection& c) { return state_->reflector->get_table_names(c, schema); });
}

std::vector<std::string> Inspector::get_view_names(std::string_view schema) {
    return run<std::vector<std::string>>(
        [&](sdk::DriverConnection& c) { return state_->reflector->get_view_names(c, schema); });
}

std::vector<ReflectedSequence> Inspector::get_sequences(std::string_view schema) {
    return run<std::vector<ReflectedSequence>>(
        [&](sdk::DriverConnection& c) { return state_->reflector->get_sequences(c, schema); });
}

std::vector<std::string> Inspector::get_sequence_names(std::string_view schema) {
    std::vector<std::string> out;
    for (const auto& s : get_sequences(schema)) out.push_back(s.name);
    return out;
}

std::vector<ReflectedColumn> Inspector::get_columns(std::string_view table, std::string_view schema) {
    return run<std::vector<ReflectedColumn>>([&](sdk::DriverConnection& c) {
        auto columns = state_->reflector->get_columns(c, table, schema);
        if (columns.empty()) require_table(c, table, schema);
        for (auto& column : columns)
            if (!column.type) column.type = state_->types->from_database_type(column.type_name);
        return columns;
    });
}

ReflectedPrimaryKey Inspector::get_pk_constraint(std::string_view table, std::string_view schema) {
    return run<ReflectedPrimaryKey>([&](sdk::DriverConnection& c) {
        auto pk = state_->reflector->get_pk_constraint(c, table, schema);
        if (pk.constrained_columns.empty()) require_table(c, table, schema);
        return pk;
    });
}

std::vector<ReflectedForeignKey> Inspector::get_foreign_keys(std::string_view table, std::string_view schema) {
    return run<std::vector<ReflectedForeignKey>>([&](sdk::DriverConnection& c) {
        auto out = state_->reflector->get_foreign_keys(c, table, schema);
        if (out.empty()) require_table(c, table, schema);
        return out;
    });
}

std::vector<ReflectedIndex> Inspector::get_indexes(std::string_view table, std::string_view schema) {
    return run<std::vector<ReflectedIndex>>([&](sdk::DriverConnection& c) {
        auto out = state_->reflector->get_indexes(c, table, schema);
        if (out.empty()) require_table(c, table, schema);
        return out;
    });
}

std::vector<ReflectedUniqueConstraint> Inspector::get_unique_constraints(std::string_view table,
                                                                         std::string_view schema) {
    return run<std::vector<ReflectedUniqueConstraint>>([&](sdk::DriverConnection& c) {
        auto out = state_->reflector->get_unique_constraints(c, table, schema);
        if (out.empty()) require_table(c, table, schema);
        return out;
    });
}

std::vector<ReflectedCheckConstraint> Inspector::get_check_constraints(std::string_view table,
                                                                       std::string_view schema) {
    return run<std::vector<ReflectedCheckConstraint>>([&](sdk::DriverConnection& c) {
        auto out = state_->reflector->get_check_constraints(c, table, schema);
        if (out.empty()) require_table(c, table, schema);
        return out;
    });
}

std::optional<std::string> Inspector::get_table_comment(std::string_view table, std::string_view schema) {
    return run<std::optional<std::string>>([&](sdk::DriverConnection& c) {
        auto out = state_->reflector->get_table_comment(c, table, schema);
        if (!out) require_table(c, table, schema);
        return out;
    });
}

bool Inspector::has_table(std::string_view table, std::string_view schema) {
    return run<bool>([&](sdk::DriverConnection& c) { return state_->reflector->has_table(c, table, schema); });
}

bool Inspector::has_index(std::string_view table, std::string_view index, std::string_view schema) {
    return run<bool>([&](sdk::DriverConnection& c) {
        if (!state_->reflector->has_table(c, table, schema)) return false;
        const auto indexes = state_->reflector->get_indexes(c, table, schema);
        return std::any_of(indexes.begin(), indexes.end(), [&](const ReflectedIndex& i) { return i.name == index; });
    });
}

bool Inspector::has_sequence(std::string_view sequence, std::string_view schema) {
    const auto sequences = get_sequences(schema);
    return std::any_of(sequences.begin(), sequences.end(),
                       [&](const ReflectedSequence& s) { return s.name == sequence; });
}

}  // namespace athanor
