// ddl group — SQLAlchemy test_ddl.py (TableDDLTest, LongNameBlowoutTest) plus the DDL
// phrases the suite's other modules lean on.
#include "context.hpp"

#include <athanor/errors.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/ddl.hpp>
#include <athanor/sql/identifier_preparer.hpp>

#include <random>

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
    cf::Session s;
    auto& t = s.metadata.table("cf_test_table", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                               Column("data", ty::String(50)), TableOptions{.schema = cf::test_schema()});
    s.create_all();
    BOOST_TEST(cf::engine().dialect().has_table(s.conn.driver_connection(), "cf_test_table", cf::test_schema()));
    BOOST_TEST(!cf::engine().dialect().has_table(s.conn.driver_connection(), "cf_test_table", ""));
    simple_roundtrip(s, t, "id", "data");
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
namespace {
// SQLAlchemy's random tail for the convention templates: `groups` runs of `length` letters a-f
// joined by '_' (a fixed seed here, so a failure repeats).
std::string blowout_tail(int groups, int length) {
    static std::mt19937 generator(20520);
    std::uniform_int_distribution<int> letter(0, 5);
    std::string out;
    for (int g = 0; g < groups; ++g) {
        if (g) out += '_';
        for (int i = 0; i < length; ++i) out += static_cast<char>('a' + letter(generator));
    }
    return out;
}
// The name the convention made must be over 255 bytes; the database holds it fitted to the
// dialect's identifier limit (first bytes and a hash suffix, IdentifierPreparer::truncate), and
// reflection gives that name back. Without a limit it is kept whole.
void check_long_name(const std::string& actual, const std::string& reflected) {
    BOOST_TEST(actual.size() > 255u);
    const auto preparer_owner = sa::sql::compiler_for(cf::engine().dialect());
    const auto expected = preparer_owner->preparer().truncate(actual);
    BOOST_TEST(reflected == expected);
    const auto limit = cf::engine().dialect().max_identifier_length();
    if (limit != 0) BOOST_TEST(reflected.size() <= limit);
    // SQLAlchemy's own comparison: the reflected name is the convention name up to the last
    // few characters.
    BOOST_TEST(actual.substr(0, reflected.size() - 9) == reflected.substr(0, reflected.size() - 9));
}
}  // namespace
BOOST_AUTO_TEST_SUITE(test_long_convention_name, CF_REQUIRES("table_reflection") CF_SA("test_ddl.py::LongNameBlowoutTest::test_long_convention_name"))
BOOST_AUTO_TEST_CASE(fk, CF_REQUIRES("foreign_key_constraint_reflection", "named_constraints")) {
    cf::Session s;
    s.metadata = MetaData({{"fk", "foreign_key_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s_" +
                                      blowout_tail(10, 20)}});
    s.metadata.table("cf_a_things_with_stuff", Column("id_long_column_name", ty::Integer(), primary_key()));
    auto& b = s.metadata.table("cf_b_related_things_of_value", Column("aid", ty::Integer()),
                               ForeignKeyConstraint({"aid"}, {"cf_a_things_with_stuff.id_long_column_name"}));
    s.create_all();
    const auto actual = b.table().foreign_key_constraints.at(0).name();
    const auto fks = sa::Inspector(s.conn).get_foreign_keys("cf_b_related_things_of_value");
    BOOST_TEST_REQUIRE(fks.size() == 1u);
    check_long_name(actual, fks[0].name);
}
BOOST_AUTO_TEST_CASE(pk, CF_REQUIRES("primary_key_constraint_reflection", "reflects_pk_names")) {
    cf::Session s;
    s.metadata = MetaData({{"pk", "primary_key_%(table_name)s_%(column_0_N_name)s" + blowout_tail(10, 30)}});
    auto& a = s.metadata.table("cf_a_things_with_stuff", Column("id_long_column_name", ty::Integer(), primary_key()),
                               Column("id_another_long_name", ty::Integer(), primary_key()));
    s.create_all();
    check_long_name(a.table().primary_key_constraint.name,
                    sa::Inspector(s.conn).get_pk_constraint("cf_a_things_with_stuff").name);
}
BOOST_AUTO_TEST_CASE(ix, CF_REQUIRES("index_reflection")) {
    cf::Session s;
    s.metadata = MetaData({{"ix", "index_%(table_name)s_%(column_0_N_name)s" + blowout_tail(10, 30)}});
    auto& a = s.metadata.table("cf_a_things_with_stuff", Column("id_long_column_name", ty::Integer(), primary_key()),
                               Column("id_another_long_name", ty::Integer()),
                               Index("", {"id_long_column_name", "id_another_long_name"}));
    s.create_all();
    const auto ix = sa::Inspector(s.conn).get_indexes("cf_a_things_with_stuff");
    BOOST_TEST_REQUIRE(ix.size() == 1u);
    check_long_name(a.table().indexes.at(0).name, ix[0].name);
}
BOOST_AUTO_TEST_CASE(ck, CF_REQUIRES("check_constraint_reflection")) {
    cf::Session s;
    s.metadata = MetaData({{"ck", "check_constraint_%(table_name)s" + blowout_tail(10, 30)}});
    auto& a = s.metadata.table("cf_a_things_with_stuff", Column("id_long_column_name", ty::Integer(), primary_key()),
                               Column("some_long_column_name", ty::Integer()),
                               CheckConstraint("some_long_column_name > 5"));
    s.create_all();
    const auto ck = sa::Inspector(s.conn).get_check_constraints("cf_a_things_with_stuff");
    BOOST_TEST_REQUIRE(ck.size() == 1u);
    check_long_name(a.table().check_constraints.at(0).name, ck[0].name);
}
BOOST_AUTO_TEST_CASE(uq, CF_REQUIRES("unique_constraint_reflection")) {
    cf::Session s;
    s.metadata = MetaData({{"uq", "unique_constraint_%(table_name)s_%(column_0_N_name)s" + blowout_tail(10, 30)}});
    auto& a = s.metadata.table("cf_a_things_with_stuff", Column("id_long_column_name", ty::Integer(), primary_key()),
                               Column("id_another_long_name", ty::Integer()),
                               UniqueConstraint({"id_long_column_name", "id_another_long_name"}));
    s.create_all();
    const auto uq = sa::Inspector(s.conn).get_unique_constraints("cf_a_things_with_stuff");
    BOOST_TEST_REQUIRE(uq.size() == 1u);
    check_long_name(a.table().unique_constraints.at(0).name, uq[0].name);
}
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_CASE(test_longest_table_name) {
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
