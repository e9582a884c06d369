// mimer_reflection.hpp — the Mimer SQL Reflector: INFORMATION_SCHEMA and Mimer's EXT_INDEXES
// views behind athanor::Inspector (queries in mimer_reflection.cpp, rows turned into records by
// mimer_catalog.hpp).
//
// Schema "" is the session's CURRENT_SCHEMA (Mimer: the ident's own schema). Names are compared
// with UPPER() on both sides: Mimer compares identifiers without regard to case, even delimited
// ones (Mimer SQL 11 "Syntax Rules"), and reports them as created. Tables are TABLE_TYPE
// 'BASE TABLE'; views come with VIEW_DEFINITION; sequences from INFORMATION_SCHEMA.SEQUENCES;
// indexes from EXT_INDEXES / EXT_INDEX_COLUMN_USAGE, without those that carry a primary key
// or unique constraint of the same name. Mimer has no temporary tables reflected here and no
// comment catalog the plugin reads (get_table_comment gives none).
// Placeholders are `?` (the ODBC driver's). Every query is UNVERIFIED against a live server.
//
// Example:
//   athanor::mimer::MimerReflector reflector;
//   auto fks = reflector.get_foreign_keys(driver_connection, "orders", "");
#pragma once

#include <athanor/sdk/reflector.hpp>

namespace athanor::mimer {

class MimerReflector final : public sdk::Reflector {
public:
    std::string default_schema_name(sdk::DriverConnection& connection) override;
    std::vector<std::string> get_schema_names(sdk::DriverConnection& connection) override;
    std::vector<std::string> get_table_names(sdk::DriverConnection& connection, std::string_view schema) override;
    std::vector<std::string> get_view_names(sdk::DriverConnection& connection, std::string_view schema) override;
    std::vector<ReflectedSequence> get_sequences(sdk::DriverConnection& connection, std::string_view schema) override;
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
    std::optional<std::string> get_view_definition(sdk::DriverConnection& connection, std::string_view view,
                                                   std::string_view schema) override;
};

}  // namespace athanor::mimer
