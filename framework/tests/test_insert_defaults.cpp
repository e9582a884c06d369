// INSERT semantics shared with SQLAlchemy 2.0, on SQLite: client-side defaults in
// INSERT ... SELECT, no generated key reported for INSERT ... SELECT, return_defaults() reading
// the key through RETURNING (a row-returning, already consumed result), Table implicit_returning
// off, UPDATE/DELETE return_defaults() leaving the statement and its rowcount alone.
#define BOOST_TEST_MODULE test_insert_defaults
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/schema/metadata.hpp>
#include <athanor/sql/text.hpp>
#include <athanor/sql/types.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace athanor {
inline std::ostream& operator<<(std::ostream& os, const Value& v) { return os << v.repr(); }
}  // namespace athanor

namespace sa = athanor;
using namespace athanor::sql;
namespace types = athanor::types;
using athanor::test::contains;

namespace {

struct Db {
    sa::Engine engine = athanor::test::engine("sqlite://");
    sa::Connection conn = engine.connect();
    MetaData metadata;
    int calls = 0;
    Table& t = metadata.table("t", Column("id", types::Integer(), primary_key()), Column("data", types::String(20)),
                              Column("x", types::Integer(), default_(5)),
                              Column("y", types::Integer(), default_(literal_column("2") + literal(2))),
                              Column("z", types::Integer(), default_([this] { return sa::Value(++calls * 100); })));
    Table& plain = metadata.table("plain", Column("id", types::Integer(), primary_key()),
                                  Column("data", types::String(20)), TableOptions{.implicit_returning = false});
    Db() { metadata.create_all(conn); }
    std::string sql(const Insert& stmt) { return stmt.compile(engine.dialect())->sql; }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(insert_defaults, Db)

BOOST_AUTO_TEST_CASE(insert_from_select_applies_client_side_defaults) {
    conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 1}, {"data", "a"}}, {{"id", 2}, {"data", "b"}}});
    const auto stmt = t.insert().from_select({"id", "data"}, select(t.c("id") + 10, t.c("data")));
    const auto text = sql(stmt);
    BOOST_TEST(contains(text, "INSERT INTO t (id, data, x, y, z) SELECT"), text);
    BOOST_TEST(contains(text, "2 + ?"), text);
    const int before = calls;
    auto r = conn.execute(stmt);
    BOOST_TEST(calls == before + 1);  // the function runs once for the statement
    BOOST_TEST(r.inserted_primary_key() == (std::vector<sa::Value>{sa::Value()}), boost::test_tools::per_element());
    std::vector<std::string> got;
    for (const auto& row : conn.execute(select(t.c("id"), t.c("x"), t.c("y"), t.c("z")).where(t.c("id") > 10).order_by(t.c("id"))))
        got.push_back(std::to_string(row[0].as_int()) + ":" + std::to_string(row[1].as_int()) + ":" +
                      std::to_string(row[2].as_int()) + ":" + std::to_string(row[3].as_int()));
    const std::string z = std::to_string((before + 1) * 100);
    BOOST_TEST(got == (std::vector<std::string>{"11:5:4:" + z, "12:5:4:" + z}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_column_the_select_names_keeps_its_value) {
    const auto stmt = t.insert().from_select({"id", "data", "x"}, select(t.c("id"), t.c("data"), t.c("y")));
    BOOST_TEST(contains(sql(stmt), "INSERT INTO t (id, data, x, y, z) SELECT"), sql(stmt));
}

BOOST_AUTO_TEST_CASE(return_defaults_reads_the_key_through_returning) {
    const auto stmt = plain.insert().return_defaults();
    BOOST_TEST(!contains(sql(stmt.values({{"data", "a"}})), "RETURNING"));  // implicit_returning off
    Table& r_table = metadata.table("with_returning", Column("id", types::Integer(), primary_key()),
                                    Column("data", types::String(20)));
    metadata.create_all(conn);
    BOOST_TEST(!contains(sql(r_table.insert().values({{"data", "a"}})), "RETURNING"));  // SQLite: lastrowid
    BOOST_TEST(contains(sql(r_table.insert().values({{"data", "a"}}).return_defaults()), " RETURNING "));
    conn.execute(r_table.insert(), {{"data", "first"}});
    auto r = conn.execute(r_table.insert().return_defaults(), {{"data", "second"}});
    BOOST_TEST(r.inserted_primary_key() == (std::vector<sa::Value>{2}), boost::test_tools::per_element());
    BOOST_TEST(r.returns_rows());
    BOOST_TEST(r.keys() == (std::vector<std::string>{"id"}), boost::test_tools::per_element());
    BOOST_TEST(!r.fetchone().has_value());
    BOOST_TEST(!r.closed());
    BOOST_TEST(r.soft_closed());
    BOOST_TEST(r.rowcount() == 1);

    auto plain_result = conn.execute(plain.insert().return_defaults(), {{"data", "p"}});
    BOOST_TEST(!plain_result.returns_rows());
    BOOST_TEST(plain_result.inserted_primary_key() == (std::vector<sa::Value>{1}), boost::test_tools::per_element());
    BOOST_CHECK_THROW(plain_result.fetchone(), sa::ResourceClosedError);
}

BOOST_AUTO_TEST_CASE(executemany_return_defaults_with_returning_keeps_every_key) {
    auto r = conn.execute(t.insert().return_defaults(), std::vector<sa::Params>{{{"data", "a"}}, {{"data", "b"}}, {{"data", "c"}}});
    BOOST_TEST(r.inserted_primary_key_rows().size() == 3u);
    BOOST_TEST(r.inserted_primary_key_rows()[2] == (std::vector<sa::Value>{3}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(update_and_delete_return_defaults_change_nothing) {
    conn.execute(plain.insert(), std::vector<sa::Params>{{{"data", "a"}}, {{"data", "a"}}, {{"data", "b"}}});
    const auto upd = plain.update().where(plain.c("data") == "a").values({{"data", "c"}});
    BOOST_TEST(upd.return_defaults().compile(engine.dialect())->sql == upd.compile(engine.dialect())->sql);
    BOOST_TEST(conn.execute(upd.return_defaults()).rowcount() == 2);
    BOOST_TEST(conn.execute(plain.delete_().where(plain.c("data") == "c").return_defaults()).rowcount() == 2);
}

BOOST_AUTO_TEST_SUITE_END()
