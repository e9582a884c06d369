// The mock engine: create_mock_engine() loads only the dialect and hands every compiled
// statement (SQL text, bound parameters, kind) to a callback. create_all/drop_all through it
// issue exactly what a real Engine of the same dialect runs, in the same order (compared with
// a live SQLite and, when ATHANOR_TEST_PG_URL is set, a live PostgreSQL); what needs a database
// (checkfirst, connect()) raises InvalidRequestError before anything is handed over.
#define BOOST_TEST_MODULE test_mock_engine
#include <boost/test/unit_test.hpp>

#include "support/pg_test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/mock_engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/ddl.hpp>
#include <athanor/sql/schema/ddl_runner.hpp>
#include <athanor/sql/text.hpp>
#include <athanor/sql/types.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace sa = athanor;
using namespace athanor::sql;
using athanor::Params;
using athanor::Value;

namespace {

using athanor::test::registry;

/// Every statement the mock handed over.
struct Recorder {
    std::vector<sa::MockStatement> statements;

    sa::MockExecutor executor() {
        return [this](const sa::MockStatement& s) { statements.push_back(s); };
    }
    std::vector<std::string> sql() const {
        std::vector<std::string> out;
        for (const auto& s : statements) out.push_back(s.sql);
        return out;
    }
};

sa::MockEngine mock(const std::string& url, Recorder& recorder) {
    return sa::MockEngine(sa::Url::parse(url), recorder.executor(), &registry());
}

/// Users and addresses, with an index: what the examples use.
void users_and_addresses(MetaData& md) {
    md.table("users", Column("id", TypeEngine::named("INTEGER"), primary_key(), autoincrement()),
             Column("name", TypeEngine::named("VARCHAR(30)"), nullable(false)));
    md.table("addresses", Column("id", TypeEngine::named("INTEGER"), primary_key(), autoincrement()),
             Column("user_id", TypeEngine::named("INTEGER"), ForeignKey("users.id", {.ondelete = "CASCADE"})),
             Column("email", TypeEngine::named("VARCHAR(100)")), Index("ix_addresses_email", {"email"}));
}

/// Everything create_all can issue on PostgreSQL: a standalone sequence, a column sequence, a
/// named enum type shared by two tables (created once, dropped after both), comments, an index
/// and a use_alter foreign key closing a cycle.
void postgresql_schema(MetaData& md, const std::string& suffix = "") {
    namespace types = athanor::types;
    const auto n = [&](const char* name) { return name + suffix; };
    md.sequence(Sequence(n("order_numbers"), {.start = 1000, .increment = 10}));
    md.table(n("departments"), Column("id", TypeEngine::named("INTEGER"), primary_key()),
             Column("manager_id", TypeEngine::named("INTEGER"),
                    ForeignKey(n("employees") + ".id", {.name = n("fk_dept_manager"), .use_alter = true})),
             Column("mood", types::Enum({"happy", "sad"}, n("mood"))), TableOptions{.comment = "org units"});
    md.table(n("employees"), Column("id", TypeEngine::named("INTEGER"), Sequence(n("employee_ids")), primary_key()),
             Column("department_id", TypeEngine::named("INTEGER"), ForeignKey(n("departments") + ".id")),
             Column("mood", types::Enum({"happy", "sad"}, n("mood"))),
             Column("name", TypeEngine::named("VARCHAR(40)"), comment("full name")),
             Index(n("ix_employees_name"), {"name"}));
}

const std::vector<std::string> postgresql_create = {
    "CREATE SEQUENCE order_numbers INCREMENT BY 10 START WITH 1000",
    "CREATE TYPE mood AS ENUM ('happy', 'sad')",
    // The lone integer key autoincrements (SERIAL); employees' key has its own sequence instead.
    "CREATE TABLE departments (\n\tid SERIAL NOT NULL,\n\tmanager_id INTEGER,\n\tmood mood,\n\tPRIMARY KEY (id)\n)",
    "COMMENT ON TABLE departments IS 'org units'",
    "CREATE SEQUENCE employee_ids",
    "CREATE TABLE employees (\n\tid INTEGER NOT NULL,\n\tdepartment_id INTEGER,\n\tmood mood,\n\tname VARCHAR(40),\n"
    "\tPRIMARY KEY (id),\n\tFOREIGN KEY(department_id) REFERENCES departments (id)\n)",
    "CREATE INDEX ix_employees_name ON employees (name)",
    "COMMENT ON COLUMN employees.name IS 'full name'",
    "ALTER TABLE departments ADD CONSTRAINT fk_dept_manager FOREIGN KEY(manager_id) REFERENCES employees (id)",
};

const std::vector<std::string> postgresql_drop = {
    "ALTER TABLE departments DROP CONSTRAINT fk_dept_manager",
    "DROP TABLE employees",
    "DROP SEQUENCE employee_ids",
    "DROP TABLE departments",
    "DROP TYPE mood",
    "DROP SEQUENCE order_numbers",
};

template <class E, class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    }
    BOOST_FAIL("no exception of the expected type");
    return {};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_CASE(sqlite_create_all_reaches_the_callback_without_a_database) {
    // A file in a folder that does not exist: any connection attempt would fail.
    const auto missing = std::filesystem::temp_directory_path() / "athanor-no-such-folder" / "app.db";
    Recorder recorder;
    auto engine = mock("sqlite:///" + missing.string(), recorder);
    MetaData md;
    users_and_addresses(md);
    md.create_all(engine);
    BOOST_TEST(recorder.sql() ==
                   (std::vector<std::string>{
                       // SQLite's rowid key: the primary key inline on INTEGER.
                       "CREATE TABLE users (\n\tid INTEGER NOT NULL PRIMARY KEY,\n\tname VARCHAR(30) NOT NULL\n)",
                       "CREATE TABLE addresses (\n\tid INTEGER NOT NULL PRIMARY KEY,\n\tuser_id INTEGER,\n"
                       "\temail VARCHAR(100),\n\tFOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE\n)",
                       "CREATE INDEX ix_addresses_email ON addresses (email)"}),
               boost::test_tools::per_element());
    for (const auto& s : recorder.statements) {
        BOOST_TEST((s.kind == StatementKind::ddl));
        BOOST_TEST(s.parameters.empty());
        BOOST_TEST(s.compiled != nullptr);
    }
    BOOST_TEST(!std::filesystem::exists(missing.parent_path()));
    recorder.statements.clear();
    md.drop_all(engine);
    BOOST_TEST(recorder.sql() == (std::vector<std::string>{"DROP TABLE addresses", "DROP TABLE users"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(postgresql_create_all_and_drop_all_in_a_real_runs_order) {
    Recorder recorder;
    auto engine = mock("postgresql://", recorder);
    MetaData md;
    postgresql_schema(md);
    md.create_all(engine);
    BOOST_TEST(recorder.sql() == postgresql_create, boost::test_tools::per_element());
    // What the DdlCompiler renders as text (enum type, comments, ALTER TABLE) has no compiled form.
    BOOST_TEST(recorder.statements.at(1).compiled == nullptr);
    BOOST_TEST(recorder.statements.at(2).compiled != nullptr);
    for (const auto& s : recorder.statements) BOOST_TEST((s.kind == StatementKind::ddl));
    recorder.statements.clear();
    md.drop_all(engine);
    BOOST_TEST(recorder.sql() == postgresql_drop, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_bare_scheme_names_the_dialect) {
    std::vector<std::string> seen;
    // The global registry (the build tree's plugins beside libathanor), as an application's.
    auto engine = sa::create_mock_engine("postgresql", [&](const sa::MockStatement& s) { seen.push_back(s.sql); });
    BOOST_TEST(engine.dialect().name() == "postgresql");
    BOOST_TEST(engine.url().render() == "postgresql://");
    engine.execute(CreateSequence(Sequence("s", {.start = 5})));
    BOOST_TEST(seen == (std::vector<std::string>{"CREATE SEQUENCE s START WITH 5"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_dialect_whose_driver_is_missing_still_compiles) {
    // No ODBC driver of that name is registered, and no server listens there: a real engine
    // would fail on connect; the mock never connects.
    Recorder recorder;
    auto engine = mock("postgresql+odbc://nobody:secret@127.0.0.1:1/none?driver=NoSuchOdbcDriver", recorder);
    MetaData md;
    users_and_addresses(md);
    md.create_all(engine);
    BOOST_REQUIRE(recorder.statements.size() == 3u);
    BOOST_TEST(recorder.statements[0].sql ==
               "CREATE TABLE users (\n\tid SERIAL NOT NULL,\n\tname VARCHAR(30) NOT NULL,\n\tPRIMARY KEY (id)\n)");
    BOOST_TEST(engine.url().render().find("secret") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(statements_are_compiled_and_bound_as_the_driver_would_get_them) {
    Recorder recorder;
    auto engine = mock("postgresql://", recorder);
    MetaData md;
    users_and_addresses(md);
    auto& users = md.table("users");
    engine.execute(users.insert(), Params{{"name", "Alex"}});
    engine.execute(select(users.c("id")).where(users.c("name").in_({Value("a"), Value("b")})));
    engine.execute(users.insert(), std::vector<Params>{{{"name", "x"}}, {{"name", "y"}}});
    engine.execute(sa::text("SELECT :n + 1 AS m"), Params{{"n", 41}});
    engine.exec_driver_sql("SELECT $1::int", {Value(7)});
    const auto& s = recorder.statements;
    BOOST_REQUIRE(s.size() == 5u);
    BOOST_TEST(s[0].sql == "INSERT INTO users (name) VALUES ($1) RETURNING users.id");
    BOOST_TEST((s[0].parameters == std::vector<Value>{Value("Alex")}));
    BOOST_TEST((s[0].kind == StatementKind::insert));
    BOOST_TEST(s[0].parameter_sets.empty());
    BOOST_TEST(s[1].sql == "SELECT users.id FROM users WHERE users.name IN ($1, $2)");
    BOOST_TEST((s[1].parameters == std::vector<Value>{Value("a"), Value("b")}));
    BOOST_TEST((s[1].kind == StatementKind::select));
    BOOST_TEST(s[2].parameter_sets.size() == 2u);
    BOOST_TEST((s[2].parameter_sets.at(1) == std::vector<Value>{Value("y")}));
    BOOST_TEST((s[2].parameters == std::vector<Value>{Value("x")}));
    BOOST_TEST(s[3].sql == "SELECT $1 + 1 AS m");
    BOOST_TEST((s[3].parameters == std::vector<Value>{Value(41)}));
    BOOST_TEST(s[4].sql == "SELECT $1::int");
    BOOST_TEST((s[4].kind == StatementKind::text));
    BOOST_TEST(s[4].compiled == nullptr);
    // A bind without a value fails as on a real engine, before the callback.
    const auto what = error_of<sa::ArgumentError>([&] { engine.execute(sa::text("SELECT :missing")); });
    BOOST_TEST(contains(what, "'missing'"));
    BOOST_TEST(s.size() == 5u);
}

BOOST_AUTO_TEST_CASE(what_needs_a_database_raises) {
    Recorder recorder;
    auto engine = mock("sqlite://", recorder);
    MetaData md;
    users_and_addresses(md);
    auto what = error_of<sa::InvalidRequestError>([&] { md.create_all(engine, true); });
    BOOST_TEST(contains(what, "MetaData::create_all with checkfirst"));
    BOOST_TEST(contains(what, "mock engine (sqlite://) has none"));
    BOOST_CHECK_THROW(md.drop_all(engine, true), sa::InvalidRequestError);
    BOOST_TEST(recorder.statements.empty());  // refused before anything was handed over
    what = error_of<sa::InvalidRequestError>([&] { (void)engine.connect(); });
    BOOST_TEST(contains(what, "connect()"));
    BOOST_TEST(contains(what, "create_engine()"));
}

BOOST_AUTO_TEST_CASE(bad_input_is_a_clear_error) {
    Recorder recorder;
    auto what = error_of<sa::NoSuchModuleError>([&] { (void)mock("nosuchdb://", recorder); });
    BOOST_TEST(contains(what, "nosuchdb"));
    BOOST_CHECK_THROW((void)sa::create_mock_engine("sqlite", sa::MockExecutor{}), sa::ArgumentError);
    BOOST_CHECK_THROW((void)sa::create_mock_engine("", recorder.executor()), sa::ArgumentError);
    // A construct the dialect cannot render is its CompileError, and create_all stops there.
    auto engine = mock("sqlite://", recorder);
    MetaData md;
    md.table("a", Column("id", TypeEngine::named("INTEGER"), primary_key()));
    Index covering("ix_b", {"x"});
    covering.include = {"y"};
    md.table("b", Column("x", TypeEngine::named("INTEGER")), Column("y", TypeEngine::named("INTEGER")), covering);
    md.table("c", Column("id", TypeEngine::named("INTEGER"), primary_key()));
    BOOST_CHECK_THROW(md.create_all(engine), sa::CompileError);
    BOOST_TEST(recorder.sql().size() == 2u);  // CREATE TABLE a, CREATE TABLE b
    // The callback's own exception propagates and stops create_all where it is.
    int calls = 0;
    auto failing = sa::MockEngine(sa::Url::parse("sqlite://"), [&](const sa::MockStatement&) {
        if (++calls == 2) throw std::runtime_error("disk full");
    }, &registry());
    MetaData two;
    users_and_addresses(two);
    BOOST_CHECK_THROW(two.create_all(failing), std::runtime_error);
    BOOST_TEST(calls == 2);
}

BOOST_AUTO_TEST_CASE(the_mock_issues_what_a_live_sqlite_engine_runs) {
    MetaData md;
    users_and_addresses(md);
    md.table("tags", Column("id", TypeEngine::named("INTEGER"), primary_key()),
             Column("label", TypeEngine::named("VARCHAR(20)"), comment("shown")), TableOptions{.comment = "labels"});
    Recorder recorder;
    auto engine = mock("sqlite://", recorder);
    md.create_all(engine);
    md.drop_all(engine);

    auto live = athanor::test::engine("sqlite://");
    std::vector<std::string> sent;
    auto listener = live.events().on_before_cursor_execute(
        [&](const sa::CursorExecuteEvent& e) { sent.emplace_back(e.statement); });
    md.create_all(live, false);
    md.drop_all(live, false);
    listener.remove();
    BOOST_TEST(recorder.sql() == sent, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_runner_of_ones_own_answers_checkfirst) {
    struct Runner : DdlRunner {
        const sa::sdk::Dialect& d;
        std::vector<std::string> out;
        explicit Runner(const sa::sdk::Dialect& dialect) : d(dialect) {}
        const sa::sdk::Dialect& dialect() const override { return d; }
        void run(const DdlElement& ddl) override { out.push_back(ddl.compile(d)->sql); }
        void run_sql(const std::string& sql) override { out.push_back(sql); }
        bool has_table(const TableNode& table) override { return table.table_name == "users"; }
        bool exists(const std::string&) override { return true; }
    };
    Recorder recorder;
    auto engine = mock("postgresql://", recorder);
    Runner runner(engine.dialect());
    MetaData md;
    users_and_addresses(md);
    md.create_all(runner);  // checkfirst: users "exists"
    BOOST_TEST(runner.out.size() == 2u);
    BOOST_TEST(runner.out.at(0).rfind("CREATE TABLE addresses", 0) == 0);
}

BOOST_AUTO_TEST_SUITE(postgresql, *boost::unit_test::precondition(athanor::test::HavePgServer()))

BOOST_AUTO_TEST_CASE(the_mock_issues_what_a_live_postgresql_engine_runs) {
    // Names of this process only: other tests use the same server (and a type named mood).
    MetaData md;
    postgresql_schema(md, athanor::test::private_name(""));
    Recorder recorder;
    auto engine = mock("postgresql://", recorder);
    md.create_all(engine);
    md.drop_all(engine);
    BOOST_TEST(recorder.sql().size() == postgresql_create.size() + postgresql_drop.size());

    auto live = athanor::test::make_engine(athanor::test::pg_url());
    md.drop_all(live);  // what an earlier failed run left
    std::vector<std::string> sent;
    {
        auto listener = live.events().on_before_cursor_execute(
            [&](const sa::CursorExecuteEvent& e) { sent.emplace_back(e.statement); });
        md.create_all(live, false);
        md.drop_all(live, false);
        listener.remove();
    }
    BOOST_TEST(recorder.sql() == sent, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
