// The compiler's dialect hooks: a test dialect overrides them (FETCH FIRST, FROM DUAL, qmark,
// 1/0 booleans, no RETURNING, sequence syntax, quoting rules, ...) and the output follows;
// every paramstyle numbers and orders its placeholders correctly. What TestDialect's hooks write
// (FETCH FIRST, FROM DUAL, SYSDATE, 1/0, NEXTVAL, backquotes) follows from their definitions
// below; the generic compiler's strings are checked against SQLAlchemy's (comment on each case).
#define BOOST_TEST_MODULE test_sql_compiler_hooks
#include <boost/test/unit_test.hpp>

#include <athanor/errors.hpp>
#include <athanor/sql.hpp>

#include <sstream>

using namespace athanor::sql;
using athanor::Params;
using athanor::Value;
using athanor::sdk::Paramstyle;

namespace {

TypePtr integer() { return TypeEngine::named("INTEGER"); }
TypePtr varchar() { return TypeEngine::named("VARCHAR(50)"); }

class TestPreparer final : public IdentifierPreparer {
public:
    using IdentifierPreparer::IdentifierPreparer;
    bool is_reserved(std::string_view word) const override {
        return word == "level" || IdentifierPreparer::is_reserved(word);
    }
};

class TestCompiler final : public SqlCompiler {
public:
    using SqlCompiler::SqlCompiler;
    void limit_clause(const ColumnElement* limit, const ColumnElement* offset) override {
        if (offset) {
            out() += " OFFSET ";
            row_count(*offset, true);
            out() += " ROWS";
        }
        if (limit) {
            out() += " FETCH FIRST ";
            row_count(*limit, true);
            out() += " ROWS ONLY";
        }
    }
    std::string render_bool(bool value) const override { return value ? "1" : "0"; }
    bool supports_returning() const override { return false; }
    std::string default_from() const override { return " FROM DUAL"; }
    std::string next_value_sql(const std::string& sequence) const override { return sequence + ".NEXTVAL"; }
    std::string true_division_type() const override { return "DECIMAL(38, 10)"; }
    std::string empty_in_expression(bool) const override { return "SELECT 1 FROM DUAL WHERE 1 != 1"; }
    std::string cte_preamble(bool) const override { return "WITH"; }
    void visit_function(const FunctionNode& node) override {
        if (node.name == "now" && node.args.empty()) {
            out() += "SYSDATE";
            return;
        }
        SqlCompiler::visit_function(node);
    }
    std::unique_ptr<IdentifierPreparer> create_preparer() const override {
        return std::make_unique<TestPreparer>(dialect());
    }
};

/// No BOOLEAN type: booleans are SMALLINT 0/1.
class TestTypeCompiler final : public TypeCompiler {
public:
    std::string visit_boolean(const TypeEngine&) const override { return "SMALLINT"; }
    Processor bind_processor(const TypeEngine& t) const override {
        if (t.kind() == TypeKind::boolean) return processors::bool_to_int;
        return TypeCompiler::bind_processor(t);
    }
};

class TestDialect final : public athanor::sdk::Dialect {
public:
    std::string name() const override { return "testdb"; }
    std::string driver() const override { return "none"; }
    Paramstyle paramstyle() const override { return Paramstyle::qmark; }
    std::unique_ptr<athanor::sdk::DriverConnection> connect(const athanor::Url&) override { return nullptr; }
    std::string quote_identifier(std::string_view id) const override {
        std::string out = "`";
        for (char c : id) {
            if (c == '`') out += '`';
            out += c;
        }
        return out + "`";
    }
    std::shared_ptr<SqlCompiler> create_statement_compiler() const override {
        return std::make_shared<TestCompiler>(*this);
    }
    std::shared_ptr<TypeCompiler> create_type_compiler() const override { return std::make_shared<TestTypeCompiler>(); }
};

/// The generic compiler with a chosen paramstyle.
class StyleDialect final : public athanor::sdk::Dialect {
public:
    explicit StyleDialect(Paramstyle style) : style_(style) {}
    std::string name() const override { return "style"; }
    std::string driver() const override { return "none"; }
    Paramstyle paramstyle() const override { return style_; }
    std::unique_ptr<athanor::sdk::DriverConnection> connect(const athanor::Url&) override { return nullptr; }

private:
    Paramstyle style_;
};

struct Fixture {
    Table users{"users",
                {Column("id", integer(), primary_key()), Column("name", varchar()), Column("age", integer())}};
    TestDialect dialect;
    std::string sql(const Statement& s) const { return s.compile(dialect)->sql; }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(hooks, Fixture)

// Golden SQL of the generic compiler: identical to SQLAlchemy 1.4's default dialect (same paramstyle) on the same
// constructs. Checked by conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(qmark_binds_in_order) {
    auto s = select(users.c("id")).where(users.c("name") == "x").where(users.c("age") > 30);
    auto compiled = s.compile(dialect);
    BOOST_TEST(compiled->sql == "SELECT users.id FROM users WHERE users.name = ? AND users.age > ?");
    BOOST_TEST_REQUIRE(compiled->binds.size() == 2u);
    BOOST_TEST(compiled->binds[0].key == "name_1");
    BOOST_TEST(compiled->binds[1].key == "age_1");
    const auto values = compiled->bind({});
    BOOST_TEST(values[0].as_string() == "x");
    BOOST_TEST(values[1].as_int() == 30);
    // A name used twice is bound twice in positional styles.
    auto twice = select(users.c("id")).where(or_(users.c("id") == bindparam("v"), users.c("age") == bindparam("v")));
    auto c2 = twice.compile(dialect);
    BOOST_TEST(c2->sql == "SELECT users.id FROM users WHERE users.id = ? OR users.age = ?");
    const auto v2 = c2->bind(Params{{"v", 3}});
    BOOST_TEST(v2.size() == 2u);
    BOOST_TEST(v2[1].as_int() == 3);
    // ... once in the named style.
    BOOST_TEST(twice.compile(DefaultDialect::instance())->binds.size() == 1u);
}

// Golden SQL of the generic compiler: SQLAlchemy 1.4's default dialect (same paramstyle) on the same constructs,
// where it differs: the test dialect's limit_clause hook writes FETCH FIRST for limit(); SQLAlchemy's own fetch()
// construct writes the same clause with bound values (OFFSET :param_1 ROWS FETCH FIRST :param_2 ROWS ONLY). Checked
// by conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(fetch_first_instead_of_limit) {
    BOOST_TEST(sql(select(users.c("id")).order_by(users.c("id")).limit(10).offset(5)) ==
               "SELECT users.id FROM users ORDER BY users.id OFFSET 5 ROWS FETCH FIRST 10 ROWS ONLY");
    BOOST_TEST(sql(select(users.c("id")).limit(3)) == "SELECT users.id FROM users FETCH FIRST 3 ROWS ONLY");
}

