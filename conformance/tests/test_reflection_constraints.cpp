// reflection group (see reflection_support.hpp): keys, constraints and indexes — HasIndexTest,
// primary keys, foreign keys and their options, unique and check constraints, indexes (column
// order, expressions, DESC keys, INCLUDE columns), names with dots, and CompositeKeyReflectionTest.
#include "reflection_support.hpp"

#include <athanor/reflection/reflect.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace athanor::sql;
namespace sa = athanor;
using cf::ComponentTables;
using cf::normalize_sql;

BOOST_AUTO_TEST_SUITE(reflection)

// ---- HasIndexTest --------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(HasIndexTest, CF_REQUIRES("table_reflection", "index_reflection"))
BOOST_AUTO_TEST_CASE(test_has_index, CF_SA("test_reflection.py::HasIndexTest::test_has_index")) {
    cf::Session s;
    s.metadata.table("cf_test_table", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)),
                     Column("data2", ty::String(50)), Index("cf_my_idx", {"data"}));
    if (cf::has("schemas"))  // SQLAlchemy's same-named table in test_schema, whose index must not be found here
        s.metadata.table("cf_test_table", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)),
                         Index("cf_my_idx_s", {"data"}), TableOptions{.schema = cf::test_schema()});
    s.create_all();
    sa::Inspector insp(s.conn);
    BOOST_TEST(insp.has_index("cf_test_table", "cf_my_idx"));
    BOOST_TEST(!insp.has_index("cf_test_table", "cf_my_idx_s"));
    BOOST_TEST(!insp.has_index("cf_nonexistent_table", "cf_my_idx"));
    BOOST_TEST(!insp.has_index("cf_test_table", "cf_nonexistent_idx"));
    BOOST_TEST(!insp.has_index("cf_test_table", "cf_my_idx_2"));
    BOOST_TEST(!insp.has_index("cf_test_table_2", "cf_my_idx_3"));
    // SQLAlchemy's cache part: an index and a table with an index created later are seen (our
    // Inspector does not cache, so without clear_cache()).
    s.exec("CREATE INDEX " + cf::q("cf_my_idx_2") + " ON " + cf::q("cf_test_table") + " (data2)");
    s.conn.commit();
    s.metadata.table("cf_test_table_2", Column("foo", ty::Integer()), Index("cf_my_idx_3", {"foo"}));
    s.create_all();
    BOOST_TEST(insp.has_index("cf_test_table", "cf_my_idx_2"));
    BOOST_TEST(insp.has_index("cf_test_table_2", "cf_my_idx_3"));
}
BOOST_AUTO_TEST_SUITE_END()

