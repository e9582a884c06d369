// The SQLite cursor: prepare (through the statement cache), bind, step, read columns.
#include "sqlite_cursor.hpp"

#include "sqlite_api_errors.hpp"
#include "sqlite_errors.hpp"
#include "sqlite_handle.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/sql_scan.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <limits>

namespace athanor::sqlite {

namespace {

/// True when `tail` (what sqlite3_prepare_v2 left unparsed) holds no further statement.
bool tail_is_empty(std::string_view tail) {
    std::size_t pos = 0;
    while ((pos = sdk::skip_blanks_and_comments(tail, pos)) < tail.size()) {
        if (tail[pos] != ';') return false;
        ++pos;
    }
    return true;
}

int bind_one(sqlite3_stmt* stmt, int index, const Value& value, sqlite3_destructor_type lifetime) {
    return std::visit(
        [&](const auto& v) -> int {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Null>) {
                return sqlite3_bind_null(stmt, index);
            } else if constexpr (std::is_same_v<T, bool>) {
                return sqlite3_bind_int(stmt, index, v ? 1 : 0);
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return sqlite3_bind_int64(stmt, index, v);
            } else if constexpr (std::is_same_v<T, double>) {
                return sqlite3_bind_double(stmt, index, v);
            } else if constexpr (std::is_same_v<T, std::string>) {
                return sqlite3_bind_text64(stmt, index, v.data(), v.size(), lifetime, SQLITE_UTF8);
            } else if constexpr (std::is_same_v<T, Bytes>) {
                // A null pointer would bind NULL, so an empty blob needs its own call.
                if (v.empty()) return sqlite3_bind_zeroblob(stmt, index, 0);
                return sqlite3_bind_blob64(stmt, index, v.data(), v.size(), lifetime);
            } else if constexpr (std::is_same_v<T, Decimal>) {
                return sqlite3_bind_text64(stmt, index, v.str().data(), v.str().size(), lifetime, SQLITE_UTF8);
            } else if constexpr (std::is_same_v<T, Interval>) {
                throw NotSupportedError("parameter " + std::to_string(index) + " is an interval (" + v.iso() +
                                        "); SQLite has no interval type: bind its months, days or "
                                        "microseconds as integers instead");
            } else {  // Date, Time, DateTime: SQLite's date functions read ISO 8601 text
                const std::string text = v.iso();
                return sqlite3_bind_text64(stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
            }
        },
        value.storage());
}

/// Writes column `column` into `cell`; text and blobs reuse the cell's storage, so a row
/// buffer fetched into again and again stops allocating once its strings are big enough.
/// One sqlite3_column_value() per cell (one trip through the connection mutex) instead of a
/// column_type/column_text/column_bytes call each; reading the value without the mutex is
/// safe because a connection and its cursors are used by one thread at a time.
void read_column(sqlite3_stmt* stmt, int column, Value& cell) {
    sqlite3_value* value = sqlite3_column_value(stmt, column);
    switch (sqlite3_value_type(value)) {
        case SQLITE_INTEGER:
            cell = Value(static_cast<std::int64_t>(sqlite3_value_int64(value)));
            return;
        case SQLITE_FLOAT:
            cell = Value(sqlite3_value_double(value));
            return;
        case SQLITE_TEXT: {
            // text before bytes: the documented order to get the UTF-8 length.
            const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
            const int size = sqlite3_value_bytes(value);
            cell.set_text(text != nullptr ? std::string_view(text, static_cast<std::size_t>(size)) : std::string_view());
            return;
        }
        case SQLITE_BLOB: {
            const auto* data = static_cast<const std::uint8_t*>(sqlite3_value_blob(value));
            const int size = sqlite3_value_bytes(value);
            cell.set_bytes(data, data != nullptr ? static_cast<std::size_t>(size) : 0);
            return;
        }
        default:
            cell.set_null();
            return;
    }
}

}  // namespace

SqliteCursor::SqliteCursor(std::shared_ptr<SqliteHandle> handle) : handle_(std::move(handle)) {}

SqliteCursor::~SqliteCursor() { release(); }

void SqliteCursor::reset_state() {
    release();
    row_ready_ = false;
    returned_.clear();
    returned_next_ = 0;
    description_.clear();
    rowcount_ = -1;
    lastrowid_.reset();
}

sqlite3_stmt* SqliteCursor::acquire(std::string_view sql) {
    if (sqlite3_stmt* cached = handle_->statements.take(sql)) return cached;
    if (sql.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw_for_code(SQLITE_TOOBIG,
                       "statement of " + std::to_string(sql.size()) + " bytes is too long for SQLite");
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(handle_->db, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        throw_sqlite_error(handle_->db, rc);
    }
    const std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
    if (!tail_is_empty(rest)) {
        sqlite3_finalize(stmt);
        std::string extra(rest.substr(sdk::skip_blanks_and_comments(rest, 0), 60));
        throw ProgrammingError("only one statement can be executed at a time, but more SQL follows the first: '" +
                               extra + "'; split it into separate execute() calls");
    }
    return stmt;
}

void SqliteCursor::release() {
    idle_ = false;
    if (stmt_ == nullptr) return;
    if (handle_->closed())
        sqlite3_finalize(stmt_);  // the connection is a zombie until its last statement goes
    else
        handle_->statements.give_back(sql_, stmt_);
    stmt_ = nullptr;
}

void SqliteCursor::bind(sdk::ParameterRow params, bool copy_values) {
    check_parameter_count(static_cast<std::size_t>(sqlite3_bind_parameter_count(stmt_)), params.size());
    bind_values(params, copy_values ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

void SqliteCursor::check_parameter_count(std::size_t expected, std::size_t given) {
    if (expected != given)
        throw ProgrammingError("wrong number of parameters: the statement expects " + std::to_string(expected) +
                               ", " + std::to_string(given) + " given");
}

void SqliteCursor::bind_values(sdk::ParameterRow params, sqlite3_destructor_type lifetime) {
    for (std::size_t i = 0; i < params.size(); ++i) {
        const Value& value = params[i];
        const int index = static_cast<int>(i) + 1;
        // Text and integers, the bulk of what is bound, skip the visit.
        int rc;
        if (const auto* text = std::get_if<std::string>(&value.storage()))
            rc = sqlite3_bind_text64(stmt_, index, text->data(), text->size(), lifetime, SQLITE_UTF8);
        else if (const auto* integer = std::get_if<std::int64_t>(&value.storage()))
            rc = sqlite3_bind_int64(stmt_, index, *integer);
        else
            rc = bind_one(stmt_, index, value, lifetime);
        if (rc != SQLITE_OK) throw_sqlite_error(handle_->db, rc, "binding parameter " + std::to_string(i + 1));
    }
}

bool SqliteCursor::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) {
        finish();
        return false;
    }
    // Read the message before release() resets the statement.
    std::string message = sqlite3_errmsg(handle_->db);
    release();
    throw_for_code(rc, std::move(message));
}

void SqliteCursor::finish() {
    if (kind_ != Kind::query) rowcount_ = sqlite3_changes64(handle_->db);
    if (kind_ == Kind::insert) lastrowid_ = sqlite3_last_insert_rowid(handle_->db);
    // Keep the finished statement: executing the same SQL again on this cursor (executemany
    // row by row) then skips the cache, the keyword scan and the description. Reset now so it
    // holds no lock; release() hands it back to the cache later.
    sqlite3_reset(stmt_);
    idle_ = true;
}

void SqliteCursor::execute(std::string_view sql, std::span<const Value> params) {
    if (closed_) throw ProgrammingError("cannot execute on a closed cursor; open a new one");
    handle_->require_open("execute");
    if (idle_ && sql == sql_) {
        // The same statement again: kind and description are still right.
        idle_ = false;
        row_ready_ = false;
        rowcount_ = -1;
        lastrowid_.reset();
        returned_.clear();
        returned_next_ = 0;
        bind_and_step(params);
        return;
    }
    reset_state();
    sql_.assign(sql);
    stmt_ = acquire(sql);
    if (stmt_ == nullptr) {  // only blanks or comments: nothing to run, as in pysqlite
        if (!params.empty())
            throw ProgrammingError("wrong number of parameters: the statement expects 0, " +
                                   std::to_string(params.size()) + " given");
        return;
    }

    const std::string keyword = sdk::leading_keyword(sql);
    if (keyword == "INSERT" || keyword == "REPLACE")
        kind_ = Kind::insert;
    else if (keyword == "UPDATE" || keyword == "DELETE" || (keyword == "WITH" && !sqlite3_stmt_readonly(stmt_)))
        kind_ = Kind::dml;
    else
        kind_ = Kind::query;

    const int columns = sqlite3_column_count(stmt_);
    description_.reserve(static_cast<std::size_t>(columns));
    for (int i = 0; i < columns; ++i) {
        const char* name = sqlite3_column_name(stmt_, i);
        const char* type = sqlite3_column_decltype(stmt_, i);
        description_.push_back({name != nullptr ? name : "", type != nullptr ? type : ""});
    }
    bind_and_step(params);
}

void SqliteCursor::bind_and_step(std::span<const Value> params) {
    try {
        // A statement without result columns runs to completion inside this call, so SQLite
        // may read the caller's values in place; one that returns rows steps again in fetch(),
        // after the caller's values may be gone, so SQLite keeps its own copy.
        bind(params, !description_.empty());
    } catch (...) {
        release();
        throw;
    }
    row_ready_ = step();
    if (kind_ == Kind::query || description_.empty()) return;
    // DML with RETURNING: every row now, so the statement finishes inside execute().
    const auto columns = static_cast<int>(description_.size());
    while (row_ready_) {
        auto& row = returned_.emplace_back(description_.size());
        for (int i = 0; i < columns; ++i) read_column(stmt_, i, row[static_cast<std::size_t>(i)]);
        row_ready_ = step();
    }
}

void SqliteCursor::executemany(std::string_view sql, sdk::ParameterRows param_sets) {
    if (closed_) throw ProgrammingError("cannot execute on a closed cursor; open a new one");
    reset_state();
    handle_->require_open("execute");
    sql_.assign(sql);
    stmt_ = acquire(sql);
    if (stmt_ == nullptr) throw ProgrammingError("executemany() was given SQL without a statement");
    if (sqlite3_column_count(stmt_) != 0) {
        release();
        throw ProgrammingError("executemany() runs statements that return no rows; use execute() for '" +
                               std::string(sql.substr(0, 60)) + "'");
    }
    const std::string keyword = sdk::leading_keyword(sql);
    const bool is_insert = keyword == "INSERT" || keyword == "REPLACE";
    const auto expected = static_cast<std::size_t>(sqlite3_bind_parameter_count(stmt_));
    std::int64_t total = 0;
    for (const sdk::ParameterRow params : param_sets) {
        sqlite3_reset(stmt_);
        try {
            check_parameter_count(expected, params.size());
            // The values outlive the step below, so SQLite need not copy them.
            bind_values(params, SQLITE_STATIC);
        } catch (...) {
            release();
            throw;
        }
        const int rc = sqlite3_step(stmt_);
        if (rc != SQLITE_DONE) {
            std::string message = sqlite3_errmsg(handle_->db);
            release();
            throw_for_code(rc, std::move(message));
        }
        total += sqlite3_changes64(handle_->db);
    }
    rowcount_ = total;
    if (is_insert && !param_sets.empty()) lastrowid_ = sqlite3_last_insert_rowid(handle_->db);
    release();
}

bool SqliteCursor::fetch(std::vector<Value>& row) {
    if (returned_next_ < returned_.size()) {
        row = std::move(returned_[returned_next_++]);
        return true;
    }
    if (!row_ready_) {
        if (stmt_ == nullptr || idle_ || !step()) return false;
    }
    row_ready_ = false;
    const auto columns = static_cast<int>(description_.size());
    row.resize(description_.size());
    for (int i = 0; i < columns; ++i) read_column(stmt_, i, row[static_cast<std::size_t>(i)]);
    return true;
}

void SqliteCursor::close() {
    release();
    row_ready_ = false;
    closed_ = true;
}

}  // namespace athanor::sqlite
