// Prepared statements, simple-protocol execution and closing for one PostgreSQL connection.
#include "pg_session.hpp"

#include "pg_errors.hpp"

#include <athanor/errors.hpp>

namespace athanor::postgresql {

PgSession::PgSession(PGconn* connection, std::size_t cache_size, std::string where_text)
    : conn(connection), statements(cache_size), where(std::move(where_text)) {}

PgSession::~PgSession() { close(); }

void PgSession::require_open(std::string_view operation) const {
    if (closed())
        throw InterfaceError("cannot " + std::string(operation) + ": the PostgreSQL connection to " + where +
                                 " is closed; check out a new connection",
                             "08003");
}

void PgSession::close() {
    if (conn == nullptr) return;
    PQfinish(conn);  // the server drops the session's prepared statements with it
    conn = nullptr;
    statements.clear();
    evicted_.clear();
}

ResultPtr PgSession::exec(const std::string& sql) {
    require_open("execute");
    ResultPtr res(PQexec(conn, sql.c_str()));
    const auto status = PQresultStatus(res.get());
    if (!res || (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY))
        throw_result_error(conn, res.get(), where);
    return res;
}

void PgSession::deallocate_evicted() {
    // In a failed transaction every command but ROLLBACK is refused; try again later.
    if (evicted_.empty() || PQtransactionStatus(conn) == PQTRANS_INERROR) return;
    std::string sql;
    for (const auto& name : evicted_) sql += "DEALLOCATE " + name + ";";
    evicted_.clear();
    ResultPtr res(PQexec(conn, sql.c_str()));
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) throw_result_error(conn, res.get(), where);
}

const PreparedStatement& PgSession::prepare(std::string_view sql, std::span<const TypeOid> types) {
    require_open("execute");
    // The declared types are part of the statement, so bytea parameters change the key.
    std::string_view key = sql;
    bool any_declared = false;
    for (TypeOid t : types) any_declared = any_declared || t != 0;
    if (any_declared) {
        key_.assign(sql);
        key_ += '\0';
        for (TypeOid t : types) key_ += t != 0 ? 'b' : '.';
        key = key_;
    }
    const bool cached = statements.capacity() > 0;
    if (cached)
        if (const PreparedStatement* hit = statements.find(key)) return *hit;

    PreparedStatement statement;
    if (cached) statement.name = "athanor_s" + std::to_string(++counter_);
    sql_.assign(sql);
    ResultPtr prepared(PQprepare(conn, statement.name.c_str(), sql_.c_str(), static_cast<int>(types.size()),
                                 types.empty() ? nullptr : types.data()));
    if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) throw_result_error(conn, prepared.get(), where);
    ResultPtr described(PQdescribePrepared(conn, statement.name.c_str()));
    if (PQresultStatus(described.get()) != PGRES_COMMAND_OK) {
        if (cached) evicted_.push_back(statement.name);
        throw_result_error(conn, described.get(), where);
    }
    statement.param_count = PQnparams(described.get());
    if (!cached) {
        unnamed_ = std::move(statement);
        return unnamed_;
    }
    const std::string key_copy(key);  // `key` may view key_, which insert() must not see change
    const PreparedStatement& stored = statements.insert(key_copy, std::move(statement), evicted_);
    deallocate_evicted();
    return stored;
}

}  // namespace athanor::postgresql
