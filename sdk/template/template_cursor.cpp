// The template Cursor over the echo "database".
#include "template_cursor.hpp"
#include "template_connection.hpp"

namespace template_dialect {

TemplateCursor::~TemplateCursor() { close(); }

void TemplateCursor::execute(std::string_view sql, std::span<const athanor::Value> params) {
    connection_.check_open();
    close();
    // TODO(your dialect): prepare `sql` with your client, bind params[i] to placeholder i + 1
    // (convert each athanor::Value to your client's type), run it, and read the result's column
    // names and types into the description. Map client errors to the athanor::DBAPIError
    // subclass that fits (athanor::throw_for_sqlstate() when your client reports SQLSTATE).
    result_ = echo_select(sql, params);
    row_pending_ = true;
    rowcount_ = -1;  // a SELECT; a real driver reports the rows a DML statement matched
}

void TemplateCursor::executemany(std::string_view sql, athanor::sdk::ParameterRows param_sets) {
    connection_.check_open();
    // TODO(your dialect): prepare once and re-bind each set (or use your client's batch or
    // array binding). The sets view the caller's values and stay valid until this returns.
    std::int64_t total = 0;
    bool known = true;
    std::vector<athanor::Value> values;
    for (const athanor::sdk::ParameterRow set : param_sets) {
        values.assign(set.begin(), set.end());
        execute(sql, values);
        if (rowcount_ < 0) known = false;
        else total += rowcount_;
    }
    close();
    rowcount_ = known ? total : -1;
}

bool TemplateCursor::fetch(std::vector<athanor::Value>& row) {
    // TODO(your dialect): step your client's statement; convert each column of the current
    // row into row[i] (NULL as athanor::Value()).
    if (!row_pending_) return false;
    row = result_.row;
    row_pending_ = false;
    return true;
}

void TemplateCursor::close() {
    // TODO(your dialect): finalize your client's statement handle; must be safe to call twice.
    result_ = {};
    row_pending_ = false;
}

}  // namespace template_dialect
