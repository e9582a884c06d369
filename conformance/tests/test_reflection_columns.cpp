// reflection group (see reflection_support.hpp): columns — names, types, nullability, numeric
// precision and string length, server defaults, autoincrement and identity (IdentityReflectionTest,
// TempTableElementsTest), and table and column comments.
#include "reflection_support.hpp"

#include <athanor/reflection/reflect.hpp>

#include <cctype>
#include <string_view>

using namespace athanor::sql;
namespace sa = athanor;
using cf::ComponentTables;
using cf::column_named;
using cf::column_names;

BOOST_AUTO_TEST_SUITE(reflection)

// ---- ComponentReflectionTest: columns and comments ----------------------------------------------
BOOST_AUTO_TEST_SUITE(ComponentReflectionTest, CF_REQUIRES("table_reflection"))
BOOST_FIXTURE_TEST_CASE(test_get_comments, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"comment_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_comments")) {
    auto insp = inspector();
    BOOST_TEST(insp.get_table_comment("cf_comment_test").value_or("<none>") == "the test % ' \" \\ table comment");
    BOOST_TEST(!insp.get_table_comment("cf_users").has_value());
    BOOST_TEST(insp.get_table_comment("cf_no_constraints").value_or("<none>") == "no\nconstraints\rhas\fescaped\vcomment");
    auto cols = insp.get_columns("cf_comment_test");
    BOOST_TEST(column_named(cols, "id").comment.value_or("<none>") == "id comment");
    BOOST_TEST(column_named(cols, "data").comment.value_or("<none>") == "data % comment");
    BOOST_TEST(column_named(cols, "d2").comment.value_or("<none>") == "Comment types type speedily ' \" \\ '' Fun!");
    BOOST_TEST(column_named(cols, "d3").comment.value_or("<none>") == "Comment\nwith\rescapes");
}
BOOST_FIXTURE_TEST_CASE(test_get_columns, ComponentTables, CF_SA("test_reflection.py::ComponentReflectionTest::test_get_columns")) {
    for (const auto& schema : schemas) {  // SQLAlchemy's use_schema combinations
        auto cols = inspector().get_columns("cf_users", schema);
        BOOST_TEST(column_names(cols) == (std::vector<std::string>{"user_id", "test1", "test2", "parent_user_id"}),
                   boost::test_tools::per_element());
        // Generic types through the dialect's type map (SQLAlchemy compares type affinities).
        BOOST_TEST((column_named(cols, "user_id").type->affinity() == TypeAffinity::integer));
        BOOST_TEST((column_named(cols, "test1").type->affinity() == TypeAffinity::string));
        const auto test2 = column_named(cols, "test2").type->affinity();
        BOOST_TEST((test2 == TypeAffinity::floating || test2 == TypeAffinity::numeric));
        BOOST_TEST((column_named(cols, "parent_user_id").type->affinity() == TypeAffinity::integer));
        BOOST_TEST(!column_named(cols, "test1").nullable);
        BOOST_TEST(!column_named(cols, "test2").nullable);
        BOOST_TEST(column_named(cols, "parent_user_id").nullable);
        for (const auto& c : cols) BOOST_TEST(!c.type_name.empty(), c.name);
    }
}
BOOST_AUTO_TEST_CASE(test_column_collation_reflection, CF_REQUIRES("column_collation_reflection") CF_SA("test_reflection.py::ComponentReflectionTest::test_column_collation_reflection")) {
    cf::Session s;
    const auto collation = cf::order_by_collation();
    BOOST_TEST_REQUIRE(!collation.empty(), "no known collation for dialect " << cf::dialect_name());
    s.metadata.table("cf_collated", Column("collated", ty::String(std::nullopt, collation)),
                     Column("not_collated", ty::String()));
    s.create_all();
    // MetaData reflection carries the collation on the column's type ...
    sa::MetaData m2;
    auto& t2 = sa::reflect_table(m2, s.conn, "cf_collated");
    BOOST_TEST_REQUIRE(t2.table().columns.size() == 2u);
    BOOST_TEST(t2.table().columns[0].type()->collation() == collation);
    BOOST_TEST(t2.table().columns[1].type()->collation().empty());
    // ... as the Inspector's records do.
    auto cols = sa::Inspector(s.conn).get_columns("cf_collated");
    BOOST_TEST_REQUIRE(cols.size() == 2u);
    BOOST_TEST(cols[0].type->collation() == collation);
    BOOST_TEST(cols[0].collation.value_or("<none>") == collation);
    BOOST_TEST(cols[1].type->collation().empty());
    BOOST_TEST(!cols[1].collation.has_value());
}
BOOST_AUTO_TEST_CASE(test_get_temp_table_columns, CF_REQUIRES("temp_table_reflection") CF_SA("test_reflection.py::ComponentReflectionTest::test_get_temp_table_columns")) {
    cf::Session s;
    s.ddl("CREATE TEMPORARY TABLE " + cf::q("cf_user_tmp") + " (id " + cf::type(ty::Integer()) + " PRIMARY KEY, name " +
              cf::type(ty::String(50)) + ", foo " + cf::type(ty::Integer()) + ")",
          "DROP TABLE " + cf::q("cf_user_tmp"));
    auto cols = sa::Inspector(s.conn).get_columns("cf_user_tmp");
    BOOST_TEST(column_names(cols) == (std::vector<std::string>{"id", "name", "foo"}), boost::test_tools::per_element());
    BOOST_TEST((column_named(cols, "name").type->affinity() == TypeAffinity::string));
}
BOOST_FIXTURE_TEST_CASE(test_autoincrement_col, ComponentTables, CF_SA("test_reflection.py::ComponentReflectionTest::test_autoincrement_col")) {
    auto insp = inspector();
    for (auto [table, column] : std::vector<std::pair<std::string, std::string>>{
             {"cf_users", "user_id"}, {"cf_email_addresses", "address_id"}, {"cf_dingalings", "dingaling_id"}})
        BOOST_TEST(column_named(insp.get_columns(table), column).autoincrement, table + "." + column);
}
BOOST_FIXTURE_TEST_CASE(test_comments_unicode, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"comment_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_comments_unicode")) {
    cf::Session u;
    u.metadata.table("cf_unicode_comments", Column("unicode", ty::Integer(), comment("é試蛇ĉ🐍")),
                     Column("emoji", ty::Integer(), comment("☁️✨")), TableOptions{.comment = "é試蛇ĉ🐍 table"});
    u.create_all();
    sa::Inspector insp(u.conn);
    auto cols = insp.get_columns("cf_unicode_comments");
    BOOST_TEST(column_named(cols, "unicode").comment.value_or("") == "é試蛇ĉ🐍");
    BOOST_TEST(column_named(cols, "emoji").comment.value_or("") == "☁️✨");
    BOOST_TEST(insp.get_table_comment("cf_unicode_comments").value_or("") == "é試蛇ĉ🐍 table");
}
BOOST_AUTO_TEST_CASE(test_comments_unicode_full, CF_REQUIRES("comment_reflection_full_unicode") CF_SA("test_reflection.py::ComponentReflectionTest::test_comments_unicode_full")) {
    // The whole Unicode range: astral-plane symbols and zero-width-joiner sequences.
    cf::Session u;
    u.metadata.table("cf_unicode_comments", Column("emoji", ty::Integer(), comment("🐍🧙🝝🧙‍♂️🧙‍♀️")),
                     TableOptions{.comment = "🎩🁰🝑🤷‍♀️🤷‍♂️"});
    u.create_all();
    sa::Inspector insp(u.conn);
    BOOST_TEST(insp.get_table_comment("cf_unicode_comments").value_or("") == "🎩🁰🝑🤷‍♀️🤷‍♂️");
    const auto cols = insp.get_columns("cf_unicode_comments");
    BOOST_TEST_REQUIRE(cols.size() == 1u);
    BOOST_TEST(cols[0].name == "emoji");
    BOOST_TEST(cols[0].comment.value_or("") == "🐍🧙🝝🧙‍♂️🧙‍♀️");
}
BOOST_AUTO_TEST_SUITE_END()

