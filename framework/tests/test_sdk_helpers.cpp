// The helpers the SDK gives every plugin: ASCII case folding, the leading-keyword scan, the
// LRU map, one statement on a DriverConnection, and the isolation-level check. The driver and
// dialect cases run on the SQLite plugin through create_engine().
#define BOOST_TEST_MODULE test_sdk_helpers
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/driver_util.hpp>
#include <athanor/sdk/isolation_level.hpp>
#include <athanor/sdk/lru_map.hpp>
#include <athanor/sdk/sql_scan.hpp>
#include <athanor/sdk/text_util.hpp>
#include <athanor/sql/text.hpp>

#include <string>
#include <vector>

namespace sa = athanor;
namespace sdk = athanor::sdk;
using athanor::test::contains;
using athanor::test::expect_error;

BOOST_AUTO_TEST_SUITE(text_util)

BOOST_AUTO_TEST_CASE(folds_ascii_letters_only) {
    BOOST_TEST(sdk::ascii_upper("read committed") == "READ COMMITTED");
    BOOST_TEST(sdk::ascii_lower("Odbc_Connect") == "odbc_connect");
    // Bytes beyond ASCII (here UTF-8 for "é" and "Ä") stay as they are.
    BOOST_TEST(sdk::ascii_upper("caf\xc3\xa9") == "CAF\xc3\xa9");
    BOOST_TEST(sdk::ascii_lower("\xc3\x84xY") == "\xc3\x84xy");
    BOOST_TEST(sdk::ascii_upper('q') == 'Q');
    BOOST_TEST(sdk::ascii_lower('Q') == 'q');
    BOOST_TEST(sdk::ascii_upper('1') == '1');
    BOOST_TEST(sdk::ascii_upper("") == "");
}

