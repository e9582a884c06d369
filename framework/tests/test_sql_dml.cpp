// Golden SQL for INSERT / UPDATE / DELETE (RETURNING, multi-row, from_select, upsert) on the
// generic DefaultDialect, compiled-statement metadata, and injection attempts that must stay
// bound values or quoted identifiers.
#define BOOST_TEST_MODULE test_sql_dml
#include <boost/test/unit_test.hpp>

#include <athanor/errors.hpp>
#include <athanor/sql.hpp>

using namespace athanor::sql;
using athanor::Params;
using athanor::Value;

namespace {

TypePtr integer() { return TypeEngine::named("INTEGER"); }
TypePtr varchar() { return TypeEngine::named("VARCHAR(50)"); }

/// A dialect that keeps every default of the generic compiler (no upsert, no sequences).
class GenericDialect final : public athanor::sdk::Dialect {
public:
    std::string name() const override { return "generic"; }
    std::string driver() const override { return "none"; }
    athanor::sdk::Paramstyle paramstyle() const override { return athanor::sdk::Paramstyle::named; }
    std::unique_ptr<athanor::sdk::DriverConnection> connect(const athanor::Url&) override { return nullptr; }
};

struct Tables {
    Table users{"users",
                {Column("id", integer(), primary_key()), Column("name", varchar()), Column("age", integer())}};
    Table archive{"archive", {Column("id", integer(), primary_key()), Column("name", varchar())}};
    Table pairs{"pairs", {Column("a", integer(), primary_key()), Column("b", integer(), primary_key())}};
};

std::string sql(const Statement& s) { return to_string(s); }
Params bound(const Statement& s) {
    Params out;
    s.bound_values(out);
    return out;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(dml_suite, Tables)

// Golden SQL: SQLAlchemy 1.4's str() of the same constructs, where it differs: SQLAlchemy parenthesises an
// expression in VALUES ((users.id + :id_1)), as both do in UPDATE SET. Checked by
// conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(insert_values) {
    auto s = users.insert().values({{"name", "Alex"}});
    BOOST_TEST(sql(s) == "INSERT INTO users (name) VALUES (:name)");
    BOOST_TEST(bound(s).find("name")->as_string() == "Alex");
    auto compiled = s.compile(DefaultDialect::instance());
    BOOST_TEST((compiled->kind == StatementKind::insert));
    BOOST_TEST(compiled->primary_key_columns == std::vector<std::string>{"id"});
    BOOST_TEST_REQUIRE(compiled->autoincrement_column.has_value());
    BOOST_TEST(*compiled->autoincrement_column == 0u);
    // Caller's parameters win over the statement's own value.
    BOOST_TEST(compiled->bind(Params{{"name", "Bob"}})[0].as_string() == "Bob");
    // Columns follow table order whatever order values() names them in.
    BOOST_TEST(sql(insert(users).values({{"age", 3}, {"name", "a"}})) == "INSERT INTO users (name, age) VALUES (:name, :age)");
    BOOST_TEST(sql(insert(users).values({{"name", lower("X")}, {"age", users.c("id") + 1}})) ==
               "INSERT INTO users (name, age) VALUES (lower(:lower_1), users.id + :id_1)");
    BOOST_CHECK_THROW(users.insert().values({{"nope", 1}}), athanor::ArgumentError);
}

// Golden SQL: SQLAlchemy 1.4's str() of the same constructs, where it differs: SQLAlchemy's string dialect writes
// () VALUES (); its SQLite and PostgreSQL dialects write DEFAULT VALUES, the SQL standard's form. Checked by
// conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(insert_without_values_and_for_parameters) {
    BOOST_TEST(sql(users.insert()) == "INSERT INTO users (id, name, age) VALUES (:id, :name, :age)");
    auto ins = users.insert();
    const Params first{{"name", "a"}, {"age", 1}};
    auto compiled = ins.for_parameters(first).compile(DefaultDialect::instance());
    BOOST_TEST(compiled->sql == "INSERT INTO users (name, age) VALUES (:name, :age)");
    const auto key = [&](const Params& p) { return ins.for_parameters(p).cache_key(); };
    BOOST_TEST(key(first) != key(Params{{"name", "a"}}));
    BOOST_TEST(key(first) == key(Params{{"name", "z"}, {"age", 9}}));
    // executemany: the same compiled form binds every parameter set.
    auto row = compiled->bind(Params{{"age", 5}, {"name", "b"}});
    BOOST_TEST(row[0].as_string() == "b");
    BOOST_TEST(row[1].as_int() == 5);
    BOOST_CHECK_THROW(compiled->bind(Params{{"name", "only"}}), athanor::ArgumentError);
    BOOST_TEST(sql(users.insert().for_parameters(Params{})) == "INSERT INTO users DEFAULT VALUES");
    // The Executable form the engine uses.
    auto specialised = ins.with_parameter_keys(Params{{"name", "a"}});
    BOOST_TEST(specialised->compile(DefaultDialect::instance())->sql == "INSERT INTO users (name) VALUES (:name)");
    BOOST_TEST(users.update().with_parameter_keys(Params{{"age", 1}})->compile(DefaultDialect::instance())->sql ==
               "UPDATE users SET age=:age");
    // A composite key has no autoincrement column.
    BOOST_TEST(!pairs.insert().compile(DefaultDialect::instance())->autoincrement_column.has_value());
}