// ---- ComponentReflectionTestExtra: column types, nullability and defaults -----------------------
BOOST_AUTO_TEST_SUITE(ComponentReflectionTestExtra, CF_REQUIRES("table_reflection"))
BOOST_AUTO_TEST_CASE(test_numeric_reflection, CF_SA("test_reflection.py::ComponentReflectionTestExtra::test_numeric_reflection")) {
    cf::Session s;
    s.metadata.table("cf_numeric", Column("n", ty::Numeric(18, 5)));
    s.create_all();
    auto c = column_named(sa::Inspector(s.conn).get_columns("cf_numeric"), "n");
    BOOST_TEST((c.type->affinity() == TypeAffinity::numeric));
    BOOST_TEST(c.type->precision().value_or(-1) == 18);
    BOOST_TEST(c.type->scale().value_or(-1) == 5);
}
BOOST_AUTO_TEST_CASE(test_string_length_reflection, CF_SA("test_reflection.py::ComponentReflectionTestExtra::test_string_length_reflection")) {
    cf::Session s;
    s.metadata.table("cf_strlen", Column("s", ty::String(52)));
    s.create_all();
    auto c = column_named(sa::Inspector(s.conn).get_columns("cf_strlen"), "s");
    BOOST_TEST((c.type->affinity() == TypeAffinity::string));
    BOOST_TEST(c.type->length().value_or(-1) == 52);
}
BOOST_AUTO_TEST_CASE(test_nullable_reflection, CF_SA("test_reflection.py::ComponentReflectionTestExtra::test_nullable_reflection")) {
    cf::Session s;
    s.metadata.table("cf_nullable", Column("a", ty::Integer(), nullable(true)), Column("b", ty::Integer(), nullable(false)));
    s.create_all();
    auto cols = sa::Inspector(s.conn).get_columns("cf_nullable");
    BOOST_TEST(column_named(cols, "a").nullable);
    BOOST_TEST(!column_named(cols, "b").nullable);
}
BOOST_AUTO_TEST_CASE(test_server_defaults, CF_REQUIRES("server_defaults") CF_SA("test_reflection.py::ComponentReflectionTestExtra::test_server_defaults")) {
    cf::Session s;
    s.metadata.table("cf_sd", Column("id", ty::Integer(), primary_key()),
                     Column("s", ty::String(30), server_default("some value")),
                     Column("n", ty::Integer(), server_default(42)),
                     Column("plain", ty::Integer()));
    s.create_all();
    auto cols = sa::Inspector(s.conn).get_columns("cf_sd");
    BOOST_TEST(column_named(cols, "s").default_.value_or("").find("'some value'") != std::string::npos);
    BOOST_TEST(column_named(cols, "n").default_.value_or("").find("42") != std::string::npos);
    BOOST_TEST(!column_named(cols, "plain").default_.has_value());
}
BOOST_AUTO_TEST_CASE(test_server_defaults_expression, CF_REQUIRES("server_defaults", "expression_server_defaults")) {
    cf::Session s;
    s.metadata.table("cf_sde", Column("id", ty::Integer(), primary_key()),
                     Column("at", ty::DateTime(), server_default(sa::text("CURRENT_TIMESTAMP"))));
    s.create_all();
    auto c = column_named(sa::Inspector(s.conn).get_columns("cf_sde"), "at");
    BOOST_TEST_REQUIRE(c.default_.has_value());
    std::string lowered;
    for (char ch : *c.default_) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    // PostgreSQL gives CURRENT_TIMESTAMP back as its own spelling.
    BOOST_TEST((lowered.find("current_timestamp") != std::string::npos || lowered.find("now()") != std::string::npos),
               *c.default_);
}
BOOST_AUTO_TEST_SUITE_END()

