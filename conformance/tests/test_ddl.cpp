// ddl group — SQLAlchemy test_ddl.py (TableDDLTest, LongNameBlowoutTest) plus the DDL
// phrases the suite's other modules lean on.
#include "context.hpp"

#include <athanor/errors.hpp>

using namespace athanor::sql;
namespace sa = athanor;

namespace {

bool table_exists(sa::Connection& c, const std::string& name) {
    try {
        c.execute(sa::text("SELECT count(*) FROM " + cf::q(name))).scalar();
        c.commit();
        return true;
    } catch (const sa::DBAPIError&) {
        c.rollback();
        return false;
    }
}

void simple_roundtrip(cf::Session& s, const std::string& table, const std::string& idcol, const std::string& datacol) {
    Table t(table, {Column(idcol, cf::sql_type(cf::T::integer), primary_key(), autoincrement(false)),
                    Column(datacol, cf::sql_type(cf::T::varchar, 50))});
    s.conn.execute(t.insert().values({{idcol, 1}, {datacol, "some data"}}));
    auto row = s.conn.execute(select(t)).one();
    BOOST_TEST(row[0].as_int() == 1);
    BOOST_TEST(row[1].as_string() == "some data");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ddl)

BOOST_AUTO_TEST_SUITE(TableDDLTest)
BOOST_AUTO_TEST_CASE(test_create_table) {
    cf::Session s;
    s.create("cf_test_table", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY", "data " + cf::type(cf::T::varchar, 50)});
    simple_roundtrip(s, "cf_test_table", "id", "data");
}
BOOST_AUTO_TEST_CASE(test_create_table_schema, CF_REQUIRES("schemas")) {
    cf::Session s;
    s.create("test_schema.cf_test_table", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY"});
}
BOOST_AUTO_TEST_CASE(test_drop_table) {
    cf::Session s;
    s.try_exec("DROP TABLE " + cf::q("cf_drop_me"));
    s.exec("CREATE TABLE " + cf::q("cf_drop_me") + " (id " + cf::type(cf::T::integer) + ")");
    s.conn.commit();
    BOOST_TEST(table_exists(s.conn, "cf_drop_me"));
    s.exec("DROP TABLE " + cf::q("cf_drop_me"));
    s.conn.commit();
    BOOST_TEST(!table_exists(s.conn, "cf_drop_me"));
}
BOOST_AUTO_TEST_CASE(test_underscore_names) {
    cf::Session s;
    s.create("_cf_test_table", {cf::q("_id") + " " + cf::type(cf::T::integer) + " PRIMARY KEY",
                                cf::q("_data") + " " + cf::type(cf::T::varchar, 50)});
    simple_roundtrip(s, "_cf_test_table", "_id", "_data");
}
BOOST_AUTO_TEST_CASE(test_create_table_if_not_exists, CF_REQUIRES("table_ddl_if_exists")) {
    cf::Session s;
    s.create("cf_test_table", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY"});
    s.exec("CREATE TABLE IF NOT EXISTS " + cf::q("cf_test_table") + " (id " + cf::type(cf::T::integer) + " PRIMARY KEY)");
    s.conn.commit();
    BOOST_TEST(table_exists(s.conn, "cf_test_table"));
}
BOOST_AUTO_TEST_CASE(test_drop_table_if_exists, CF_REQUIRES("table_ddl_if_exists")) {
    cf::Session s;
    s.exec("DROP TABLE IF EXISTS " + cf::q("cf_never_there"));
    s.conn.commit();
    s.create("cf_test_table", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY"});
    s.exec("DROP TABLE IF EXISTS " + cf::q("cf_test_table"));
    s.conn.commit();
    BOOST_TEST(!table_exists(s.conn, "cf_test_table"));
}
BOOST_AUTO_TEST_CASE(test_create_index_if_not_exists, CF_REQUIRES("index_ddl_if_exists")) {
    cf::Session s;
    s.create("cf_test_table", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY", "data " + cf::type(cf::T::varchar, 50)});
    s.exec("CREATE INDEX " + cf::q("cf_test_index") + " ON " + cf::q("cf_test_table") + " (data)");
    s.exec("CREATE INDEX IF NOT EXISTS " + cf::q("cf_test_index") + " ON " + cf::q("cf_test_table") + " (data)");
    s.conn.commit();
}
BOOST_AUTO_TEST_CASE(test_drop_index_if_exists, CF_REQUIRES("index_ddl_if_exists")) {
    cf::Session s;
    s.create("cf_test_table", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY", "data " + cf::type(cf::T::varchar, 50)});
    s.exec("CREATE INDEX " + cf::q("cf_test_index") + " ON " + cf::q("cf_test_table") + " (data)");
    s.exec("DROP INDEX IF EXISTS " + cf::q("cf_test_index"));
    s.exec("DROP INDEX IF EXISTS " + cf::q("cf_test_index"));
    s.conn.commit();
}
BOOST_AUTO_TEST_CASE(test_add_table_comment, CF_REQUIRES("comment_reflection")) {
    cf::Session s;
    s.create("cf_test_table", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY"});
    s.exec("COMMENT ON TABLE " + cf::q("cf_test_table") + " IS 'a comment'");
    s.conn.commit();
}
BOOST_AUTO_TEST_CASE(test_drop_table_comment, CF_REQUIRES("comment_reflection")) {
    cf::Session s;
    s.create("cf_test_table", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY"});
    s.exec("COMMENT ON TABLE " + cf::q("cf_test_table") + " IS 'a comment'");
    s.exec("COMMENT ON TABLE " + cf::q("cf_test_table") + " IS NULL");
    s.conn.commit();
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(LongNameBlowoutTest)
BOOST_AUTO_TEST_CASE(test_long_convention_name) {
    // The longest identifier the backend keeps (PostgreSQL: 63 bytes) works in DDL and DML.
    cf::Session s;
    const std::string name = "cf_" + std::string(60, 'l');
    s.create(name, {"id " + cf::type(cf::T::integer) + " PRIMARY KEY", "data " + cf::type(cf::T::varchar, 50)});
    simple_roundtrip(s, name, "id", "data");
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ConstraintDDLTest)  // foreign_keys, check, unique: what test fixtures rely on
BOOST_AUTO_TEST_CASE(test_unique_constraint) {
    cf::Session s;
    s.create("cf_uq", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY", "code " + cf::type(cf::T::varchar, 10) + " UNIQUE"});
    s.exec("INSERT INTO cf_uq (id, code) VALUES (1, 'a')");
    BOOST_CHECK_THROW(s.exec("INSERT INTO cf_uq (id, code) VALUES (2, 'a')"), sa::IntegrityError);
}
BOOST_AUTO_TEST_CASE(test_check_constraint) {
    cf::Session s;
    s.create("cf_ck", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY", "qty " + cf::type(cf::T::integer) + " CHECK (qty > 0)"});
    s.exec("INSERT INTO cf_ck (id, qty) VALUES (1, 5)");
    BOOST_CHECK_THROW(s.exec("INSERT INTO cf_ck (id, qty) VALUES (2, -1)"), sa::IntegrityError);
}
BOOST_AUTO_TEST_CASE(test_not_null_constraint) {
    cf::Session s;
    s.create("cf_nn", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY", "name " + cf::type(cf::T::varchar, 10) + " NOT NULL"});
    BOOST_CHECK_THROW(s.exec("INSERT INTO cf_nn (id, name) VALUES (1, NULL)"), sa::IntegrityError);
}
BOOST_AUTO_TEST_CASE(test_foreign_key_enforced, CF_REQUIRES("foreign_keys", "foreign_key_ddl")) {
    cf::Session s;
    s.create("cf_parent", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY"});
    s.create("cf_child", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY",
                          "parent_id " + cf::type(cf::T::integer) + " REFERENCES cf_parent (id)"});
    s.exec("INSERT INTO cf_parent (id) VALUES (1)");
    s.exec("INSERT INTO cf_child (id, parent_id) VALUES (1, 1)");
    BOOST_CHECK_THROW(s.exec("INSERT INTO cf_child (id, parent_id) VALUES (2, 99)"), sa::IntegrityError);
}
BOOST_AUTO_TEST_CASE(test_on_delete_cascade, CF_REQUIRES("foreign_keys", "recursive_fk_cascade")) {
    cf::Session s;
    s.create("cf_parent", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY"});
    s.create("cf_child", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY",
                          "parent_id " + cf::type(cf::T::integer) + " REFERENCES cf_parent (id) ON DELETE CASCADE"});
    s.exec("INSERT INTO cf_parent (id) VALUES (1)");
    s.exec("INSERT INTO cf_child (id, parent_id) VALUES (1, 1)");
    s.exec("DELETE FROM cf_parent");
    BOOST_TEST(s.exec("SELECT count(*) FROM cf_child").scalar().as_int() == 0);
}
BOOST_AUTO_TEST_CASE(test_on_update_cascade, CF_REQUIRES("foreign_keys", "on_update_cascade")) {
    cf::Session s;
    s.create("cf_parent", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY"});
    s.create("cf_child", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY",
                          "parent_id " + cf::type(cf::T::integer) + " REFERENCES cf_parent (id) ON UPDATE CASCADE"});
    s.exec("INSERT INTO cf_parent (id) VALUES (1)");
    s.exec("INSERT INTO cf_child (id, parent_id) VALUES (1, 1)");
    s.exec("UPDATE cf_parent SET id = 5");
    BOOST_TEST(s.exec("SELECT parent_id FROM cf_child").scalar().as_int() == 5);
}
BOOST_AUTO_TEST_CASE(test_temporary_table, CF_REQUIRES("temporary_tables")) {
    cf::Session s;
    s.exec("CREATE TEMPORARY TABLE cf_temp (id " + cf::type(cf::T::integer) + ")");
    s.exec("INSERT INTO cf_temp (id) VALUES (1)");
    BOOST_TEST(s.exec("SELECT count(*) FROM cf_temp").scalar().as_int() == 1);
    s.exec("DROP TABLE cf_temp");
    s.conn.commit();
}
BOOST_AUTO_TEST_CASE(test_create_view, CF_REQUIRES("views")) {
    cf::Session s;
    s.create("cf_base", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY", "x " + cf::type(cf::T::integer)});
    s.ddl("CREATE VIEW cf_view AS SELECT id, x * 2 AS x2 FROM cf_base", "DROP VIEW cf_view");
    s.exec("INSERT INTO cf_base (id, x) VALUES (1, 21)");
    BOOST_TEST(s.exec("SELECT x2 FROM cf_view").scalar().as_int() == 42);
}
BOOST_AUTO_TEST_CASE(test_create_table_as, CF_REQUIRES("create_table_as")) {
    cf::Session s;
    s.create("cf_base", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY", "x " + cf::type(cf::T::integer)});
    s.exec("INSERT INTO cf_base (id, x) VALUES (1, 5)");
    s.conn.commit();
    s.ddl("CREATE TABLE cf_copy AS SELECT id, x FROM cf_base", "DROP TABLE cf_copy");
    BOOST_TEST(s.exec("SELECT x FROM cf_copy").scalar().as_int() == 5);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