// Golden SQL: identical to SQLAlchemy 1.4's str() of the same constructs. Checked by
// conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(insert_multi_values) {
    auto s = users.insert().multi_values({Params{{"id", 1}, {"name", "a"}}, Params{{"id", 2}, {"name", "b"}}});
    BOOST_TEST(sql(s) == "INSERT INTO users (id, name) VALUES (:id_m0, :name_m0), (:id_m1, :name_m1)");
    BOOST_TEST(bound(s).find("name_m1")->as_string() == "b");
    BOOST_TEST(bound(s).size() == 4u);
    BOOST_CHECK_THROW(users.insert().multi_values({Params{{"id", 1}}, Params{{"name", "x"}}}), athanor::ArgumentError);
}

// Golden SQL: identical to SQLAlchemy 1.4's str() of the same constructs. Checked by
// conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(insert_from_select_and_returning) {
    auto s = archive.insert().from_select({"id", "name"},
                                          select(users.c("id"), users.c("name")).where(users.c("age") > 90));
    BOOST_TEST(sql(s) ==
               "INSERT INTO archive (id, name) SELECT users.id, users.name FROM users WHERE users.age > :age_1");
    BOOST_TEST(bound(s).find("age_1")->as_int() == 90);
    BOOST_TEST(sql(users.insert().values({{"name", "x"}}).returning(users.c("id"), users.c("name"))) ==
               "INSERT INTO users (name) VALUES (:name) RETURNING users.id, users.name");
}

// Golden SQL: identical to SQLAlchemy 1.4's str() of the same constructs. Checked by
// conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(update_statements) {
    auto s = users.update().values({{"name", "x"}}).where(users.c("id") == 5);
    BOOST_TEST(sql(s) == "UPDATE users SET name=:name WHERE users.id = :id_1");
    BOOST_TEST((s.compile(DefaultDialect::instance())->kind == StatementKind::update));
    BOOST_TEST(bound(s).find("name")->as_string() == "x");
    BOOST_TEST(bound(s).find("id_1")->as_int() == 5);
    BOOST_TEST(sql(update(users).values({{"age", users.c("age") + 1}}).where(users.c("name") == "a")) ==
               "UPDATE users SET age=(users.age + :age_1) WHERE users.name = :name_1");
    BOOST_TEST(sql(users.update().values({{"age", 1}}).returning(users.c("id"))) ==
               "UPDATE users SET age=:age RETURNING users.id");
    BOOST_TEST(sql(users.update()) == "UPDATE users SET id=:id, name=:name, age=:age");
    auto em = users.update().where(users.c("id") == bindparam("b_id")).values({{"name", bindparam("b_name")}});
    BOOST_TEST(sql(em) == "UPDATE users SET name=:b_name WHERE users.id = :b_id");
    BOOST_TEST(users.update().where(users.c("id") == bindparam("b_id")).for_parameters(
                   Params{{"name", "n"}, {"b_id", 1}}).compile(DefaultDialect::instance())->sql ==
               "UPDATE users SET name=:name WHERE users.id = :b_id");
    BOOST_CHECK_THROW(users.update().for_parameters(Params{{"zzz", 1}}).compile(DefaultDialect::instance()),
                      athanor::CompileError);
}

