// SQLSTATE and libpq failure mapping.
#include "pg_errors.hpp"

#include <athanor/errors.hpp>

#include <array>

namespace athanor::postgresql {

namespace {

// SQLSTATE 08006 connection_failure: used for failures the server never reported.
constexpr const char* connection_failure = "08006";

std::string field(const PGresult* result, int code) {
    const char* v = PQresultErrorField(result, code);
    return v != nullptr ? v : "";
}

std::string lost_suffix(std::string_view where) {
    return " (connection to " + std::string(where) +
           " lost; the connection is discarded, check out a new one to retry)";
}

}  // namespace

std::string clean_message(std::string_view message) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ' || message.back() == '\t'))
        message.remove_suffix(1);
    for (std::string_view prefix : {"ERROR:  ", "FATAL:  ", "PANIC:  "})
        if (message.substr(0, prefix.size()) == prefix) message.remove_prefix(prefix.size());
    return std::string(message);
}

bool is_disconnect_error(std::string_view sqlstate, std::string_view message) {
    if (sqlstate.size() == 5 && sqlstate.substr(0, 2) == "08") return true;
    if (sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03") return true;
    static constexpr std::array<std::string_view, 8> phrases = {
        "server closed the connection unexpectedly",
        "terminating connection",
        "no connection to the server",
        "connection not open",
        "could not receive data from server",
        "could not send data to server",
        "SSL connection has been closed unexpectedly",
        "connection pointer is NULL",
    };
    for (auto p : phrases)
        if (message.find(p) != std::string_view::npos) return true;
    return false;
}

void throw_result_error(PGconn* conn, const PGresult* result, std::string_view where) {
    std::string sqlstate = result != nullptr ? field(result, PG_DIAG_SQLSTATE) : "";
    std::string message = result != nullptr ? field(result, PG_DIAG_MESSAGE_PRIMARY) : "";
    if (!message.empty()) {
        if (auto detail = field(result, PG_DIAG_MESSAGE_DETAIL); !detail.empty()) message += "\nDETAIL: " + detail;
        if (auto hint = field(result, PG_DIAG_MESSAGE_HINT); !hint.empty()) message += "\nHINT: " + hint;
    } else {
        // libpq's own failures (lost socket, out of memory) have no primary field.
        const char* text = result != nullptr ? PQresultErrorMessage(result) : "";
        message = clean_message(text != nullptr && *text ? text : PQerrorMessage(conn));
        if (message.empty()) message = "libpq reported a failure without a message";
    }
    const bool lost = conn == nullptr || PQstatus(conn) == CONNECTION_BAD;
    if (lost) {
        message += lost_suffix(where);
        if (!is_disconnect_error(sqlstate, {})) sqlstate = connection_failure;
        throw OperationalError(std::move(message), std::move(sqlstate));
    }
    throw_for_sqlstate(std::move(message), std::move(sqlstate));
}

void throw_connection_error(PGconn* conn, std::string_view where, std::string_view doing) {
    std::string message = conn != nullptr ? clean_message(PQerrorMessage(conn)) : "no connection";
    if (message.empty()) message = "libpq failed";
    message = std::string(doing) + ": " + message;
    if (conn == nullptr || PQstatus(conn) == CONNECTION_BAD)
        throw OperationalError(message + lost_suffix(where), connection_failure);
    throw InterfaceError(message + " (on " + std::string(where) + ")");
}

}  // namespace athanor::postgresql
