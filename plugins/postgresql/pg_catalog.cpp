// PostgreSQL catalog queries (see pg_catalog.hpp).
#include "pg_catalog.hpp"

#include <athanor/sdk/driver_util.hpp>
#include <athanor/value.hpp>

#include <string>
#include <vector>

namespace athanor::postgresql {

bool has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema,
               sdk::Paramstyle placeholders) {
    const bool dollar = placeholders == sdk::Paramstyle::dollar;
    std::string sql =
        "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm') AND c.relname = ";
    sql += dollar ? "$1" : "?";
    std::vector<Value> params{Value(std::string(table))};
    if (schema.empty()) {
        sql += " AND pg_catalog.pg_table_is_visible(c.oid)";
    } else {
        sql += " AND n.nspname = ";
        sql += dollar ? "$2" : "?";
        params.emplace_back(std::string(schema));
    }
    return sdk::query_has_row(connection, sql, params);
}

}  // namespace athanor::postgresql
