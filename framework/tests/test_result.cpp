// Result / Row / RowMapping: every fetch method and its edge cases, typed access, names and
// positions, DML outcomes (rowcount, lastrowid, inserted primary keys) and closed states.
#define BOOST_TEST_MODULE test_result
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/compiled.hpp>
#include <athanor/sql/executable.hpp>
#include <athanor/sql/text.hpp>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sa = athanor;

namespace {

using athanor::test::registry;

/// A memory database with users(id, name, score, data) holding three rows, one of them NULLs.
struct Fixture {
    sa::Engine engine;
    sa::Connection conn;
    static sa::EngineOptions opts() {
        sa::EngineOptions o;
        o.registry = &registry();
        return o;
    }
    Fixture() : engine(sa::create_engine("sqlite://", opts())), conn(engine.connect()) {
        conn.execute(sa::text("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB)"));
        conn.execute(sa::text("INSERT INTO users VALUES (1, 'alex', 1.5, x'0102')"));
        conn.execute(sa::text("INSERT INTO users VALUES (2, 'bob', 2.5, NULL)"));
        conn.execute(sa::text("INSERT INTO users VALUES (3, NULL, NULL, NULL)"));
        conn.commit();
    }
    sa::Result all_users() { return conn.execute(sa::text("SELECT id, name, score, data FROM users ORDER BY id")); }
    sa::Result none() { return conn.execute(sa::text("SELECT id, name FROM users WHERE id < 0")); }
};

/// An insert() stand-in: a hand-built compiled INSERT with primary-key metadata, the way the
/// expression compiler hands it to the engine.
class InsertUser final : public sa::sql::Executable {
public:
    explicit InsertUser(bool returning = false, bool with_id = false) : returning_(returning), with_id_(with_id) {}
    std::shared_ptr<const sa::sql::CompiledStatement> compile(const sa::sdk::Dialect&) const override {
        auto c = std::make_shared<sa::sql::CompiledStatement>();
        c->kind = sa::sql::StatementKind::insert;
        c->sql = with_id_ ? "INSERT INTO users (id, name) VALUES (?, ?)" : "INSERT INTO users (name) VALUES (?)";
        if (with_id_) c->binds.push_back({"id", std::nullopt, {}});
        c->binds.push_back({"name", std::nullopt, {}});
        if (returning_) {
            c->sql += " RETURNING id";
            c->returns_primary_key = true;
        }
        c->primary_key_columns = {"id"};
        c->autoincrement_column = 0;
        c->return_defaults = true;  // stands in for insert().return_defaults()
        return c;
    }
    std::string cache_key() const override {
        return std::string("insert-user:") + (returning_ ? "r" : "") + (with_id_ ? "i" : "");
    }

private:
    bool returning_;
    bool with_id_;
};

/// A statement carrying its own literal: the cached compiled form must not freeze it.
class SelectLiteral final : public sa::sql::Executable {
public:
    explicit SelectLiteral(std::int64_t v) : v_(v) {}
    std::shared_ptr<const sa::sql::CompiledStatement> compile(const sa::sdk::Dialect&) const override {
        auto c = std::make_shared<sa::sql::CompiledStatement>();
        c->kind = sa::sql::StatementKind::select;
        c->sql = "SELECT ? AS v, 'abc' AS s";
        c->binds.push_back({"lit_1", sa::Value(v_), {}});
        // Result processor on column 1: upper-cases text.
        c->result_processors = {{}, [](sa::Value v) {
                                    std::string s = v.get<std::string>();
                                    std::transform(s.begin(), s.end(), s.begin(),
                                                   [](unsigned char ch) { return std::toupper(ch); });
                                    return sa::Value(s);
                                }};
        return c;
    }
    std::string cache_key() const override { return "select-literal"; }
    void bound_values(sa::Params& out) const override { out.set("lit_1", v_); }

private:
    std::int64_t v_;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(result, Fixture)

BOOST_AUTO_TEST_CASE(keys_and_returns_rows) {
    auto r = all_users();
    BOOST_TEST(r.returns_rows());
    BOOST_TEST(r.keys() == (std::vector<std::string>{"id", "name", "score", "data"}));
    BOOST_TEST(!r.closed());
}

BOOST_AUTO_TEST_CASE(fetchone_until_exhausted) {
    auto r = all_users();
    auto a = r.fetchone();
    BOOST_REQUIRE(a);
    BOOST_TEST(a->get<int>("id") == 1);
    BOOST_TEST(r.fetchone()->get<int>(0) == 2);
    BOOST_TEST(r.fetchone()->get<int>(0) == 3);
    BOOST_TEST(!r.fetchone());
    BOOST_TEST(!r.fetchone());  // stays exhausted, no error
}

BOOST_AUTO_TEST_CASE(fetchmany_and_fetchall) {
    auto r = all_users();
    auto two = r.fetchmany(2);
    BOOST_TEST(two.size() == 2u);
    BOOST_TEST(two[1].get<std::string>("name") == "bob");
    auto rest = r.fetchall();
    BOOST_TEST(rest.size() == 1u);
    BOOST_TEST(r.fetchmany(5).empty());
    BOOST_TEST(r.fetchall().empty());
    BOOST_TEST(all_users().all().size() == 3u);
    BOOST_TEST(all_users().fetchmany(0).empty());
}

BOOST_AUTO_TEST_CASE(iteration) {
    std::vector<std::int64_t> ids;
    for (const auto& row : all_users()) ids.push_back(row.get<std::int64_t>("id"));
    BOOST_TEST(ids == (std::vector<std::int64_t>{1, 2, 3}));
    int n = 0;
    for (const auto& row : none()) n += static_cast<int>(row.size());
    BOOST_TEST(n == 0);
}

BOOST_AUTO_TEST_CASE(first_returns_first_row_and_closes) {
    auto r = all_users();
    auto row = r.first();
    BOOST_REQUIRE(row);
    BOOST_TEST(row->get<int>("id") == 1);
    BOOST_TEST(r.closed());
    BOOST_CHECK_THROW(r.fetchone(), sa::ResourceClosedError);
    BOOST_TEST(!none().first());
}

BOOST_AUTO_TEST_CASE(one_and_one_or_none) {
    BOOST_TEST(conn.execute(sa::text("SELECT name FROM users WHERE id = :id"), {{"id", 2}}).one().get<std::string>(0) ==
               "bob");
    BOOST_CHECK_THROW(none().one(), sa::NoResultFound);
    BOOST_CHECK_THROW(all_users().one(), sa::MultipleResultsFound);
    BOOST_TEST(!none().one_or_none());
    BOOST_CHECK_THROW(all_users().one_or_none(), sa::MultipleResultsFound);
    auto r = conn.execute(sa::text("SELECT id FROM users WHERE id = 3"));
    BOOST_TEST(r.one_or_none()->get<int>(0) == 3);
    BOOST_TEST(r.closed());
}

BOOST_AUTO_TEST_CASE(scalar_family) {
    BOOST_TEST(conn.execute(sa::text("SELECT count(*) FROM users")).scalar().get<int>() == 3);
    BOOST_TEST(none().scalar().is_null());
    BOOST_TEST(all_users().scalar().get<int>() == 1);  // first row, first column
    BOOST_TEST(conn.execute(sa::text("SELECT max(id) FROM users")).scalar_one().get<int>() == 3);
    BOOST_CHECK_THROW(none().scalar_one(), sa::NoResultFound);
    BOOST_CHECK_THROW(all_users().scalar_one(), sa::MultipleResultsFound);
    BOOST_TEST(!none().scalar_one_or_none());
    auto v = conn.execute(sa::text("SELECT name FROM users WHERE id = 3")).scalar_one_or_none();
    BOOST_REQUIRE(v);
    BOOST_TEST(v->is_null());
    BOOST_TEST(conn.scalar(sa::text("SELECT :x + 1"), {{"x", 41}}).get<int>() == 42);
}

BOOST_AUTO_TEST_CASE(scalars_by_column) {
    auto ids = all_users().scalars();
    BOOST_TEST(ids.size() == 3u);
    BOOST_TEST(ids[2].get<int>() == 3);
    auto names = all_users().scalars(1);
    BOOST_TEST(names[0].get<std::string>() == "alex");
    BOOST_TEST(names[2].is_null());
    BOOST_TEST(conn.execute(sa::text("SELECT name FROM users WHERE name IS NOT NULL ORDER BY id")).scalars_as<std::string>() ==
               (std::vector<std::string>{"alex", "bob"}));
    BOOST_CHECK_THROW(all_users().scalars(9), sa::InvalidRequestError);
    BOOST_TEST(conn.scalars(sa::text("SELECT id FROM users ORDER BY id DESC")).front().get<int>() == 3);
}

BOOST_AUTO_TEST_CASE(mappings) {
    auto maps = all_users().mappings();
    BOOST_REQUIRE(maps.size() == 3u);
    BOOST_TEST(maps[0]["name"].get<std::string>() == "alex");
    BOOST_TEST(maps[0].contains("score"));
    BOOST_TEST(!maps[0].contains("nope"));
    auto items = maps[1].items();
    BOOST_REQUIRE(items.size() == 4u);
    BOOST_TEST(items[1].first == "name");
    BOOST_TEST(items[1].second.get<std::string>() == "bob");
    BOOST_TEST(maps[2].keys().size() == 4u);
}

BOOST_AUTO_TEST_CASE(typed_access_with_null_and_optional) {
    auto rows = all_users().all();
    const auto& alex = rows[0];
    const auto& empty = rows[2];
    BOOST_TEST(alex.get<double>("score") == 1.5);
    BOOST_TEST((alex.get<sa::Bytes>("data") == sa::Bytes{1, 2}));
    BOOST_TEST(alex.get<std::optional<std::string>>("name").value() == "alex");
    BOOST_TEST(!empty.get<std::optional<std::string>>("name"));
    BOOST_TEST(!empty.get<std::optional<double>>(2));
    BOOST_CHECK_THROW(empty.get<std::string>("name"), sa::ArgumentError);
    BOOST_CHECK_THROW(alex.get<std::int64_t>("name"), sa::ArgumentError);
    BOOST_TEST(alex[1].get<std::string>() == "alex");
    BOOST_TEST(alex["id"].get<int>() == 1);
    BOOST_TEST(alex.size() == 4u);
    BOOST_TEST(alex.values().size() == 4u);
    BOOST_TEST(!(alex == empty));
    BOOST_TEST((alex == all_users().first().value()));
}

BOOST_AUTO_TEST_CASE(unknown_column_and_bad_index_messages) {
    auto row = all_users().first().value();
    try {
        (void)row["nmae"];
        BOOST_FAIL("unknown column accepted");
    } catch (const sa::InvalidRequestError& e) {
        const std::string message = e.what();
        BOOST_TEST_INFO(message);
        BOOST_TEST(message.find("'nmae'") != std::string::npos);
        BOOST_TEST(message.find("'name'") != std::string::npos);  // lists what is available
        BOOST_TEST(message.find("'score'") != std::string::npos);
    }
    BOOST_CHECK_THROW(row[4], sa::InvalidRequestError);
    BOOST_CHECK_THROW(row.get<int>(17), sa::InvalidRequestError);
}

BOOST_AUTO_TEST_CASE(dml_results) {
    auto upd = conn.execute(sa::text("UPDATE users SET score = 0 WHERE id >= :id"), {{"id", 2}});
    BOOST_TEST(upd.rowcount() == 2);
    BOOST_TEST(!upd.returns_rows());
    BOOST_TEST(upd.keys().empty());
    // SQLAlchemy: soft-closed, not closed; fetching still refuses.
    BOOST_TEST(!upd.closed());
    BOOST_TEST(upd.soft_closed());
    try {
        upd.fetchone();
        BOOST_FAIL("fetched from an UPDATE");
    } catch (const sa::ResourceClosedError& e) {
        BOOST_TEST(std::string(e.what()).find("does not return rows") != std::string::npos);
    }
    BOOST_TEST(conn.execute(sa::text("DELETE FROM users WHERE id = 99")).rowcount() == 0);

    auto ins = conn.execute(sa::text("INSERT INTO users (name) VALUES (:n)"), {{"n", "carol"}});
    BOOST_TEST(ins.rowcount() == 1);
    BOOST_TEST(ins.lastrowid().value() == 4);
    try {
        ins.inserted_primary_key();
        BOOST_FAIL("text() INSERT reported a primary key");
    } catch (const sa::InvalidRequestError& e) {
        BOOST_TEST(std::string(e.what()).find("inserted_primary_key is only available for a single-row insert()") !=
                   std::string::npos);
    }
    auto many = conn.execute(sa::text("INSERT INTO users (name) VALUES (:n)"),
                             std::vector<sa::Params>{{{"n", "d"}}, {{"n", "e"}}, {{"n", "f"}}});
    BOOST_TEST(many.rowcount() == 3);
    BOOST_TEST(conn.execute(sa::text("SELECT count(*) FROM users")).scalar().get<int>() == 7);
}

BOOST_AUTO_TEST_CASE(inserted_primary_key_from_lastrowid) {
    auto r = conn.execute(InsertUser(), {{"name", "zed"}});
    BOOST_TEST(r.inserted_primary_key() == (std::vector<sa::Value>{4}));
    BOOST_TEST(r.inserted_primary_key_rows().size() == 1u);
    auto given = conn.execute(InsertUser(false, true), {{"id", 50}, {"name", "given"}});
    BOOST_TEST(given.inserted_primary_key() == (std::vector<sa::Value>{50}));
}

BOOST_AUTO_TEST_CASE(inserted_primary_key_from_returning) {
    // RETURNING added implicitly for the key is consumed by the engine: as in SQLAlchemy 2.0
    // the result has the key and still returns rows (keys() the returned columns), all of them
    // used up: fetchone() gives none, soft-closed but not closed.
    auto r = conn.execute(InsertUser(true), {{"name", "ret"}});
    BOOST_TEST(r.inserted_primary_key() == (std::vector<sa::Value>{4}));
    BOOST_TEST(r.returns_rows());
    BOOST_TEST(r.keys() == (std::vector<std::string>{"id"}), boost::test_tools::per_element());
    BOOST_TEST(r.is_insert());
    BOOST_TEST(!r.closed());
    BOOST_TEST(r.soft_closed());
    BOOST_TEST(r.rowcount() == 1);
    BOOST_TEST(!r.fetchone().has_value());
    BOOST_TEST(conn.execute(sa::text("SELECT name FROM users WHERE id = 4")).scalar_one().get<std::string>() == "ret");
}

BOOST_AUTO_TEST_CASE(inserted_primary_key_rows_for_executemany) {
    auto r = conn.execute(InsertUser(), std::vector<sa::Params>{{{"name", "a"}}, {{"name", "b"}}, {{"name", "c"}}});
    BOOST_TEST(r.rowcount() == 3);
    const auto& keys = r.inserted_primary_key_rows();
    BOOST_REQUIRE(keys.size() == 3u);
    BOOST_TEST(keys[0][0].get<int>() == 4);
    BOOST_TEST(keys[2][0].get<int>() == 6);
    BOOST_CHECK_THROW(r.inserted_primary_key(), sa::InvalidRequestError);

    auto explicit_ids = conn.execute(
        InsertUser(false, true), std::vector<sa::Params>{{{"id", 20}, {"name", "x"}}, {{"id", 21}, {"name", "y"}}});
    BOOST_REQUIRE(explicit_ids.inserted_primary_key_rows().size() == 2u);
    BOOST_TEST(explicit_ids.inserted_primary_key_rows()[1][0].get<int>() == 21);

    auto returning = conn.execute(InsertUser(true), std::vector<sa::Params>{{{"name", "r1"}}, {{"name", "r2"}}});
    BOOST_REQUIRE(returning.inserted_primary_key_rows().size() == 2u);
    BOOST_TEST(returning.inserted_primary_key_rows()[1][0].get<int>() == 23);
}

BOOST_AUTO_TEST_CASE(cached_statement_uses_its_own_values_and_processors) {
    auto a = conn.execute(SelectLiteral(5)).one();
    auto b = conn.execute(SelectLiteral(9)).one();  // compiled form comes from the cache
    BOOST_TEST(engine.cache_stats().hits >= 1u);
    BOOST_TEST(a.get<int>("v") == 5);
    BOOST_TEST(b.get<int>("v") == 9);
    BOOST_TEST(b.get<std::string>("s") == "ABC");  // result processor applied
    BOOST_TEST(conn.execute(SelectLiteral(1), {{"lit_1", 77}}).scalar().get<int>() == 77);  // caller wins
}

BOOST_AUTO_TEST_CASE(exec_driver_sql_is_positional) {
    auto r = conn.exec_driver_sql("SELECT name FROM users WHERE id = ? OR id = ? ORDER BY id", {1, 2});
    BOOST_TEST(r.scalars_as<std::string>() == (std::vector<std::string>{"alex", "bob"}));
    BOOST_TEST(conn.exec_driver_sql("UPDATE users SET name = ? WHERE id = 3", {"c"}).rowcount() == 1);
}

BOOST_AUTO_TEST_CASE(close_and_closed_connection) {
    auto r = all_users();
    r.close();
    BOOST_TEST(r.closed());
    BOOST_CHECK_THROW(r.fetchall(), sa::ResourceClosedError);
    r.close();  // idempotent

    auto streaming = all_users();
    BOOST_TEST(streaming.fetchone().has_value());
    conn.close();
    BOOST_CHECK_THROW(streaming.fetchone(), sa::ResourceClosedError);
    BOOST_TEST(streaming.keys().size() == 4u);  // metadata outlives the cursor

    sa::Result empty;
    BOOST_TEST(empty.closed());
    BOOST_TEST(!empty.returns_rows());
    BOOST_TEST(empty.rowcount() == -1);
    BOOST_CHECK_THROW(empty.fetchone(), sa::ResourceClosedError);
    BOOST_TEST(empty.inserted_primary_key_rows().empty());
}

BOOST_AUTO_TEST_CASE(result_outlives_moved_connection) {
    auto r = all_users();
    sa::Connection other = std::move(conn);
    BOOST_TEST(r.fetchall().size() == 3u);  // the connection is still open, just moved
    other.close();
}

BOOST_AUTO_TEST_SUITE_END()
