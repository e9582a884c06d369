// Prepared statements, simple-protocol execution and closing for one PostgreSQL connection.
#include "pg_handle.hpp"

#include "pg_errors.hpp"

#include <athanor/errors.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>

namespace athanor::postgresql {

namespace {

// Bumped by any handle of the process that saw the schema change; a handle whose cache is
// older forgets it. Connections of one pool (and of several engines) usually share a database.
std::atomic<std::uint64_t> schema_generation{0};

bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

/// The highest $n placeholder in `sql`, skipping quoted strings and identifiers, comments and
/// dollar-quoted bodies. The server accepts parameter types declared beyond the last one the
/// SQL uses, so this is how too many parameters are caught once they are all typed.
int highest_placeholder(std::string_view sql) {
    int highest = 0;
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            // E'...' strings escape with backslashes; '' and "" are doubled quotes anyway.
            const bool backslashes = c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                                     (i < 2 || !identifier_char(sql[i - 2]));
            for (++i; i < sql.size() && sql[i] != c; ++i)
                if (backslashes && sql[i] == '\\') ++i;
            ++i;
        } else if (sql.substr(i, 2) == "--") {
            i = sql.find('\n', i);
        } else if (sql.substr(i, 2) == "/*") {
            i = sql.find("*/", i + 2);
            if (i != std::string_view::npos) i += 2;
        } else if (c == '$' && (i == 0 || !identifier_char(sql[i - 1]))) {
            std::size_t end = i + 1;
            if (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) {
                int n = 0;
                while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) {
                    if (n <= max_parameters) n = n * 10 + (sql[end] - '0');  // saturates above the limit
                    ++end;
                }
                highest = std::max(highest, n);
                i = end;
                continue;
            }
            // $tag$ ... $tag$ (a dollar-quoted body): skip to the closing tag.
            while (end < sql.size() && identifier_char(sql[end]) && sql[end] != '$') ++end;
            if (end < sql.size() && sql[end] == '$') {
                const std::string_view tag = sql.substr(i, end - i + 1);
                i = sql.find(tag, end + 1);
                if (i != std::string_view::npos) i += tag.size();
            } else {
                i = end;
            }
        } else {
            ++i;
        }
        if (i == std::string_view::npos) break;
    }
    return highest;
}

}  // namespace

PgHandle::PgHandle(PGconn* connection, std::size_t cache_size, std::string where_text)
    : conn(connection), statements(cache_size), where(std::move(where_text)),
      schema_generation_(schema_generation.load(std::memory_order_relaxed)) {}

PgHandle::~PgHandle() { close(); }

void PgHandle::require_open(std::string_view operation) const {
    if (closed())
        throw InterfaceError("cannot " + std::string(operation) + ": the PostgreSQL connection to " + where +
                                 " is closed; check out a new connection",
                             "08003");
}

void PgHandle::close() {
    if (conn == nullptr) return;
    PQfinish(conn);  // the server drops the session's prepared statements with it
    conn = nullptr;
    statements.clear();
    evicted_.clear();
}

ResultPtr PgHandle::exec(const std::string& sql) {
    require_open("execute");
    ResultPtr res(PQexec(conn, sql.c_str()));
    const auto status = PQresultStatus(res.get());
    if (!res || (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY))
        throw_result_error(conn, res.get(), where);
    return res;
}

void PgHandle::deallocate_evicted() {
    // In a failed transaction every command but ROLLBACK is refused; try again later.
    if (evicted_.empty() || PQtransactionStatus(conn) == PQTRANS_INERROR) return;
    std::string sql;
    for (const auto& name : evicted_) sql += "DEALLOCATE " + name + ";";
    evicted_.clear();
    ResultPtr res(PQexec(conn, sql.c_str()));
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) throw_result_error(conn, res.get(), where);
}

void PgHandle::forget_statements() {
    statements.drain(evicted_);
    if (!closed()) deallocate_evicted();
}

void PgHandle::schema_changed() {
    schema_generation_ = schema_generation.fetch_add(1, std::memory_order_relaxed) + 1;
    forget_statements();
}

void PgHandle::statements_dropped_by_server() {
    statements.clear();
    evicted_.clear();
}

void PgHandle::ddl_ran(bool in_transaction) {
    ddl_in_transaction_ = ddl_in_transaction_ || in_transaction;
    schema_changed();
}

void PgHandle::transaction_ended() {
    if (!ddl_in_transaction_ || closed()) return;
    // Committed: other sessions now see the new schema; rolled back: the old one is back.
    // ROLLBACK TO SAVEPOINT may undo DDL too, but the transaction (and the flag) goes on.
    if (PQtransactionStatus(conn) == PQTRANS_IDLE) ddl_in_transaction_ = false;
    schema_changed();
}

const PreparedStatement& PgHandle::prepare(std::string_view sql, std::span<const TypeOid> types, bool* reused) {
    require_open("execute");
    if (reused != nullptr) *reused = false;
    if (const auto now = schema_generation.load(std::memory_order_relaxed); now != schema_generation_) {
        schema_generation_ = now;
        forget_statements();
    }
    // The declared types are part of the statement: "SQL\0" then each OID, 0 for inferred.
    std::string_view key = sql;
    bool any_declared = false;
    for (TypeOid t : types) any_declared = any_declared || t != 0;
    if (any_declared) {
        key_.assign(sql);
        key_ += '\0';
        for (TypeOid t : types) {
            key_ += std::to_string(t);
            key_ += ',';
        }
        key = key_;
    }
    const bool cached = statements.capacity() > 0;
    if (cached)
        if (const PreparedStatement* hit = statements.find(key)) {
            if (reused != nullptr) *reused = true;
            return *hit;
        }

    // The parameter count comes from the SQL itself: the server numbers a statement's
    // parameters by the highest $n it references (declared types beyond it are accepted, and
    // caught as too many parameters when bound). No Describe round trip is needed, and none is
    // made: a ParameterDescription of tens of thousands of parameters exceeds what some libpq
    // releases accept for that message and costs the connection.
    const int param_count = highest_placeholder(sql);
    if (param_count > max_parameters || types.size() > static_cast<std::size_t>(max_parameters))
        throw_for_sqlstate("the statement has " +
                               std::to_string(std::max(static_cast<std::size_t>(param_count), types.size())) +
                               " parameters; PostgreSQL's protocol allows at most " + std::to_string(max_parameters) +
                               " in one statement (split it, or pass the rows to executemany)",
                           "54000");
    PreparedStatement statement;
    statement.param_count = param_count;
    if (cached) statement.name = "athanor_s" + std::to_string(++counter_);
    sql_.assign(sql);
    ResultPtr prepared(PQprepare(conn, statement.name.c_str(), sql_.c_str(), static_cast<int>(types.size()),
                                 types.empty() ? nullptr : types.data()));
    if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) throw_result_error(conn, prepared.get(), where);
    if (!cached) {
        unnamed_ = std::move(statement);
        return unnamed_;
    }
    const PreparedStatement& stored = statements.insert(key, std::move(statement), evicted_);
    deallocate_evicted();
    return stored;
}

}  // namespace athanor::postgresql
