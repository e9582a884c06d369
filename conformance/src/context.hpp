// conformance/src/context.hpp — what every conformance test shares: the run's settings, the
// Engine under test, the capability gate and per-backend provisioning.
//
// A test declares the SQLAlchemy requirement names it needs with CF_REQUIRES; a closed gate
// makes Boost.Test skip it with the flag's name as the reason. Tables are created through a
// Session, which drops them again (and drops leftovers first), so runs repeat.
//
// Usage:
//   BOOST_AUTO_TEST_CASE(test_simple_limit, CF_REQUIRES("offset")) {
//       cf::Session s;
//       s.create("cf_some_table", {"id " + cf::pk_int(), "x " + cf::type(cf::T::integer)});
//       s.conn.execute(athanor::text("INSERT INTO cf_some_table (id, x) VALUES (1, 2)"));
//   }
#pragma once

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/text.hpp>

#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

// Boost.Test prints values in failure messages.
namespace athanor {
inline std::ostream& operator<<(std::ostream& os, const Value& v) { return os << v.repr(); }
inline std::ostream& operator<<(std::ostream& os, const Date& v) { return os << v.iso(); }
inline std::ostream& operator<<(std::ostream& os, const Time& v) { return os << v.iso(); }
inline std::ostream& operator<<(std::ostream& os, const DateTime& v) { return os << v.iso(); }
inline std::ostream& operator<<(std::ostream& os, const Decimal& v) { return os << v.str(); }
}  // namespace athanor

namespace cf {

struct Config {
    std::string url = "sqlite://";
    std::vector<std::string> plugins;  // --plugin files, registered before the engine is made
    std::string report_json;           // --report-json FILE ("" = none)
    std::string compile_dir;           // --compile-dir: root of compile/<dialect>/*.txt
};
Config& config();

/// The engine under test (made by the global fixture; never connects by itself).
athanor::Engine& engine();
const athanor::PluginManifest& manifest();
/// Backend name ("sqlite") and the driver in use ("sqlite3", "odbc").
std::string dialect_name();
std::string driver_name();

/// Whether the requirement is open for this URL. Manifest entries are "flag" (every driver of
/// the plugin) or "flag@driver" (that driver only); "-flag@driver" withdraws a flag for one
/// driver. A few flags are derived from the engine rather than claimed (see context.cpp).
bool has(std::string_view flag);
/// The reason a requirement is closed, "" when open.
std::string closed_reason(std::string_view flag);

/// Boost.Test precondition: every flag must be open.
struct Requires {
    std::vector<std::string> flags;
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const;
};
#define CF_REQUIRES(...) *boost::unit_test::precondition(::cf::Requires{{__VA_ARGS__}})

// ---- provisioning (SQLAlchemy's provision.py): DDL vocabulary per backend -------------------
enum class T { integer, bigint, smallint, varchar, text, numeric, floating, double_, boolean, date, time,
               datetime, datetime_tz, time_tz, binary, uuid, json, interval };
/// The DDL type for a generic type on this backend: type(T::varchar, 50) -> "VARCHAR(50)".
std::string type(T t, int a = 0, int b = 0);
/// "INTEGER PRIMARY KEY" spelling of an autoincrementing integer primary key.
std::string pk_int();
/// A TypeEngine for the expression language's Table definitions.
athanor::sql::TypePtr sql_type(T t, int a = 0, int b = 0);

/// One connection plus the tables a test created; dropped (and committed) on destruction.
class Session {
public:
    Session();
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    /// Drops `name` if a previous run left it, then CREATE TABLE name (columns...) and commits.
    void create(const std::string& name, const std::vector<std::string>& columns, const std::string& suffix = "");
    /// Runs any DDL and records `drop_sql` to run at the end (reverse order).
    void ddl(const std::string& create_sql, const std::string& drop_sql);
    /// Best-effort: runs `sql`, swallowing errors (for cleanup of leftovers), and commits.
    void try_exec(const std::string& sql);
    athanor::Result exec(const std::string& sql, const athanor::Params& params = {});
    athanor::Connection conn;

private:
    std::vector<std::string> drops_;
};

/// Quoted identifier in this dialect.
std::string q(std::string_view identifier);
/// Values of the first column, as strings ("NULL" for NULL), for compact comparisons.
std::vector<std::string> column_strings(athanor::Result result);
std::vector<std::int64_t> column_ints(athanor::Result result);

}  // namespace cf