// ---- TempTableElementsTest ------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(TempTableElementsTest, CF_REQUIRES("table_reflection", "temp_table_reflection"))
BOOST_AUTO_TEST_CASE(test_reflect_identity, CF_REQUIRES("identity_columns") CF_SA("test_reflection.py::TempTableElementsTest::test_reflect_identity")) {
    // Temporary tables have no MetaData spelling: raw DDL.
    cf::Session s;
    s.ddl("CREATE TEMPORARY TABLE " + cf::q("cf_tmp_ident") + " (id " + cf::type(ty::Integer()) +
              " GENERATED BY DEFAULT AS IDENTITY (START WITH 42) PRIMARY KEY, x " + cf::type(ty::Integer()) + ")",
          "DROP TABLE " + cf::q("cf_tmp_ident"));
    auto c = column_named(sa::Inspector(s.conn).get_columns("cf_tmp_ident"), "id");
    BOOST_TEST(c.autoincrement);
    BOOST_TEST(c.identity == "by default");
}
BOOST_AUTO_TEST_CASE(test_reflect_comments, CF_REQUIRES("temp_table_comment_reflection") CF_SA("test_reflection.py::TempTableElementsTest::test_reflect_comments")) {
    cf::Session s;
    s.ddl("CREATE TEMPORARY TABLE " + cf::q("cf_tmp_comment") + " (id " + cf::type(ty::Integer()) + ")",
          "DROP TABLE " + cf::q("cf_tmp_comment"));
    s.exec("COMMENT ON COLUMN " + cf::q("cf_tmp_comment") + ".id IS 'a comment'");
    BOOST_TEST(column_named(sa::Inspector(s.conn).get_columns("cf_tmp_comment"), "id").comment.value_or("") ==
               "a comment");
}
BOOST_AUTO_TEST_SUITE_END()

