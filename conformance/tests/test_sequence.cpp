// sequence group — SQLAlchemy test_sequence.py: SequenceTest (sequence-generated keys),
// SequenceCompilerTest, and HasSequenceTest / HasSequenceTestEmpty (Inspector::has_sequence and
// get_sequence_names, in the default schema and in cf::test_schema()).
#include "context.hpp"

#include <athanor/reflection/inspector.hpp>

#include <algorithm>

using namespace athanor::sql;
namespace sa = athanor;

namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// The suite's own names (prefix cf_), sorted: the database may hold other sequences.
std::vector<std::string> cf_only(std::vector<std::string> names) {
    std::erase_if(names, [](const std::string& n) { return n.rfind("cf_", 0) != 0; });
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sequence)
BOOST_AUTO_TEST_SUITE(SequenceTest, CF_REQUIRES("sequences"))
struct Seq {
    cf::Session s;
    Table& t = s.metadata.table("cf_seq_pk", Column("id", ty::Integer(), Sequence("cf_tab_id_seq", {.start = 1}), primary_key()),
                                Column("data", ty::String(50)));
    Seq() { s.create_all(); }
};
BOOST_FIXTURE_TEST_CASE(test_insert_roundtrip, Seq, CF_SA("test_sequence.py::SequenceTest::test_insert_roundtrip")) {
    s.conn.execute(t.insert().values({{"data", "some data"}}));
    auto row = s.conn.execute(select(t)).one();
    BOOST_TEST(row[0].as_int() == 1);  // the sequence's first value (default_sequence_base)
    BOOST_TEST(row[1].as_string() == "some data");
}
BOOST_FIXTURE_TEST_CASE(test_insert_lastrowid, Seq, CF_SA("test_sequence.py::SequenceTest::test_insert_lastrowid")) {
    auto r = s.conn.execute(t.insert().values({{"data", "some data"}}));
    BOOST_TEST(r.inserted_primary_key().at(0).as_int() == 1);
}
BOOST_FIXTURE_TEST_CASE(test_nextval_direct, Seq, CF_SA("test_sequence.py::SequenceTest::test_nextval_direct")) {
    BOOST_TEST(s.conn.scalar(select(next_value("cf_tab_id_seq"))).as_int() == 1);
    BOOST_TEST(s.conn.scalar(select(next_value("cf_tab_id_seq"))).as_int() == 2);
}
BOOST_FIXTURE_TEST_CASE(test_insert_roundtrip_no_implicit_returning, Seq, CF_SA("test_sequence.py::SequenceTest::test_insert_roundtrip_no_implicit_returning")) {
    // SQLAlchemy's seq_no_returning: no RETURNING in play, the column's sequence supplies the key.
    auto& nr = s.metadata.table("cf_seq_no_returning",
                                Column("id", ty::Integer(), Sequence("cf_noret_id_seq"), primary_key()),
                                Column("data", ty::String(50)), TableOptions{.implicit_returning = false});
    s.create_all();
    s.conn.execute(nr.insert(), sa::Params{{"data", "some data"}});
    auto row = s.conn.execute(select(nr)).one();
    BOOST_TEST(row[0].as_int() == 1);
    BOOST_TEST(row[1].as_string() == "some data");
}
BOOST_FIXTURE_TEST_CASE(test_optional_seq, Seq, *boost::unit_test::precondition(cf::Requires{{"sequences_optional"}}) CF_SA("test_sequence.py::SequenceTest::test_optional_seq")) {
    auto& o = s.metadata.table("cf_seq_opt", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)));
    s.create_all();
    BOOST_TEST(s.conn.execute(o.insert().values({{"data", "x"}})).inserted_primary_key().at(0).as_int() == 1);
}
// SQLAlchemy's seq_no_returning_sch: a key from a sequence, both in the test schema, used through
// a Table and Sequence of schema "alt_schema" that the connection's schema_translate_map sends to
// the test schema (the INSERT's nextval, the table name and the SELECT all translated).
struct SeqInSchema {
    cf::Session s;
    Table& real = s.metadata.table("cf_seq_no_returning_sch",
                                   Column("id", ty::Integer(), Sequence("cf_noret_sch_id_seq", {.schema = cf::test_schema()}),
                                          primary_key()),
                                   Column("data", ty::String(50)), TableOptions{.schema = cf::test_schema()});
    SeqInSchema() {
        s.create_all();
        s.conn.execution_options({.schema_translate_map = SchemaTranslateMap{{"alt_schema", cf::test_schema()}}});
    }
    static Table translated(bool implicit_returning) {
        MetaData m;
        return m.table("cf_seq_no_returning_sch",
                       Column("id", ty::Integer(), Sequence("cf_noret_sch_id_seq", {.schema = "alt_schema"}), primary_key()),
                       Column("data", ty::String(50)),
                       TableOptions{.schema = "alt_schema", .implicit_returning = implicit_returning});
    }
};
BOOST_FIXTURE_TEST_CASE(test_insert_roundtrip_translate, SeqInSchema, CF_REQUIRES("schemas") CF_SA("test_sequence.py::SequenceTest::test_insert_roundtrip_translate")) {
    for (const bool implicit_returning : {true, false}) {  // SQLAlchemy's two combinations
        auto t = translated(implicit_returning);
        s.conn.execute(t.insert(), sa::Params{{"data", "some data"}});
        auto rows = s.conn.execute(select(t).order_by(t.c("id"))).all();
        BOOST_TEST_REQUIRE(rows.size() == (implicit_returning ? 1u : 2u));
        BOOST_TEST(rows.back()[0].as_int() == (implicit_returning ? 1 : 2));
        BOOST_TEST(rows.back()[1].as_string() == "some data");
    }
    // The rows are where the translation sent them.
    BOOST_TEST(s.conn.scalar(select(count()).select_from(real)).as_int() == 2);
}
BOOST_FIXTURE_TEST_CASE(test_nextval_direct_schema_translate, SeqInSchema, CF_REQUIRES("schemas") CF_SA("test_sequence.py::SequenceTest::test_nextval_direct_schema_translate")) {
    BOOST_TEST(s.conn.scalar(select(next_value("cf_noret_sch_id_seq", "alt_schema"))).as_int() == 1);
}
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE(SequenceCompilerTest, CF_REQUIRES("sequences"))
BOOST_AUTO_TEST_CASE(test_literal_binds_inline_compile, CF_SA("test_sequence.py::SequenceCompilerTest::test_literal_binds_inline_compile")) {
    Table t("cf_seq_pk", {Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                          Column("data", ty::String(50))});
    CompileOptions o;
    o.literal_binds = true;
    auto sql = t.insert().values({{"id", next_value("cf_tab_id_seq")}, {"data", "d"}}).compile(cf::engine().dialect(), o)->sql;
    BOOST_TEST(sql.find("cf_tab_id_seq") != std::string::npos, sql);
    BOOST_TEST(sql.find("'d'") != std::string::npos, sql);
}
BOOST_AUTO_TEST_SUITE_END()

