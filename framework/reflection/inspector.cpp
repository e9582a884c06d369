// Inspector: forwards to the dialect's Reflector on a driver connection, maps type names
// through the dialect's type compiler, normalizes names for an upper-case-folding database
// (name_normalizer.hpp) and turns "nothing there" into NoSuchTableError.
#include "name_normalizer.hpp"
#include "table_records.hpp"

#include <athanor/engine/connection.hpp>
#include <athanor/engine/engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/reflector.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/identifier_preparer.hpp>
#include <athanor/sql/type_compiler.hpp>
#include <athanor/sql/types.hpp>

#include <algorithm>
#include <typeinfo>

namespace athanor {

using reflection_detail::NameNormalizer;

namespace {
using ColumnsByName = std::map<std::string, std::vector<ReflectedColumn>>;
using PkByName = std::map<std::string, ReflectedPrimaryKey>;
using ForeignKeysByName = std::map<std::string, std::vector<ReflectedForeignKey>>;
using IndexesByName = std::map<std::string, std::vector<ReflectedIndex>>;
using UniquesByName = std::map<std::string, std::vector<ReflectedUniqueConstraint>>;
using ChecksByName = std::map<std::string, std::vector<ReflectedCheckConstraint>>;
using CommentsByName = std::map<std::string, std::optional<std::string>>;
using OptionsByName = std::map<std::string, std::map<std::string, std::string>>;
using Options = std::map<std::string, std::string>;
}  // namespace

struct Inspector::State {
    std::optional<Engine> engine;
    Connection* connection = nullptr;
    sdk::Dialect* dialect = nullptr;  // the engine's, which `engine` keeps alive
    std::unique_ptr<sdk::Reflector> reflector;
    std::shared_ptr<sql::TypeCompiler> types;
    std::shared_ptr<sql::SqlCompiler> compiler;  // owns the identifier preparer
    std::optional<NameNormalizer> names;