// ---- IdentityReflectionTest -----------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(IdentityReflectionTest, CF_REQUIRES("table_reflection", "identity_columns"))
BOOST_AUTO_TEST_CASE(test_reflect_identity, CF_SA("test_reflection.py::IdentityReflectionTest::test_reflect_identity")) {
    cf::Session s;
    s.metadata.table("cf_t1", Column("normal", ty::Integer()), Column("id1", ty::Integer(), Identity(2, 3, true)));
    s.metadata.table("cf_t2", Column("id2", ty::Integer(), Identity(5, 1)));
    s.create_all();
    sa::Inspector insp(s.conn);
    auto id1 = column_named(insp.get_columns("cf_t1"), "id1");
    BOOST_TEST(id1.identity == "always");
    BOOST_TEST(id1.autoincrement);
    BOOST_TEST(!id1.default_.has_value());  // SQLAlchemy: default is None for identity columns
    auto normal = column_named(insp.get_columns("cf_t1"), "normal");
    BOOST_TEST(normal.identity == "");
    auto id2 = column_named(insp.get_columns("cf_t2"), "id2");
    BOOST_TEST(id2.identity == "by default");
    // start / increment: the identity's sequence.
    bool found = false;
    for (const auto& seq : insp.get_sequences())
        if (seq.owner_table == "cf_t1" && seq.owner_column == "id1") {
            found = true;
            BOOST_TEST(seq.start.value_or(-1) == 2);
            BOOST_TEST(seq.increment.value_or(-1) == 3);
        }
    BOOST_TEST(found);
}
BOOST_AUTO_TEST_SUITE_END()