// ---- HasSequenceTest, HasSequenceTestEmpty ---------------------------------------------------
// SQLAlchemy's fixture: user_id_seq and other_seq in the default schema and, where schemas
// exist, user_id_seq and schema_seq in test_schema, plus a table user_id_table.
BOOST_AUTO_TEST_SUITE(HasSequenceTest, CF_REQUIRES("table_reflection", "sequences"))
struct SequenceFixture {
    cf::Session s;
    SequenceFixture() {
        s.metadata.sequence(Sequence("cf_user_id_seq"));
        s.metadata.sequence(Sequence("cf_other_seq"));
        if (cf::has("schemas")) {
            s.metadata.sequence(Sequence("cf_user_id_seq", {.schema = cf::test_schema()}));
            s.metadata.sequence(Sequence("cf_schema_seq", {.schema = cf::test_schema()}));
        }
        s.metadata.table("cf_user_id_table", Column("id", ty::Integer(), primary_key()));
        s.create_all();
    }
};
BOOST_FIXTURE_TEST_CASE(test_has_sequence, SequenceFixture, CF_SA("test_sequence.py::HasSequenceTest::test_has_sequence")) {
    BOOST_TEST(sa::Inspector(s.conn).has_sequence("cf_user_id_seq"));
}
BOOST_FIXTURE_TEST_CASE(test_has_sequence_cache, SequenceFixture, CF_SA("test_sequence.py::HasSequenceTest::test_has_sequence_cache")) {
    // SQLAlchemy's Inspector caches until clear_cache(); ours asks the database every time, so
    // the sequence created after the first answer is seen at once, and gone once dropped.
    sa::Inspector insp(s.conn);
    BOOST_TEST(insp.has_sequence("cf_user_id_seq"));
    BOOST_TEST(!insp.has_sequence("cf_new_seq"));
    {
        cf::Session t;
        t.metadata.sequence(Sequence("cf_new_seq"));
        t.create_all();
        BOOST_TEST(insp.has_sequence("cf_new_seq"));
    }
    BOOST_TEST(!insp.has_sequence("cf_new_seq"));
}
BOOST_FIXTURE_TEST_CASE(test_has_sequence_other_object, SequenceFixture, CF_SA("test_sequence.py::HasSequenceTest::test_has_sequence_other_object")) {
    BOOST_TEST(!sa::Inspector(s.conn).has_sequence("cf_user_id_table"));
}
BOOST_FIXTURE_TEST_CASE(test_has_sequence_schema, SequenceFixture, *boost::unit_test::precondition(cf::Requires{{"schemas"}}) CF_SA("test_sequence.py::HasSequenceTest::test_has_sequence_schema")) {
    BOOST_TEST(sa::Inspector(s.conn).has_sequence("cf_user_id_seq", cf::test_schema()));
}
BOOST_FIXTURE_TEST_CASE(test_has_sequence_neg, SequenceFixture, CF_SA("test_sequence.py::HasSequenceTest::test_has_sequence_neg")) {
    BOOST_TEST(!sa::Inspector(s.conn).has_sequence("cf_some_sequence"));
}
BOOST_FIXTURE_TEST_CASE(test_has_sequence_schemas_neg, SequenceFixture, *boost::unit_test::precondition(cf::Requires{{"schemas"}}) CF_SA("test_sequence.py::HasSequenceTest::test_has_sequence_schemas_neg")) {
    BOOST_TEST(!sa::Inspector(s.conn).has_sequence("cf_some_sequence", cf::test_schema()));
}
BOOST_FIXTURE_TEST_CASE(test_has_sequence_default_not_in_remote, SequenceFixture, *boost::unit_test::precondition(cf::Requires{{"schemas"}}) CF_SA("test_sequence.py::HasSequenceTest::test_has_sequence_default_not_in_remote")) {
    // cf_other_seq exists in the default schema only.
    BOOST_TEST(sa::Inspector(s.conn).has_sequence("cf_other_seq"));
    BOOST_TEST(!sa::Inspector(s.conn).has_sequence("cf_other_seq", cf::test_schema()));
}
BOOST_FIXTURE_TEST_CASE(test_has_sequence_remote_not_in_default, SequenceFixture, *boost::unit_test::precondition(cf::Requires{{"schemas"}}) CF_SA("test_sequence.py::HasSequenceTest::test_has_sequence_remote_not_in_default")) {
    BOOST_TEST(!sa::Inspector(s.conn).has_sequence("cf_schema_seq"));
}
BOOST_FIXTURE_TEST_CASE(test_get_sequence_names, SequenceFixture, CF_SA("test_sequence.py::HasSequenceTest::test_get_sequence_names")) {
    // Both are listed (serial/identity sequences may be listed too); the other schema's are not.
    auto names = sa::Inspector(s.conn).get_sequence_names();
    BOOST_TEST(contains(names, "cf_other_seq"));
    BOOST_TEST(contains(names, "cf_user_id_seq"));
    BOOST_TEST(!contains(names, "cf_schema_seq"));
}
BOOST_FIXTURE_TEST_CASE(test_get_sequence_names_no_sequence_schema, SequenceFixture, *boost::unit_test::precondition(cf::Requires{{"schemas"}}) CF_SA("test_sequence.py::HasSequenceTest::test_get_sequence_names_no_sequence_schema")) {
    BOOST_TEST(sa::Inspector(s.conn).get_sequence_names(cf::test_schema_2()).empty());
}
BOOST_FIXTURE_TEST_CASE(test_get_sequence_names_sequences_schema, SequenceFixture, *boost::unit_test::precondition(cf::Requires{{"schemas"}}) CF_SA("test_sequence.py::HasSequenceTest::test_get_sequence_names_sequences_schema")) {
    BOOST_TEST(cf_only(sa::Inspector(s.conn).get_sequence_names(cf::test_schema())) ==
                   (std::vector<std::string>{"cf_schema_seq", "cf_user_id_seq"}),
               boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE(HasSequenceTestEmpty, CF_REQUIRES("table_reflection", "sequences"))
BOOST_AUTO_TEST_CASE(test_get_sequence_names_no_sequence, CF_SA("test_sequence.py::HasSequenceTestEmpty::test_get_sequence_names_no_sequence")) {
    // The suite's own objects only: the database may hold other sequences.
    cf::Session s;
    BOOST_TEST(cf_only(sa::Inspector(s.conn).get_sequence_names()).empty());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