// Golden SQL: identical to SQLAlchemy 1.4's str() of the same constructs. Checked by
// conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(delete_statements) {
    auto s = users.delete_().where(users.c("id") == 5);
    BOOST_TEST(sql(s) == "DELETE FROM users WHERE users.id = :id_1");
    BOOST_TEST((s.compile(DefaultDialect::instance())->kind == StatementKind::delete_));
    BOOST_TEST(sql(delete_(users)) == "DELETE FROM users");
    BOOST_TEST(sql(users.delete_().where(users.c("name").like("t%")).returning(users.c("id"))) ==
               "DELETE FROM users WHERE users.name LIKE :name_1 RETURNING users.id");
    auto sub = users.delete_().where(users.c("id").in_(select(archive.c("id"))));
    BOOST_TEST(sql(sub) == "DELETE FROM users WHERE users.id IN (SELECT archive.id FROM archive)");
}

// Golden SQL: SQLAlchemy 1.4's str() of the same constructs, where it differs: SQLAlchemy's string compiler writes
// DELETE FROM users , archive WHERE ...; USING is PostgreSQL's form (PostgreSQL 15 docs, DELETE), which Athanor's
// generic compiler uses. Checked by conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(update_and_delete_referring_to_other_tables) {
    // UPDATE ... FROM: the tables WHERE and SET refer to besides the target, once each.
    auto upd = users.update()
                   .values({{"name", archive.c("name")}})
                   .where(and_(users.c("id") == archive.c("id"), archive.c("name") != "x"));
    BOOST_TEST(sql(upd) ==
               "UPDATE users SET name=archive.name FROM archive WHERE users.id = archive.id AND archive.name != :name_1");
    From prior = archive.alias("prior_rows");
    BOOST_TEST(sql(users.update().values({{"age", 0}}).where(users.c("id") == prior.c("id"))) ==
               "UPDATE users SET age=:age FROM archive AS prior_rows WHERE users.id = prior_rows.id");
    // A subquery's tables stay inside it; a correlated one correlates with the target.
    BOOST_TEST(sql(users.update().values({{"age", 1}}).where(users.c("id").in_(select(archive.c("id"))))) ==
               "UPDATE users SET age=:age WHERE users.id IN (SELECT archive.id FROM archive)");
    auto counted = select(count(archive.c("id"))).where(archive.c("name") == users.c("name")).scalar_subquery();
    BOOST_TEST(sql(users.update().values({{"age", counted}})) ==
               "UPDATE users SET age=(SELECT count(archive.id) AS count_1 FROM archive WHERE archive.name = users.name)");
    // DELETE ... USING
    BOOST_TEST(sql(users.delete_().where(users.c("id") == archive.c("id"))) ==
               "DELETE FROM users USING archive WHERE users.id = archive.id");
    auto gone = select(archive.c("id")).where(archive.c("id") == users.c("id")).exists();
    BOOST_TEST(sql(users.delete_().where(gone)) ==
               "DELETE FROM users WHERE EXISTS (SELECT archive.id FROM archive WHERE archive.id = users.id)");
}

