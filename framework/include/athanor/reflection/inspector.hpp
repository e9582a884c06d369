// athanor/reflection/inspector.hpp — Inspector: what a live database's catalog says about its
// schemas, tables, views, columns, keys, indexes, constraints, comments and sequences
// (SQLAlchemy's sqlalchemy.inspect(engine)).
//
// Made from an Engine (each call checks a connection out and returns it) or from an open
// Connection (calls run on it, so they see its uncommitted DDL). The dialect supplies the
// catalog queries (Dialect::create_reflector(); NotSupportedError naming the dialect when it
// has none) and its type map turns each column's database type name into a generic type.
// `schema` "" is the default schema. Asking about a table that does not exist throws
// NoSuchTableError naming it; has_table / has_index / has_sequence answer false instead.
// Nothing is cached: every call asks the database, so DDL run since is always seen.
//
// Names come back in the library's spelling: on a database that folds unquoted names to upper
// case (Dialect::requires_name_normalize()) a case-insensitive name is reported in lower case
// and names passed in are sent to the catalog in upper case (IdentifierPreparer::normalize_name).
//
// The get_multi_* calls answer for every relation MultiReflectOptions selects (tables of the
// default schema unless told otherwise), keyed by relation name; a name in filter_names that
// does not exist is left out rather than raising.
//
// Example:
//   auto engine = athanor::create_engine("sqlite:///app.db");
//   athanor::Inspector inspector(engine);
//   for (const auto& table : inspector.get_table_names()) {
//       for (const auto& c : inspector.get_columns(table))
//           std::cout << table << '.' << c.name << ' ' << c.type->name() << '\n';
//       auto pk = inspector.get_pk_constraint(table);       // pk.constrained_columns
//   }
#pragma once

#include <athanor/export.hpp>
#include <athanor/reflected.hpp>
#include <athanor/sql/type_engine.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace athanor {

class Engine;
class Connection;

namespace sdk {
class Dialect;
class DriverConnection;
class Reflector;
}  // namespace sdk

namespace sql {
class TypeCompiler;
}

class ATHANOR_API Inspector {
public:
    /// Throws NotSupportedError when the engine's dialect has no reflection.
    explicit Inspector(const Engine& engine);
    /// Uses `connection`, which must outlive the Inspector.
    explicit Inspector(Connection& connection);
    ~Inspector();
    Inspector(Inspector&&) noexcept;
    Inspector& operator=(Inspector&&) noexcept;

    const sdk::Dialect& dialect() const;
    /// The schema "" stands for ("main" on SQLite, usually "public" on PostgreSQL).
    std::string default_schema_name();

    std::vector<std::string> get_schema_names();
    std::vector<std::string> get_table_names(std::string_view schema = {});
    std::vector<std::string> get_view_names(std::string_view schema = {});
    std::vector<std::string> get_sequence_names(std::string_view schema = {});
    /// Sequences with their start, increment and owning column (serial/identity).
    std::vector<ReflectedSequence> get_sequences(std::string_view schema = {});

    std::vector<ReflectedColumn> get_columns(std::string_view table, std::string_view schema = {});
    ReflectedPrimaryKey get_pk_constraint(std::string_view table, std::string_view schema = {});
    std::vector<ReflectedForeignKey> get_foreign_keys(std::string_view table, std::string_view schema = {});
    std::vector<ReflectedIndex> get_indexes(std::string_view table, std::string_view schema = {});
    std::vector<ReflectedUniqueConstraint> get_unique_constraints(std::string_view table, std::string_view schema = {});
    std::vector<ReflectedCheckConstraint> get_check_constraints(std::string_view table, std::string_view schema = {});
    /// nullopt when the table has no comment (or the database has no comments).
    std::optional<std::string> get_table_comment(std::string_view table, std::string_view schema = {});

    /// Temporary tables and views this connection sees (their schema is the session's own).
    std::vector<std::string> get_temp_table_names();
    std::vector<std::string> get_temp_view_names();
    /// The query `view` is defined by. NoSuchTableError when there is no such view (a table
    /// of that name is not a view); NotSupportedError when the dialect cannot read it.
    std::string get_view_definition(std::string_view view, std::string_view schema = {});
    /// Dialect-specific table options ("postgresql_with", ...; see sdk/reflector.hpp).
    /// NotSupportedError when the dialect does not reflect them; NoSuchTableError for a
    /// missing table.
    std::map<std::string, std::string> get_table_options(std::string_view table, std::string_view schema = {});

    std::map<std::string, std::vector<ReflectedColumn>> get_multi_columns(const MultiReflectOptions& options = {});
    std::map<std::string, ReflectedPrimaryKey> get_multi_pk_constraint(const MultiReflectOptions& options = {});
    std::map<std::string, std::vector<ReflectedForeignKey>> get_multi_foreign_keys(
        const MultiReflectOptions& options = {});
    std::map<std::string, std::vector<ReflectedIndex>> get_multi_indexes(const MultiReflectOptions& options = {});
    std::map<std::string, std::vector<ReflectedUniqueConstraint>> get_multi_unique_constraints(
        const MultiReflectOptions& options = {});
    std::map<std::string, std::vector<ReflectedCheckConstraint>> get_multi_check_constraints(
        const MultiReflectOptions& options = {});
    std::map<std::string, std::optional<std::string>> get_multi_table_comment(const MultiReflectOptions& options = {});
    std::map<std::string, std::map<std::string, std::string>> get_multi_table_options(
        const MultiReflectOptions& options = {});

    bool has_schema(std::string_view schema);
    /// True for a table or a view.
    bool has_table(std::string_view table, std::string_view schema = {});
    bool has_index(std::string_view table, std::string_view index, std::string_view schema = {});
    bool has_sequence(std::string_view sequence, std::string_view schema = {});

private:
    template <class T>
    T run(const std::function<T(sdk::DriverConnection&)>& fn);
    /// Throws NoSuchTableError unless the table exists (called when a result came back empty).
    void require_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema);

    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace athanor
