// pg_dialect.hpp — the PostgreSQL dialect on libpq: URL handling, isolation levels,
// disconnect detection, and the PostgreSQL SQL flavour (PgCompiler).
//
// URLs: postgresql://user:password@host:port/database?key=value (postgresql+libpq:// too).
// Host, port, user, password and database become libpq's host, port, user, password and
// dbname; every query key is passed on as a libpq connection keyword (sslmode,
// connect_timeout, application_name, options, target_session_attrs, ...); a key libpq does
// not know is an ArgumentError. connect_timeout defaults to 10 seconds, client_encoding to
// UTF8, fallback_application_name to "athanor". One key is Athanor's own and not passed on:
// prepared_statement_cache_size (default 100; 0 disables the cache).
//
// Isolation levels: READ COMMITTED (the server default), READ UNCOMMITTED, REPEATABLE READ,
// SERIALIZABLE (SET SESSION CHARACTERISTICS) and AUTOCOMMIT (no BEGIN is sent).
//
// Example:
//   auto engine = athanor::create_engine(
//       "postgresql://app:secret@db.example.com:5432/app?sslmode=require&application_name=web");
#pragma once

#include <athanor/sdk/dialect.hpp>

#include <string>

namespace athanor::postgresql {

class PgDialect final : public sdk::Dialect {
public:
    std::string name() const override { return "postgresql"; }
    std::string driver() const override { return "libpq"; }
    sdk::Paramstyle paramstyle() const override { return sdk::Paramstyle::dollar; }

    std::unique_ptr<sdk::DriverConnection> connect(const Url& url) override;

    void set_isolation_level(sdk::DriverConnection& connection, std::string_view level) override;
    std::string get_isolation_level(sdk::DriverConnection& connection) override;
    std::vector<std::string> isolation_levels() const override;

    /// SQLSTATE class 08, 57P01..57P03, a closed connection, or libpq's lost-socket messages.
    bool is_disconnect(const DBAPIError& error) const override;

    std::shared_ptr<sql::SqlCompiler> create_statement_compiler() const override;
    /// 65535 is the protocol's limit on parameters per statement (a 16-bit count). The manifest
    /// claims multivalues_inserts and multivalues_returning_in_order: the server runs INSERT ...
    /// VALUES as a Values scan feeding the insert row by row and emits each RETURNING row as its
    /// row is inserted, so they arrive in VALUES order (current behaviour, not a documented
    /// promise; test_insertmanyvalues checks it); and cursor_executemany_returning (the pipeline).
    std::size_t max_bind_params() const override { return 65535; }
    std::size_t max_identifier_length() const override { return 63; }  // NAMEDATALEN - 1 bytes
    std::shared_ptr<sql::TypeCompiler> create_type_compiler() const override;
    std::shared_ptr<sql::DdlCompiler> create_ddl_compiler() const override;
    /// pg_class / pg_namespace lookup (see pg_catalog.hpp).
    bool has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) override;
    /// pg_catalog reflection for the Inspector (pg_reflection.hpp).
    std::unique_ptr<sdk::Reflector> create_reflector() const override;
};

}  // namespace athanor::postgresql