BOOST_AUTO_TEST_CASE(compiler_marks_explicit_returning) {
    // The compiler itself says whether RETURNING is the caller's (a dialect compiling through
    // SqlCompiler directly gets it too), not only Statement::compile.
    GenericDialect dialect;
    const auto compiled = [&](const Statement& s) { return compiler_for(dialect)->compile(*s.element()); };
    BOOST_TEST(compiled(users.insert().values({{"name", "x"}}).returning(users.c("id")))->explicit_returning);
    BOOST_TEST(compiled(users.update().values({{"age", 1}}).returning(users.c("id")))->explicit_returning);
    BOOST_TEST(compiled(users.delete_().returning(users.c("id")))->explicit_returning);
    BOOST_TEST(!compiled(users.insert().values({{"name", "x"}}))->explicit_returning);
    BOOST_TEST(!compiled(users.delete_())->explicit_returning);
}

// Golden SQL: SQLAlchemy 1.4's str() of the same constructs, where it differs: SQLAlchemy's string compiler writes
// <next sequence value: user_id_seq>; NEXT VALUE FOR is the SQL standard's spelling (ISO 9075, <next value
// expression>). Checked by conformance/tools/sqlalchemy_golden.py.
// The FROM objects an UPDATE or DELETE refers to besides its target (a CTE here) are part of its
// cache key and carry their values, named as the compiled SQL names them.
BOOST_AUTO_TEST_CASE(update_and_delete_keys_cover_the_other_froms) {
    auto cte_of = [&](const char* name) { return select(archive).where(archive.c("name") == name).cte("c"); };
    auto c1 = cte_of("a");
    auto c2 = cte_of("b");
    auto u1 = users.update().values({{"age", 1}}).where(users.c("name") == c1.c("name"));
    auto u2 = users.update().values({{"age", 1}}).where(users.c("name") == c2.c("name"));
    BOOST_TEST(u1.cache_key() == u2.cache_key());  // same shape, different values
    BOOST_TEST(sql(u1) == "WITH c AS (SELECT archive.id, archive.name FROM archive WHERE archive.name = :name_1) "
                          "UPDATE users SET age=:age FROM c WHERE users.name = c.name");
    BOOST_TEST(bound(u1).find("name_1")->as_string() == "a");
    BOOST_TEST(bound(u2).find("name_1")->as_string() == "b");
    auto other = select(archive).where(archive.c("id") > 1).cte("c");
    BOOST_TEST(u1.cache_key() != users.update().values({{"age", 1}}).where(users.c("name") == other.c("name")).cache_key());
    auto d1 = users.delete_().where(users.c("name") == c1.c("name"));
    auto d2 = users.delete_().where(users.c("name") == other.c("name"));
    BOOST_TEST(d1.cache_key() != d2.cache_key());
    BOOST_TEST(bound(d1).find("name_1")->as_string() == "a");
}

BOOST_AUTO_TEST_CASE(upsert_on_conflict) {
    auto base = users.insert().values({{"id", 1}, {"name", "a"}});
    BOOST_TEST(sql(base.on_conflict_do_nothing()) == "INSERT INTO users (id, name) VALUES (:id, :name) ON CONFLICT DO NOTHING");
    BOOST_TEST(sql(base.on_conflict_do_nothing({"id"})) ==
               "INSERT INTO users (id, name) VALUES (:id, :name) ON CONFLICT (id) DO NOTHING");
    auto up = base.on_conflict_do_update({"id"}, {{"name", excluded("name")}, {"age", 7}}, users.c("age") < 100);
    BOOST_TEST(sql(up) ==
               "INSERT INTO users (id, name) VALUES (:id, :name) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
               "age = :param_1 WHERE users.age < :age_1");
    const Params values = bound(up);
    BOOST_TEST(values.find("param_1")->as_int() == 7);
    BOOST_TEST(values.find("age_1")->as_int() == 100);
    BOOST_TEST(values.find("id")->as_int() == 1);
    BOOST_CHECK_THROW(base.on_conflict_do_update({}, {{"name", "x"}}), athanor::ArgumentError);

    // The generic compiler does not know ON CONFLICT: a CompileError naming construct and dialect.
    GenericDialect generic;
    try {
        (void)up.compile(generic);
        BOOST_FAIL("ON CONFLICT compiled on a dialect without it");
    } catch (const athanor::CompileError& e) {
        const std::string what = e.what();
        BOOST_TEST(what.find("ON CONFLICT") != std::string::npos);
        BOOST_TEST(what.find("'generic'") != std::string::npos);
    }
    // ... and nor does it know sequences.
    BOOST_CHECK_THROW(users.insert().values({{"id", next_value("user_id_seq")}}).compile(generic), athanor::CompileError);
    BOOST_TEST(sql(users.insert().values({{"id", next_value("user_id_seq")}})) ==
               "INSERT INTO users (id) VALUES (NEXT VALUE FOR user_id_seq)");
}

