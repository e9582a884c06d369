// The same SQLite failure raises the same exception class with the same SQLSTATE whichever
// transport runs it: sqlite:// (the SQLite3 C API) and sqlite+odbc:// (the SQLite ODBC driver)
// share one mapping from SQLite's result codes (plugins/sqlite/sqlite_errors.hpp). Only the
// public API is used: create_engine() and execute().
//
// Before the mapping was shared, the transports disagreed on the class of "file is not a
// database" (OperationalError on sqlite://, DatabaseError on sqlite+odbc://) and on every
// SQLSTATE (none on sqlite://; 23000 or HY000 on sqlite+odbc://, HY000 also for the data
// errors); the other classes already matched.
#define BOOST_TEST_MODULE test_sqlite_error_mapping
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/sql/text.hpp>

#include <cstdint>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace sa = athanor;
using sa::text;

namespace {

const char* const schemes[] = {"sqlite", "sqlite+odbc"};

/// What a failure looked like: the most derived Athanor class, the SQLSTATE, SQLite's primary
/// result code (the low byte of the native code) and the driver's message.
struct Outcome {
    std::string error_class;
    std::string sqlstate;
    std::int64_t primary_code = -1;
    std::string message;
};

std::string class_name(const sa::DBAPIError& e) {
    // Subclasses before the classes they derive from.
    if (dynamic_cast<const sa::IntegrityError*>(&e)) return "IntegrityError";
    if (dynamic_cast<const sa::OperationalError*>(&e)) return "OperationalError";
    if (dynamic_cast<const sa::ProgrammingError*>(&e)) return "ProgrammingError";
    if (dynamic_cast<const sa::DataError*>(&e)) return "DataError";
    if (dynamic_cast<const sa::NotSupportedError*>(&e)) return "NotSupportedError";
    if (dynamic_cast<const sa::InternalError*>(&e)) return "InternalError";
    if (dynamic_cast<const sa::InterfaceError*>(&e)) return "InterfaceError";
    if (dynamic_cast<const sa::DatabaseError*>(&e)) return "DatabaseError";
    return "DBAPIError";
}

Outcome outcome_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const sa::DBAPIError& e) {
        const std::int64_t primary = e.native_code() ? (*e.native_code() & 0xff) : -1;
        return {class_name(e), e.sqlstate(), primary, e.driver_message()};
    }
    BOOST_FAIL("no DBAPIError was thrown");
    return {};
}

/// What a failure must look like on both transports.
struct Expected {
    const char* error_class;
    const char* sqlstate;
    std::int64_t primary_code;  // SQLITE_CONSTRAINT 19, SQLITE_ERROR 1, ...
    const char* message_part;
};

/// Runs `fail(scheme)` for each transport and checks both outcomes against `expected`.
void check_alike(const Expected& expected, const std::function<Outcome(const std::string& scheme)>& fail) {
    for (const char* scheme : schemes) {
        BOOST_TEST_CONTEXT(scheme) {
            const Outcome seen = fail(scheme);
            BOOST_TEST(seen.error_class == expected.error_class, seen.message);
            BOOST_TEST(seen.sqlstate == expected.sqlstate);
            BOOST_TEST(seen.primary_code == expected.primary_code);
            BOOST_TEST(athanor::test::contains(seen.message, expected.message_part), seen.message);
        }
    }
}

/// `scheme:///` URL of a database file in `dir`.
std::string file_url(const athanor::test::TempDir& dir, const std::string& scheme, const std::string& query = "") {
    return scheme + ":///" + dir.file("test.db").string() + (query.empty() ? "" : "?" + query);
}

/// A parent/child schema in a private in-memory database; foreign keys are on for both
/// transports (sqlite:// sets the pragma, sqlite+odbc:// the driver's FKSupport=1).
sa::Connection schema_connection(sa::Engine& engine) {
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                      "age INTEGER CHECK (age >= 0))"));
    conn.execute(text("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))"));
    conn.execute(text("INSERT INTO parent (id, name, age) VALUES (1, 'a', 30)"));
    conn.commit();
    return conn;
}

struct StatementCase {
    const char* what;
    const char* sql;
    Expected expected;
};

