// ddl group — SQLAlchemy test_ddl.py (TableDDLTest, LongNameBlowoutTest) plus the DDL
// phrases the suite's other modules lean on.
#include "context.hpp"

#include <athanor/errors.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/sql/ddl.hpp>

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

// SQLAlchemy's _simple_fixture: (id Integer PK, data String(50)) under the given names.
Table& simple_table(cf::Session& s, const std::string& table, const std::string& idcol = "id",
                    const std::string& datacol = "data") {
    return s.metadata.table(table, Column(idcol, ty::Integer(), primary_key(), autoincrement(false)),
                            Column(datacol, ty::String(50)));
}

void simple_roundtrip(cf::Session& s, const Table& t, const std::string& idcol, const std::string& datacol) {
    s.conn.execute(t.insert().values({{idcol, 1}, {datacol, "some data"}}));
    auto row = s.conn.execute(select(t)).one();
    BOOST_TEST(row[0].as_int() == 1);
    BOOST_TEST(row[1].as_string() == "some data");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ddl)

BOOST_AUTO_TEST_SUITE(TableDDLTest)
BOOST_AUTO_TEST_CASE(test_create_table, CF_SA("test_ddl.py::TableDDLTest::test_create_table")) {
    cf::Session s;
    auto& t = simple_table(s, "cf_test_table");
    s.create_all();
    BOOST_TEST(table_exists(s.conn, "cf_test_table"));
    simple_roundtrip(s, t, "id", "data");
}
BOOST_AUTO_TEST_CASE(test_create_table_schema, CF_REQUIRES("schemas") CF_SA("test_ddl.py::TableDDLTest::test_create_table_schema")) {
    // SQLAlchemy's provisioning creates test_schema; here the test does, and removes it.
    cf::Session s;
    s.try_exec("CREATE SCHEMA " + cf::q("test_schema"));
    {
        sa::sql::MetaData m;
        auto& t = m.table("cf_test_table", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                          Column("data", ty::String(50)), TableOptions{.schema = "test_schema"});
        m.create_all(s.conn);
        s.conn.commit();
        BOOST_TEST(cf::engine().dialect().has_table(s.conn.driver_connection(), "cf_test_table", "test_schema"));
        BOOST_TEST(!cf::engine().dialect().has_table(s.conn.driver_connection(), "cf_test_table", ""));
        simple_roundtrip(s, t, "id", "data");
        s.conn.commit();
        m.drop_all(s.conn);
        s.conn.commit();
    }
    s.try_exec("DROP SCHEMA " + cf::q("test_schema"));
}
BOOST_AUTO_TEST_CASE(test_drop_table, CF_SA("test_ddl.py::TableDDLTest::test_drop_table")) {
    cf::Session s;
    s.metadata.table("cf_drop_me", Column("id", ty::Integer()));
    s.create_all();
    BOOST_TEST(table_exists(s.conn, "cf_drop_me"));
    s.metadata.drop_all(s.conn);
    s.conn.commit();
    BOOST_TEST(!table_exists(s.conn, "cf_drop_me"));
}
BOOST_AUTO_TEST_CASE(test_underscore_names, CF_SA("test_ddl.py::TableDDLTest::test_underscore_names")) {
    cf::Session s;
    auto& t = simple_table(s, "_cf_test_table", "_id", "_data");
    s.create_all();
    simple_roundtrip(s, t, "_id", "_data");
}
BOOST_AUTO_TEST_CASE(test_create_table_if_not_exists, CF_REQUIRES("table_ddl_if_exists") CF_SA("test_ddl.py::TableDDLTest::test_create_table_if_not_exists")) {
    // SQLAlchemy: CreateTable(table, if_not_exists=True) twice; the second is a no-op, a plain
    // CREATE TABLE of the same table fails, and the table is usable.
    cf::Session s;
    s.create_all();  // nothing yet; from here on the Session's drop_all removes the table at the end
    auto& t = simple_table(s, "cf_test_table");
    s.try_exec("DROP TABLE " + cf::q("cf_test_table"));  // a crashed earlier run may have left it
    BOOST_TEST_REQUIRE(!table_exists(s.conn, "cf_test_table"));
    s.conn.execute(sa::sql::CreateTable(t, true));
    s.conn.commit();
    BOOST_TEST(table_exists(s.conn, "cf_test_table"));
    s.conn.execute(sa::sql::CreateTable(t, true));
    s.conn.commit();
    BOOST_CHECK_THROW(s.conn.execute(sa::sql::CreateTable(t)), sa::DBAPIError);
    s.conn.rollback();
    simple_roundtrip(s, t, "id", "data");
}
BOOST_AUTO_TEST_CASE(test_drop_table_if_exists, CF_REQUIRES("table_ddl_if_exists") CF_SA("test_ddl.py::TableDDLTest::test_drop_table_if_exists")) {
    // SQLAlchemy: DropTable(table, if_exists=True) twice; the second is a no-op while a plain
    // DROP TABLE of the missing table fails.
    cf::Session s;
    auto& t = simple_table(s, "cf_test_table");
    s.create_all();
    BOOST_TEST(table_exists(s.conn, "cf_test_table"));
    s.conn.execute(sa::sql::DropTable(t, true));
    s.conn.commit();
    BOOST_TEST(!table_exists(s.conn, "cf_test_table"));
    s.conn.execute(sa::sql::DropTable(t, true));
    s.conn.commit();
    BOOST_TEST(!table_exists(s.conn, "cf_test_table"));
    BOOST_CHECK_THROW(s.conn.execute(sa::sql::DropTable(t)), sa::DBAPIError);
    s.conn.rollback();
}
namespace {
// SQLAlchemy's _table_index_fixture: test_table plus Index("test_index", data); whether the
// index exists is read through the Inspector (hence index_reflection in the gates).
const char* const index_name = "cf_test_index";
Index test_index() {
    Index idx(index_name, {"data"});
    idx.table = "cf_test_table";
    return idx;
}
bool index_listed(sa::Connection& c) {
    bool found = false;
    for (const auto& ix : sa::Inspector(c).get_indexes("cf_test_table")) found = found || ix.name == index_name;
    c.commit();
    return found;
}
}  // namespace
BOOST_AUTO_TEST_CASE(test_create_index_if_not_exists,
                     CF_REQUIRES("index_ddl_if_exists", "table_reflection", "index_reflection") CF_SA("test_ddl.py::TableDDLTest::test_create_index_if_not_exists")) {
    cf::Session s;
    simple_table(s, "cf_test_table");
    s.create_all();
    BOOST_TEST(!index_listed(s.conn));
    s.conn.execute(sa::sql::CreateIndex(test_index(), true));
    s.conn.commit();
    BOOST_TEST(index_listed(s.conn));
    s.conn.execute(sa::sql::CreateIndex(test_index(), true));
    s.conn.commit();
    BOOST_TEST(index_listed(s.conn));
    BOOST_CHECK_THROW(s.conn.execute(sa::sql::CreateIndex(test_index())), sa::DBAPIError);
    s.conn.rollback();
    BOOST_TEST(index_listed(s.conn));
}
BOOST_AUTO_TEST_CASE(test_drop_index_if_exists,
                     CF_REQUIRES("index_ddl_if_exists", "table_reflection", "index_reflection") CF_SA("test_ddl.py::TableDDLTest::test_drop_index_if_exists")) {
    cf::Session s;
    s.metadata.table("cf_test_table", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                     Column("data", ty::String(50)), Index(index_name, {"data"}));
    s.create_all();
    BOOST_TEST(index_listed(s.conn));
    s.conn.execute(sa::sql::DropIndex(test_index(), true));
    s.conn.commit();
    BOOST_TEST(!index_listed(s.conn));
    s.conn.execute(sa::sql::DropIndex(test_index(), true));
    s.conn.commit();
    BOOST_TEST(!index_listed(s.conn));
    BOOST_CHECK_THROW(s.conn.execute(sa::sql::DropIndex(test_index())), sa::DBAPIError);
    s.conn.rollback();
}
// SQLAlchemy gates both on comment_reflection; the Inspector that reads the comment back needs
// table_reflection as well, so both are required and the checks always run.
BOOST_AUTO_TEST_CASE(test_add_table_comment, CF_REQUIRES("comment_reflection", "table_reflection") CF_SA("test_ddl.py::TableDDLTest::test_add_table_comment")) {
    cf::Session s;
    simple_table(s, "cf_test_table");
    s.create_all();
    BOOST_TEST(!sa::Inspector(s.conn).get_table_comment("cf_test_table").has_value());
    MetaData commented;
    auto& t = commented.table("cf_test_table", Column("id", ty::Integer(), primary_key()),
                              TableOptions{.comment = "a comment"});
    s.conn.execute(sa::sql::SetTableComment(t));
    s.conn.commit();
    BOOST_TEST(sa::Inspector(s.conn).get_table_comment("cf_test_table").value_or("<none>") == "a comment");
}
BOOST_AUTO_TEST_CASE(test_drop_table_comment, CF_REQUIRES("comment_reflection", "table_reflection") CF_SA("test_ddl.py::TableDDLTest::test_drop_table_comment")) {
    cf::Session s;
    s.metadata.table("cf_test_table", Column("id", ty::Integer(), primary_key()), TableOptions{.comment = "a comment"});
    s.create_all();
    BOOST_TEST(sa::Inspector(s.conn).get_table_comment("cf_test_table").value_or("<none>") == "a comment");
    MetaData uncommented;
    s.conn.execute(sa::sql::SetTableComment(uncommented.table("cf_test_table", Column("id", ty::Integer(), primary_key()))));
    s.conn.commit();
    BOOST_TEST(!sa::Inspector(s.conn).get_table_comment("cf_test_table").has_value());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(LongNameBlowoutTest)
BOOST_AUTO_TEST_CASE(test_long_convention_name, CF_SA("test_ddl.py::LongNameBlowoutTest::test_long_convention_name")) {
    // The longest identifier the backend keeps (PostgreSQL: 63 bytes) works in DDL and DML.
    cf::Session s;
    const std::string name = "cf_" + std::string(60, 'l');
    auto& t = simple_table(s, name);
    s.create_all();
    simple_roundtrip(s, t, "id", "data");
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ConstraintDDLTest)  // foreign_keys, check, unique: what test fixtures rely on
BOOST_AUTO_TEST_CASE(test_unique_constraint) {
    cf::Session s;
    auto& t = s.metadata.table("cf_uq", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                               Column("code", ty::String(10), unique()));
    s.create_all();
    s.conn.execute(t.insert().values({{"id", 1}, {"code", "a"}}));
    BOOST_CHECK_THROW(s.conn.execute(t.insert().values({{"id", 2}, {"code", "a"}})), sa::IntegrityError);
}
BOOST_AUTO_TEST_CASE(test_check_constraint) {
    cf::Session s;
    auto& t = s.metadata.table("cf_ck", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                               Column("qty", ty::Integer()), CheckConstraint("qty > 0"));
    s.create_all();
    s.conn.execute(t.insert().values({{"id", 1}, {"qty", 5}}));
    BOOST_CHECK_THROW(s.conn.execute(t.insert().values({{"id", 2}, {"qty", -1}})), sa::IntegrityError);
}
BOOST_AUTO_TEST_CASE(test_not_null_constraint) {
    cf::Session s;
    auto& t = s.metadata.table("cf_nn", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                               Column("name", ty::String(10), nullable(false)));
    s.create_all();
    BOOST_CHECK_THROW(s.conn.execute(t.insert().values({{"id", 1}, {"name", sa::null}})), sa::IntegrityError);
}
namespace {
struct ParentChild {
    cf::Session s;
    Table* parent = nullptr;
    Table* child = nullptr;
    explicit ParentChild(ForeignKeyOptions options = {}) {
        parent = &s.metadata.table("cf_parent", Column("id", ty::Integer(), primary_key(), autoincrement(false)));
        child = &s.metadata.table("cf_child", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                  Column("parent_id", ty::Integer(), ForeignKey("cf_parent.id", std::move(options))));
        s.create_all();
        s.conn.execute(parent->insert().values({{"id", 1}}));
        s.conn.execute(child->insert().values({{"id", 1}, {"parent_id", 1}}));
    }
};
}  // namespace
BOOST_AUTO_TEST_CASE(test_foreign_key_enforced, CF_REQUIRES("foreign_keys", "foreign_key_ddl")) {
    ParentChild f;
    BOOST_CHECK_THROW(f.s.conn.execute(f.child->insert().values({{"id", 2}, {"parent_id", 99}})), sa::IntegrityError);
}
BOOST_AUTO_TEST_CASE(test_on_delete_cascade, CF_REQUIRES("foreign_keys", "recursive_fk_cascade")) {
    ParentChild f({.ondelete = "CASCADE"});
    f.s.conn.execute(f.parent->delete_());
    BOOST_TEST(f.s.conn.scalar(select(count()).select_from(*f.child)).as_int() == 0);
}
BOOST_AUTO_TEST_CASE(test_on_update_cascade, CF_REQUIRES("foreign_keys", "on_update_cascade")) {
    ParentChild f({.onupdate = "CASCADE"});
    f.s.conn.execute(f.parent->update().values({{"id", 5}}));
    BOOST_TEST(f.s.conn.scalar(select(f.child->c("parent_id"))).as_int() == 5);
}
// Temporary tables, views and CREATE TABLE AS have no MetaData construct: raw DDL.
BOOST_AUTO_TEST_CASE(test_temporary_table, CF_REQUIRES("temporary_tables")) {
    cf::Session s;
    s.exec("CREATE TEMPORARY TABLE cf_temp (id " + cf::type(ty::Integer()) + ")");
    s.exec("INSERT INTO cf_temp (id) VALUES (1)");
    BOOST_TEST(s.exec("SELECT count(*) FROM cf_temp").scalar().as_int() == 1);
    s.exec("DROP TABLE cf_temp");
    s.conn.commit();
}
BOOST_AUTO_TEST_CASE(test_create_view, CF_REQUIRES("views")) {
    cf::Session s;
    auto& base = s.metadata.table("cf_base", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                  Column("x", ty::Integer()));
    s.create_all();
    s.ddl("CREATE VIEW cf_view AS SELECT id, x * 2 AS x2 FROM cf_base", "DROP VIEW cf_view");
    s.conn.execute(base.insert().values({{"id", 1}, {"x", 21}}));
    BOOST_TEST(s.exec("SELECT x2 FROM cf_view").scalar().as_int() == 42);
}
BOOST_AUTO_TEST_CASE(test_create_table_as, CF_REQUIRES("create_table_as")) {
    cf::Session s;
    auto& base = s.metadata.table("cf_base", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                  Column("x", ty::Integer()));
    s.create_all();
    s.conn.execute(base.insert().values({{"id", 1}, {"x", 5}}));
    s.conn.commit();
    s.ddl("CREATE TABLE cf_copy AS SELECT id, x FROM cf_base", "DROP TABLE cf_copy");
    BOOST_TEST(s.exec("SELECT x FROM cf_copy").scalar().as_int() == 5);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
