// dialect group — SQLAlchemy test_dialect.py: ping, exception wrapping, isolation levels,
// autocommit, percent escaping, difficult parameter names, RETURNING guards.
#include "context.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

using namespace athanor::sql;
namespace sa = athanor;
namespace bdata = boost::unit_test::data;

namespace {

// cf_data(id, data), created through the session's MetaData.
Table create_data(cf::Session& s) {
    Table t = s.metadata.table("cf_data", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                               Column("data", ty::String(50)));
    s.create_all();
    return t;
}


std::string default_level() {
    cf::Session s;
    return s.conn.get_isolation_level();
}

std::string non_default_level() {
    auto def = default_level();
    for (const auto& l : cf::engine().dialect().isolation_levels())
        if (l != def && l != "AUTOCOMMIT") return l;
    return "";
}

// SQLAlchemy skips test_non_default_isolation_level when the dialect has no level besides its
// default and AUTOCOMMIT (SQLite through ODBC: SERIALIZABLE only); the same, as a precondition.
struct HasNonDefaultLevel {
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
        if (!cf::has("isolation_level") || !non_default_level().empty()) return true;
        boost::test_tools::assertion_result r(false);
        r.message() << "isolation_level: no non-default isolation level available (the dialect lists only its "
                       "default and AUTOCOMMIT)";
        return r;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(dialect)

BOOST_AUTO_TEST_SUITE(PingTest)
BOOST_AUTO_TEST_CASE(test_do_ping, CF_SA("test_dialect.py::PingTest::test_do_ping")) {
    cf::Session s;
    BOOST_TEST(s.conn.driver_connection().ping());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ExceptionTest)
BOOST_AUTO_TEST_CASE(test_integrity_error, CF_REQUIRES("duplicate_key_raises_integrity_error") CF_SA("test_dialect.py::ExceptionTest::test_integrity_error")) {
    cf::Session s;
    auto t = create_data(s);
    auto trans = s.conn.begin();
    s.conn.execute(t.insert(), {{"id", 1}, {"data", "d1"}});
    BOOST_CHECK_THROW(s.conn.execute(t.insert(), {{"id", 1}, {"data", "d1"}}), sa::IntegrityError);
    trans.rollback();
}
// An error message that likely carries non-ASCII text (the unknown column méil): the DBAPIError
// keeps the driver's message whole, inside its own text.
BOOST_AUTO_TEST_CASE(test_exception_with_non_ascii, CF_SA("test_dialect.py::ExceptionTest::test_exception_with_non_ascii")) {
    cf::Session s;
    try {
        s.conn.execute(select(literal_column("méil")));
        BOOST_FAIL("selecting an unknown column did not raise");
    } catch (const sa::DBAPIError& e) {
        const std::string what = e.what();
        BOOST_TEST(!e.driver_message().empty());
        BOOST_TEST(what.find(e.driver_message()) != std::string::npos, what);
        BOOST_TEST(e.statement().find("méil") != std::string::npos);
    }
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(IsolationLevelTest, CF_REQUIRES("isolation_level"))
BOOST_AUTO_TEST_CASE(test_default_isolation_level, CF_SA("test_dialect.py::IsolationLevelTest::test_default_isolation_level")) {
    auto levels = cf::engine().dialect().isolation_levels();
    auto def = default_level();
    BOOST_TEST((std::find(levels.begin(), levels.end(), def) != levels.end()), "default level " << def << " not listed");
}
BOOST_AUTO_TEST_CASE(test_non_default_isolation_level, *boost::unit_test::precondition(HasNonDefaultLevel{}) CF_SA("test_dialect.py::IsolationLevelTest::test_non_default_isolation_level")) {
    auto other = non_default_level();
    BOOST_TEST_REQUIRE(!other.empty());
    cf::Session s;
    s.conn.set_isolation_level(other);
    BOOST_TEST(s.conn.get_isolation_level() == other);
}
BOOST_AUTO_TEST_CASE(test_all_levels, CF_SA("test_dialect.py::IsolationLevelTest::test_all_levels")) {
    cf::Session s;
    auto def = s.conn.get_isolation_level();
    // isolation_level claimed with no level listed would make the loop below check nothing.
    BOOST_TEST_REQUIRE(!cf::engine().dialect().isolation_levels().empty());
    for (const auto& l : cf::engine().dialect().isolation_levels()) {
        s.conn.set_isolation_level(l);
        BOOST_TEST(s.conn.get_isolation_level() == l);
    }
    s.conn.set_isolation_level(def);
}
BOOST_AUTO_TEST_CASE(test_invalid_level_execution_option, CF_REQUIRES("get_isolation_level_values") CF_SA("test_dialect.py::IsolationLevelTest::test_invalid_level_execution_option")) {
    cf::Session s;
    BOOST_TEST_REQUIRE(!cf::engine().dialect().isolation_levels().empty());  // the message must list them
    try {
        s.conn.set_isolation_level("FOO BAR");
        BOOST_FAIL("an invalid isolation level was accepted");
    } catch (const sa::ArgumentError& e) {
        std::string m = e.what();
        BOOST_TEST(m.find("FOO BAR") != std::string::npos);
        for (const auto& l : cf::engine().dialect().isolation_levels()) BOOST_TEST(m.find(l) != std::string::npos, l);
    }
}
// create_engine() itself refuses EngineOptions::isolation_level when the dialect does not list it
// (SQLAlchemy raises at the first connect; Athanor validates the options before any connection,
// as it does pool_size and pool_timeout), naming the level and the valid ones.
BOOST_AUTO_TEST_CASE(test_invalid_level_engine_param,
                     CF_REQUIRES("get_isolation_level_values", "dialect_level_isolation_level_param") CF_SA("test_dialect.py::IsolationLevelTest::test_invalid_level_engine_param")) {
    sa::EngineOptions o;
    o.isolation_level = "FOO BAR";
    try {
        auto e = sa::create_engine(cf::config().url, std::move(o));
        BOOST_FAIL("create_engine accepted the isolation level 'FOO BAR'");
    } catch (const sa::ArgumentError& e) {
        std::string m = e.what();
        BOOST_TEST(m.find("FOO BAR") != std::string::npos, m);
        for (const auto& l : cf::engine().dialect().isolation_levels()) BOOST_TEST(m.find(l) != std::string::npos, l);
    }
}
BOOST_AUTO_TEST_CASE(test_dialect_user_setting_is_restored, CF_REQUIRES("independent_readonly_connections") CF_SA("test_dialect.py::IsolationLevelTest::test_dialect_user_setting_is_restored")) {
    auto other = non_default_level();
    BOOST_TEST_REQUIRE(!other.empty());
    sa::EngineOptions o;
    o.isolation_level = other;
    o.pool_size = 1;
    auto e = sa::create_engine(cf::config().url, std::move(o));
    {
        auto c = e.connect();
        BOOST_TEST(c.get_isolation_level() == other);
        c.set_isolation_level(default_level());
        BOOST_TEST(c.get_isolation_level() == default_level());
    }
    auto c = e.connect();
    BOOST_TEST(c.get_isolation_level() == other);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(AutocommitIsolationTest, CF_REQUIRES("autocommit"))
namespace {
// SQLAlchemy's _test_conn_autocommits: an INSERT inside begin() ... rollback() persists exactly
// when the connection autocommits; the table is emptied again.
void test_conn_autocommits(sa::Connection& conn, const Table& t, bool autocommit) {
    {
        auto trans = conn.begin();
        conn.execute(t.insert(), {{"id", 1}, {"data", "some data"}});
        trans.rollback();
    }
    const auto id = conn.scalar(select(t.c("id")));
    if (autocommit)
        BOOST_TEST(id.as_int() == 1);
    else
        BOOST_TEST(id.is_null());
    conn.rollback();
    auto trans = conn.begin();
    conn.execute(t.delete_());
    trans.commit();
}
}  // namespace
BOOST_AUTO_TEST_CASE(test_autocommit_on, CF_SA("test_dialect.py::AutocommitIsolationTest::test_autocommit_on")) {
    cf::Session s;
    auto t = create_data(s);
    const auto def = s.conn.get_isolation_level();
    s.conn.set_isolation_level("AUTOCOMMIT");
    test_conn_autocommits(s.conn, t, true);
    s.conn.set_isolation_level(def);  // the dialect's reset_isolation_level
    test_conn_autocommits(s.conn, t, false);
}
BOOST_AUTO_TEST_CASE(test_autocommit_off, CF_SA("test_dialect.py::AutocommitIsolationTest::test_autocommit_off")) {
    cf::Session s;
    auto t = create_data(s);
    test_conn_autocommits(s.conn, t, false);
}
BOOST_AUTO_TEST_CASE(test_turn_autocommit_off_via_default_iso_level, CF_SA("test_dialect.py::AutocommitIsolationTest::test_turn_autocommit_off_via_default_iso_level")) {
    cf::Session s;
    auto t = create_data(s);
    const auto def = s.conn.get_isolation_level();
    s.conn.set_isolation_level("AUTOCOMMIT");
    BOOST_TEST(s.conn.get_isolation_level() == "AUTOCOMMIT");
    test_conn_autocommits(s.conn, t, true);
    s.conn.set_isolation_level(def);
    test_conn_autocommits(s.conn, t, false);
}
BOOST_AUTO_TEST_CASE(test_dialect_autocommit_is_restored, CF_REQUIRES("independent_readonly_connections") CF_SA("test_dialect.py::AutocommitIsolationTest::test_dialect_autocommit_is_restored")) {
    sa::EngineOptions o;
    o.isolation_level = "AUTOCOMMIT";
    o.pool_size = 1;
    auto e = sa::create_engine(cf::config().url, std::move(o));
    {
        auto c = e.connect();
        BOOST_TEST(c.get_isolation_level() == "AUTOCOMMIT");
        c.set_isolation_level(default_level());
    }
    auto c = e.connect();
    BOOST_TEST(c.get_isolation_level() == "AUTOCOMMIT");
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(EscapingTest)
BOOST_AUTO_TEST_CASE(test_percent_sign_round_trip, CF_SA("test_dialect.py::EscapingTest::test_percent_sign_round_trip")) {
    cf::Session s;
    auto t = create_data(s);
    s.conn.execute(t.insert().values({{"id", 1}, {"data", "some % value"}}));
    s.conn.execute(t.insert().values({{"id", 2}, {"data", "some %% other value"}}));
    BOOST_TEST(s.conn.scalar(select(t.c("data")).where(t.c("data") == literal_column("'some % value'"))).as_string() ==
               "some % value");
    BOOST_TEST(s.conn.scalar(select(t.c("data")).where(t.c("data") == literal_column("'some %% other value'"))).as_string() ==
               "some %% other value");
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DifficultParametersTest)
// SQLAlchemy's tough_parameters, every one.
const char* tough_parameters[] = {"boring",     "per cent",        "per % cent",   "%percent",
                                  "par(ens)",   "percent%(ens)yah", "col:ons",     "_starts_with_underscore",
                                  "dot.s",      "more :: %colons%", "_name",       "___name",
                                  "[BracketsAndCase]", "42numbers", "percent%signs", "has spaces",
                                  "/slashes/",  "more/slashes",    "q?marks",      "1param",
                                  "1col:on"};
// A column named after the parameter: the INSERT's own bind, a WHERE comparison's, an explicit
// bindparam() of that name given at execution (and the name as the result key), expanding IN.
BOOST_TEST_DECORATOR(CF_REQUIRES("unusual_column_name_characters") CF_SA("test_dialect.py::DifficultParametersTest::test_round_trip_same_named_column"))
BOOST_DATA_TEST_CASE(test_round_trip_same_named_column, bdata::make(tough_parameters), paramname) {
    cf::Session s;
    const std::string name = paramname;
    auto& t = s.metadata.table("cf_difficult", Column("id", ty::Integer(), primary_key()),
                               Column(name, ty::String(50), nullable(false)));
    s.create_all();
    s.conn.execute(t.insert().values({{"id", 1}, {name, "some name"}}));
    BOOST_TEST(s.conn.scalar(select(t.c(name)).where(t.c(name) == "some name")).as_string() == "some name");
    auto row = s.conn.execute(select(t.c(name)).where(t.c(name) == bindparam(name)), {{name, "some name"}}).first();
    BOOST_TEST_REQUIRE(row.has_value());
    BOOST_TEST(s.conn.execute(select(t.c(name)).where(t.c(name) == bindparam(name)), {{name, "some name"}})
                   .mappings()
                   .at(0)[name]
                   .as_string() == "some name");
    BOOST_TEST((*row)[name].as_string() == "some name");
    auto in = s.conn.execute(select(t.c(name)).where(t.c(name).in_({"some name", "some other_name"}))).first();
    BOOST_TEST(in.has_value());
}
namespace {
// SQLAlchemy's multirow_fixture: mytable(myid, name, desc), four rows.
struct Multirow {
    cf::Session s;
    Table& t = s.metadata.table("cf_mytable", Column("myid", ty::Integer()), Column("name", ty::String(50)),
                                Column("desc", ty::String(50)));
    Multirow() {
        s.create_all();
        s.conn.execute(t.insert(), std::vector<sa::Params>{{{"myid", 1}, {"name", "a"}, {"desc", "a_desc"}},
                                                           {{"myid", 2}, {"name", "b"}, {"desc", "b_desc"}},
                                                           {{"myid", 3}, {"name", "c"}, {"desc", "c_desc"}},
                                                           {{"myid", 4}, {"name", "d"}, {"desc", "d_desc"}}});
    }
};
}  // namespace
// A standalone bindparam() under each awkward name, with a default value the execution's
// parameter overrides.
BOOST_TEST_DECORATOR(CF_SA("test_dialect.py::DifficultParametersTest::test_standalone_bindparam_escape"))
BOOST_DATA_TEST_CASE(test_standalone_bindparam_escape, bdata::make(tough_parameters), paramname) {
    Multirow f;
    const std::string name = paramname;
    auto stmt = select(f.t.c("myid")).where(f.t.c("name") == bindparam(name, sa::Value("x")));
    BOOST_TEST(f.s.conn.scalar(stmt, {{name, "c"}}).as_int() == 3);
}
// The same for an expanding bindparam(): its default list is replaced by the execution's.
BOOST_TEST_DECORATOR(CF_SA("test_dialect.py::DifficultParametersTest::test_standalone_bindparam_escape_expanding"))
BOOST_DATA_TEST_CASE(test_standalone_bindparam_escape_expanding, bdata::make(tough_parameters), paramname) {
    Multirow f;
    const std::string name = paramname;
    auto stmt = select(f.t.c("myid"))
                    .where(f.t.c("name").in_(bindparam(name, {.list = std::vector<sa::Value>{"a", "b"}, .expanding = true})))
                    .order_by(f.t.c("myid"));
    sa::Params params;
    params.set_list(name, {"d", "a"});
    BOOST_TEST(cf::column_ints(f.s.conn.execute(stmt, params)) == (std::vector<std::int64_t>{1, 4}),
               boost::test_tools::per_element());
    // Without the execution's list, the default one.
    BOOST_TEST(cf::column_ints(f.s.conn.execute(stmt)) == (std::vector<std::int64_t>{1, 2}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ReturningGuardsTest)
namespace {
// Runs `fn`; with the flag open it must succeed and return `expected` ids, else it must raise.
void guard(const char* flag, const std::function<std::vector<std::int64_t>()>& fn, std::vector<std::int64_t> expected) {
    if (cf::has(flag)) {
        BOOST_TEST(fn() == expected, boost::test_tools::per_element());
        return;
    }
    try {
        fn();
    } catch (const sa::Error&) {
        return;
    }
    BOOST_ERROR("the statement with RETURNING ran although the manifest does not claim " << flag
                << ": claim it, or have the statement compiler refuse RETURNING (supports_returning() false)");
}
// An executemany with RETURNING: where the driver cannot hand back RETURNING rows from one batch
// (its manifest does not claim cursor_executemany_returning) the engine runs the statement row by row and
// collects every row, so it succeeds wherever the single statement's RETURNING does: the rows
// are expected when either flag is open (SQLAlchemy refuses it without the executemany flag).
void guard_many(const char* many_flag, const char* single_flag, const std::function<std::vector<std::int64_t>()>& fn,
                std::vector<std::int64_t> expected) {
    guard(cf::has(many_flag) ? many_flag : single_flag, fn, std::move(expected));
}
}  // namespace
// SQLAlchemy's run_stmt: the statement with .returning(t.c.id), run once with {id-param: 1,
// data: "d1"} or as an executemany of three such sets; UPDATE and DELETE find the row by a
// bindparam and UPDATE sets data from the parameters.
namespace {
std::vector<sa::Params> three_sets(const std::string& id_param) {
    return {{{id_param, 1}, {"data", "d1"}}, {{id_param, 2}, {"data", "d2"}}, {{id_param, 3}, {"data", "d3"}}};
}
void insert_three(cf::Session& s, const Table& t) { s.conn.execute(t.insert(), three_sets("id")); }
}  // namespace
BOOST_AUTO_TEST_CASE(test_insert_single, CF_SA("test_dialect.py::ReturningGuardsTest::test_insert_single")) {
    cf::Session s;
    auto t = create_data(s);
    guard("insert_returning", [&] { return cf::column_ints(s.conn.execute(t.insert().returning(t.c("id")), {{"id", 1}, {"data", "d1"}})); }, {1});
}
BOOST_AUTO_TEST_CASE(test_insert_many, CF_SA("test_dialect.py::ReturningGuardsTest::test_insert_many")) {
    cf::Session s;
    auto t = create_data(s);
    guard_many("insert_executemany_returning", "insert_returning", [&] {
        return cf::column_ints(s.conn.execute(t.insert().returning(t.c("id")), three_sets("id")));
    }, {1, 2, 3});
}
BOOST_AUTO_TEST_CASE(test_update_single, CF_SA("test_dialect.py::ReturningGuardsTest::test_update_single")) {
    cf::Session s;
    auto t = create_data(s);
    insert_three(s, t);
    guard("update_returning", [&] {
        return cf::column_ints(s.conn.execute(t.update().where(t.c("id") == bindparam("b_id")).returning(t.c("id")),
                                              {{"b_id", 1}, {"data", "d1"}}));
    }, {1});
}
BOOST_AUTO_TEST_CASE(test_update_many, CF_SA("test_dialect.py::ReturningGuardsTest::test_update_many")) {
    cf::Session s;
    auto t = create_data(s);
    insert_three(s, t);
    guard_many("update_executemany_returning", "update_returning", [&] {
        return cf::column_ints(s.conn.execute(t.update().where(t.c("id") == bindparam("b_id")).returning(t.c("id")),
                                              three_sets("b_id")));
    }, {1, 2, 3});
}
BOOST_AUTO_TEST_CASE(test_delete_single, CF_SA("test_dialect.py::ReturningGuardsTest::test_delete_single")) {
    cf::Session s;
    auto t = create_data(s);
    insert_three(s, t);
    guard("delete_returning", [&] {
        return cf::column_ints(s.conn.execute(t.delete_().where(t.c("id") == bindparam("b_id")).returning(t.c("id")),
                                              {{"b_id", 1}, {"data", "d1"}}));
    }, {1});
}
BOOST_AUTO_TEST_CASE(test_delete_many, CF_SA("test_dialect.py::ReturningGuardsTest::test_delete_many")) {
    cf::Session s;
    auto t = create_data(s);
    insert_three(s, t);
    guard_many("delete_executemany_returning", "delete_returning", [&] {
        return cf::column_ints(s.conn.execute(t.delete_().where(t.c("id") == bindparam("b_id")).returning(t.c("id")),
                                              three_sets("b_id")));
    }, {1, 2, 3});
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
