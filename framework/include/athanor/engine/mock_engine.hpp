// athanor/engine/mock_engine.hpp — create_mock_engine(): a dialect with no database behind it
// (SQLAlchemy's create_mock_engine). Every statement is compiled for the dialect and handed,
// as SQL text and bound parameters, to a callback instead of being executed.
//
// Only the dialect plugin is loaded: no driver connection is ever opened, so a plugin whose
// client driver or server is missing serves a mock engine as long as it loads. What the mock
// runs is exactly what an Engine of the same dialect would send: statements are compiled
// through the same path (the compiled-statement cache, expanding IN lists, parameter
// processors), and metadata.create_all(mock) / drop_all(mock) issue every statement a real
// create_all / drop_all issues — standalone and per-column sequences, the dialect's auxiliary
// DDL (PostgreSQL's CREATE TYPE ... AS ENUM), CREATE TABLE, indexes, COMMENT ON, ALTER TABLE
// for use_alter foreign keys — in the same order, with checkfirst off. What needs a database
// raises instead of pretending: checkfirst (InvalidRequestError), connect() and with it rows,
// transactions and reflection (InvalidRequestError). Statements are sent one at a time; an
// executemany reaches the callback once with every parameter set (a real engine may page an
// INSERT's sets into multi-row VALUES, which needs no callback to know).
//
// Usage:
//   auto mock = athanor::create_mock_engine("postgresql", [](const athanor::MockStatement& s) {
//       std::cout << s.sql << ";\n";
//   });
//   metadata.create_all(mock);                      // PostgreSQL's DDL, printed
//   mock.execute(users.insert(), {{"name", "Alex"}});   // INSERT INTO users (name) VALUES ($1) + ("Alex")
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/compiled.hpp>
#include <athanor/sql/executable.hpp>
#include <athanor/url.hpp>
#include <athanor/value.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace athanor {

namespace sdk {
class Dialect;
}
namespace detail {
struct EngineState;
}
struct PluginManifest;
class PluginRegistry;
class Connection;

/// One statement as the mock engine hands it over.
struct MockStatement {
    /// The SQL text in the dialect's paramstyle, exactly as a driver would receive it.
    std::string sql;
    /// The positional values of one execution, after the binds' processors (what the driver
    /// would be given); for an executemany, those of the first set.
    std::vector<Value> parameters;
    /// An executemany: every set's positional values, in order. Empty for one execution.
    std::vector<std::vector<Value>> parameter_sets;
    /// What the statement is (ddl for everything create_all/drop_all issue; text for
    /// exec_driver_sql()).
    sql::StatementKind kind = sql::StatementKind::other;
    /// The compiled form (binds, result processors, RETURNING keys); null for SQL handed over
    /// as text (exec_driver_sql(), and the DDL the dialect's DdlCompiler renders as text).
    std::shared_ptr<const sql::CompiledStatement> compiled;
};

/// Receives every statement of a MockEngine; what it throws propagates to the caller (and stops
/// a create_all where it is).
using MockExecutor = std::function<void(const MockStatement& statement)>;

class ATHANOR_API MockEngine {
public:
    /// Prefer create_mock_engine(). `registry`: where to load the dialect from (null: the global one).
    MockEngine(const Url& url, MockExecutor executor, PluginRegistry* registry = nullptr);
    ~MockEngine();
    MockEngine(const MockEngine&);
    MockEngine& operator=(const MockEngine&);

    /// Compiles `statement` for the dialect and hands it, with `params` bound, to the callback.
    /// ArgumentError when a bind has no value, CompileError when the dialect cannot render it.
    void execute(const sql::Executable& statement, const Params& params = {});
    /// executemany: one callback with every set's values in parameter_sets.
    void execute(const sql::Executable& statement, const std::vector<Params>& param_sets);
    /// Raw SQL in the dialect's own paramstyle, handed over as it is (kind text).
    void exec_driver_sql(std::string_view sql, const std::vector<Value>& params = {});

    /// A mock engine has no database: always InvalidRequestError, naming what to use instead.
    [[noreturn]] Connection connect() const;

    const Url& url() const;
    sdk::Dialect& dialect() const;
    const PluginManifest& plugin() const;

private:
    friend class MockDdlRunner;
    std::shared_ptr<detail::EngineState> state_;
    std::shared_ptr<const MockExecutor> executor_;
};

/// Loads the dialect plugin for `url_or_scheme` — a URL ("postgresql://", "sqlite:///app.db")
/// or a bare scheme ("postgresql", "mimer", "postgresql+odbc") — and builds a MockEngine
/// around `executor`. NoSuchModuleError when no plugin serves the scheme (naming every path
/// tried), ArgumentError for a malformed URL or an empty executor. Opens no connection.
ATHANOR_API MockEngine create_mock_engine(std::string_view url_or_scheme, MockExecutor executor);

}  // namespace athanor
