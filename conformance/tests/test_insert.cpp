// insert group — SQLAlchemy test_insert.py: LastrowidTest, InsertBehaviorTest, ReturningTest.
#include "context.hpp"

#include <athanor/errors.hpp>

#include <cmath>

using namespace athanor::sql;
namespace sa = athanor;

namespace {

// Hard expectation: the first generated key is 1 (dialect.default_sequence_base).
constexpr std::int64_t default_sequence_base = 1;

// The suite's tables, defined on the session's MetaData and created with create_all.
// `implicit_returning` is SQLAlchemy's Table(implicit_returning=...).
Table create_autoinc(cf::Session& s, bool implicit_returning = true) {
    Table t = s.metadata.table("cf_autoinc", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)),
                               TableOptions{.implicit_returning = implicit_returning});
    s.create_all();
    return t;
}
// InsertBehaviorTest's includes_defaults: client-side defaults, a value and a SQL expression.
Table create_defaults(cf::Session& s) {
    Table t = s.metadata.table("cf_defaults", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)),
                               Column("x", ty::Integer(), default_(5)),
                               Column("y", ty::Integer(), default_(literal_column("2") + literal(2))));
    s.create_all();
    return t;
}
Table create_plain(cf::Session& s) {
    Table t = s.metadata.table("cf_plain", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                               Column("data", ty::String(50)));
    s.create_all();
    return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(insert)

BOOST_AUTO_TEST_SUITE(LastrowidTest, CF_REQUIRES("implements_get_lastrowid", "autoincrement_insert"))
BOOST_AUTO_TEST_CASE(test_autoincrement_on_insert, CF_SA("test_insert.py::LastrowidTest::test_autoincrement_on_insert")) {
    cf::Session s;
    auto t = create_autoinc(s, false);
    s.conn.execute(t.insert(), {{"data", "some data"}});
    auto row = s.conn.execute(select(t)).first();
    BOOST_TEST_REQUIRE(row.has_value());
    BOOST_TEST((*row)[0].as_int() == default_sequence_base);
    BOOST_TEST((*row)[1].as_string() == "some data");
}
BOOST_AUTO_TEST_CASE(test_last_inserted_id, CF_SA("test_insert.py::LastrowidTest::test_last_inserted_id")) {
    cf::Session s;
    auto t = create_autoinc(s, false);
    auto r = s.conn.execute(t.insert(), {{"data", "some data"}});
    auto pk = s.conn.scalar(select(t.c("id")));
    BOOST_TEST(r.inserted_primary_key() == (std::vector<sa::Value>{pk}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_native_lastrowid_autoinc, CF_REQUIRES("dbapi_lastrowid") CF_SA("test_insert.py::LastrowidTest::test_native_lastrowid_autoinc")) {
    cf::Session s;
    auto t = create_autoinc(s, false);
    auto r = s.conn.execute(t.insert(), {{"data", "some data"}});
    auto pk = s.conn.scalar(select(t.c("id")));
    BOOST_TEST_REQUIRE(r.lastrowid().has_value());
    BOOST_TEST(*r.lastrowid() == pk.as_int());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(InsertBehaviorTest)
// SQLAlchemy's variations: style plain / return_defaults x executemany, on a table with
// implicit_returning=False: never a row-returning result.
BOOST_AUTO_TEST_CASE(test_no_results_for_non_returning_insert, CF_SA("test_insert.py::InsertBehaviorTest::test_no_results_for_non_returning_insert")) {
    for (bool return_defaults : {false, true})
        for (bool executemany : {false, true}) {
            cf::Session s;
            auto t = create_autoinc(s, false);
            auto stmt = return_defaults ? t.insert().return_defaults() : t.insert();
            auto r = executemany ? s.conn.execute(stmt, std::vector<sa::Params>{{{"data", "d1"}}, {{"data", "d2"}},
                                                                                {{"data", "d3"}}, {{"data", "d4"}},
                                                                                {{"data", "d5"}}})
                                 : s.conn.execute(stmt, {{"data", "d1"}});
            BOOST_TEST(!r.returns_rows(), "return_defaults " << return_defaults << " executemany " << executemany);
        }
}
BOOST_AUTO_TEST_CASE(test_autoclose_on_insert, CF_REQUIRES("autoincrement_insert") CF_SA("test_insert.py::InsertBehaviorTest::test_autoclose_on_insert")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert(), {{"data", "some data"}});
    BOOST_TEST(r.soft_closed());
    BOOST_TEST(!r.closed());
    BOOST_TEST(r.is_insert());
    // A key read through implicit RETURNING leaves a row-returning result with its row used up.
    BOOST_TEST((!r.returns_rows() || !r.fetchone().has_value()));
}
// return_defaults() makes RETURNING read the key even where lastrowid would do (SQLite): the
// result returns rows, its keys are the returned column, and its one row is already consumed.
BOOST_AUTO_TEST_CASE(test_autoclose_on_insert_implicit_returning, CF_REQUIRES("insert_returning") CF_SA("test_insert.py::InsertBehaviorTest::test_autoclose_on_insert_implicit_returning")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert().return_defaults(), {{"data", "some data"}});
    BOOST_TEST(r.soft_closed());
    BOOST_TEST(!r.closed());
    BOOST_TEST(r.is_insert());
    BOOST_TEST(r.returns_rows());
    BOOST_TEST(!r.fetchone().has_value());
    BOOST_TEST(r.keys() == (std::vector<std::string>{"id"}), boost::test_tools::per_element());
    BOOST_TEST(!r.inserted_primary_key().at(0).is_null());
}
BOOST_AUTO_TEST_CASE(test_empty_insert, CF_REQUIRES("empty_inserts") CF_SA("test_insert.py::InsertBehaviorTest::test_empty_insert")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert());
    BOOST_TEST(r.soft_closed());
    BOOST_TEST(!r.closed());
    BOOST_TEST(s.conn.execute(select(t).where(t.c("id") != sa::null)).all().size() == 1u);
}
BOOST_AUTO_TEST_CASE(test_empty_insert_multiple, CF_REQUIRES("empty_inserts_executemany") CF_SA("test_insert.py::InsertBehaviorTest::test_empty_insert_multiple")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert(), std::vector<sa::Params>{{}, {}, {}});
    BOOST_TEST(r.soft_closed());
    BOOST_TEST(!r.closed());
    BOOST_TEST(s.conn.execute(select(t).where(t.c("id") != sa::null)).all().size() == 3u);
}
BOOST_AUTO_TEST_CASE(test_insert_from_select_autoinc, CF_REQUIRES("insert_from_select") CF_SA("test_insert.py::InsertBehaviorTest::test_insert_from_select_autoinc")) {
    cf::Session s;
    auto dest = create_autoinc(s);
    auto src = create_plain(s);
    s.conn.execute(src.insert(), std::vector<sa::Params>{{{"id", 1}, {"data", "data1"}}, {{"id", 2}, {"data", "data2"}},
                                                         {{"id", 3}, {"data", "data3"}}});
    auto r = s.conn.execute(
        dest.insert().from_select({"data"}, select(src.c("data")).where(src.c("data").in_({"data2", "data3"}))));
    // No key for an INSERT ... SELECT: (None,)
    BOOST_TEST(r.inserted_primary_key() == (std::vector<sa::Value>{sa::Value()}), boost::test_tools::per_element());
    BOOST_TEST(cf::column_strings(s.conn.execute(select(dest.c("data")).order_by(dest.c("data")))) ==
                   (std::vector<std::string>{"data2", "data3"}),
               boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_insert_from_select_autoinc_no_rows, CF_REQUIRES("insert_from_select") CF_SA("test_insert.py::InsertBehaviorTest::test_insert_from_select_autoinc_no_rows")) {
    cf::Session s;
    auto dest = create_autoinc(s);
    auto src = create_plain(s);
    auto r = s.conn.execute(
        dest.insert().from_select({"data"}, select(src.c("data")).where(src.c("data").in_({"data2", "data3"}))));
    BOOST_TEST(r.inserted_primary_key() == (std::vector<sa::Value>{sa::Value()}), boost::test_tools::per_element());
    BOOST_TEST(s.conn.execute(select(dest.c("data")).order_by(dest.c("data"))).all().empty());
}
// SQLAlchemy adds .inline() (no key fetched); an INSERT ... SELECT never fetches one here.
BOOST_AUTO_TEST_CASE(test_insert_from_select, CF_REQUIRES("insert_from_select") CF_SA("test_insert.py::InsertBehaviorTest::test_insert_from_select")) {
    cf::Session s;
    auto t = create_plain(s);
    s.conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 1}, {"data", "data1"}}, {{"id", 2}, {"data", "data2"}},
                                                       {{"id", 3}, {"data", "data3"}}});
    s.conn.execute(t.insert().from_select({"id", "data"},
                                          select(t.c("id") + 5, t.c("data")).where(t.c("data").in_({"data2", "data3"}))));
    auto rows = cf::column_strings(s.conn.execute(select(t.c("data")).order_by(t.c("data"))));
    BOOST_TEST(rows == (std::vector<std::string>{"data1", "data2", "data2", "data3", "data3"}), boost::test_tools::per_element());
}
// The columns the SELECT does not fill get their client-side defaults: x the value 5, y the SQL
// expression 2 + 2.
BOOST_AUTO_TEST_CASE(test_insert_from_select_with_defaults, CF_REQUIRES("insert_from_select") CF_SA("test_insert.py::InsertBehaviorTest::test_insert_from_select_with_defaults")) {
    cf::Session s;
    auto t = create_defaults(s);
    s.conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 1}, {"data", "data1"}}, {{"id", 2}, {"data", "data2"}},
                                                       {{"id", 3}, {"data", "data3"}}});
    s.conn.execute(t.insert().from_select({"id", "data"},
                                          select(t.c("id") + 5, t.c("data")).where(t.c("data").in_({"data2", "data3"}))));
    std::vector<std::string> got;
    for (const auto& row : s.conn.execute(select(t).order_by(t.c("data"), t.c("id"))))
        got.push_back(std::to_string(row[0].as_int()) + "," + row[1].as_string() + "," +
                      std::to_string(row[2].as_int()) + "," + std::to_string(row[3].as_int()));
    BOOST_TEST(got == (std::vector<std::string>{"1,data1,5,4", "2,data2,5,4", "7,data2,5,4", "3,data3,5,4", "8,data3,5,4"}),
               boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_server_default_applied) {
    cf::Session s;
    auto& t = s.metadata.table("cf_server_defaults", Column("id", ty::Integer(), primary_key()),
                               Column("data", ty::String(50)), Column("x", ty::Integer(), server_default(5)));
    s.create_all();
    s.conn.execute(t.insert().values({{"data", "d"}}));
    BOOST_TEST(s.conn.scalar(select(t.c("x"))).as_int() == 5);
}
BOOST_AUTO_TEST_CASE(test_multivalues_insert, CF_REQUIRES("multivalues_inserts")) {
    cf::Session s;
    auto t = create_plain(s);
    s.conn.execute(t.insert().multi_values({sa::Params{{"id", 1}, {"data", "a"}}, sa::Params{{"id", 2}, {"data", "b"}}}));
    BOOST_TEST(cf::column_strings(s.conn.execute(select(t.c("data")).order_by(t.c("id")))) ==
               (std::vector<std::string>{"a", "b"}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_executemany_inserts_every_row) {
    cf::Session s;
    auto t = create_plain(s);
    std::vector<sa::Params> rows;
    for (int i = 1; i <= 50; ++i) rows.push_back({{"id", i}, {"data", "d" + std::to_string(i)}});
    s.conn.execute(t.insert(), rows);
    BOOST_TEST(s.conn.scalar(select(count()).select_from(t)).as_int() == 50);
    BOOST_TEST(s.conn.scalar(select(t.c("data")).where(t.c("id") == 37)).as_string() == "d37");
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ReturningTest, CF_REQUIRES("insert_returning", "autoincrement_insert"))
BOOST_AUTO_TEST_CASE(test_explicit_returning_pk_autocommit, CF_REQUIRES("fetch_rows_post_commit") CF_SA("test_insert.py::ReturningTest::test_explicit_returning_pk_autocommit")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert().returning(t.c("id")), {{"data", "some data"}});
    s.conn.commit();
    auto pk = r.first();
    BOOST_TEST_REQUIRE(pk.has_value());
    BOOST_TEST(s.conn.scalar(select(t.c("id"))) == (*pk)[0]);
}
BOOST_AUTO_TEST_CASE(test_explicit_returning_pk_no_autocommit, CF_SA("test_insert.py::ReturningTest::test_explicit_returning_pk_no_autocommit")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert().returning(t.c("id")), {{"data", "some data"}});
    auto pk = r.first();
    BOOST_TEST_REQUIRE(pk.has_value());
    BOOST_TEST(s.conn.scalar(select(t.c("id"))) == (*pk)[0]);
}
BOOST_AUTO_TEST_CASE(test_autoincrement_on_insert_implicit_returning, CF_SA("test_insert.py::ReturningTest::test_autoincrement_on_insert_implicit_returning")) {
    cf::Session s;
    auto t = create_autoinc(s);
    s.conn.execute(t.insert(), {{"data", "some data"}});
    auto row = s.conn.execute(select(t)).first();
    BOOST_TEST_REQUIRE(row.has_value());
    BOOST_TEST((*row)[0].as_int() == default_sequence_base);
    BOOST_TEST((*row)[1].as_string() == "some data");
}
BOOST_AUTO_TEST_CASE(test_last_inserted_id_implicit_returning, CF_SA("test_insert.py::ReturningTest::test_last_inserted_id_implicit_returning")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert(), {{"data", "some data"}});
    BOOST_TEST(r.inserted_primary_key() == (std::vector<sa::Value>{s.conn.scalar(select(t.c("id")))}),
               boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_insertmanyvalues_returning, CF_REQUIRES("insert_executemany_returning") CF_SA("test_insert.py::ReturningTest::test_insertmanyvalues_returning")) {
    cf::Session s;
    auto t = create_autoinc(s);
    std::vector<sa::Params> rows;
    for (int i = 1; i <= 5; ++i) rows.push_back({{"data", "d" + std::to_string(i)}});
    auto returned = cf::column_ints(s.conn.execute(t.insert().returning(t.c("id")), rows));
    auto pks = cf::column_ints(s.conn.execute(select(t.c("id")).order_by(t.c("id"))));
    BOOST_TEST(returned == pks, boost::test_tools::per_element());
    // and many more rows than one page, in parameter order
    std::vector<sa::Params> more;
    for (int i = 0; i < 30; ++i) more.push_back({{"data", "m" + std::to_string(i)}});
    auto got = s.conn.execute(t.insert().returning(t.c("id"), t.c("data")), more).all();
    BOOST_TEST_REQUIRE(got.size() == 30u);
    for (int i = 0; i < 30; ++i) BOOST_TEST(got[i][1].as_string() == "m" + std::to_string(i));
}
// SQLAlchemy's combinations Double / Float / Numeric(15, 12) (as float, and as Decimal), one row
// or ten (insertmanyvalues; gated on insert_executemany_returning here, which SQLAlchemy's
// RETURNING executemany needs): RETURNING hands back (id, value) with the value intact (floats
// compared rounded to 5 places, Decimal exactly), and the table holds only that value.
// sort_by_parameter_order has no Athanor counterpart: RETURNING rows of an executemany always
// come back in parameter order.
BOOST_AUTO_TEST_CASE(test_insert_w_floats, CF_SA("test_insert.py::ReturningTest::test_insert_w_floats")) {
    struct Combo {
        const char* name;
        sa::sql::TypePtr type;
        bool decimal;
    };
    const Combo combos[] = {{"Double", ty::Double(), false},
                            {"Float", ty::Float(), false},
                            {"Numeric(15, 12)", ty::Numeric(15, 12), true}};
    for (const auto& combo : combos)
        for (bool multiple_rows : {false, true}) {
            if (multiple_rows && !cf::has("insert_executemany_returning")) continue;
            cf::Session s;
            auto& t = s.metadata.table("cf_f_t", Column("id", ty::Integer(), primary_key()), Column("value", combo.type));
            s.create_all();
            const sa::Value value = combo.decimal ? sa::Value(sa::Decimal("8.5514716")) : sa::Value(8.5514716);
            const std::size_t n = multiple_rows ? 10 : 1;
            std::vector<sa::Params> rows(n, sa::Params{{"value", value}});
            auto result = multiple_rows ? s.conn.execute(t.insert().returning(t.c("id"), t.c("value")), rows)
                                        : s.conn.execute(t.insert().returning(t.c("id"), t.c("value")), rows.front());
            auto round5 = [](double v) { return std::round(v * 1e5) / 1e5; };
            std::vector<std::int64_t> ids;
            for (const auto& row : result.all()) {
                ids.push_back(row[0].as_int());
                if (combo.decimal)
                    BOOST_TEST(row[1].as_decimal().str().rfind("8.5514716", 0) == 0u, combo.name << ": " << row[1]);
                else
                    BOOST_TEST(round5(row[1].as_double()) == round5(8.5514716), combo.name << ": " << row[1]);
            }
            std::vector<std::int64_t> expected;
            for (std::size_t i = 1; i <= n; ++i) expected.push_back(static_cast<std::int64_t>(i));
            BOOST_TEST((ids == expected), combo.name << " multiple_rows " << multiple_rows);
            for (const auto& v : s.conn.scalars(select(t.c("value")))) {
                if (combo.decimal)
                    BOOST_TEST(v.as_decimal().to_double() == 8.5514716, combo.name);
                else
                    BOOST_TEST(round5(v.as_double()) == round5(8.5514716), combo.name);
            }
        }
}
// SQLAlchemy's combinations LargeBinary (two values) and Uuid given as text, one row or ten:
// RETURNING gives back (id, value) unchanged and the table holds only that value.
BOOST_AUTO_TEST_CASE(test_imv_returning_datatypes, CF_SA("test_insert.py::ReturningTest::test_imv_returning_datatypes")) {
    struct Combo {
        const char* name;
        sa::sql::TypePtr type;
        sa::Value value;
    };
    const Combo combos[] = {{"LargeBinary1", ty::LargeBinary(), sa::Value(sa::Bytes{'t', 'h', 'i', 's', ' ', 'i', 's', ' ', 'b', 'i', 'n', 'a', 'r', 'y'})},
                            {"LargeBinary2", ty::LargeBinary(), sa::Value(sa::Bytes{0x37, 0xe7, 0x9f})},
                            {"Uuid as text", ty::Uuid(), sa::Value("6f1b8f8e-3c1a-4c5e-9d6b-1a2b3c4d5e6f")}};
    for (const auto& combo : combos)
        for (bool multiple_rows : {false, true}) {
            if (multiple_rows && !cf::has("insert_executemany_returning")) continue;
            cf::Session s;
            auto& t = s.metadata.table("cf_d_t", Column("id", ty::Integer(), primary_key()), Column("value", combo.type));
            s.create_all();
            const std::size_t n = multiple_rows ? 10 : 1;
            std::vector<sa::Params> rows(n, sa::Params{{"value", combo.value}});
            auto result = multiple_rows ? s.conn.execute(t.insert().returning(t.c("id"), t.c("value")), rows)
                                        : s.conn.execute(t.insert().returning(t.c("id"), t.c("value")), rows.front());
            std::size_t i = 0;
            for (const auto& row : result.all()) {
                ++i;
                BOOST_TEST(row[0].as_int() == static_cast<std::int64_t>(i), combo.name);
                BOOST_TEST(row[1] == combo.value, combo.name);
            }
            BOOST_TEST(i == n, combo.name);
            for (const auto& v : s.conn.scalars(select(t.c("value")))) BOOST_TEST(v == combo.value, combo.name);
        }
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