// Golden SQL: identical to SQLAlchemy 1.4's str() of the same constructs. Checked by
// conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(injection_in_values_is_bound) {
    const std::string evil = "x'); DROP TABLE users; --";
    auto s = users.insert().values({{"name", evil}});
    BOOST_TEST(sql(s) == "INSERT INTO users (name) VALUES (:name)");
    BOOST_TEST(bound(s).find("name")->as_string() == evil);
    auto w = select(users.c("id")).where(users.c("name") == "a' OR '1'='1");
    BOOST_TEST(sql(w) == "SELECT users.id FROM users WHERE users.name = :name_1");
    // Literal rendering escapes quotes by doubling them.
    BOOST_TEST(to_string(s, {.literal_binds = true}) == "INSERT INTO users (name) VALUES ('x''); DROP TABLE users; --')");
    BOOST_TEST(to_string(w, {.literal_binds = true}) == "SELECT users.id FROM users WHERE users.name = 'a'' OR ''1''=''1'");
    BOOST_TEST(to_string(select(users.c("id")).where(users.c("id") == 5).where(users.c("name") == athanor::null).limit(2),
                         {.literal_binds = true}) == "SELECT users.id FROM users WHERE users.id = 5 AND users.name IS NULL LIMIT 2");
}

// Golden SQL: SQLAlchemy 1.4's str() of the same constructs, where it differs: SQLAlchemy 1.4's string form leaves
// the bind names of odd column names as they are (:Na_me, :x;--); Athanor writes each character outside
// [A-Za-z0-9_] as _XX (hex), so a bind name stays one placeholder token. Checked by
// conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(injection_in_identifiers_is_quoted) {
    Table evil("weird\"; DROP TABLE users; --", {Column("Na me", varchar()), Column("x;--", integer())});
    auto s = evil.insert().values({{"Na me", "v"}, {"x;--", 1}});
    BOOST_TEST(sql(s) ==
               "INSERT INTO \"weird\"\"; DROP TABLE users; --\" (\"Na me\", \"x;--\") VALUES (:Na_20me, :x_3B_2D_2D)");
    // The bind keys users pass stay the column names.
    auto compiled = s.compile(DefaultDialect::instance());
    BOOST_TEST(compiled->binds[0].key == "Na me");
    BOOST_TEST(sql(select(evil.c("Na me")).where(evil.c("x;--") == 1)) ==
               "SELECT \"weird\"\"; DROP TABLE users; --\".\"Na me\" FROM \"weird\"\"; DROP TABLE users; --\" WHERE "
               "\"weird\"\"; DROP TABLE users; --\".\"x;--\" = :x_3B_2D_2D_1");
    // Reserved words and mixed case are quoted; plain lower-case names are not.
    Table order("order", {Column("select", integer()), Column("UserName", varchar()), Column("plain_name", varchar())});
    BOOST_TEST(sql(select(order)) ==
               "SELECT \"order\".\"select\", \"order\".\"UserName\", \"order\".plain_name FROM \"order\"");
    Table digits("1abc", {Column("$x", integer())});
    BOOST_TEST(sql(select(digits)) == "SELECT \"1abc\".\"$x\" FROM \"1abc\"");
    BOOST_TEST(sql(select(users.c("id").label("Total Count"))) == "SELECT users.id AS \"Total Count\" FROM users");
}

BOOST_AUTO_TEST_SUITE_END()
