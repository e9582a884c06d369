// SQLite catalog queries. The schema name is an identifier, not a value, so it is quoted
// (embedded quotes doubled) rather than bound.
#include "sqlite_reflection.hpp"

#include <athanor/value.hpp>

#include <string>
#include <vector>

namespace athanor::sqlite {

namespace {

std::string quote(std::string_view identifier) {
    std::string out = "\"";
    for (char c : identifier) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

bool any_row(sdk::DriverConnection& connection, const std::string& sql, const std::vector<Value>& params) {
    auto cursor = connection.cursor();
    cursor->execute(sql, params);
    std::vector<Value> row;
    const bool found = cursor->fetch(row);
    cursor->close();
    return found;
}

}  // namespace

bool has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) {
    const std::vector<Value> params{Value(std::string(table))};
    const char* where = " WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE";
    if (!schema.empty()) return any_row(connection, "SELECT 1 FROM " + quote(schema) + ".sqlite_master" + where, params);
    return any_row(connection, std::string("SELECT 1 FROM main.sqlite_master") + where, params) ||
           any_row(connection, std::string("SELECT 1 FROM temp.sqlite_master") + where, params);
}

}  // namespace athanor::sqlite