// ---- ComponentReflectionTest: keys, constraints and indexes -------------------------------------
BOOST_AUTO_TEST_SUITE(ComponentReflectionTest, CF_REQUIRES("table_reflection"))
BOOST_FIXTURE_TEST_CASE(test_get_pk_constraint, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"primary_key_constraint_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_pk_constraint")) {
    for (const auto& schema : schemas) {  // SQLAlchemy's use_schema combinations
        auto insp = inspector();
        BOOST_TEST(insp.get_pk_constraint("cf_users", schema).constrained_columns == (std::vector<std::string>{"user_id"}),
                   boost::test_tools::per_element());
        auto pk = insp.get_pk_constraint("cf_email_addresses", schema);
        BOOST_TEST(pk.constrained_columns == (std::vector<std::string>{"address_id"}), boost::test_tools::per_element());
        if (cf::has("reflects_pk_names")) BOOST_TEST(pk.name == "cf_email_ad_pk");
        BOOST_TEST(insp.get_pk_constraint("cf_no_constraints", schema).constrained_columns.empty());
    }
}
BOOST_AUTO_TEST_CASE(test_get_pk_constraint_quoted_name,
                     CF_REQUIRES("primary_key_constraint_reflection", "reflects_pk_names") CF_SA("test_reflection.py::ComponentReflectionTest::test_get_pk_constraint_quoted_name")) {
    // SQLAlchemy's names: upper, lower and mixed case, and dots.
    for (const std::string name : {"PK_test_table", "pk_test_table", "mixedCasePK", "pk.with.dots"}) {
        cf::Session s;
        s.metadata.table("cf_pk_quoted", Column("id", ty::Integer()), Column("data", ty::String(50)),
                         PrimaryKeyConstraint({"id"}, name));
        s.create_all();
        const auto pk = sa::Inspector(s.conn).get_pk_constraint("cf_pk_quoted");
        BOOST_TEST(pk.name == name);
        BOOST_TEST(pk.constrained_columns == std::vector<std::string>{"id"}, boost::test_tools::per_element());
    }
}
BOOST_FIXTURE_TEST_CASE(test_get_foreign_keys, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"foreign_key_constraint_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_foreign_keys")) {
    for (const auto& schema : schemas) {  // SQLAlchemy's use_schema combinations
        auto insp = inspector();
        auto users_fks = insp.get_foreign_keys("cf_users", schema);
        BOOST_TEST_REQUIRE(users_fks.size() == 1u);
        BOOST_TEST(users_fks[0].referred_table == "cf_users");
        BOOST_TEST(users_fks[0].referred_schema == schema);
        BOOST_TEST(users_fks[0].constrained_columns == (std::vector<std::string>{"parent_user_id"}),
                   boost::test_tools::per_element());
        BOOST_TEST(users_fks[0].referred_columns == (std::vector<std::string>{"user_id"}), boost::test_tools::per_element());
        if (cf::has("named_constraints")) BOOST_TEST(users_fks[0].name == "cf_user_id_fk");

        auto addr_fks = insp.get_foreign_keys("cf_email_addresses", schema);
        BOOST_TEST_REQUIRE(addr_fks.size() == 1u);
        BOOST_TEST(addr_fks[0].referred_table == "cf_users");
        BOOST_TEST(addr_fks[0].referred_schema == schema);
        BOOST_TEST(addr_fks[0].constrained_columns == (std::vector<std::string>{"remote_user_id"}),
                   boost::test_tools::per_element());
        BOOST_TEST(addr_fks[0].referred_columns == (std::vector<std::string>{"user_id"}), boost::test_tools::per_element());
        BOOST_TEST(insp.get_foreign_keys("cf_no_constraints", schema).empty());
    }
}
BOOST_AUTO_TEST_CASE(test_get_foreign_keys_quoted_name, CF_REQUIRES("foreign_key_constraint_reflection") CF_SA("test_reflection.py::ComponentReflectionTest::test_get_foreign_keys_quoted_name")) {
    for (const std::string name : {"FK_users_id", "fk_users_id", "mixedCaseName", "fk.with.dots"}) {
        cf::Session s;
        s.metadata.table("cf_users_ref", Column("user_id", ty::Integer(), primary_key()));
        s.metadata.table("cf_user_orders", Column("order_id", ty::Integer(), primary_key()),
                         Column("user_id", ty::Integer()),
                         ForeignKeyConstraint({"user_id"}, {"cf_users_ref.user_id"}, {.name = name}));
        s.create_all();
        auto fks = sa::Inspector(s.conn).get_foreign_keys("cf_user_orders");
        BOOST_TEST_REQUIRE(fks.size() == 1u, name);
        if (cf::has("named_constraints")) BOOST_TEST(fks[0].name == name);
        BOOST_TEST(fks[0].referred_table == "cf_users_ref");
        BOOST_TEST(fks[0].referred_columns == std::vector<std::string>{"user_id"}, boost::test_tools::per_element());
        BOOST_TEST(fks[0].constrained_columns == std::vector<std::string>{"user_id"}, boost::test_tools::per_element());
    }
}
BOOST_FIXTURE_TEST_CASE(test_get_indexes, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"index_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_indexes")) {
    for (const auto& schema : schemas) {  // SQLAlchemy's use_schema combinations
        auto idx = inspector().get_indexes("cf_users", schema);
        // Indexes backing a primary key or unique constraint are not listed (SQLAlchemy likewise).
        BOOST_TEST_REQUIRE(idx.size() == 1u);
        BOOST_TEST(idx[0].name == "cf_users_t_idx");
        BOOST_TEST(idx[0].column_names == (std::vector<std::string>{"test1", "test2"}), boost::test_tools::per_element());
        BOOST_TEST(!idx[0].unique);
        auto addr = inspector().get_indexes("cf_email_addresses", schema);
        BOOST_TEST_REQUIRE(addr.size() == 1u);
        BOOST_TEST(addr[0].column_names == (std::vector<std::string>{"email_address"}), boost::test_tools::per_element());
    }
}
BOOST_AUTO_TEST_CASE(test_get_indexes_quoted_name, CF_REQUIRES("index_reflection") CF_SA("test_reflection.py::ComponentReflectionTest::test_get_indexes_quoted_name")) {
    for (const std::string name : {"IX_test_data", "ix_test_data", "mixedCaseIndex", "ix.with.dots"}) {
        cf::Session s;
        s.metadata.table("cf_idxq", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)),
                         Index(name, {"data"}));
        s.create_all();
        auto idx = sa::Inspector(s.conn).get_indexes("cf_idxq");
        BOOST_TEST(std::count_if(idx.begin(), idx.end(), [&](const auto& i) { return i.name == name; }) == 1, name);
        for (const auto& i : idx)
            if (i.name == name) BOOST_TEST(i.column_names == std::vector<std::string>{"data"}, boost::test_tools::per_element());
    }
}
BOOST_AUTO_TEST_CASE(test_get_unique_constraints, CF_REQUIRES("unique_constraint_reflection") CF_SA("test_reflection.py::ComponentReflectionTest::test_get_unique_constraints")) {
    // SQLAlchemy's testtbl: six named unique constraints, two over the same columns in another
    // order, reserved-word columns, names with dots and spaces; in the default schema and,
    // where schemas exist, in test_schema.
    const std::vector<std::pair<std::string, std::vector<std::string>>> uniques{
        {"i have spaces", {"c"}}, {"i.have.dots", {"b"}},           {"unique_a", {"a"}},
        {"unique_a_b_c", {"a", "b", "c"}}, {"unique_asc_key", {"asc", "key"}}, {"unique_c_a_b", {"c", "a", "b"}}};
    std::vector<std::string> schemas{""};
    if (cf::has("schemas")) schemas.push_back(cf::test_schema());
    for (const auto& schema : schemas) {
        cf::Session t;
        TableArgs args;
        args.add(Column("a", ty::String(20)));
        args.add(Column("b", ty::String(30)));
        args.add(Column("c", ty::Integer()));
        args.add(Column("asc", ty::String(30)));
        args.add(Column("key", ty::String(30)));
        for (const auto& [name, columns] : uniques) args.add(UniqueConstraint(columns, name));
        args.options.schema = schema;
        t.metadata.add_table("cf_testtbl", std::move(args));
        t.metadata.table("cf_no_constraints", Column("data", ty::String(20)), TableOptions{.schema = schema});
        t.create_all();
        sa::Inspector insp(t.conn);
        auto reflected = insp.get_unique_constraints("cf_testtbl", schema);
        std::sort(reflected.begin(), reflected.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
        BOOST_TEST_REQUIRE(reflected.size() == uniques.size(), schema);
        for (std::size_t i = 0; i < uniques.size(); ++i) {
            BOOST_TEST(reflected[i].name == uniques[i].first);
            BOOST_TEST(reflected[i].column_names == uniques[i].second, boost::test_tools::per_element());
        }
        // Reflected into a MetaData, each is a unique constraint and none is also an index.
        MetaData m;
        auto& table = sa::reflect_table(m, t.conn, "cf_testtbl", schema);
        std::set<std::string> index_names, unique_names;
        for (const auto& ix : table.table().indexes) index_names.insert(ix.name);
        for (const auto& uq : table.table().unique_constraints) unique_names.insert(uq.name);
        BOOST_TEST(unique_names.size() == uniques.size());
        for (const auto& n : unique_names) BOOST_TEST(index_names.count(n) == 0u, n);
        BOOST_TEST(insp.get_unique_constraints("cf_no_constraints", schema).empty());
    }
}
BOOST_AUTO_TEST_CASE(test_get_unique_constraints_quoted_name, CF_REQUIRES("unique_constraint_reflection") CF_SA("test_reflection.py::ComponentReflectionTest::test_get_unique_constraints_quoted_name")) {
    for (const std::string name : {"UQ_email", "uq_email", "mixedCaseUQ", "uq.with.dots"}) {
        cf::Session s;
        s.metadata.table("cf_uqq", Column("id", ty::Integer(), primary_key()), Column("email", ty::String(50)),
                         UniqueConstraint({"email"}, name));
        s.create_all();
        auto uqs = sa::Inspector(s.conn).get_unique_constraints("cf_uqq");
        BOOST_TEST_REQUIRE(uqs.size() == 1u, name);
        BOOST_TEST(uqs[0].name == name);
        BOOST_TEST(uqs[0].column_names == std::vector<std::string>{"email"}, boost::test_tools::per_element());
    }
}
// SQLAlchemy's noncol_idx_test_nopk / _pk: an index on "q DESC" (no Index construct takes a
// sort order here: raw CREATE INDEX).
BOOST_AUTO_TEST_CASE(test_get_noncol_index, CF_REQUIRES("index_reflection", "indexes_with_ascdesc", "reflect_indexes_with_ascdesc") CF_SA("test_reflection.py::ComponentReflectionTest::test_get_noncol_index")) {
    for (const bool with_pk : {false, true}) {
        cf::Session s;
        const std::string table = with_pk ? "cf_noncol_idx_test_pk" : "cf_noncol_idx_test_nopk";
        const std::string index = with_pk ? "cf_noncol_idx_pk" : "cf_noncol_idx_nopk";
        if (with_pk) s.metadata.table(table, Column("id", ty::Integer(), primary_key()), Column("q", ty::String(5)));
        else s.metadata.table(table, Column("q", ty::String(5)));
        s.create_all();
        s.exec("CREATE INDEX " + cf::q(index) + " ON " + cf::q(table) + " (q DESC)");
        s.conn.commit();
        auto indexes = sa::Inspector(s.conn).get_indexes(table);
        BOOST_TEST_REQUIRE(indexes.size() == 1u, table);
        BOOST_TEST(indexes[0].name == index);
        BOOST_TEST(indexes[0].column_names == std::vector<std::string>{"q"}, boost::test_tools::per_element());
        BOOST_TEST(indexes[0].column_sorting.size() == 1u);
        BOOST_TEST((indexes[0].column_sorting["q"] == std::vector<std::string>{"desc"}));
        MetaData m;
        auto& t = sa::reflect_table(m, s.conn, table);
        BOOST_TEST_REQUIRE(t.table().indexes.size() == 1u);
        BOOST_TEST(t.table().indexes[0].name == index);
        BOOST_TEST(t.table().indexes[0].table == table);  // connected to the reflected table
    }
}
BOOST_AUTO_TEST_SUITE_END()

// ---- ComponentReflectionTestExtra: check constraints, index order and expressions, foreign key options ----
BOOST_AUTO_TEST_SUITE(ComponentReflectionTestExtra, CF_REQUIRES("table_reflection"))
BOOST_AUTO_TEST_CASE(test_check_constraint_no_constraint, CF_REQUIRES("check_constraint_reflection") CF_SA("test_reflection.py::ComponentReflectionTestExtra::test_check_constraint_no_constraint")) {
    cf::Session s;
    s.metadata.table("cf_no_cc", Column("a", ty::Integer()));
    s.create_all();
    BOOST_TEST(sa::Inspector(s.conn).get_check_constraints("cf_no_cc").empty());
}
BOOST_AUTO_TEST_CASE(test_check_constraint_standalone, CF_REQUIRES("check_constraint_reflection") CF_SA("test_reflection.py::ComponentReflectionTestExtra::test_check_constraint_standalone")) {
    cf::Session s;
    s.metadata.table("cf_sa_cc", Column("a", ty::Integer()), Column("b", ty::Integer()),
                     CheckConstraint("a > 1 AND a < 5", "cf_cc1"), CheckConstraint("a = 1 OR (a > 2 AND a < 5)", "cf_cc2"));
    s.create_all();
    auto ccs = sa::Inspector(s.conn).get_check_constraints("cf_sa_cc");
    BOOST_TEST_REQUIRE(ccs.size() == 2u);
    std::sort(ccs.begin(), ccs.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
    BOOST_TEST(ccs[0].name == "cf_cc1");
    BOOST_TEST(normalize_sql(ccs[0].sqltext) == normalize_sql("a > 1 AND a < 5"));
    BOOST_TEST(ccs[1].name == "cf_cc2");
    BOOST_TEST(normalize_sql(ccs[1].sqltext) == normalize_sql("a = 1 OR (a > 2 AND a < 5)"));
}
BOOST_AUTO_TEST_CASE(test_check_constraint_inline, CF_REQUIRES("inline_check_constraint_reflection") CF_SA("test_reflection.py::ComponentReflectionTestExtra::test_check_constraint_inline")) {
    // About the column-level CHECK phrase, which MetaData does not emit: raw DDL on purpose.
    cf::Session s;
    s.ddl("CREATE TABLE " + cf::q("cf_inline_cc") + " (a " + cf::type(ty::Integer()) + " CHECK (a > 10), b " +
              cf::type(ty::Integer()) + " CONSTRAINT cf_b_cc CHECK (b < 5))",
          "DROP TABLE " + cf::q("cf_inline_cc"));
    auto ccs = sa::Inspector(s.conn).get_check_constraints("cf_inline_cc");
    std::set<std::string> texts;
    bool named = false;
    for (const auto& c : ccs) {
        texts.insert(normalize_sql(c.sqltext));
        named = named || c.name == "cf_b_cc";
    }
    BOOST_TEST(ccs.size() == 2u);
    BOOST_TEST(texts.count("a>10") == 1u);
    BOOST_TEST(texts.count("b<5") == 1u);
    BOOST_TEST(named);
}
BOOST_AUTO_TEST_CASE(test_check_constraint_mixed, CF_REQUIRES("inline_check_constraint_reflection") CF_SA("test_reflection.py::ComponentReflectionTestExtra::test_check_constraint_mixed")) {
    // Column-level CHECK next to table-level ones and unique constraints; MetaData has no
    // column-level CHECK phrase: raw DDL on purpose.
    cf::Session s;
    const auto integer = cf::type(ty::Integer());
    s.ddl("CREATE TABLE " + cf::q("cf_sa_cc") + " (id " + integer + " PRIMARY KEY, a " + integer +
              " CHECK (a > 1 AND a < 5), b " + integer + " CONSTRAINT cf_my_inline CHECK (b > 1 AND b < 5), c " +
              integer + ", data " + cf::type(ty::String(50)) + ", CONSTRAINT cf_some_uq UNIQUE (data), " +
              "CONSTRAINT cf_cc1 CHECK (c > 1 AND c < 5), CONSTRAINT cf_some_c_uq UNIQUE (c))",
          "DROP TABLE " + cf::q("cf_sa_cc"));
    auto ccs = sa::Inspector(s.conn).get_check_constraints("cf_sa_cc");
    BOOST_TEST_REQUIRE(ccs.size() == 3u);
    std::map<std::string, std::string> by_text;
    for (const auto& c : ccs) by_text[normalize_sql(c.sqltext)] = c.name;
    BOOST_TEST(by_text.count("c>1andc<5") == 1u);
    BOOST_TEST(by_text["c>1andc<5"] == "cf_cc1");
    BOOST_TEST(by_text.count("b>1andb<5") == 1u);
    BOOST_TEST(by_text["b>1andb<5"] == "cf_my_inline");
    BOOST_TEST(by_text.count("a>1anda<5") == 1u);  // unnamed: any name the database gave it
}
BOOST_AUTO_TEST_CASE(test_check_constraint_parenthesized_expressions, CF_REQUIRES("check_constraint_reflection") CF_SA("test_reflection.py::ComponentReflectionTestExtra::test_check_constraint_parenthesized_expressions")) {
    cf::Session s;
    s.metadata.table("cf_paren_cc", Column("a", ty::Integer()), CheckConstraint("((a > 1) AND (a < 5))", "cf_cc_p"));
    s.create_all();
    auto ccs = sa::Inspector(s.conn).get_check_constraints("cf_paren_cc");
    BOOST_TEST_REQUIRE(ccs.size() == 1u);
    BOOST_TEST(normalize_sql(ccs[0].sqltext) == "a>1anda<5");
}
BOOST_AUTO_TEST_CASE(test_index_column_order, CF_REQUIRES("index_reflection", "indexes_check_column_order") CF_SA("test_reflection.py::ComponentReflectionTestExtra::test_index_column_order")) {
    cf::Session s;
    s.metadata.table("cf_ico", Column("a", ty::Integer()), Column("b", ty::Integer()), Column("c", ty::Integer()),
                     Index("cf_ico_idx1", {"b", "a", "c"}), Index("cf_ico_idx2", {"c", "b", "a"}));
    s.create_all();
    auto idx = sa::Inspector(s.conn).get_indexes("cf_ico");
    BOOST_TEST_REQUIRE(idx.size() == 2u);
    std::sort(idx.begin(), idx.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
    BOOST_TEST(idx[0].column_names == (std::vector<std::string>{"b", "a", "c"}), boost::test_tools::per_element());
    BOOST_TEST(idx[1].column_names == (std::vector<std::string>{"c", "b", "a"}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_reflect_expression_based_indexes, CF_REQUIRES("index_reflection", "indexes_with_expressions") CF_SA("test_reflection.py::ComponentReflectionTestExtra::test_reflect_expression_based_indexes")) {
    // Expression keys have no MetaData spelling here: raw CREATE INDEX on purpose.
    cf::Session s;
    s.metadata.table("cf_expr_idx", Column("x", ty::String(30)), Column("y", ty::Integer()));
    s.create_all();
    s.exec("CREATE INDEX " + cf::q("cf_t_idx_expr") + " ON " + cf::q("cf_expr_idx") + " (lower(x), y)");
    s.conn.commit();
    auto idx = sa::Inspector(s.conn).get_indexes("cf_expr_idx");
    BOOST_TEST_REQUIRE(idx.size() == 1u);
    BOOST_TEST(idx[0].column_names == (std::vector<std::string>{"", "y"}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_reflect_covering_index, CF_REQUIRES("index_reflection", "index_reflects_included_columns") CF_SA("test_reflection.py::ComponentReflectionTestExtra::test_reflect_covering_index")) {
    cf::Session s;
    Index covering("cf_t_idx", {"x"});
    covering.include = {"y"};
    s.metadata.table("cf_t", Column("x", ty::String(30)), Column("y", ty::String(30)), covering);
    s.create_all();
    auto idx = sa::Inspector(s.conn).get_indexes("cf_t");
    BOOST_TEST_REQUIRE(idx.size() == 1u);
    BOOST_TEST(idx[0].name == "cf_t_idx");
    BOOST_TEST(idx[0].column_names == std::vector<std::string>{"x"}, boost::test_tools::per_element());
    BOOST_TEST(idx[0].include_columns == std::vector<std::string>{"y"}, boost::test_tools::per_element());
    BOOST_TEST(!idx[0].unique);
    // Reflected into a MetaData, the index keeps its INCLUDE columns.
    MetaData m;
    auto& t = sa::reflect_table(m, s.conn, "cf_t");
    BOOST_TEST_REQUIRE(t.table().indexes.size() == 1u);
    BOOST_TEST(t.table().indexes[0].include == std::vector<std::string>{"y"}, boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_get_foreign_key_options, CF_REQUIRES("foreign_key_constraint_reflection",
                                                               "foreign_key_constraint_option_reflection_ondelete",
                                                               "foreign_key_constraint_option_reflection_onupdate") CF_SA("test_reflection.py::ComponentReflectionTestExtra::test_get_foreign_key_options")) {
    cf::Session s;
    s.metadata.table("cf_fko_parent", Column("id", ty::Integer(), primary_key()));
    s.metadata.table("cf_fko_child", Column("id", ty::Integer(), primary_key()),
                     Column("a", ty::Integer(), ForeignKey("cf_fko_parent.id", {.ondelete = "CASCADE", .onupdate = "SET NULL"})),
                     Column("b", ty::Integer(), ForeignKey("cf_fko_parent.id")));
    s.create_all();
    auto fks = sa::Inspector(s.conn).get_foreign_keys("cf_fko_child");
    BOOST_TEST_REQUIRE(fks.size() == 2u);
    // One key on each column, so each branch below runs exactly once.
    BOOST_TEST(std::count_if(fks.begin(), fks.end(), [](const auto& fk) {
                   return fk.constrained_columns == std::vector<std::string>{"a"};
               }) == 1);
    BOOST_TEST(std::count_if(fks.begin(), fks.end(), [](const auto& fk) {
                   return fk.constrained_columns == std::vector<std::string>{"b"};
               }) == 1);
    for (const auto& fk : fks) {
        if (fk.constrained_columns == std::vector<std::string>{"a"}) {
            BOOST_TEST(fk.options.at("ondelete") == "CASCADE");
            BOOST_TEST(fk.options.at("onupdate") == "SET NULL");
        } else {
            // NO ACTION is the default and is left out, as in SQLAlchemy.
            BOOST_TEST(fk.options.count("ondelete") == 0u);
            BOOST_TEST(fk.options.count("onupdate") == 0u);
        }
    }
}
BOOST_AUTO_TEST_SUITE_END()

// ---- CompositeKeyReflectionTest -----------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(CompositeKeyReflectionTest, CF_REQUIRES("table_reflection"))
struct CompositeTables {
    cf::Session s;
    CompositeTables() {
        s.metadata.table("cf_tb1", Column("id", ty::Integer()), Column("attr", ty::Integer()),
                         Column("name", ty::String(20)), PrimaryKeyConstraint({"name", "id", "attr"}, "cf_pk_tb1"));
        s.metadata.table("cf_tb2", Column("id", ty::Integer(), primary_key()), Column("pid", ty::Integer()),
                         Column("pattr", ty::Integer()), Column("pname", ty::String(20)),
                         ForeignKeyConstraint({"pname", "pid", "pattr"}, {"cf_tb1.name", "cf_tb1.id", "cf_tb1.attr"},
                                              {.name = "cf_fk_tb1_name_id_attr"}));
        s.create_all();
    }
};
BOOST_FIXTURE_TEST_CASE(test_pk_column_order, CompositeTables,
                        *boost::unit_test::precondition(cf::Requires{{"primary_key_constraint_reflection"}}) CF_SA("test_reflection.py::CompositeKeyReflectionTest::test_pk_column_order")) {
    auto pk = sa::Inspector(s.conn).get_pk_constraint("cf_tb1");
    BOOST_TEST(pk.constrained_columns == (std::vector<std::string>{"name", "id", "attr"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_fk_column_order, CompositeTables,
                        *boost::unit_test::precondition(cf::Requires{{"foreign_key_constraint_reflection"}}) CF_SA("test_reflection.py::CompositeKeyReflectionTest::test_fk_column_order")) {
    auto fks = sa::Inspector(s.conn).get_foreign_keys("cf_tb2");
    BOOST_TEST_REQUIRE(fks.size() == 1u);
    BOOST_TEST(fks[0].constrained_columns == (std::vector<std::string>{"pname", "pid", "pattr"}),
               boost::test_tools::per_element());
    BOOST_TEST(fks[0].referred_columns == (std::vector<std::string>{"name", "id", "attr"}),
               boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
