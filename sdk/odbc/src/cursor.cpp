// The ODBC cursor: prepare, bind, execute, describe, fetch; executemany with parameter arrays.
#include <athanor/odbc/cursor.hpp>
#include <athanor/odbc/statement_scan.hpp>

#include "column_reader.hpp"
#include "parameter_binding.hpp"
#include "handle.hpp"
#include "utf16.hpp"

#include <athanor/errors.hpp>

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <algorithm>
#include <limits>

namespace athanor::odbc {

namespace {

constexpr std::size_t unknown_count = std::numeric_limits<std::size_t>::max();
constexpr std::size_t array_memory_cap = 16u << 20;

SQLHSTMT h(void* stmt) { return static_cast<SQLHSTMT>(stmt); }

}  // namespace

OdbcCursor::OdbcCursor(std::shared_ptr<detail::OdbcHandle> handle) : handle_(std::move(handle)) {}

OdbcCursor::~OdbcCursor() {
    // After SQLDisconnect the handle is already gone with its connection.
    if (stmt_ != nullptr && handle_->connected) SQLFreeHandle(SQL_HANDLE_STMT, h(stmt_));
}

void OdbcCursor::fail(std::string_view doing) {
    auto records = read_diagnostics(SQL_HANDLE_STMT, stmt_, handle_->wide());
    has_rows_ = false;
    if (handle_->connected) {
        SQLFreeStmt(h(stmt_), SQL_CLOSE);
        SQLFreeStmt(h(stmt_), SQL_RESET_PARAMS);
    }
    handle_->raise(std::move(records), doing);
}

void OdbcCursor::start(std::string_view sql) {
    if (closed_) throw ProgrammingError("cannot execute on a closed cursor; open a new one");
    handle_->require_open("execute");
    if (stmt_ == nullptr) {
        SQLHSTMT stmt = SQL_NULL_HSTMT;
        if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, static_cast<SQLHDBC>(handle_->dbc), &stmt)))
            handle_->fail(SQL_HANDLE_DBC, handle_->dbc, "allocating an ODBC statement handle");
        stmt_ = stmt;
    } else {
        SQLFreeStmt(h(stmt_), SQL_CLOSE);
        SQLFreeStmt(h(stmt_), SQL_RESET_PARAMS);
    }
    has_rows_ = false;
    description_.clear();
    columns_.clear();
    rowcount_ = -1;
    prepare(sql);
}

void OdbcCursor::prepare(std::string_view sql) {
    if (!prepared_sql_.empty() && sql == prepared_sql_) return;
    prepared_sql_.clear();
    if (sql.size() > static_cast<std::size_t>(std::numeric_limits<SQLINTEGER>::max()))
        throw DataError("statement of " + std::to_string(sql.size()) + " bytes is too long for ODBC");
    // One statement per execute, as the native transports: some drivers (psqlODBC) would run
    // every `;`-separated statement, so the text is checked before the driver sees it.
    const auto scan = scan_statement(sql, handle_->options.sql_lexicon);
    if (scan.second) {
        std::string extra(sql.substr(*scan.second, 60));
        throw ProgrammingError("only one statement can be executed at a time, but more SQL follows the first: '" +
                               extra + "'; split it into separate execute() calls");
    }
    // Without the trailing `;`s and comments, which some drivers' own scans refuse.
    const std::string_view statement = scan.end > 0 ? sql.substr(0, scan.end) : sql;
    SQLRETURN rc = SQL_ERROR;
    if (handle_->wide()) {
        std::u16string wide = detail::to_utf16(statement);
        rc = SQLPrepareW(h(stmt_), reinterpret_cast<SQLWCHAR*>(wide.data()), static_cast<SQLINTEGER>(wide.size()));
    } else {
        std::string narrow(statement);
        rc = SQLPrepare(h(stmt_), reinterpret_cast<SQLCHAR*>(narrow.data()), static_cast<SQLINTEGER>(narrow.size()));
    }
    if (!SQL_SUCCEEDED(rc)) fail("preparing the statement");
    prepared_sql_.assign(sql);
}

std::size_t OdbcCursor::parameter_count() {
    SQLSMALLINT count = 0;
    if (!SQL_SUCCEEDED(SQLNumParams(h(stmt_), &count))) return unknown_count;
    return static_cast<std::size_t>(count);
}

std::int64_t OdbcCursor::affected_rows(short execute_rc) {
    if (execute_rc == SQL_NO_DATA) return 0;  // UPDATE/DELETE that matched nothing
    SQLLEN count = -1;
    if (!SQL_SUCCEEDED(SQLRowCount(h(stmt_), &count))) return -1;
    return count;
}

