// athanor/sdk/reflector.hpp — the reflection SPI: how a dialect reads its system catalog.
//
// A dialect that supports reflection returns a Reflector from Dialect::create_reflector();
// athanor::Inspector (athanor/reflection/inspector.hpp) drives it. Each method runs catalog
// queries on the given driver connection (inside whatever transaction it has) and returns
// the plain records of athanor/reflected.hpp. `schema` "" means the default
// schema (and, for table lookups, whatever the database finds first, e.g. SQLite's temp).
// A table-level method called for a missing table may return empty results: the Inspector
// then asks has_table() and throws NoSuchTableError itself. Names are returned as stored,
// table and view lists sorted by name.
//
// Names: a database that folds unquoted names to upper case (Dialect::requires_name_normalize())
// returns them as stored (upper case); the Inspector turns them into SQLAlchemy's normalized
// form and hands the Reflector denormalized ones (IdentifierPreparer::normalize_name()).
//
// The get_multi_* calls reflect every relation a MultiReflectOptions selects, keyed by name.
// Their defaults list the relations (relation_names()) and call the single-table method for
// each; a dialect overrides one to answer with a single catalog query.
//
// Example (inside a plugin):
//   class MyReflector final : public athanor::sdk::Reflector { ... };
//   std::unique_ptr<athanor::sdk::Reflector> MyDialect::create_reflector() const {
//       return std::make_unique<MyReflector>();
//   }
#pragma once

#include <athanor/export.hpp>
#include <athanor/reflected.hpp>
#include <athanor/sdk/driver.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace athanor::sdk {

class ATHANOR_API Reflector {
public:
    virtual ~Reflector();

    /// The schema "" stands for: "main", "public", ...
    virtual std::string default_schema_name(DriverConnection& connection) = 0;
    virtual std::vector<std::string> get_schema_names(DriverConnection& connection) = 0;
    virtual std::vector<std::string> get_table_names(DriverConnection& connection, std::string_view schema) = 0;
    virtual std::vector<std::string> get_view_names(DriverConnection& connection, std::string_view schema) = 0;
    /// Sequences of the schema. Default: none (a database without sequences).
    virtual std::vector<ReflectedSequence> get_sequences(DriverConnection& connection, std::string_view schema);

    /// True for a table or a view.
    virtual bool has_table(DriverConnection& connection, std::string_view table, std::string_view schema) = 0;

    virtual std::vector<ReflectedColumn> get_columns(DriverConnection& connection, std::string_view table,
                                                     std::string_view schema) = 0;
    virtual ReflectedPrimaryKey get_pk_constraint(DriverConnection& connection, std::string_view table,
                                                  std::string_view schema) = 0;
    virtual std::vector<ReflectedForeignKey> get_foreign_keys(DriverConnection& connection, std::string_view table,
                                                              std::string_view schema) = 0;
    virtual std::vector<ReflectedIndex> get_indexes(DriverConnection& connection, std::string_view table,
                                                    std::string_view schema) = 0;
    virtual std::vector<ReflectedUniqueConstraint> get_unique_constraints(DriverConnection& connection,
                                                                          std::string_view table,
                                                                          std::string_view schema) = 0;
    virtual std::vector<ReflectedCheckConstraint> get_check_constraints(DriverConnection& connection,
                                                                        std::string_view table,
                                                                        std::string_view schema) = 0;
    /// Default: nullopt (a database without comments).
    virtual std::optional<std::string> get_table_comment(DriverConnection& connection, std::string_view table,
                                                         std::string_view schema);

    /// True when the schema exists. Default: get_schema_names() lists it.
    virtual bool has_schema(DriverConnection& connection, std::string_view schema);
    /// Temporary tables and views this connection sees, sorted by name. Default: none.
    virtual std::vector<std::string> get_temp_table_names(DriverConnection& connection);
    virtual std::vector<std::string> get_temp_view_names(DriverConnection& connection);
    /// The query a view is defined by, as the database keeps it; nullopt when `view` is not
    /// a view (a table, or nothing). Default: NotSupportedError.
    virtual std::optional<std::string> get_view_definition(DriverConnection& connection, std::string_view view,
                                                           std::string_view schema);
    /// Dialect-specific table options, keyed "<dialect>_<option>" as SQLAlchemy names them
    /// (postgresql_with, postgresql_tablespace, ...); options at their defaults are left out.
    /// Default: NotSupportedError (the dialect does not reflect table options).
    virtual std::map<std::string, std::string> get_table_options(DriverConnection& connection, std::string_view table,
                                                                 std::string_view schema);

    virtual std::map<std::string, std::vector<ReflectedColumn>> get_multi_columns(DriverConnection& connection,
                                                                                const MultiReflectOptions& options);
    virtual std::map<std::string, ReflectedPrimaryKey> get_multi_pk_constraint(DriverConnection& connection,
                                                                             const MultiReflectOptions& options);
    virtual std::map<std::string, std::vector<ReflectedForeignKey>> get_multi_foreign_keys(
        DriverConnection& connection, const MultiReflectOptions& options);
    virtual std::map<std::string, std::vector<ReflectedIndex>> get_multi_indexes(DriverConnection& connection,
                                                                               const MultiReflectOptions& options);
    virtual std::map<std::string, std::vector<ReflectedUniqueConstraint>> get_multi_unique_constraints(
        DriverConnection& connection, const MultiReflectOptions& options);
    virtual std::map<std::string, std::vector<ReflectedCheckConstraint>> get_multi_check_constraints(
        DriverConnection& connection, const MultiReflectOptions& options);
    virtual std::map<std::string, std::optional<std::string>> get_multi_table_comment(
        DriverConnection& connection, const MultiReflectOptions& options);
    virtual std::map<std::string, std::map<std::string, std::string>> get_multi_table_options(
        DriverConnection& connection, const MultiReflectOptions& options);

    /// The relations `options` selects: tables and/or views of options.schema (scope default),
    /// temporary ones (scope temporary), narrowed to options.filter_names; sorted, no repeats.
    std::vector<std::string> relation_names(DriverConnection& connection, const MultiReflectOptions& options);
};

}  // namespace athanor::sdk
