// One statement on a DriverConnection, start to finish (see athanor/sdk/driver_util.hpp). The
// cursor is a unique_ptr, so it is closed (its destructor calls close()) on every path.
#include <athanor/sdk/driver_util.hpp>

namespace athanor::sdk {

namespace {
std::unique_ptr<Cursor> run(DriverConnection& connection, std::string_view sql, const std::vector<Value>& params) {
    auto cursor = connection.cursor();
    cursor->execute(sql, params);
    return cursor;
}
}  // namespace

void execute_statement(DriverConnection& connection, std::string_view sql, const std::vector<Value>& params) {
    run(connection, sql, params)->close();
}

Value query_value(DriverConnection& connection, std::string_view sql, const std::vector<Value>& params) {
    auto cursor = run(connection, sql, params);
    std::vector<Value> row;
    Value out;
    if (cursor->fetch(row) && !row.empty()) out = std::move(row.front());
    cursor->close();
    return out;
}

bool query_has_row(DriverConnection& connection, std::string_view sql, const std::vector<Value>& params) {
    auto cursor = run(connection, sql, params);
    std::vector<Value> row;
    const bool found = cursor->fetch(row);
    cursor->close();
    return found;
}

std::vector<std::vector<Value>> query_rows(DriverConnection& connection, std::string_view sql,
                                           const std::vector<Value>& params) {
    auto cursor = run(connection, sql, params);
    std::vector<std::vector<Value>> rows;
    std::vector<Value> row;
    while (cursor->fetch(row)) rows.push_back(row);
    cursor->close();
    return rows;
}

}  // namespace athanor::sdk
