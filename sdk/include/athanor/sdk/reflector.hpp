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
// Example (inside a plugin):
//   class MyReflector final : public athanor::sdk::Reflector { ... };
//   std::unique_ptr<athanor::sdk::Reflector> MyDialect::create_reflector() const {
//       return std::make_unique<MyReflector>();
//   }
#pragma once

#include <athanor/export.hpp>
#include <athanor/reflected.hpp>
#include <athanor/sdk/driver.hpp>

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
};

}  // namespace athanor::sdk