// Golden SQL of the generic compiler: identical to SQLAlchemy 1.4's default dialect (same paramstyle) on the same
// constructs. Checked by conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(dual_and_numeric_booleans) {
    BOOST_TEST(sql(select(literal(1))) == "SELECT ? AS anon_1 FROM DUAL");
    BOOST_TEST(sql(select(now())) == "SELECT SYSDATE AS now_1 FROM DUAL");
    BOOST_TEST(sql(select(users.c("id")).where(false_())) == "SELECT users.id FROM users WHERE 0");
    BOOST_TEST(sql(select(users.c("id")).where(not_(true_()))) == "SELECT users.id FROM users WHERE 0");
    BOOST_TEST(select(users.c("id")).where(users.c("age") == true).compile(dialect, {.literal_binds = true})->sql ==
               "SELECT users.id FROM users WHERE users.age = 1");
    // The generic dialect keeps SELECT without FROM and true/false.
    BOOST_TEST(to_string(select(literal(1))) == "SELECT :param_1 AS anon_1");
    BOOST_TEST(to_string(select(users.c("id")).where(false_())) == "SELECT users.id FROM users WHERE false");
}

BOOST_AUTO_TEST_CASE(returning_unsupported) {
    try {
        (void)users.insert().values({{"name", "a"}}).returning(users.c("id")).compile(dialect);
        BOOST_FAIL("RETURNING compiled on a dialect without it");
    } catch (const athanor::CompileError& e) {
        const std::string what = e.what();
        BOOST_TEST(what.find("RETURNING") != std::string::npos);
        BOOST_TEST(what.find("testdb") != std::string::npos);
    }
    BOOST_CHECK_THROW(users.delete_().returning(users.c("id")).compile(dialect), athanor::CompileError);
    BOOST_CHECK_THROW(users.insert().values({{"id", 1}}).on_conflict_do_nothing().compile(dialect), athanor::CompileError);
}

