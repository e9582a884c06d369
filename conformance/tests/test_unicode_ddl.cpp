// unicode_ddl group — SQLAlchemy test_unicode_ddl.py (UnicodeSchemaTest): tables and columns
// named in Latin accents and CJK, created, written, read by name, and reflected back into a
// MetaData that can insert and select again.
#include "context.hpp"

#include <athanor/reflection/reflect.hpp>

using namespace athanor::sql;
namespace sa = athanor;

namespace {

using Rows = std::vector<std::vector<std::int64_t>>;

Rows int_rows(sa::Result result) {
    Rows out;
    for (const auto& row : result.all()) {
        std::vector<std::int64_t> values;
        for (std::size_t i = 0; i < row.size(); ++i) values.push_back(row[i].as_int());
        out.push_back(std::move(values));
    }
    return out;
}

// SQLAlchemy's fixture: unitable1, Unitéble2 (a foreign key to unitable1) and 測試, whose
// foreign keys exist on SQLite only ("few databases support Unicode foreign keys"). SQLite
// enforces foreign keys here (PRAGMA foreign_keys=ON), so 測試's keys refer to primary keys
// (Unitéble2's and its own): SQLAlchemy's key to the non-unique unitable1.測試 would be a
// "foreign key mismatch" under enforcement.
struct UnicodeTables {
    cf::Session s;
    Table& t1 = s.metadata.table("cf_unitable1", Column("méil", ty::Integer(), primary_key(), autoincrement(false)),
                                 Column("\u6e2c\u8a66", ty::Integer()));
    Table& t2 = s.metadata.table("cf_Unitéble2", Column("méil", ty::Integer(), primary_key(), autoincrement(false)),
                                 Column("\u6e2c\u8a66", ty::Integer(), ForeignKey("cf_unitable1.méil")));
    Table& t3 = cf::dialect_name() == "sqlite"
                    ? s.metadata.table("cf_\u6e2c\u8a66",
                                       Column("\u6e2c\u8a66_id", ty::Integer(), primary_key(), autoincrement(false)),
                                       Column("unitable1_\u6e2c\u8a66", ty::Integer()),
                                       Column("Unitéble2_b", ty::Integer(), ForeignKey("cf_Unitéble2.méil")),
                                       Column("\u6e2c\u8a66_self", ty::Integer(), ForeignKey("cf_\u6e2c\u8a66.\u6e2c\u8a66_id")))
                    : s.metadata.table("cf_\u6e2c\u8a66",
                                       Column("\u6e2c\u8a66_id", ty::Integer(), primary_key(), autoincrement(false)),
                                       Column("unitable1_\u6e2c\u8a66", ty::Integer()), Column("Unitéble2_b", ty::Integer()),
                                       Column("\u6e2c\u8a66_self", ty::Integer()));
    UnicodeTables() { s.create_all(); }

    void insert_rows(const Table& a, const Table& b, const Table& c, std::int64_t key, std::int64_t value) {
        s.conn.execute(a.insert().values({{"méil", key}, {"\u6e2c\u8a66", value}}));
        s.conn.execute(b.insert().values({{"méil", key}, {"\u6e2c\u8a66", key}}));
        s.conn.execute(c.insert().values({{"\u6e2c\u8a66_id", key},
                                          {"unitable1_\u6e2c\u8a66", value},
                                          {"Unitéble2_b", key},
                                          {"\u6e2c\u8a66_self", key}}));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(unicode_ddl)
BOOST_AUTO_TEST_SUITE(UnicodeSchemaTest, CF_REQUIRES("unicode_ddl"))
BOOST_FIXTURE_TEST_CASE(test_insert, UnicodeTables, CF_SA("test_unicode_ddl.py::UnicodeSchemaTest::test_insert")) {
    insert_rows(t1, t2, t3, 1, 5);
    BOOST_TEST((int_rows(s.conn.execute(select(t1))) == Rows{{1, 5}}));
    BOOST_TEST((int_rows(s.conn.execute(select(t2))) == Rows{{1, 1}}));
    BOOST_TEST((int_rows(s.conn.execute(select(t3))) == Rows{{1, 5, 1, 1}}));
}
BOOST_FIXTURE_TEST_CASE(test_col_targeting, UnicodeTables, CF_SA("test_unicode_ddl.py::UnicodeSchemaTest::test_col_targeting")) {
    insert_rows(t1, t2, t3, 1, 5);
    auto row = s.conn.execute(select(t1)).one();
    BOOST_TEST(row["méil"].as_int() == 1);
    BOOST_TEST(row["\u6e2c\u8a66"].as_int() == 5);
    row = s.conn.execute(select(t2)).one();
    BOOST_TEST(row["méil"].as_int() == 1);
    BOOST_TEST(row["\u6e2c\u8a66"].as_int() == 1);
    row = s.conn.execute(select(t3)).one();
    BOOST_TEST(row["\u6e2c\u8a66_id"].as_int() == 1);
    BOOST_TEST(row["unitable1_\u6e2c\u8a66"].as_int() == 5);
    BOOST_TEST(row["Unitéble2_b"].as_int() == 1);
    BOOST_TEST(row["\u6e2c\u8a66_self"].as_int() == 1);
}
BOOST_FIXTURE_TEST_CASE(test_join_on_unicode_fk, UnicodeTables) {
    s.conn.execute(t1.insert().values({{"méil", 1}, {"\u6e2c\u8a66", 5}}));
    s.conn.execute(t2.insert().values({{"méil", 2}, {"\u6e2c\u8a66", 1}}));
    auto q = select(t1.c("\u6e2c\u8a66")).join_from(t2, t1);
    BOOST_TEST(s.conn.scalar(q).as_int() == 5);
}
BOOST_FIXTURE_TEST_CASE(test_reflect, UnicodeTables, *boost::unit_test::precondition(cf::Requires{{"table_reflection"}}) CF_SA("test_unicode_ddl.py::UnicodeSchemaTest::test_reflect")) {
    insert_rows(t1, t2, t3, 2, 7);
    s.conn.commit();
    MetaData meta;
    auto& tt1 = sa::reflect_table(meta, s.conn, "cf_unitable1");
    auto& tt2 = sa::reflect_table(meta, s.conn, "cf_Unitéble2");
    auto& tt3 = sa::reflect_table(meta, s.conn, "cf_\u6e2c\u8a66");
    insert_rows(tt1, tt2, tt3, 1, 5);
    BOOST_TEST((int_rows(s.conn.execute(select(tt1).order_by(tt1.c("méil").desc()))) == Rows{{2, 7}, {1, 5}}));
    BOOST_TEST((int_rows(s.conn.execute(select(tt2).order_by(tt2.c("méil").desc()))) == Rows{{2, 2}, {1, 1}}));
    BOOST_TEST((int_rows(s.conn.execute(select(tt3).order_by(tt3.c("\u6e2c\u8a66_id").desc()))) ==
                Rows{{2, 7, 2, 2}, {1, 5, 1, 1}}));
}
BOOST_FIXTURE_TEST_CASE(test_repr, UnicodeTables, CF_SA("test_unicode_ddl.py::UnicodeSchemaTest::test_repr")) {
    auto sql = to_string(select(t1).where(t1.c("méil") == 1));
    BOOST_TEST(sql.find("méil") != std::string::npos);
    BOOST_TEST(sql.find("cf_unitable1") != std::string::npos);
}
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
