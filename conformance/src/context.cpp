// The run's shared state: settings, the engine, capability evaluation and provisioning.
#include "context.hpp"

#include <athanor/errors.hpp>
#include <athanor/engine/pool.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/type_compiler.hpp>

#include <algorithm>
#include <optional>

namespace cf {

Config& config() {
    static Config instance;
    return instance;
}

athanor::Engine& engine() {
    static std::optional<athanor::Engine> instance;
    if (!instance) {
        for (const auto& p : config().plugins) athanor::PluginRegistry::global().register_plugin(p);
        athanor::EngineOptions options;
        options.pool_timeout = std::chrono::milliseconds(5000);
        instance.emplace(athanor::create_engine(config().url, std::move(options)));
    }
    return *instance;
}

const athanor::PluginManifest& manifest() { return engine().plugin(); }

std::string dialect_name() { return engine().dialect().name(); }
std::string order_by_collation() {
    const auto name = dialect_name();
    if (name == "postgresql") return "POSIX";
    if (name == "sqlite") return "NOCASE";
    return {};
}

std::string driver_name() { return engine().dialect().driver(); }

namespace {

bool listed(std::string_view token) {
    const auto& caps = manifest().capabilities;
    return std::find(caps.begin(), caps.end(), token) != caps.end();
}

bool single_connection() { return engine().pool().settings().single; }

std::map<boost::unit_test::test_unit_id, std::vector<std::string>>& requirements_by_case() {
    static std::map<boost::unit_test::test_unit_id, std::vector<std::string>> instance;
    return instance;
}

}  // namespace

const std::map<boost::unit_test::test_unit_id, std::vector<std::string>>& declared_requirements() {
    return requirements_by_case();
}

std::string closed_reason(std::string_view flag) {
    const std::string f(flag);
    const auto& assumed = config().assume;
    if (std::find(assumed.begin(), assumed.end(), f) != assumed.end()) return "";
    // Derived from the engine, like SQLAlchemy's requirements that look at the pool or URL.
    if (f == "independent_connections" || f == "independent_readonly_connections") {
        if (single_connection()) return f + " (the pool holds one shared connection for this URL)";
    }
    return listed(f) ? "" : f;
}

bool has(std::string_view flag) { return closed_reason(flag).empty(); }

boost::test_tools::assertion_result Requires::operator()(boost::unit_test::test_unit_id id) const {
    requirements_by_case()[id] = flags;
    std::vector<std::string> closed;
    for (const auto& f : flags) {
        auto r = closed_reason(f);
        if (!r.empty()) closed.push_back(r);
    }
    if (closed.empty()) return true;
    boost::test_tools::assertion_result result(false);
    result.message() << "requirement closed: ";
    for (std::size_t i = 0; i < closed.size(); ++i) result.message() << (i ? ", " : "") << closed[i];
    return result;
}

// ---- provisioning ---------------------------------------------------------------------------

std::string type(const athanor::sql::TypePtr& generic) {
    return athanor::sql::type_compiler_for(engine().dialect())->process(*generic);
}

namespace {

/// Creates `name` unless it exists (an error from CREATE SCHEMA is taken to mean it does);
/// returns it.
const std::string& provisioned_schema(const std::string& name) {
    auto connection = engine().connect();
    try {
        connection.execute(athanor::text("CREATE SCHEMA " + q(name)));
        connection.commit();
    } catch (const athanor::Error&) {
        try {
            connection.rollback();
        } catch (...) {
        }
    }
    return name;
}

}  // namespace

const std::string& test_schema() {
    static const std::string name = provisioned_schema("test_schema");
    return name;
}

const std::string& test_schema_2() {
    static const std::string name = provisioned_schema("test_schema_2");
    return name;
}

std::string q(std::string_view identifier) { return engine().dialect().quote_identifier(identifier); }

Session::Session() : conn(engine().connect()) {}

Session::~Session() {
    try {
        conn.rollback();
    } catch (...) {
    }
    // Raw DDL first: views and the like depend on the MetaData's tables.
    for (auto it = drops_.rbegin(); it != drops_.rend(); ++it) try_exec(*it);
    if (!created_) return;
    try {
        metadata.drop_all(conn);
        conn.commit();
    } catch (const athanor::Error&) {
        try {
            conn.rollback();
        } catch (...) {
        }
    }
}

void Session::create_all() {
    // Tables new since the last call: drop what a crashed earlier run left of them, then
    // create_all (checkfirst) creates exactly those.
    const auto tables = metadata.tables();
    for (auto it = tables.rbegin(); it != tables.rend(); ++it) {
        const auto& node = it->table();
        if (created_tables_.count(node.key())) continue;
        if (engine().dialect().has_table(conn.driver_connection(), node.table_name, node.schema))
            try_exec("DROP TABLE " + (node.schema.empty() ? "" : q(node.schema) + ".") + q(node.table_name));
    }
    for (const auto& t : tables) created_tables_.insert(t.table().key());
    created_ = true;
    metadata.create_all(conn);
    conn.commit();
}

void Session::try_exec(const std::string& sql) {
    try {
        conn.execute(athanor::text(sql));
        conn.commit();
    } catch (const athanor::Error&) {
        try {
            conn.rollback();
        } catch (...) {
        }
    }
}

void Session::ddl(const std::string& create_sql, const std::string& drop_sql) {
    try_exec(drop_sql);  // a crashed earlier run may have left it
    conn.execute(athanor::text(create_sql));
    conn.commit();
    drops_.push_back(drop_sql);
}

athanor::Result Session::exec(const std::string& sql, const athanor::Params& params) {
    return conn.execute(athanor::text(sql), params);
}

std::vector<std::string> column_strings(athanor::Result result) {
    std::vector<std::string> out;
    for (const auto& v : result.scalars()) out.push_back(v.is_null() ? "NULL" : v.to_string());
    return out;
}

std::vector<std::int64_t> column_ints(athanor::Result result) {
    std::vector<std::int64_t> out;
    for (const auto& v : result.scalars()) out.push_back(v.as_int());
    return out;
}

}  // namespace cf
