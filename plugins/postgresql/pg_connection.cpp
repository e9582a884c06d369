// Connecting through libpq, session setup, transactions and ping.
#include "pg_connection.hpp"

#include "pg_cursor.hpp"
#include "pg_errors.hpp"

#include <athanor/errors.hpp>

namespace athanor::postgresql {

namespace {

void ignore_notice(void*, const char*) {}

std::string describe_target(PGconn* conn, const PgConnectOptions& options) {
    const auto given = [&](const char* key) -> std::string {
        std::string value;
        for (const auto& [k, v] : options.keywords)
            if (k == key) value = v;
        return value;
    };
    // PQhost/PQport/PQdb report what libpq really used (URL, environment or default).
    const char* host = conn != nullptr ? PQhost(conn) : nullptr;
    const char* port = conn != nullptr ? PQport(conn) : nullptr;
    const char* db = conn != nullptr ? PQdb(conn) : nullptr;
    std::string h = host != nullptr && *host ? host : given("host");
    std::string p = port != nullptr && *port ? port : given("port");
    std::string d = db != nullptr && *db ? db : given("dbname");
    if (h.empty()) h = "the default socket";
    if (h.find(':') != std::string::npos && h.front() != '/') h = "[" + h + "]";  // IPv6
    return h + ":" + (p.empty() ? "5432" : p) + ", database '" + d + "'";
}

}  // namespace

std::unique_ptr<PgConnection> PgConnection::open(const PgConnectOptions& options) {
    std::vector<const char*> keys, values;
    for (const auto& [k, v] : options.keywords) {
        // libpq reads C strings: a NUL would end the value early and connect elsewhere (another
        // database, user or host), so it is refused. The value is not quoted: it may be secret.
        if (v.find('\0') != std::string::npos)
            throw ArgumentError("the PostgreSQL connection parameter '" + k +
                                "' contains a NUL byte (%00 in the URL); libpq would read only what precedes it");
        keys.push_back(k.c_str());
        values.push_back(v.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    PGconn* conn = PQconnectdbParams(keys.data(), values.data(), 0);
    if (conn == nullptr) throw OperationalError("libpq could not allocate a connection (out of memory)", "08001");
    const std::string where = describe_target(conn, options);
    if (PQstatus(conn) != CONNECTION_OK) {
        const char* user_name = PQuser(conn);
        const std::string user = user_name != nullptr ? user_name : "";  // copied: PQfinish frees it
        // libpq never puts the password in its message, so it is quoted as it is: searching it
        // for the password's text would mangle it (a one-letter password) or reveal the
        // password by what gets masked (a password equal to the user name).
        const std::string message = clean_message(PQerrorMessage(conn));
        PQfinish(conn);
        throw OperationalError("cannot connect to PostgreSQL at " + where + " as user '" + user + "': " + message +
                                   " (check the host, port, user, password and database of the URL, and that "
                                   "the server accepts connections)",
                               "08001");
    }
    PQsetNoticeProcessor(conn, ignore_notice, nullptr);
    auto handle = std::make_shared<PgHandle>(conn, options.statement_cache_size, where);
    // The decoders rely on these output formats, whatever the server or role defaults are.
    handle->exec("SET IntervalStyle TO iso_8601; SET bytea_output TO hex; SET DateStyle TO ISO");
    return std::unique_ptr<PgConnection>(new PgConnection(std::move(handle)));
}

PgConnection::~PgConnection() { close(); }

std::unique_ptr<sdk::Cursor> PgConnection::cursor() {
    handle_->require_open("open a cursor");
    return std::make_unique<PgCursor>(handle_);
}

Value PgConnection::run(const std::string& sql) {
    ResultPtr res = handle_->exec(sql);
    if (PQresultStatus(res.get()) == PGRES_TUPLES_OK && PQntuples(res.get()) > 0 && PQnfields(res.get()) > 0 &&
        !PQgetisnull(res.get(), 0, 0))
        return decoder_for(PQftype(res.get(), 0))(PQgetvalue(res.get(), 0, 0), PQgetlength(res.get(), 0, 0));
    return Value();
}

void PgConnection::begin() {
    handle_->require_open("begin a transaction");
    if (autocommit_) return;
    handle_->exec("BEGIN");
}

void PgConnection::commit() {
    handle_->require_open("commit");
    if (PQtransactionStatus(handle_->conn) == PQTRANS_IDLE) return;  // PEP 249: nothing to commit
    ResultPtr res = handle_->exec("COMMIT");
    handle_->transaction_ended();
    // The server answers COMMIT of an aborted transaction by rolling it back.
    if (std::string_view(PQcmdStatus(res.get())) == "ROLLBACK")
        throw InternalError("COMMIT rolled the transaction back instead: an earlier statement in it failed, so "
                            "nothing of it was saved; handle that error, then run the transaction again",
                            "25P02");
}

void PgConnection::rollback() {
    handle_->require_open("roll back");
    if (PQtransactionStatus(handle_->conn) == PQTRANS_IDLE) return;
    handle_->exec("ROLLBACK");
    handle_->transaction_ended();
}

bool PgConnection::ping() {
    if (handle_->closed() || PQstatus(handle_->conn) != CONNECTION_OK) return false;
    ResultPtr res(PQexec(handle_->conn, "SELECT 1"));
    return PQresultStatus(res.get()) == PGRES_TUPLES_OK;
}

void PgConnection::close() { handle_->close(); }

}  // namespace athanor::postgresql