BOOST_AUTO_TEST_CASE(compares_and_searches_without_case) {
    BOOST_TEST(sdk::ascii_iequals("PWD", "pwd"));
    BOOST_TEST(!sdk::ascii_iequals("PWD", "pwd "));
    BOOST_TEST(!sdk::ascii_iequals("[", "{"));  // 0x5B and 0x7B differ by the case bit but are no letters
    BOOST_TEST(sdk::ascii_icontains("SET Search_Path TO app", "search_path"));
    BOOST_TEST(sdk::ascii_icontains("abc", ""));
    BOOST_TEST(!sdk::ascii_icontains("DISCARD PLANS", "all"));
    BOOST_TEST(!sdk::ascii_icontains("al", "all"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sql_scan)

BOOST_AUTO_TEST_CASE(leading_keyword_skips_blanks_comments_and_parentheses) {
    BOOST_TEST(sdk::leading_keyword("select 1") == "SELECT");
    BOOST_TEST(sdk::leading_keyword("  /* hint */ (\n(select 1))") == "SELECT");
    BOOST_TEST(sdk::leading_keyword("-- note\nInsert INTO t VALUES (1)") == "INSERT");
    BOOST_TEST(sdk::leading_keyword("( -- c\n /* d */ with x AS (SELECT 1) SELECT * FROM x") == "WITH");
    BOOST_TEST(sdk::leading_keyword("DELETE;") == "DELETE");
    BOOST_TEST(sdk::leading_keyword("\"t\"") == "");
    BOOST_TEST(sdk::leading_keyword("") == "");
    BOOST_TEST(sdk::leading_keyword("/* never closed SELECT") == "");
    BOOST_TEST(sdk::leading_keyword("-- only a comment") == "");
}

BOOST_AUTO_TEST_CASE(skip_blanks_and_comments_stops_at_the_first_token) {
    BOOST_TEST(sdk::skip_blanks_and_comments("  -- c\n ;", 0) == 8u);
    BOOST_TEST(sdk::skip_blanks_and_comments("x /* y */ z", 1) == 10u);
    BOOST_TEST(sdk::skip_blanks_and_comments("  /* open", 0) == 9u);
    BOOST_TEST(sdk::skip_blanks_and_comments("abc", 3) == 3u);
    BOOST_TEST(sdk::skip_blanks_and_comments("a - b", 1) == 2u);  // a lone '-' is no comment
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(lru_map)

BOOST_AUTO_TEST_CASE(pushes_out_the_least_recently_used) {
    sdk::LruMap<int> map(2);
    std::vector<int> gone;
    const auto discard = [&](int&& v) { gone.push_back(v); };
    map.put("a", 1, discard);
    map.put("b", 2, discard);
    BOOST_TEST(*map.find("a") == 1);  // "a" is now the most recently used
    map.put("c", 3, discard);         // so "b" goes
    BOOST_TEST(gone == std::vector<int>{2});
    BOOST_TEST(map.size() == 2u);
    BOOST_TEST(map.find("b") == nullptr);
    BOOST_TEST(*map.peek("a") == 1);
    BOOST_TEST(*map.peek("c") == 3);
}

BOOST_AUTO_TEST_CASE(peek_leaves_the_order_alone) {
    sdk::LruMap<int> map(2);
    map.put("a", 1);
    map.put("b", 2);
    BOOST_TEST(*map.peek("a") == 1);  // no move to the front: "a" is still the oldest
    map.put("c", 3);
    BOOST_TEST(map.peek("a") == nullptr);
    BOOST_TEST(map.peek("b") != nullptr);
}

BOOST_AUTO_TEST_CASE(put_replaces_in_place_and_hands_back_the_old_value) {
    sdk::LruMap<std::string> map(3);
    std::vector<std::string> gone;
    const auto discard = [&](std::string&& v) { gone.push_back(std::move(v)); };
    map.put("k", "old", discard);
    map.put("other", "x", discard);
    const std::string& stored = map.put("k", "new", discard);
    BOOST_TEST(stored == "new");
    BOOST_TEST(gone == std::vector<std::string>{"old"});
    BOOST_TEST(map.size() == 2u);
    map.put("y", "y", discard);
    map.put("z", "z", discard);  // "other" is the least recently used now
    BOOST_TEST((gone == std::vector<std::string>{"old", "x"}));
}

BOOST_AUTO_TEST_CASE(the_entry_just_put_always_stays) {
    sdk::LruMap<int> map(0);
    map.put("a", 1);
    map.put("b", 2);
    BOOST_TEST(map.size() == 1u);
    BOOST_TEST(*map.find("b") == 2);
}

BOOST_AUTO_TEST_CASE(take_clear_and_for_each) {
    sdk::LruMap<int> map(5);
    for (int i = 0; i < 4; ++i) map.put(std::string(1, static_cast<char>('a' + i)), i);
    BOOST_TEST(map.take("b").value() == 1);
    BOOST_TEST(!map.take("b").has_value());
    std::vector<int> seen;
    map.for_each([&](const int& v) { seen.push_back(v); });
    BOOST_TEST((seen == std::vector<int>{3, 2, 0}));  // most recently used first
    std::vector<int> cleared;
    map.clear([&](int&& v) { cleared.push_back(v); });
    BOOST_TEST((cleared == std::vector<int>{3, 2, 0}));
    BOOST_TEST(map.empty());
    BOOST_TEST(map.find("a") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(driver_util)

BOOST_AUTO_TEST_CASE(runs_one_statement_start_to_finish) {
    auto engine = athanor::test::engine("sqlite://");
    auto conn = engine.connect();
    auto& driver = conn.driver_connection();
    sdk::execute_statement(driver, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    sdk::execute_statement(driver, "INSERT INTO t (id, name) VALUES (?, ?), (?, ?)",
                           {sa::Value(1), sa::Value("a"), sa::Value(2), sa::Value("b")});
    BOOST_TEST(sdk::query_value(driver, "SELECT name FROM t WHERE id = ?", {sa::Value(2)}).as_string() == "b");
    BOOST_TEST(sdk::query_value(driver, "SELECT name FROM t WHERE id = 99").is_null());
    BOOST_TEST(sdk::query_has_row(driver, "SELECT 1 FROM t WHERE name = ?", {sa::Value("a")}));
    BOOST_TEST(!sdk::query_has_row(driver, "SELECT 1 FROM t WHERE name = ?", {sa::Value("zz")}));
    const auto rows = sdk::query_rows(driver, "SELECT id, name FROM t ORDER BY id");
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[1][0].as_int() == 2);
    BOOST_TEST(rows[1][1].as_string() == "b");
    BOOST_TEST(sdk::query_rows(driver, "SELECT id FROM t WHERE id > 5").empty());
    // A failure is the driver's own exception.
    BOOST_CHECK_THROW(sdk::query_value(driver, "SELECT * FROM nowhere"), sa::DBAPIError);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(isolation_level)

BOOST_AUTO_TEST_CASE(accepts_any_case_and_names_the_valid_levels) {
    auto engine = athanor::test::engine("sqlite://");
    const auto& dialect = engine.dialect();
    BOOST_TEST(sdk::check_isolation_level(dialect, "serializable") == "SERIALIZABLE");
    BOOST_TEST(sdk::check_isolation_level(dialect, "Read Uncommitted") == "READ UNCOMMITTED");
    auto e = expect_error<sa::ArgumentError>([&] { sdk::check_isolation_level(dialect, "foo bar"); });
    BOOST_TEST(std::string(e.what()) ==
               "Invalid isolation level 'foo bar' for dialect sqlite+sqlite3; valid levels are: AUTOCOMMIT, "
               "READ UNCOMMITTED, SERIALIZABLE");
    // REPEATABLE READ is a level of the SQL standard, but not one SQLite offers.
    BOOST_CHECK_THROW(sdk::check_isolation_level(dialect, "REPEATABLE READ"), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(engine_options_and_connections_use_the_same_check) {
    sa::EngineOptions options;
    options.isolation_level = "repeatable read";
    auto e = expect_error<sa::ArgumentError>([&] { athanor::test::engine("sqlite://", options); });
    BOOST_TEST(contains(e.what(), "EngineOptions.isolation_level: Invalid isolation level 'repeatable read' for "
                                  "dialect sqlite+sqlite3; valid levels are: AUTOCOMMIT, READ UNCOMMITTED, "
                                  "SERIALIZABLE"),
               e.what());
    auto engine = athanor::test::engine("sqlite://");
    auto conn = engine.connect();
    auto refused = expect_error<sa::ArgumentError>([&] { conn.set_isolation_level("repeatable read"); });
    BOOST_TEST(contains(refused.what(), "Invalid isolation level 'repeatable read' for dialect sqlite+sqlite3"),
               refused.what());
    conn.set_isolation_level("read uncommitted");
    BOOST_TEST(conn.get_isolation_level() == "READ UNCOMMITTED");
}

BOOST_AUTO_TEST_SUITE_END()