BOOST_AUTO_TEST_CASE(sequence_division_empty_in_cte) {
    BOOST_TEST(sql(users.insert().values({{"id", next_value("user_seq")}, {"name", "n"}})) ==
               "INSERT INTO users (id, name) VALUES (user_seq.NEXTVAL, ?)");
    BOOST_TEST(sql(select((users.c("age") / 2).label("h"))) == "SELECT users.age / CAST(? AS DECIMAL(38, 10)) AS h FROM users");
    BOOST_TEST(sql(select(users.c("id")).where(users.c("id").in_(std::vector<Value>{}))) ==
               "SELECT users.id FROM users WHERE (users.id IN (SELECT 1 FROM DUAL WHERE 1 != 1))");
    auto c = select(users.c("id")).where(users.c("age") > 1).cte("c", true);
    BOOST_TEST(sql(select(c.c("id"))) == "WITH c AS (SELECT users.id FROM users WHERE users.age > ?) SELECT c.id FROM c");
}

// Golden SQL of the generic compiler: SQLAlchemy 1.4's default dialect (same paramstyle) on the same constructs,
// where it differs: SQLAlchemy's preparer fails on an empty name (IndexError); Athanor quotes it. Checked by
// conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(identifier_preparer_rules) {
    Table level("level", {Column("id", integer()), Column("Mixed`Case", integer()), Column("order", integer())});
    BOOST_TEST(sql(select(level)) == "SELECT `level`.id, `level`.`Mixed``Case`, `level`.`order` FROM `level`");
    IdentifierPreparer generic(DefaultDialect::instance());
    BOOST_TEST(generic.quote("users") == "users");
    BOOST_TEST(generic.quote("level") == "level");
    BOOST_TEST(generic.quote("select") == "\"select\"");
    BOOST_TEST(generic.quote("Users") == "\"Users\"");
    BOOST_TEST(generic.quote("a\"b") == "\"a\"\"b\"");
    BOOST_TEST(generic.quote("_x$1") == "_x$1");
    BOOST_TEST(generic.quote("") == "\"\"");
}

// Golden SQL of the generic compiler: SQLAlchemy 1.4's default dialect (same paramstyle) on the same constructs,
// where it differs: SQLAlchemy labels every column inside a subquery/CTE (users.id AS id); Athanor only where
// needed; SQLAlchemy adds redundant parentheses around the LIKE. Checked by conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(every_paramstyle) {
    auto c = select(users.c("id")).where(users.c("age") > 1).cte("c");
    auto s = select(c.c("id")).where(c.c("id") == 2).where(users.c("age") % 3 == 0 ).where(users.c("name").like("a%"));
    const std::string body = "WITH c AS (SELECT users.id FROM users WHERE users.age > X) SELECT c.id FROM c, users WHERE "
                             "c.id = X AND users.age MOD X = X AND users.name LIKE X";
    const auto expect = [&](std::initializer_list<std::string> marks, const std::string& mod) {
        std::string out;
        auto it = marks.begin();
        for (std::size_t i = 0; i < body.size(); ++i) {
            if (body.compare(i, 3, "MOD") == 0) {
                out += mod;
                i += 2;
            } else if (body[i] == 'X') {
                out += *it++;
            } else {
                out += body[i];
            }
        }
        return out;
    };
    StyleDialect qmark(Paramstyle::qmark), numeric(Paramstyle::numeric), dollar(Paramstyle::dollar),
        format(Paramstyle::format), named(Paramstyle::named);
    BOOST_TEST(s.compile(qmark)->sql == expect({"?", "?", "?", "?", "?"}, "%"));
    BOOST_TEST(s.compile(numeric)->sql == expect({":1", ":2", ":3", ":4", ":5"}, "%"));
    BOOST_TEST(s.compile(dollar)->sql == expect({"$1", "$2", "$3", "$4", "$5"}, "%"));
    BOOST_TEST(s.compile(format)->sql == expect({"%s", "%s", "%s", "%s", "%s"}, "%%"));
    BOOST_TEST(s.compile(named)->sql == expect({":age_1", ":id_1", ":age_2", ":param_1", ":name_1"}, "%"));
    // Positional values follow the placeholders, the CTE's first.
    const auto values = s.compile(dollar)->bind({});
    BOOST_TEST_REQUIRE(values.size() == 5u);
    BOOST_TEST(values[0].as_int() == 1);
    BOOST_TEST(values[1].as_int() == 2);
    BOOST_TEST(values[4].as_string() == "a%");
    // Literal text is escaped for the format style ('%' -> '%%').
    BOOST_TEST(select(users.c("id")).where(users.c("name").startswith("x")).compile(format)->sql ==
               "SELECT users.id FROM users WHERE users.name LIKE %s || '%%'");
    BOOST_TEST(select(users.c("id")).where(users.c("name") == "50%").compile(format, {.literal_binds = true})->sql ==
               "SELECT users.id FROM users WHERE users.name = '50%%'");
}

