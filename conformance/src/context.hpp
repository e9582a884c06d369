// conformance/src/context.hpp — what every conformance test shares: the run's settings, the
// Engine under test, the capability gate and per-backend provisioning.
//
// A test declares the SQLAlchemy requirement names it needs with CF_REQUIRES; a closed gate
// makes Boost.Test skip it with the flag's name as the reason. Tables are defined on the
// Session's MetaData with generic types (what a third-party plugin must compile) and created
// with create_all(); the Session drops them again (and drops leftovers first), so runs repeat.
// Raw DDL through text() is only for what MetaData cannot express (views, temporary tables,
// computed columns) or where the test is about the SQL itself.
//
// Usage:
//   BOOST_AUTO_TEST_CASE(test_simple_limit, CF_REQUIRES("offset")) {
//       cf::Session s;
//       auto& t = s.metadata.table("cf_some_table", Column("id", Integer(), primary_key()),
//                                  Column("x", Integer()));
//       s.create_all();
//       s.conn.execute(t.insert().values({{"id", 1}, {"x", 2}}));
//   }
#pragma once

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/schema/metadata.hpp>
#include <athanor/sql/types.hpp>
#include <athanor/sql/text.hpp>

#include <boost/test/unit_test.hpp>

#include "sa_tests.hpp"

#include <map>
#include <ostream>
#include <set>
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

// Generic types for the tests' Column definitions: ty::Integer(), ty::String(50), ...
namespace ty = athanor::types;

namespace cf {

struct Config {
    std::string url = "sqlite://";
    std::vector<std::string> plugins;  // --plugin files, registered before the engine is made
    std::string report_json;           // --report-json FILE ("" = none)
    std::string compile_dir;           // root of <dialect>/*.txt (see data_paths.hpp)
    std::string compile_dir_origin;    // why that root: "--compile-dir", "installed", ...
    /// --assume FLAG: treat these requirements as claimed (to find out whether a plugin passes
    /// the cases of a capability it does not claim; conformance/tools/probe_unclaimed.py).
    std::vector<std::string> assume;
};
Config& config();

/// The engine under test (made by the global fixture; never connects by itself).
athanor::Engine& engine();
const athanor::PluginManifest& manifest();
/// Backend name ("sqlite") and the driver in use ("sqlite3", "odbc").
std::string dialect_name();
/// A collation the database has, for the COLLATE and collation-reflection cases: SQLAlchemy's
/// get_order_by_collation (PostgreSQL "POSIX", SQLite "NOCASE"); "" for a dialect not known
/// here, whose cases then fail with a message naming it (a plugin claiming order_by_collation
/// or column_collation_reflection adds its collation here).
std::string order_by_collation();
std::string driver_name();

/// Whether the requirement is open for this URL: the plugin's manifest lists it. A few flags
/// are derived from the engine rather than claimed (see context.cpp).
bool has(std::string_view flag);
/// The reason a requirement is closed, "" when open.
std::string closed_reason(std::string_view flag);

/// The requirement flags each test case declared with CF_REQUIRES, by test unit id (recorded
/// when its precondition is checked; the JSON report lists them per case).
const std::map<boost::unit_test::test_unit_id, std::vector<std::string>>& declared_requirements();

/// Boost.Test precondition: every flag must be open.
struct Requires {
    std::vector<std::string> flags;
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const;
};
#define CF_REQUIRES(...) *boost::unit_test::precondition(::cf::Requires{{__VA_ARGS__}})

// ---- provisioning (SQLAlchemy's provision.py) ------------------------------------------------
/// The DDL name the dialect's own type compiler gives a generic type, for the few raw DDL
/// statements MetaData cannot express: type(athanor::types::String(50)) -> "VARCHAR(50)".
std::string type(const athanor::sql::TypePtr& generic);

/// One connection plus the tables a test created; dropped (and committed) on destruction.
class Session {
public:
    Session();
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    /// The tables (and sequences) of this test; create_all() creates them.
    athanor::sql::MetaData metadata;
    /// Drops what a crashed earlier run left of `metadata`, then create_all and commit; the
    /// destructor runs drop_all.
    void create_all();
    /// Raw DDL (views, temporary tables, computed columns):
    /// Runs any DDL and records `drop_sql` to run at the end (reverse order).
    void ddl(const std::string& create_sql, const std::string& drop_sql);
    /// Best-effort: runs `sql`, swallowing errors (for cleanup of leftovers), and commits.
    void try_exec(const std::string& sql);
    athanor::Result exec(const std::string& sql, const athanor::Params& params = {});
    athanor::Connection conn;

private:
    std::vector<std::string> drops_;
    bool created_ = false;
    std::set<std::string> created_tables_;
};

/// SQLAlchemy's config.test_schema and config.test_schema_2: schemas besides the default one,
/// for the cases gated on `schemas`. The first call creates whichever is missing (CREATE
/// SCHEMA; scripts/pg-test-cluster makes both up front); they are never dropped, so tables a
/// case puts there must be dropped by it (Session does, for its MetaData).
const std::string& test_schema();
const std::string& test_schema_2();

/// Quoted identifier in this dialect.
std::string q(std::string_view identifier);
/// Values of the first column, as strings ("NULL" for NULL), for compact comparisons.
std::vector<std::string> column_strings(athanor::Result result);
std::vector<std::int64_t> column_ints(athanor::Result result);

}  // namespace cf
