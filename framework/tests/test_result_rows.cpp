// Result row handling on SQLite through insert()/select(): the iterator's reused Row (what a
// reference to it sees, what a copy keeps), executemany of an insert/update with .returning()
// giving back every row in parameter order, and Value's in-place setters for drivers.
#define BOOST_TEST_MODULE test_result_rows
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/errors.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/text.hpp>

#include <string>
#include <vector>

namespace sa = athanor;
using namespace athanor::sql;
using athanor::Params;
using athanor::Value;

namespace {


struct Db {
    Table items{"items", {Column("id", TypeEngine::named("INTEGER"), primary_key()),
                          Column("name", TypeEngine::named("VARCHAR(50)"))}};
    sa::Engine engine = athanor::test::engine("sqlite://");
    sa::Connection conn = engine.connect();

    Db() {
        conn.execute(sa::text("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(50))"));
    }
    void fill(int n) {
        std::vector<Params> rows;
        for (int i = 1; i <= n; ++i) rows.push_back({{"id", i}, {"name", "item-" + std::to_string(i)}});
        conn.execute(items.insert(), rows);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(rows, Db)

BOOST_AUTO_TEST_CASE(iterator_reuses_one_row_and_copies_keep_their_values) {
    fill(3);
    std::vector<sa::Row> kept;
    std::vector<const sa::Row*> addresses;
    for (const auto& row : conn.execute(select(items).order_by(items.c("id")))) {
        addresses.push_back(&row);
        kept.push_back(row);  // a copy: independent of the buffer
    }
    BOOST_REQUIRE_EQUAL(kept.size(), 3u);
    // The iterator hands out the same Row object for every step ...
    BOOST_TEST(addresses[0] == addresses[1]);
    BOOST_TEST(addresses[1] == addresses[2]);
    // ... and the copies still hold their own rows, names included.
    for (int i = 0; i < 3; ++i) {
        BOOST_TEST(kept[i].get<int>("id") == i + 1);
        BOOST_TEST(kept[i].get<std::string>("name") == "item-" + std::to_string(i + 1));
    }
}

BOOST_AUTO_TEST_CASE(a_reference_into_the_iterator_sees_the_next_row_after_increment) {
    fill(2);
    auto result = conn.execute(select(items).order_by(items.c("id")));
    auto it = result.begin();
    const sa::Row& current = *it;
    const sa::Row copy = *it;
    BOOST_TEST(current.get<std::string>("name") == "item-1");
    ++it;
    BOOST_TEST(current.get<std::string>("name") == "item-2");  // the buffer was refilled
    BOOST_TEST(copy.get<std::string>("name") == "item-1");
    ++it;
    BOOST_TEST((it == result.end()));
}

BOOST_AUTO_TEST_CASE(fetchone_rows_are_independent) {
    fill(2);
    auto result = conn.execute(select(items).order_by(items.c("id")));
    auto first = result.fetchone();
    auto second = result.fetchone();
    BOOST_REQUIRE(first.has_value());
    BOOST_REQUIRE(second.has_value());
    BOOST_TEST(first->get<std::string>(1) == "item-1");
    BOOST_TEST(second->get<std::string>(1) == "item-2");
    BOOST_TEST(!result.fetchone().has_value());
}

BOOST_AUTO_TEST_CASE(executemany_insert_returning_gives_every_row_in_order) {
    std::vector<Params> rows;
    for (int i = 0; i < 30; ++i) rows.push_back({{"name", "d" + std::to_string(i)}});
    auto r = conn.execute(items.insert().returning(items.c("id"), items.c("name")), rows);
    BOOST_TEST(r.returns_rows());
    BOOST_TEST(r.rowcount() == 30);
    BOOST_TEST((r.keys() == std::vector<std::string>{"id", "name"}));
    auto got = r.all();
    BOOST_REQUIRE_EQUAL(got.size(), 30u);
    for (int i = 0; i < 30; ++i) {
        BOOST_TEST(got[i].get<int>("id") == i + 1);
        BOOST_TEST(got[i].get<std::string>("name") == "d" + std::to_string(i));
    }
    BOOST_TEST(r.inserted_primary_key_rows().size() == 30u);
    BOOST_TEST(r.inserted_primary_key_rows()[29][0].get<int>() == 30);
    BOOST_TEST(conn.execute(sa::text("SELECT count(*) FROM items")).scalar_one().get<int>() == 30);
}

BOOST_AUTO_TEST_CASE(executemany_update_returning_collects_rows_of_every_parameter_set) {
    fill(3);
    auto r = conn.execute(items.update()
                              .where(items.c("id") == bindparam("b_id"))
                              .values({{"name", bindparam("b_name")}})
                              .returning(items.c("id"), items.c("name")),
                          std::vector<Params>{{{"b_id", 3}, {"b_name", "x"}}, {{"b_id", 1}, {"b_name", "y"}}});
    std::vector<std::pair<int, std::string>> got;
    for (const auto& row : r) got.emplace_back(row.get<int>(0), row.get<std::string>(1));
    BOOST_TEST((got == std::vector<std::pair<int, std::string>>{{3, "x"}, {1, "y"}}));
    BOOST_TEST(r.rowcount() == 2);
}

BOOST_AUTO_TEST_CASE(executemany_without_returning_returns_no_rows) {
    auto r = conn.execute(items.insert().return_defaults(), std::vector<Params>{{{"name", "a"}}, {{"name", "b"}}});
    BOOST_TEST(!r.returns_rows());
    BOOST_TEST(r.rowcount() == 2);
    BOOST_CHECK_THROW(r.fetchone(), sa::ResourceClosedError);
    BOOST_TEST(r.inserted_primary_key_rows()[1][0].get<int>() == 2);
}

BOOST_AUTO_TEST_CASE(executemany_reads_generated_keys_only_with_return_defaults) {
    // As SQLAlchemy: a plain executemany goes out as one batch and keeps no generated keys.
    auto r = conn.execute(items.insert(), std::vector<Params>{{{"name", "a"}}, {{"name", "b"}}});
    BOOST_TEST(r.rowcount() == 2);
    BOOST_CHECK_THROW(r.inserted_primary_key_rows(), sa::InvalidRequestError);
    // Keys the caller supplied are known without it.
    auto given = conn.execute(items.insert(), std::vector<Params>{{{"id", 10}, {"name", "c"}}, {{"id", 11}, {"name", "d"}}});
    BOOST_TEST(given.inserted_primary_key_rows()[1][0].get<int>() == 11);
}

BOOST_AUTO_TEST_CASE(single_insert_with_explicit_returning_still_returns_rows) {
    auto r = conn.execute(items.insert().values({{"name", "solo"}}).returning(items.c("id")));
    BOOST_TEST(r.returns_rows());
    BOOST_TEST(r.one().get<int>(0) == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(value_set_text_and_set_bytes_replace_the_content) {
    Value v = 5;
    v.set_text("hello");
    BOOST_TEST(v.as_string() == "hello");
    v.set_text("a much longer text than the small string buffer holds");
    const auto capacity = v.as_string().capacity();
    v.set_text("short");
    BOOST_TEST(v.as_string() == "short");
    BOOST_TEST(v.as_string().capacity() == capacity);  // kept for the next, larger cell
    const std::uint8_t data[] = {0, 255, 7};
    v.set_bytes(data, 3);
    BOOST_TEST((v.as_bytes() == sa::Bytes{0, 255, 7}));
    v.set_bytes(nullptr, 0);
    BOOST_TEST(v.as_bytes().empty());
    v.set_null();
    BOOST_TEST(v.is_null());
}

BOOST_AUTO_TEST_CASE(params_from_braces_keep_order_and_values) {
    std::string long_text(100, 'x');
    Params p{{"name", long_text}, {"n", 3}, {"none", sa::null}};
    BOOST_TEST(p.size() == 3u);
    BOOST_TEST(p.items()[0].first == "name");
    BOOST_TEST(p.find("name")->as_string() == long_text);
    BOOST_TEST(long_text.size() == 100u);  // an lvalue is copied, not moved from
    BOOST_TEST(p.find("n")->as_int() == 3);
    BOOST_TEST(p.find("none")->is_null());
    BOOST_TEST(p.find("missing") == nullptr);
}