    void init() {
        reflector = dialect->create_reflector();
        if (!reflector)
            throw NotSupportedError("dialect " + dialect->description() +
                                    " does not support reflection (its plugin provides no Reflector); "
                                    "describe the tables with MetaData instead");
        types = sql::type_compiler_for(*dialect);
        compiler = sql::compiler_for(*dialect);
        names.emplace(compiler->preparer());
    }
    void set_types(std::vector<ReflectedColumn>& columns) const {
        for (auto& column : columns) {
            if (!column.type) column.type = types->from_database_type(column.type_name);
            column.type = detail::with_reflected_collation(column.type, column.collation);
        }
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

// Every per-table call: the names denormalized for the catalog, NoSuchTableError when the
// answer is empty and the table is missing, the answer's names normalized.
#define ATHANOR_PER_TABLE(Result, call, is_empty)                                                   \
    run<Result>([&](sdk::DriverConnection& c) {                                                    \
        const auto& n = *state_->names;                                                            \
        const auto t = n.to_catalog(table);                                                        \
        const auto s = n.to_catalog(schema);                                                       \
        auto out = state_->reflector->call(c, t, s);                                               \
        if (is_empty) require_table(c, t, s);                                                      \
        n.from_catalog(out);                                                                       \
        return out;                                                                                \
    })

std::string Inspector::default_schema_name() {
    return run<std::string>([&](sdk::DriverConnection& c) {
        return state_->names->from_catalog(state_->reflector->default_schema_name(c));
    });
}

std::vector<std::string> Inspector::get_schema_names() {
    return run<std::vector<std::string>>([&](sdk::DriverConnection& c) {
        auto out = state_->reflector->get_schema_names(c);
        state_->names->from_catalog(out);
        return out;
    });
}

bool Inspector::has_schema(std::string_view schema) {
    return run<bool>(
        [&](sdk::DriverConnection& c) { return state_->reflector->has_schema(c, state_->names->to_catalog(schema)); });
}

std::vector<std::string> Inspector::get_table_names(std::string_view schema) {
    return run<std::vector<std::string>>([&](sdk::DriverConnection& c) {
        auto out = state_->reflector->get_table_names(c, state_->names->to_catalog(schema));
        state_->names->from_catalog(out);
        return out;
    });
}

std::vector<std::string> Inspector::get_view_names(std::string_view schema) {
    return run<std::vector<std::string>>([&](sdk::DriverConnection& c) {
        auto out = state_->reflector->get_view_names(c, state_->names->to_catalog(schema));
        state_->names->from_catalog(out);
        return out;
    });
}

std::vector<std::string> Inspector::get_temp_table_names() {
    return run<std::vector<std::string>>([&](sdk::DriverConnection& c) {
        auto out = state_->reflector->get_temp_table_names(c);
        state_->names->from_catalog(out);
        return out;
    });
}

std::vector<std::string> Inspector::get_temp_view_names() {
    return run<std::vector<std::string>>([&](sdk::DriverConnection& c) {
        auto out = state_->reflector->get_temp_view_names(c);
        state_->names->from_catalog(out);
        return out;
    });
}

std::vector<ReflectedSequence> Inspector::get_sequences(std::string_view schema) {
    return run<std::vector<ReflectedSequence>>([&](sdk::DriverConnection& c) {
        auto out = state_->reflector->get_sequences(c, state_->names->to_catalog(schema));
        state_->names->from_catalog(out);
        return out;
    });
}

std::vector<std::string> Inspector::get_sequence_names(std::string_view schema) {
    std::vector<std::string> out;
    for (const auto& s : get_sequences(schema)) out.push_back(s.name);
    return out;
}

std::vector<ReflectedColumn> Inspector::get_columns(std::string_view table, std::string_view schema) {
    auto columns = ATHANOR_PER_TABLE(std::vector<ReflectedColumn>, get_columns, out.empty());
    state_->set_types(columns);
    return columns;
}

ReflectedPrimaryKey Inspector::get_pk_constraint(std::string_view table, std::string_view schema) {
    return ATHANOR_PER_TABLE(ReflectedPrimaryKey, get_pk_constraint, out.constrained_columns.empty());
}

std::vector<ReflectedForeignKey> Inspector::get_foreign_keys(std::string_view table, std::string_view schema) {
    return ATHANOR_PER_TABLE(std::vector<ReflectedForeignKey>, get_foreign_keys, out.empty());
}

std::vector<ReflectedIndex> Inspector::get_indexes(std::string_view table, std::string_view schema) {
    return ATHANOR_PER_TABLE(std::vector<ReflectedIndex>, get_indexes, out.empty());
}

std::vector<ReflectedUniqueConstraint> Inspector::get_unique_constraints(std::string_view table,
                                                                         std::string_view schema) {
    return ATHANOR_PER_TABLE(std::vector<ReflectedUniqueConstraint>, get_unique_constraints, out.empty());
}

std::vector<ReflectedCheckConstraint> Inspector::get_check_constraints(std::string_view table,
                                                                       std::string_view schema) {
    return ATHANOR_PER_TABLE(std::vector<ReflectedCheckConstraint>, get_check_constraints, out.empty());
}

std::optional<std::string> Inspector::get_table_comment(std::string_view table, std::string_view schema) {
    return run<std::optional<std::string>>([&](sdk::DriverConnection& c) {
        const auto t = state_->names->to_catalog(table);
        const auto s = state_->names->to_catalog(schema);
        auto out = state_->reflector->get_table_comment(c, t, s);
        if (!out) require_table(c, t, s);
        return out;
    });
}

std::map<std::string, std::string> Inspector::get_table_options(std::string_view table, std::string_view schema) {
    return run<Options>([&](sdk::DriverConnection& c) {
        const auto t = state_->names->to_catalog(table);
        const auto s = state_->names->to_catalog(schema);
        require_table(c, t, s);
        return state_->reflector->get_table_options(c, t, s);
    });
}

std::string Inspector::get_view_definition(std::string_view view, std::string_view schema) {
    return run<std::string>([&](sdk::DriverConnection& c) {
        const auto v = state_->names->to_catalog(view);
        const auto s = state_->names->to_catalog(schema);
        auto out = state_->reflector->get_view_definition(c, v, s);
        if (!out)
            throw NoSuchTableError("view '" + std::string(view) + "' does not exist in " +
                                   (schema.empty() ? std::string("the default schema")
                                                   : "schema '" + std::string(schema) + "'") +
                                   " of the " + state_->dialect->description() +
                                   " database (get_view_names() lists the views; a table is not a view)");
        return *out;
    });
}

// Every get_multi_* call: options denormalized, the answer's names normalized.
#define ATHANOR_MULTI(Result, call)                                                                 \
    run<Result>([&](sdk::DriverConnection& c) {                                                    \
        auto out = state_->reflector->call(c, state_->names->to_catalog(options));                 \
        state_->names->from_catalog(out);                                                          \
        return out;                                                                                \
    })

std::map<std::string, std::vector<ReflectedColumn>> Inspector::get_multi_columns(const MultiReflectOptions& options) {
    auto out = ATHANOR_MULTI(ColumnsByName, get_multi_columns);
    for (auto& [name, columns] : out) state_->set_types(columns);
    return out;
}

std::map<std::string, ReflectedPrimaryKey> Inspector::get_multi_pk_constraint(const MultiReflectOptions& options) {
    return ATHANOR_MULTI(PkByName, get_multi_pk_constraint);
}

std::map<std::string, std::vector<ReflectedForeignKey>> Inspector::get_multi_foreign_keys(
    const MultiReflectOptions& options) {
    return ATHANOR_MULTI(ForeignKeysByName, get_multi_foreign_keys);
}

std::map<std::string, std::vector<ReflectedIndex>> Inspector::get_multi_indexes(const MultiReflectOptions& options) {
    return ATHANOR_MULTI(IndexesByName, get_multi_indexes);
}

std::map<std::string, std::vector<ReflectedUniqueConstraint>> Inspector::get_multi_unique_constraints(
    const MultiReflectOptions& options) {
    return ATHANOR_MULTI(UniquesByName, get_multi_unique_constraints);
}

std::map<std::string, std::vector<ReflectedCheckConstraint>> Inspector::get_multi_check_constraints(
    const MultiReflectOptions& options) {
    return ATHANOR_MULTI(ChecksByName, get_multi_check_constraints);
}

std::map<std::string, std::optional<std::string>> Inspector::get_multi_table_comment(
    const MultiReflectOptions& options) {
    return ATHANOR_MULTI(CommentsByName, get_multi_table_comment);
}

std::map<std::string, std::map<std::string, std::string>> Inspector::get_multi_table_options(
    const MultiReflectOptions& options) {
    return ATHANOR_MULTI(OptionsByName, get_multi_table_options);
}

bool Inspector::has_table(std::string_view table, std::string_view schema) {
    return run<bool>([&](sdk::DriverConnection& c) {
        return state_->reflector->has_table(c, state_->names->to_catalog(table), state_->names->to_catalog(schema));
    });
}

bool Inspector::has_index(std::string_view table, std::string_view index, std::string_view schema) {
    return run<bool>([&](sdk::DriverConnection& c) {
        const auto t = state_->names->to_catalog(table);
        const auto s = state_->names->to_catalog(schema);
        if (!state_->reflector->has_table(c, t, s)) return false;
        auto indexes = state_->reflector->get_indexes(c, t, s);
        state_->names->from_catalog(indexes);
        return std::any_of(indexes.begin(), indexes.end(), [&](const ReflectedIndex& i) { return i.name == index; });
    });
}

bool Inspector::has_sequence(std::string_view sequence, std::string_view schema) {
    const auto sequences = get_sequences(schema);
    return std::any_of(sequences.begin(), sequences.end(),
                       [&](const ReflectedSequence& s) { return s.name == sequence; });
}

}  // namespace athanor
