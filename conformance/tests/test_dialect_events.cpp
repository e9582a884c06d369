// dialect group, continued — SQLAlchemy test_dialect.py::WeCanSetDefaultSchemaWEventsTest: a
// `connect` listener that switches the session's default schema is seen by the engine's
// default_schema_name only when it runs before the engine's first-connect set-up
// (ListenOptions::insert), and the switch survives transactions.
#include "context.hpp"

#include <athanor/errors.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/driver_util.hpp>

#include <algorithm>

namespace sa = athanor;

namespace {

// SQLAlchemy's config.test_schema.
const std::string test_schema = "test_schema";

// SQLAlchemy's provision.set_default_schema_on_connection, per dialect.
void set_default_schema_on_connection(sa::sdk::DriverConnection& connection, const std::string& schema) {
    if (cf::dialect_name() == "postgresql") {
        // In autocommit, as SQLAlchemy's provisioning does: a SET inside the connection's
        // implicit transaction would be undone by the engine's rollback after its first-connect
        // set-up.
        const bool autocommit = connection.autocommit();
        connection.set_autocommit(true);
        sa::sdk::execute_statement(connection, "SET SESSION search_path TO " + cf::q(schema));
        connection.set_autocommit(autocommit);
        return;
    }
    throw sa::NotSupportedError("no provisioning to set the default schema for dialect " + cf::dialect_name() +
                                "; it should not claim default_schema_name_switch");
}

// The schema exists for the test: created when missing (and then dropped again), left alone
// when the run's provisioning made it.
struct TestSchema {
    bool created = false;
    TestSchema() {
        auto conn = cf::engine().connect();
        auto names = sa::Inspector(conn).get_schema_names();
        if (std::find(names.begin(), names.end(), test_schema) != names.end()) return;
        conn.exec_driver_sql("CREATE SCHEMA IF NOT EXISTS " + cf::q(test_schema));
        conn.commit();
        created = true;
    }
    ~TestSchema() {
        if (!created) return;
        try {
            auto conn = cf::engine().connect();
            conn.exec_driver_sql("DROP SCHEMA IF EXISTS " + cf::q(test_schema) + " CASCADE");
            conn.commit();
        } catch (...) {
        }
    }
};

// config.db.dialect.default_schema_name: the suite's engine, once it has connected.
std::string suite_default_schema_name() {
    { auto c = cf::engine().connect(); }
    return cf::engine().default_schema_name();
}

sa::Engine testing_engine() { return sa::create_engine(cf::config().url); }

}  // namespace

BOOST_AUTO_TEST_SUITE(dialect)

BOOST_AUTO_TEST_SUITE(WeCanSetDefaultSchemaWEventsTest, CF_REQUIRES("default_schema_name_switch"))
BOOST_AUTO_TEST_CASE(test_control_case, CF_SA("test_dialect.py::WeCanSetDefaultSchemaWEventsTest::test_control_case")) {
    const auto expected = suite_default_schema_name();
    BOOST_TEST_REQUIRE(!expected.empty());
    auto eng = testing_engine();
    { auto c = eng.connect(); }
    BOOST_TEST(eng.default_schema_name() == expected);
}
BOOST_FIXTURE_TEST_CASE(test_wont_work_wo_insert, TestSchema, CF_SA("test_dialect.py::WeCanSetDefaultSchemaWEventsTest::test_wont_work_wo_insert")) {
    const auto expected = suite_default_schema_name();
    auto eng = testing_engine();
    eng.events().on_connect([](sa::sdk::DriverConnection& c) { set_default_schema_on_connection(c, test_schema); });
    {
        auto conn = eng.connect();
        BOOST_TEST(sa::Inspector(conn).default_schema_name() == test_schema);
    }
    BOOST_TEST(eng.default_schema_name() == expected);
}
BOOST_FIXTURE_TEST_CASE(test_schema_change_on_connect, TestSchema, CF_SA("test_dialect.py::WeCanSetDefaultSchemaWEventsTest::test_schema_change_on_connect")) {
    auto eng = testing_engine();
    eng.events().on_connect([](sa::sdk::DriverConnection& c) { set_default_schema_on_connection(c, test_schema); },
                            {.insert = true});
    {
        auto conn = eng.connect();
        BOOST_TEST(sa::Inspector(conn).default_schema_name() == test_schema);
    }
    BOOST_TEST(eng.default_schema_name() == test_schema);
}
BOOST_FIXTURE_TEST_CASE(test_schema_change_works_w_transactions, TestSchema, CF_SA("test_dialect.py::WeCanSetDefaultSchemaWEventsTest::test_schema_change_works_w_transactions")) {
    auto eng = testing_engine();
    eng.events().on_connect([](sa::sdk::DriverConnection& c) { set_default_schema_on_connection(c, test_schema); },
                            {.insert = true});
    {
        auto conn = eng.connect();
        auto trans = conn.begin();
        BOOST_TEST(sa::Inspector(conn).default_schema_name() == test_schema);
        trans.rollback();
        BOOST_TEST(sa::Inspector(conn).default_schema_name() == test_schema);
    }
    BOOST_TEST(eng.default_schema_name() == test_schema);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
