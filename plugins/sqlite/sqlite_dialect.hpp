// sqlite_dialect.hpp — the SQLite dialect: URL handling, connection setup, isolation levels.
//
// URLs (sqlite_url.hpp has the rules): `sqlite://` or `sqlite:///:memory:` is a private
// in-memory database (one shared connection: PoolKind::single); `sqlite:///relative.db`,
// `sqlite:////abs/path.db` a file, even when its name begins with "file:". Query options:
// `timeout` (seconds to wait for another connection's lock, default 5), `mode` (`ro`
// read-only, `rw` read-write, `rwc` read-write-create, the default) and `uri=true` (the
// database part is a SQLite `file:` URI and every other key is a parameter of it). Any other
// key is an ArgumentError. A memory URI is one shared connection unless it says cache=shared.
// Every new connection gets `PRAGMA foreign_keys=ON`.
//
// Isolation levels: SERIALIZABLE (SQLite's own behaviour, the default), READ UNCOMMITTED
// (`PRAGMA read_uncommitted=1`, effective with a shared cache) and AUTOCOMMIT (no BEGIN).
//
// Example:
//   auto engine = athanor::create_engine("sqlite:///app.db?timeout=0.5&mode=rw");
#pragma once

#include "sqlite_limits.hpp"

#include <athanor/sdk/dialect.hpp>

#include <string>

namespace athanor::sqlite {

class SqliteDialect final : public sdk::Dialect {
public:
    /// `driver` is the URL's driver: "" or "sqlite3"; anything else is an ArgumentError.
    explicit SqliteDialect(const std::string& driver);

    std::string name() const override { return "sqlite"; }
    std::string driver() const override { return "sqlite3"; }
    sdk::Paramstyle paramstyle() const override { return sdk::Paramstyle::qmark; }

    std::unique_ptr<sdk::DriverConnection> connect(const Url& url) override;
    void on_connect(sdk::DriverConnection& connection) override;
    sdk::PoolKind pool_kind(const Url& url) const override;

    void set_isolation_level(sdk::DriverConnection& connection, std::string_view level) override;
    std::string get_isolation_level(sdk::DriverConnection& connection) override;
    std::vector<std::string> isolation_levels() const override;

    /// SQLite is embedded, so nothing "disconnects"; only use of a closed handle
    /// (InterfaceError with SQLITE_MISUSE) means the connection must be dropped.
    bool is_disconnect(const DBAPIError& error) const override;

    /// SQLite's DDL flavour (sqlite_ddl_compiler.hpp) and catalog lookups (sqlite_reflection.hpp).
    std::shared_ptr<sql::DdlCompiler> create_ddl_compiler() const override;

    /// SQLite's SQL flavour (sqlite_compiler.hpp) and type map (sqlite_type_compiler.hpp).
    std::size_t max_bind_params() const override { return sqlite::max_bind_params; }
    std::shared_ptr<sql::SqlCompiler> create_statement_compiler() const override;
    std::shared_ptr<sql::TypeCompiler> create_type_compiler() const override;

    /// Catalog reflection for the Inspector (sqlite_reflection.hpp).
    std::unique_ptr<sdk::Reflector> create_reflector() const override;
};

}  // namespace athanor::sqlite
