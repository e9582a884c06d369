// sqlite_reflection.hpp — catalog queries for the SQLite dialect (sqlite_master and pragmas).
//
// has_table() serves create_all / drop_all with checkfirst; SqliteReflector serves the
// Inspector (athanor/reflection/inspector.hpp). Columns, keys, foreign keys and indexes come
// from the table-valued pragmas (pragma_table_xinfo, pragma_foreign_key_list,
// pragma_index_list / pragma_index_xinfo, DESC keys as column_sorting); what SQLite keeps only
// in the CREATE TABLE text (constraint names, UNIQUE and CHECK constraints, the expression of a
// generated column, whose pragma hidden value says stored or virtual) is read from
// sqlite_master.sql with a small tokenizer. Temporary tables and views are those of the "temp"
// database; a view's definition is its CREATE VIEW text. A "schema" is an attached database name ("main", "temp", ...); "" looks
// in main, then temp. autoincrement is true for the rowid alias (a lone INTEGER PRIMARY KEY
// column of a rowid table).
//
// Example:
//   bool exists = athanor::sqlite::has_table(driver_connection, "users", "");   // main + temp
//   athanor::sqlite::SqliteReflector r;
//   auto columns = r.get_columns(driver_connection, "users", "");
#pragma once

#include <athanor/sdk/driver.hpp>
#include <athanor/sdk/reflector.hpp>

#include <string_view>

namespace athanor::sqlite {

/// True when a table (or view) named `table` exists: in `schema` (an attached database name)
/// when given, else in main or temp. Names compare as SQLite does (case-insensitively).
bool has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema);

class SqliteReflector final : public sdk::Reflector {
public:
    std::string default_schema_name(sdk::DriverConnection& connection) override;
    std::vector<std::string> get_schema_names(sdk::DriverConnection& connection) override;
    std::vector<std::string> get_table_names(sdk::DriverConnection& connection, std::string_view schema) override;
    std::vector<std::string> get_view_names(sdk::DriverConnection& connection, std::string_view schema) override;
    bool has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) override;
    std::vector<ReflectedColumn> get_columns(sdk::DriverConnection& connection, std::string_view table,
                                             std::string_view schema) override;
    ReflectedPrimaryKey get_pk_constraint(sdk::DriverConnection& connection, std::string_view table,
                                          std::string_view schema) override;
    std::vector<ReflectedForeignKey> get_foreign_keys(sdk::DriverConnection& connection, std::string_view table,
                                                      std::string_view schema) override;
    std::vector<ReflectedIndex> get_indexes(sdk::DriverConnection& connection, std::string_view table,
                                            std::string_view schema) override;
    std::vector<ReflectedUniqueConstraint> get_unique_constraints(sdk::DriverConnection& connection,
                                                                  std::string_view table,
                                                                  std::string_view schema) override;
    std::vector<ReflectedCheckConstraint> get_check_constraints(sdk::DriverConnection& connection,
                                                                std::string_view table,
                                                                std::string_view schema) override;
    /// The tables and views of the "temp" database.
    std::vector<std::string> get_temp_table_names(sdk::DriverConnection& connection) override;
    std::vector<std::string> get_temp_view_names(sdk::DriverConnection& connection) override;
    /// The CREATE VIEW statement as sqlite_master keeps it.
    std::optional<std::string> get_view_definition(sdk::DriverConnection& connection, std::string_view view,
                                                   std::string_view schema) override;
};

}  // namespace athanor::sqlite
