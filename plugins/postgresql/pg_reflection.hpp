// pg_reflection.hpp — the PostgreSQL Reflector: pg_catalog queries behind athanor::Inspector.
//
// Tables are relkind r/p (plus views v/m and foreign tables f for column lookups); schema
// "" means pg_table_is_visible() (the search_path, temp schema included) for one table and
// current_schema() for lists. Types come from format_type() ("character varying(50)",
// "timestamp with time zone"), defaults from pg_get_expr(), check conditions from
// pg_get_constraintdef() without the CHECK keyword, comments from obj_description /
// col_description. A column is autoincrement when it is an identity column or its default
// is nextval(...) (serial). Indexes that back a primary key, unique or exclusion constraint
// are left out of get_indexes(); an index reports its INCLUDE columns, expression keys (text
// from pg_get_indexdef) and DESC / NULLS order. A stored generated column reports its
// expression as `computed` (not as a default). Temporary relations are those of
// pg_my_temp_schema(); view definitions come from pg_get_viewdef(); table options are the
// storage parameters, tablespace, partition key and inherited parents. Sequences carry the column that owns them (serial/identity).
// Queries are written with $n placeholders and rewritten to ? for a qmark driver (ODBC).
//
// Example:
//   athanor::postgresql::PgReflector reflector(athanor::sdk::Paramstyle::dollar);
//   auto fks = reflector.get_foreign_keys(driver_connection, "orders", "");
#pragma once

#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/reflector.hpp>

namespace athanor::postgresql {

class PgReflector final : public sdk::Reflector {
public:
    explicit PgReflector(sdk::Paramstyle placeholders) : placeholders_(placeholders) {}

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
    std::optional<std::string> get_table_comment(sdk::DriverConnection& connection, std::string_view table,
                                                 std::string_view schema) override;
    std::vector<std::string> get_temp_table_names(sdk::DriverConnection& connection) override;
    std::vector<std::string> get_temp_view_names(sdk::DriverConnection& connection) override;
    std::optional<std::string> get_view_definition(sdk::DriverConnection& connection, std::string_view view,
                                                   std::string_view schema) override;
    std::map<std::string, std::string> get_table_options(sdk::DriverConnection& connection, std::string_view table,
                                                         std::string_view schema) override;

private:
    using Rows = std::vector<std::vector<Value>>;
    /// Runs `sql` ($1 = schema, $2 = table where used) and returns every row.
    Rows query(sdk::DriverConnection& connection, const std::string& sql, std::string_view schema,
               std::string_view table = {}) const;

    /// The session's temporary relations of the given relkinds ("'r', 'p'").
    std::vector<std::string> temp_names(sdk::DriverConnection& connection, const std::string& relkinds) const;

    sdk::Paramstyle placeholders_;
};

}  // namespace athanor::postgresql
