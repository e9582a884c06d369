// The PostgreSQL dialect: URL -> libpq keywords, isolation levels, disconnect detection.
#include "pg_dialect.hpp"

#include "pg_catalog.hpp"
#include "pg_compiler.hpp"
#include "pg_connection.hpp"
#include "pg_ddl_compiler.hpp"
#include "pg_errors.hpp"
#include "pg_reflection.hpp"
#include "pg_type_compiler.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/isolation_level.hpp>
#include <athanor/sdk/text_util.hpp>

#include <libpq-fe.h>

#include <charconv>
#include <set>

namespace athanor::postgresql {

namespace {

constexpr std::string_view cache_size_key = "prepared_statement_cache_size";

/// The connection keywords this libpq knows, from PQconndefaults().
const std::set<std::string>& libpq_keywords() {
    static const std::set<std::string> keywords = [] {
        std::set<std::string> out;
        if (PQconninfoOption* options = PQconndefaults()) {
            for (auto* o = options; o->keyword != nullptr; ++o) out.insert(o->keyword);
            PQconninfoFree(options);
        }
        return out;
    }();
    return keywords;
}

std::size_t parse_cache_size(const std::string& text) {
    std::size_t n = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || ptr != text.data() + text.size() || n > 100000)
        throw ArgumentError("invalid PostgreSQL URL option " + std::string(cache_size_key) + "=" + text +
                            ": give a number of statements from 0 (no cache) to 100000, e.g. 100");
    return n;
}

PgConnection& native(sdk::DriverConnection& connection) {
    auto* pg = dynamic_cast<PgConnection*>(&connection);
    if (pg == nullptr) throw ArgumentError("the postgresql dialect was given a connection of another driver");
    return *pg;
}

}  // namespace

std::unique_ptr<sdk::DriverConnection> PgDialect::connect(const Url& url) {
    PgConnectOptions options;
    auto& kw = options.keywords;
    const auto set_if = [&](const char* key, const std::optional<std::string>& value) {
        if (value && !value->empty()) kw.emplace_back(key, *value);
    };
    set_if("host", url.host());
    if (url.port()) kw.emplace_back("port", std::to_string(*url.port()));
    set_if("user", url.username());
    set_if("password", url.password());
    set_if("dbname", url.database());
    kw.emplace_back("connect_timeout", "10");
    kw.emplace_back("client_encoding", "UTF8");
    kw.emplace_back("fallback_application_name", "athanor");
    // Query keys come last: libpq takes the last value of a repeated keyword, so they override.
    const auto& known = libpq_keywords();
    for (const auto& [key, value] : url.query()) {
        if (key == cache_size_key) {
            options.statement_cache_size = parse_cache_size(value);
            continue;
        }
        if (!known.empty() && known.count(key) == 0) {
            std::string list;
            for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
            throw ArgumentError("unknown PostgreSQL URL option '" + key +
                                "': libpq has no connection keyword of that name. Valid keywords: " + list + ", and " +
                                std::string(cache_size_key));
        }
        kw.emplace_back(key, value);
        if (key == "password") options.password = value;
    }
    if (url.password() && options.password.empty()) options.password = *url.password();
    return PgConnection::open(options);
}

std::vector<std::string> PgDialect::isolation_levels() const {
    return {"AUTOCOMMIT", "READ COMMITTED", "READ UNCOMMITTED", "REPEATABLE READ", "SERIALIZABLE"};
}

void PgDialect::set_isolation_level(sdk::DriverConnection& connection, std::string_view level) {
    auto& pg = native(connection);
    const std::string wanted = sdk::check_isolation_level(*this, level);
    if (wanted == "AUTOCOMMIT") {
        pg.set_autocommit(true);
        return;
    }
    pg.set_autocommit(false);
    pg.run("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + wanted);
}

std::string PgDialect::get_isolation_level(sdk::DriverConnection& connection) {
    auto& pg = native(connection);
    if (pg.autocommit()) return "AUTOCOMMIT";
    const Value v = pg.run("SHOW transaction_isolation");
    return v.is_null() ? "READ COMMITTED" : sdk::ascii_upper(v.as_string());
}

bool PgDialect::is_disconnect(const DBAPIError& error) const {
    return is_disconnect_error(error.sqlstate(), error.driver_message());
}

std::shared_ptr<sql::SqlCompiler> PgDialect::create_statement_compiler() const {
    return std::make_shared<PgCompiler>(*this);
}

std::shared_ptr<sql::TypeCompiler> PgDialect::create_type_compiler() const { return std::make_shared<PgTypeCompiler>(); }

std::shared_ptr<sql::DdlCompiler> PgDialect::create_ddl_compiler() const { return std::make_shared<PgDdlCompiler>(*this); }

std::unique_ptr<sdk::Reflector> PgDialect::create_reflector() const {
    return std::make_unique<PgReflector>(sdk::Paramstyle::dollar);
}

bool PgDialect::has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) {
    return postgresql::has_table(connection, table, schema, sdk::Paramstyle::dollar);
}

}  // namespace athanor::postgresql