// ---- ComputedReflectionTest -----------------------------------------------------------------------
namespace {
// SQLAlchemy's normalization of a reflected expression: brackets, parentheses, quotes and
// spaces dropped, lower case.
std::string normalize_expression(const std::string& text) {
    std::string out;
    for (char ch : text)
        if (!std::isspace(static_cast<unsigned char>(ch)) && std::string_view("[]()`'\"").find(ch) == std::string_view::npos)
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}
// SQLAlchemy's ComputedReflectionFixtureTest: computed_default_table, and computed_column_table
// (in the default schema and, where schemas exist, in test_schema with other expressions).
struct ComputedTables {
    cf::Session s;
    ComputedTables() {
        s.metadata.table("cf_computed_default_table", Column("id", ty::Integer(), primary_key()),
                         Column("normal", ty::Integer()), Column("computed_col", ty::Integer(), Computed("normal + 42")),
                         Column("with_default", ty::Integer(), server_default(sa::text("42"))));
        add_computed_table({}, {"normal + 42", "normal + 2", "normal - 42"});
        if (cf::has("schemas")) add_computed_table(cf::test_schema(), {"normal / 42", "normal / 2", "normal * 42"});
        s.create_all();
    }
    void add_computed_table(const std::string& schema, const std::vector<std::string>& expressions) {
        std::vector<Column> columns{Column("id", ty::Integer(), primary_key()), Column("normal", ty::Integer()),
                                    Column("computed_no_flag", ty::Integer(), Computed(expressions[0]))};
        if (cf::has("computed_columns_virtual"))
            columns.push_back(Column("computed_virtual", ty::Integer(), Computed(expressions[1], false)));
        if (cf::has("computed_columns_stored"))
            columns.push_back(Column("computed_stored", ty::Integer(), Computed(expressions[2], true)));
        TableArgs args;
        for (auto& c : columns) args.add(std::move(c));
        args.options.schema = schema;
        s.metadata.add_table("cf_computed_column_table", std::move(args));
    }
    /// SQLAlchemy's check_column: the column is computed with that expression and, where the
    /// dialect reflects it, that persisted flag.
    void check_column(const std::vector<sa::ReflectedColumn>& cols, const std::string& name, const std::string& sqltext,
                      bool persisted) {
        const auto& c = column_named(cols, name);
        BOOST_TEST_REQUIRE(c.computed.has_value(), name);
        BOOST_TEST(normalize_expression(c.computed->sqltext) == sqltext, name);
        if (cf::has("computed_columns_reflect_persisted")) {
            BOOST_TEST_REQUIRE(c.computed->persisted.has_value(), name);
            BOOST_TEST(*c.computed->persisted == persisted, name);
        }
    }
    void check_table(const std::string& schema, const std::vector<std::string>& expressions) {
        const auto cols = sa::Inspector(s.conn).get_columns("cf_computed_column_table", schema);
        check_column(cols, "computed_no_flag", expressions[0], cf::has("computed_columns_default_persisted"));
        if (cf::has("computed_columns_virtual")) check_column(cols, "computed_virtual", expressions[1], false);
        if (cf::has("computed_columns_stored")) check_column(cols, "computed_stored", expressions[2], true);
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(ComputedReflectionTest, CF_REQUIRES("computed_columns", "table_reflection"))
BOOST_FIXTURE_TEST_CASE(test_computed_col_default_not_set, ComputedTables, CF_SA("test_reflection.py::ComputedReflectionTest::test_computed_col_default_not_set")) {
    const auto cols = sa::Inspector(s.conn).get_columns("cf_computed_default_table");
    BOOST_TEST(column_named(cols, "with_default").default_.value_or("").find("42") != std::string::npos);
    BOOST_TEST(!column_named(cols, "normal").default_.has_value());
    BOOST_TEST(!column_named(cols, "computed_col").default_.has_value());
}
BOOST_FIXTURE_TEST_CASE(test_get_column_returns_computed, ComputedTables, CF_SA("test_reflection.py::ComputedReflectionTest::test_get_column_returns_computed")) {
    const auto cols = sa::Inspector(s.conn).get_columns("cf_computed_default_table");
    for (const std::string name : {"id", "normal", "with_default"})
        BOOST_TEST(!column_named(cols, name).computed.has_value(), name);
    const auto& computed = column_named(cols, "computed_col");
    BOOST_TEST_REQUIRE(computed.computed.has_value());
    BOOST_TEST(normalize_expression(computed.computed->sqltext) == "normal+42");
    BOOST_TEST(computed.computed->persisted.has_value() == cf::has("computed_columns_reflect_persisted"));
    if (cf::has("computed_columns_reflect_persisted"))
        BOOST_TEST(*computed.computed->persisted == cf::has("computed_columns_default_persisted"));
}
BOOST_FIXTURE_TEST_CASE(test_get_column_returns_persisted, ComputedTables, CF_SA("test_reflection.py::ComputedReflectionTest::test_get_column_returns_persisted")) {
    check_table("", {"normal+42", "normal+2", "normal-42"});
}
BOOST_FIXTURE_TEST_CASE(test_get_column_returns_persisted_with_schema, ComputedTables, *boost::unit_test::precondition(cf::Requires{{"schemas"}}) CF_SA("test_reflection.py::ComputedReflectionTest::test_get_column_returns_persisted_with_schema")) {
    check_table(cf::test_schema(), {"normal/42", "normal/2", "normal*42"});
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