void OdbcCursor::read_result(short execute_rc) {
    // The result shape comes from SQLNumResultCols, never from the return code: an UPDATE or
    // DELETE ... RETURNING that matched nothing gives SQL_NO_DATA (psqlODBC) yet has columns.
    const bool no_data = execute_rc == SQL_NO_DATA;
    SQLSMALLINT columns = 0;
    if (!SQL_SUCCEEDED(SQLNumResultCols(h(stmt_), &columns))) {
        if (!no_data) fail("reading the result shape");
        columns = 0;  // some drivers have no result to ask about after SQL_NO_DATA
    }
    if (columns <= 0) {
        rowcount_ = affected_rows(execute_rc);
        SQLFreeStmt(h(stmt_), SQL_CLOSE);
        return;
    }
    description_.resize(static_cast<std::size_t>(columns));
    rowcount_ = -1;  // drivers disagree on SQLRowCount after SELECT; PEP 249 says -1
    if (no_data) {
        // A result without rows. The driver manager refuses SQLDescribeCol and SQLFetch after
        // SQL_NO_DATA (function sequence error), so the columns stay unnamed.
        SQLFreeStmt(h(stmt_), SQL_CLOSE);
        return;
    }
    columns_.reserve(description_.size());
    for (SQLSMALLINT i = 1; i <= columns; ++i)
        columns_.push_back(detail::describe_column(stmt_, static_cast<SQLUSMALLINT>(i),
                                                   handle_->options.boolean_type_names,
                                                   description_[static_cast<std::size_t>(i - 1)], *handle_));
    has_rows_ = true;
}

void OdbcCursor::execute(std::string_view sql, std::span<const Value> params) {
    start(sql);
    const std::size_t expected = parameter_count();
    if (expected != unknown_count && expected != params.size())
        throw ProgrammingError("wrong number of parameters: the statement expects " + std::to_string(expected) +
                               ", " + std::to_string(params.size()) + " given");
    std::vector<detail::ParameterColumn> bound;
    bound.reserve(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        bound.push_back(detail::build_single(params[i], handle_->wide(), handle_->options.integer_sql_type));
        if (!SQL_SUCCEEDED(detail::bind_column(stmt_, static_cast<SQLUSMALLINT>(i + 1), bound.back())))
            fail("binding parameter " + std::to_string(i + 1));
    }
    const SQLRETURN rc = SQLExecute(h(stmt_));
    if (!SQL_SUCCEEDED(rc) && rc != SQL_NO_DATA) fail("executing the statement");
    SQLFreeStmt(h(stmt_), SQL_RESET_PARAMS);  // `bound` dies here; the driver must not keep pointers
    read_result(rc);
}

void OdbcCursor::execute_loop(sdk::ParameterRows sets, std::size_t first, std::int64_t& total) {
    for (std::size_t r = first; r < sets.size(); ++r) {
        std::vector<detail::ParameterColumn> bound;
        bound.reserve(sets[r].size());
        for (std::size_t i = 0; i < sets[r].size(); ++i) {
            bound.push_back(detail::build_single(sets[r][i], handle_->wide(), handle_->options.integer_sql_type));
            if (!SQL_SUCCEEDED(detail::bind_column(stmt_, static_cast<SQLUSMALLINT>(i + 1), bound.back())))
                fail("binding parameter " + std::to_string(i + 1) + " of set " + std::to_string(r + 1));
        }
        const SQLRETURN rc = SQLExecute(h(stmt_));
        if (!SQL_SUCCEEDED(rc) && rc != SQL_NO_DATA) fail("executing parameter set " + std::to_string(r + 1));
        const std::int64_t n = affected_rows(rc);
        if (n > 0) total += n;
        SQLFreeStmt(h(stmt_), SQL_CLOSE);
        SQLFreeStmt(h(stmt_), SQL_RESET_PARAMS);
    }
}