const StatementCase statement_cases[] = {
    {"UNIQUE violation", "INSERT INTO parent (id, name) VALUES (2, 'a')",
     {"IntegrityError", "23000", 19, "UNIQUE constraint failed: parent.name"}},
    {"PRIMARY KEY violation", "INSERT INTO parent (id, name) VALUES (1, 'b')",
     {"IntegrityError", "23000", 19, "UNIQUE constraint failed: parent.id"}},
    {"NOT NULL violation", "INSERT INTO parent (id, name) VALUES (3, NULL)",
     {"IntegrityError", "23000", 19, "NOT NULL constraint failed: parent.name"}},
    {"CHECK violation", "INSERT INTO parent (id, name, age) VALUES (4, 'd', -1)",
     {"IntegrityError", "23000", 19, "CHECK constraint failed"}},
    {"FOREIGN KEY violation", "INSERT INTO child (id, parent_id) VALUES (1, 99)",
     {"IntegrityError", "23000", 19, "FOREIGN KEY constraint failed"}},
    {"syntax error", "SELEC 1", {"OperationalError", "HY000", 1, "syntax error"}},
    {"no such table", "SELECT * FROM nowhere", {"OperationalError", "HY000", 1, "no such table: nowhere"}},
    {"no such column", "SELECT no_such_column FROM parent",
     {"OperationalError", "HY000", 1, "no such column: no_such_column"}},
    {"datatype mismatch", "INSERT INTO parent (id, name) VALUES ('not a number', 'e')",
     {"DataError", "22000", 20, "datatype mismatch"}},
    {"string or blob too big", "SELECT zeroblob(2000000000)", {"DataError", "22000", 18, "too big"}},
};

}  // namespace

BOOST_AUTO_TEST_CASE(statement_failures_map_alike) {
    for (const auto& c : statement_cases) {
        BOOST_TEST_CONTEXT(c.what << ": " << c.sql) {
            check_alike(c.expected, [&](const std::string& scheme) {
                auto engine = athanor::test::engine(scheme + "://");
                auto conn = schema_connection(engine);
                const Outcome seen = outcome_of([&] { conn.execute(text(c.sql)); });
                conn.rollback();
                // Nothing half-written.
                BOOST_TEST(conn.execute(text("SELECT count(*) FROM parent")).scalar_one().as_int() == 1);
                BOOST_TEST(conn.execute(text("SELECT count(*) FROM child")).scalar_one().as_int() == 0);
                return seen;
            });
        }
    }
}

BOOST_AUTO_TEST_CASE(read_only_database_maps_alike) {
    check_alike({"OperationalError", "HY000", 8, "readonly database"}, [](const std::string& scheme) {
        auto engine = athanor::test::engine(scheme + "://");
        auto conn = schema_connection(engine);
        conn.execute(text("PRAGMA query_only = 1"));
        return outcome_of([&] { conn.execute(text("INSERT INTO parent (id, name) VALUES (5, 'f')")); });
    });
}

BOOST_AUTO_TEST_CASE(full_database_maps_alike) {
    check_alike({"OperationalError", "HY000", 13, "full"}, [](const std::string& scheme) {
        auto engine = athanor::test::engine(scheme + "://");
        auto conn = schema_connection(engine);
        // No page beyond those the database has now: a row of a megabyte does not fit.
        const auto pages = conn.execute(text("PRAGMA page_count")).scalar_one().as_int();
        conn.execute(text("PRAGMA max_page_count = " + std::to_string(pages)));
        return outcome_of(
            [&] { conn.execute(text("INSERT INTO parent (id, name) VALUES (9, randomblob(1000000))")); });
    });
}

BOOST_AUTO_TEST_CASE(locked_database_maps_alike) {
    check_alike({"OperationalError", "HY000", 5, "database is locked"}, [](const std::string& scheme) {
        athanor::test::TempDir dir("athanor_test_errmap");
        auto holder_engine = athanor::test::engine(file_url(dir, scheme));
        auto holder = holder_engine.connect();
        holder.execute(text("CREATE TABLE t (x INTEGER)"));
        holder.commit();
        holder.execute(text("INSERT INTO t VALUES (1)"));  // the open transaction holds the write lock
        // Next to no waiting for the lock: sqlite:// takes seconds, the ODBC driver milliseconds.
        const std::string no_wait = scheme == "sqlite" ? "timeout=0" : "Timeout=1";
        auto waiter_engine = athanor::test::engine(file_url(dir, scheme, no_wait));
        auto waiter = waiter_engine.connect();
        const Outcome seen = outcome_of([&] { waiter.execute(text("INSERT INTO t VALUES (2)")); });
        waiter.rollback();
        holder.rollback();
        return seen;
    });
}

BOOST_AUTO_TEST_CASE(file_that_is_not_a_database_maps_alike) {
    // sqlite+odbc:// raised DatabaseError here, sqlite:// OperationalError.
    check_alike({"OperationalError", "HY000", 26, "file is not a database"}, [](const std::string& scheme) {
        athanor::test::TempDir dir("athanor_test_errmap");
        std::ofstream(dir.file("test.db")) << std::string(4096, 'x');
        auto engine = athanor::test::engine(file_url(dir, scheme));
        return outcome_of([&] {
            auto conn = engine.connect();
            conn.execute(text("SELECT count(*) FROM sqlite_master"));
        });
    });
}

BOOST_AUTO_TEST_CASE(file_that_cannot_be_opened_maps_alike) {
    check_alike({"OperationalError", "HY000", 14, ""}, [](const std::string& scheme) {
        auto engine = athanor::test::engine(scheme + ":////nonexistent_athanor_dir/sub/db.sqlite");
        return outcome_of([&] { engine.connect().execute(text("SELECT 1")); });
    });
}
