// MockEngine: the dialect of an EngineState whose pool is never used. Statements compile
// through EngineState::compile() (the path Connection::execute() takes, cache included) and
// bind as there; the callback gets what the driver cursor would have been given.
#include "engine_state.hpp"

#include <athanor/engine/connection.hpp>
#include <athanor/engine/mock_engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/errors.hpp>
#include <athanor/sql/ddl.hpp>
#include <athanor/sql/schema/ddl_runner.hpp>
#include <athanor/sql/schema/metadata.hpp>

#include <utility>

namespace athanor {

namespace {

Url mock_url(std::string_view url_or_scheme) {
    // A bare scheme ("postgresql", "mimer+odbc") names the dialect alone.
    if (url_or_scheme.find("://") == std::string_view::npos) {
        if (url_or_scheme.empty())
            throw ArgumentError("create_mock_engine needs a URL or a dialect scheme (\"postgresql\", \"sqlite://\"); "
                                "got an empty string");
        return Url::parse(std::string(url_or_scheme) + "://");
    }
    return Url::parse(url_or_scheme);
}

[[noreturn]] void no_database(const std::string& what, const Url& url) {
    throw InvalidRequestError(what + " needs a database, and a mock engine (" + url.render() +
                              ") has none: it only compiles statements for its dialect and hands them to its "
                              "callback; use create_engine() for a real connection");
}

}  // namespace

/// create_all / drop_all through a mock: every construct compiled and handed over, the DDL the
/// dialect renders as text handed over as it is; checkfirst questions cannot be answered.
class MockDdlRunner final : public sql::DdlRunner {
public:
    explicit MockDdlRunner(MockEngine& engine) : engine_(engine) {}
    const sdk::Dialect& dialect() const override { return engine_.dialect(); }
    void run(const sql::DdlElement& ddl) override { engine_.execute(ddl); }
    void run_sql(const std::string& sql) override {
        MockStatement statement;
        statement.sql = sql;
        statement.kind = sql::StatementKind::ddl;
        (*engine_.executor_)(statement);
    }
    bool has_table(const sql::TableNode&) override { no_database("checkfirst (has_table)", engine_.url()); }
    bool exists(const std::string&) override { no_database("checkfirst (an existence query)", engine_.url()); }

    /// Refuses checkfirst before anything reaches the callback.
    static void check(const MockEngine& engine, bool checkfirst, const char* call) {
        if (checkfirst)
            no_database(std::string("MetaData::") + call + " with checkfirst (whether each object already exists)",
                        engine.url());
    }

private:
    MockEngine& engine_;
};

MockEngine::MockEngine(const Url& url, MockExecutor executor, PluginRegistry* registry) {
    if (!executor) throw ArgumentError("create_mock_engine needs a callback to hand the statements to; got an empty one");
    PluginRegistry& plugins = registry ? *registry : PluginRegistry::global();
    LoadedDialect loaded = plugins.load(url);
    EngineOptions options;
    options.registry = registry;
    state_ = std::make_shared<detail::EngineState>(url, std::move(options), std::move(loaded));
    executor_ = std::make_shared<const MockExecutor>(std::move(executor));
}

MockEngine::~MockEngine() = default;
MockEngine::MockEngine(const MockEngine&) = default;
MockEngine& MockEngine::operator=(const MockEngine&) = default;

void MockEngine::execute(const sql::Executable& statement, const Params& params) {
    Params statement_values;
    bool from_cache = false;
    auto compiled = state_->compile(statement, params, statement_values, from_cache);
    MockStatement out;
    out.sql = compiled->sql;
    out.parameters = compiled->bind(params, statement_values.empty() ? nullptr : &statement_values);
    out.kind = compiled->kind;
    out.compiled = std::move(compiled);
    (*executor_)(out);
}

void MockEngine::execute(const sql::Executable& statement, const std::vector<Params>& param_sets) {
    if (param_sets.empty())
        throw ArgumentError("executemany needs at least one parameter set; pass Params{} to execute once");
    Params statement_values;
    bool from_cache = false;
    auto compiled = state_->compile(statement, param_sets.front(), statement_values, from_cache);
    const Params* own = statement_values.empty() ? nullptr : &statement_values;
    MockStatement out;
    out.sql = compiled->sql;
    // Every set is bound before anything is handed over: a set missing a value fails the call.
    for (const auto& params : param_sets) out.parameter_sets.push_back(compiled->bind(params, own));
    out.parameters = out.parameter_sets.front();
    out.kind = compiled->kind;
    out.compiled = std::move(compiled);
    (*executor_)(out);
}

void MockEngine::exec_driver_sql(std::string_view sql, const std::vector<Value>& params) {
    MockStatement out;
    out.sql = std::string(sql);
    out.parameters = params;
    out.kind = sql::StatementKind::text;
    (*executor_)(out);
}

Connection MockEngine::connect() const { no_database("connect() (and with it rows, transactions and reflection)", url()); }

const Url& MockEngine::url() const { return state_->url; }
sdk::Dialect& MockEngine::dialect() const { return *state_->dialect; }
const PluginManifest& MockEngine::plugin() const { return *state_->manifest; }

MockEngine create_mock_engine(std::string_view url_or_scheme, MockExecutor executor) {
    return MockEngine(mock_url(url_or_scheme), std::move(executor));
}

}  // namespace athanor

namespace athanor::sql {

void MetaData::create_all(MockEngine& engine, bool checkfirst) const {
    MockDdlRunner::check(engine, checkfirst, "create_all");
    MockDdlRunner runner(engine);
    create_all(static_cast<DdlRunner&>(runner), false);
}

void MetaData::drop_all(MockEngine& engine, bool checkfirst) const {
    MockDdlRunner::check(engine, checkfirst, "drop_all");
    MockDdlRunner runner(engine);
    drop_all(static_cast<DdlRunner&>(runner), false);
}

}  // namespace athanor::sql