BOOST_AUTO_TEST_CASE(implicit_returning_of_generated_key) {
    class ReturningCompiler final : public SqlCompiler {
    public:
        using SqlCompiler::SqlCompiler;
        bool implicit_returning() const override { return true; }
    };
    class ReturningDialect final : public athanor::sdk::Dialect {
    public:
        std::string name() const override { return "returning"; }
        std::string driver() const override { return "none"; }
        Paramstyle paramstyle() const override { return Paramstyle::dollar; }
        std::unique_ptr<athanor::sdk::DriverConnection> connect(const athanor::Url&) override { return nullptr; }
        std::shared_ptr<SqlCompiler> create_statement_compiler() const override {
            return std::make_shared<ReturningCompiler>(*this);
        }
    } pg_like;
    auto compiled = users.insert().values({{"name", "a"}}).compile(pg_like);
    BOOST_TEST(compiled->sql == "INSERT INTO users (name) VALUES ($1) RETURNING users.id");
    BOOST_TEST(compiled->returns_primary_key);
    // Explicit RETURNING wins; multi-row inserts are left alone.
    auto explicit_ret = users.insert().values({{"name", "a"}}).returning(users.c("name")).compile(pg_like);
    BOOST_TEST(explicit_ret->sql == "INSERT INTO users (name) VALUES ($1) RETURNING users.name");
    BOOST_TEST(!explicit_ret->returns_primary_key);
    BOOST_TEST(!users.insert().values({{"name", "a"}}).compile(dialect)->returns_primary_key);
}

// Golden SQL of the generic compiler: identical to SQLAlchemy 1.4's default dialect (same paramstyle) on the same
// constructs. Checked by conformance/tools/sqlalchemy_golden.py.
BOOST_AUTO_TEST_CASE(expressions_print) {
    BOOST_TEST(to_string(users.c("id") == 5) == "users.id = :id_1");
    BOOST_TEST(to_string(and_(users.c("id") > 1, users.c("name").in_({"a", "b"}))) ==
               "users.id > :id_1 AND users.name IN (:name_1_1, :name_1_2)");
    BOOST_TEST(to_string(users.c("name") == "it's", {.literal_binds = true}) == "users.name = 'it''s'");
    std::ostringstream os;
    os << (users.c("age") + 1);
    BOOST_TEST(os.str() == "users.age + :age_1");
}

BOOST_AUTO_TEST_CASE(statement_kinds) {
    BOOST_TEST((users.update().values({{"age", 1}}).compile(dialect)->kind == StatementKind::update));
    BOOST_TEST((users.delete_().compile(dialect)->kind == StatementKind::delete_));
    BOOST_TEST((union_(select(users.c("id")), select(users.c("age"))).compile(dialect)->kind == StatementKind::select));
}

BOOST_AUTO_TEST_CASE(ddl_types_come_from_the_dialect_type_compiler) {
    // The generic DdlCompiler asks the dialect's TypeCompiler, as CAST does.
    Table flags("flags", {Column("id", integer(), primary_key()), Column("on", athanor::types::Boolean(),
                                                                         server_default(true))});
    BOOST_TEST(CreateTable(flags).compile(dialect)->sql ==
               "CREATE TABLE flags (\n\tid INTEGER NOT NULL,\n\t`on` SMALLINT DEFAULT 1,\n\tPRIMARY KEY (id)\n)");
    BOOST_TEST(sql(select(cast(users.c("age"), athanor::types::Boolean()))) ==
               "SELECT CAST(users.age AS SMALLINT) AS age FROM users");
}

BOOST_AUTO_TEST_SUITE_END()
