// athanor/sdk/dialect.hpp — the Dialect SPI: one object per engine that knows a database's
// SQL flavour and opens connections through its driver.
//
// A plugin subclasses Dialect, overrides the pure virtuals and whichever hooks differ from
// the defaults (which follow the SQL standard), and exports a factory with
// ATHANOR_DIALECT_PLUGIN (see athanor/sdk/plugin.hpp). The capability flags a dialect
// claims come from its manifest, not from code, so they can be read without loading it; the
// engine reads the same flags to choose how to run a statement (docs/plugin-guide.md lists the
// ones it reads: multivalues_inserts, multivalues_returning_in_order, cursor_executemany_returning),
// so what a plugin claims and what the engine does cannot disagree.
// Every member is defined in sdk/src/dialect.cpp; the contract needs nothing from the engine,
// the compilers or reflection (the compiler factories return nullptr for "the generic one",
// which the framework then makes). Each factory returns a new compiler on every call, owned by
// the caller alone; the pointer is shared_ptr so the contract can name the compiler types
// without their definitions.
//
// Example:
//   class MyDialect final : public athanor::sdk::Dialect {
//   public:
//       std::string name() const override { return "mydb"; }
//       std::string driver() const override { return "native"; }
//       athanor::sdk::Paramstyle paramstyle() const override { return athanor::sdk::Paramstyle::qmark; }
//       std::unique_ptr<athanor::sdk::DriverConnection> connect(const athanor::Url& url) override;
//   };
#pragma once

#include <athanor/errors.hpp>
#include <athanor/export.hpp>
#include <athanor/sdk/driver.hpp>
#include <athanor/url.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace athanor::sql {
class SqlCompiler;
class DdlCompiler;
class TypeCompiler;
}

namespace athanor::sdk {

class Reflector;

/// How placeholders are written in SQL sent to the driver (PEP 249 names).
enum class Paramstyle {
    qmark,    // WHERE a = ?
    numeric,  // WHERE a = :1      (numeric_dollar, libpq: $1, is `dollar`)
    dollar,   // WHERE a = $1
    named,    // WHERE a = :a
    format,   // WHERE a = %s
};

/// How the engine should pool connections for a URL.
enum class PoolKind {
    queue,   // a bounded pool of independent connections (the default)
    single,  // one shared connection for everyone, e.g. an in-memory SQLite database
};

class ATHANOR_API Dialect {
public:
    virtual ~Dialect();

    /// The backend name, left of '+' in URLs: "sqlite".
    virtual std::string name() const = 0;
    /// The driver name, right of '+': "sqlite3", "libpq", "odbc".
    virtual std::string driver() const = 0;
    virtual Paramstyle paramstyle() const = 0;

    /// Opens a new connection. Throws OperationalError (naming host:port, never the
    /// password) when the database cannot be reached, ArgumentError for a bad URL.
    virtual std::unique_ptr<DriverConnection> connect(const Url& url) = 0;

    /// Runs once on every new connection, before it enters the pool.
    virtual void on_connect(DriverConnection& connection);

    virtual PoolKind pool_kind(const Url& url) const;

    /// Sets the isolation level ("SERIALIZABLE", "READ COMMITTED", ..., "AUTOCOMMIT").
    /// Throws ArgumentError naming the levels the dialect accepts.
    virtual void set_isolation_level(DriverConnection& connection, std::string_view level);
    virtual std::string get_isolation_level(DriverConnection& connection);
    /// The levels set_isolation_level() accepts.
    virtual std::vector<std::string> isolation_levels() const;

    virtual std::string savepoint_sql(std::string_view name) const;
    virtual std::string release_savepoint_sql(std::string_view name) const;
    virtual std::string rollback_to_savepoint_sql(std::string_view name) const;

    /// True when `error` means the connection is gone and must be dropped from the pool.
    virtual bool is_disconnect(const DBAPIError& error) const;

    /// Quotes an identifier for this database ("name" by default; doubles embedded quotes).
    virtual std::string quote_identifier(std::string_view identifier) const;
    /// The longest identifier the database keeps intact, in bytes of UTF-8 (0: no limit, the
    /// default). The compilers refuse a longer explicit table, column, index, sequence or
    /// constraint name with CompileError naming it and the limit (the database would truncate
    /// it silently) and shorten generated names (labels, naming-convention constraint names)
    /// to the limit with a deterministic hash suffix. PostgreSQL: 63 (NAMEDATALEN - 1).
    virtual std::size_t max_identifier_length() const { return 0; }
    /// True when the database folds unquoted names to UPPER case (the SQL standard's rule:
    /// Oracle, Db2, Mimer, Altibase, Firebird); false, the default, when it folds them to
    /// lower case or keeps them (PostgreSQL, SQLite). When true the Inspector reports
    /// case-insensitive names in lower case and sends them to the catalog in upper case
    /// (IdentifierPreparer::normalize_name / denormalize_name, SQLAlchemy's rule).
    virtual bool requires_name_normalize() const { return false; }

    /// "name+driver"
    std::string description() const;

    // ---- Statement compilation ----
    /// The compiler for select()/insert()/update()/delete(): a dialect returns its subclass of
    /// athanor::sql::SqlCompiler (athanor/sql/compiler.hpp) overriding the hooks that differ
    /// (LIMIT form, booleans, RETURNING, dummy table, sequences, quoting). Default: nullptr,
    /// which means the generic compiler (athanor::sql::compiler_for() makes it).
    virtual std::shared_ptr<sql::SqlCompiler> create_statement_compiler() const;

    // ---- Types ----
    /// The type map and value processing: DDL/CAST names of generic types, bind/result
    /// processors (e.g. SQLite's ISO-text dates, 0/1 booleans), and database type names back
    /// to generic types for reflection. A dialect returns its subclass of
    /// athanor::sql::TypeCompiler (athanor/sql/type_compiler.hpp). Default: nullptr, the
    /// generic type map (athanor::sql::type_compiler_for()).
    virtual std::shared_ptr<sql::TypeCompiler> create_type_compiler() const;

    // ---- Schema and DDL ----
    /// The compiler for CREATE/DROP TABLE, INDEX, SEQUENCE and COMMENT ON: a dialect returns
    /// its subclass of athanor::sql::DdlCompiler (athanor/sql/ddl_compiler.hpp) overriding
    /// column specification, autoincrement, sequences, identity and comment hooks.
    /// Default: nullptr, the generic DDL compiler (athanor::sql::ddl_compiler_for()).
    virtual std::shared_ptr<sql::DdlCompiler> create_ddl_compiler() const;
    /// True when `table` exists (in `schema`, "" = the default one); used by create_all /
    /// drop_all with checkfirst. Default: the Reflector's has_table() when create_reflector()
    /// gives one, else NotSupportedError naming the dialect.
    virtual bool has_table(DriverConnection& connection, std::string_view table, std::string_view schema);

    // ---- Reflection ----
    /// The catalog reader behind athanor::Inspector (athanor/sdk/reflector.hpp). Default:
    /// nullptr, and the Inspector throws NotSupportedError naming the dialect.
    virtual std::unique_ptr<Reflector> create_reflector() const;

    // ---- Limits ----
    /// The most bound parameters one statement may have (0: no known limit); the engine
    /// shrinks an insertmanyvalues page so that rows x parameters-per-row stays within it.
    /// PostgreSQL: 65535; SQLite: 32766 (SQLITE_MAX_VARIABLE_NUMBER since 3.32).
    virtual std::size_t max_bind_params() const { return 0; }
};

}  // namespace athanor::sdk