bool OdbcCursor::execute_arrays(sdk::ParameterRows sets, std::size_t params, std::int64_t& total) {
    const std::size_t batch_rows = std::max<std::size_t>(handle_->options.array_batch_rows, 1);
    std::size_t first = 0;
    while (first < sets.size()) {
        std::size_t count = std::min(batch_rows, sets.size() - first);
        std::vector<detail::ParameterColumn> columns;
        bool mixed = false;
        for (;;) {  // shrink the batch until its buffers fit the memory cap
            columns.clear();
            std::size_t bytes = 0;
            for (std::size_t i = 0; i < params && !mixed; ++i) {
                auto column = detail::build_column(sets, i, first, count, handle_->wide(), handle_->options.integer_sql_type);
                if (!column) mixed = true;
                else bytes += column->data.size(), columns.push_back(std::move(*column));
            }
            if (mixed || bytes <= array_memory_cap || count == 1) break;
            count = std::max<std::size_t>(count / 2, 1);
        }
        if (mixed || count == 1) {
            // A column mixing kinds cannot share one buffer: the rest goes set by set.
            execute_loop(sets, first, total);
            return true;
        }

        SQLULEN size_set = 0;
        const bool accepted =
            SQL_SUCCEEDED(SQLSetStmtAttr(h(stmt_), SQL_ATTR_PARAMSET_SIZE, reinterpret_cast<SQLPOINTER>(count), 0)) &&
            SQL_SUCCEEDED(SQLGetStmtAttr(h(stmt_), SQL_ATTR_PARAMSET_SIZE, &size_set, 0, nullptr)) && size_set == count;
        if (!accepted) {
            SQLSetStmtAttr(h(stmt_), SQL_ATTR_PARAMSET_SIZE, reinterpret_cast<SQLPOINTER>(1), 0);
            if (first != 0) fail("setting the parameter array size");
            handle_->arrays_unsupported = true;  // remembered for the connection's life
            return false;
        }
        std::vector<SQLUSMALLINT> status(count, SQL_PARAM_UNUSED);
        SQLULEN processed = 0;
        SQLSetStmtAttr(h(stmt_), SQL_ATTR_PARAM_STATUS_PTR, status.data(), 0);
        SQLSetStmtAttr(h(stmt_), SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0);
        auto reset = [&] {
            SQLFreeStmt(h(stmt_), SQL_CLOSE);
            SQLFreeStmt(h(stmt_), SQL_RESET_PARAMS);
            SQLSetStmtAttr(h(stmt_), SQL_ATTR_PARAM_STATUS_PTR, nullptr, 0);
            SQLSetStmtAttr(h(stmt_), SQL_ATTR_PARAMS_PROCESSED_PTR, nullptr, 0);
            SQLSetStmtAttr(h(stmt_), SQL_ATTR_PARAMSET_SIZE, reinterpret_cast<SQLPOINTER>(1), 0);
        };
        for (std::size_t i = 0; i < params; ++i)
            if (!SQL_SUCCEEDED(detail::bind_column(stmt_, static_cast<SQLUSMALLINT>(i + 1), columns[i]))) {
                auto records = read_diagnostics(SQL_HANDLE_STMT, stmt_, handle_->wide());
                reset();
                handle_->raise(std::move(records), "binding parameter array " + std::to_string(i + 1));
            }
        const SQLRETURN rc = SQLExecute(h(stmt_));
        const auto failed_set = std::find(status.begin(), status.end(), SQL_PARAM_ERROR);
        if ((!SQL_SUCCEEDED(rc) && rc != SQL_NO_DATA) || failed_set != status.end()) {
            auto records = read_diagnostics(SQL_HANDLE_STMT, stmt_, handle_->wide());
            reset();
            const std::size_t at = first + static_cast<std::size_t>(failed_set - status.begin()) + 1;
            handle_->raise(std::move(records), failed_set != status.end()
                                                    ? "executing parameter set " + std::to_string(at)
                                                    : "executing parameter sets " + std::to_string(first + 1) + " to " +
                                                          std::to_string(first + count));
        }
        // One count per set (SQL_PARC_BATCH) comes through SQLMoreResults; a total comes alone.
        std::int64_t n = affected_rows(rc);
        if (n > 0) total += n;
        if (rc != SQL_NO_DATA) {
            for (SQLRETURN more = SQLMoreResults(h(stmt_)); SQL_SUCCEEDED(more) || more == SQL_NO_DATA;
                 more = SQLMoreResults(h(stmt_))) {
                if (more == SQL_NO_DATA) break;
                n = affected_rows(more);
                if (n > 0) total += n;
            }
        }
        reset();
        first += count;
    }
    return true;
}

void OdbcCursor::executemany(std::string_view sql, sdk::ParameterRows param_sets) {
    start(sql);
    const std::size_t expected = parameter_count();
    for (std::size_t r = 0; r < param_sets.size(); ++r)
        if ((expected != unknown_count && param_sets[r].size() != expected) ||
            param_sets[r].size() != param_sets.front().size())
            throw ProgrammingError("wrong number of parameters in set " + std::to_string(r + 1) +
                                   ": the statement expects " +
                                   std::to_string(expected != unknown_count ? expected : param_sets.front().size()) +
                                   ", " + std::to_string(param_sets[r].size()) + " given");
    std::int64_t total = 0;
    const std::size_t params = param_sets.empty() ? 0 : param_sets.front().size();
    bool done = false;
    if (handle_->options.array_binding && !handle_->arrays_unsupported && param_sets.size() > 1 && params > 0)
        done = execute_arrays(param_sets, params, total);
    if (!done) execute_loop(param_sets, 0, total);
    rowcount_ = total;
}

bool OdbcCursor::fetch(std::vector<Value>& row) {
    if (!has_rows_) return false;
    handle_->require_open("fetch");
    const SQLRETURN rc = SQLFetch(h(stmt_));
    if (rc == SQL_NO_DATA) {
        finish_result();
        return false;
    }
    if (!SQL_SUCCEEDED(rc)) fail("fetching a row");
    row.resize(columns_.size());
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        try {
            row[i] = detail::read_cell(stmt_, static_cast<SQLUSMALLINT>(i + 1), columns_[i], buffer_, *handle_);
        } catch (...) {
            finish_result();
            throw;
        }
    }
    return true;
}

void OdbcCursor::finish_result() {
    has_rows_ = false;
    if (stmt_ != nullptr && handle_->connected) SQLFreeStmt(h(stmt_), SQL_CLOSE);
}

void OdbcCursor::close() {
    finish_result();
    if (stmt_ != nullptr && handle_->connected) SQLFreeHandle(SQL_HANDLE_STMT, h(stmt_));
    stmt_ = nullptr;
    prepared_sql_.clear();
    closed_ = true;
}

}  // namespace athanor::odbc
