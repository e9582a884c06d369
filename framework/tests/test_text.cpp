// text(): parameter discovery, placeholder rendering in every paramstyle, binding.
#define BOOST_TEST_MODULE test_text
#include <boost/test/unit_test.hpp>

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/text.hpp>

#include <string>
#include <vector>

using namespace athanor;
using sdk::Paramstyle;

namespace {

// The real Dialect SPI, reduced to what compiling text() reads: the paramstyle.
class StyleDialect final : public sdk::Dialect {
public:
    explicit StyleDialect(Paramstyle style) : style_(style) {}
    std::string name() const override { return "style"; }
    std::string driver() const override { return "none"; }
    Paramstyle paramstyle() const override { return style_; }
    std::unique_ptr<sdk::DriverConnection> connect(const Url&) override {
        throw NotSupportedError("the paramstyle test dialect has no database");
    }

private:
    Paramstyle style_;
};

std::string sql_in(Paramstyle style, const std::string& sql) { return text(sql).compile(StyleDialect(style))->sql; }
std::string qmark(const std::string& sql) { return sql_in(Paramstyle::qmark, sql); }

std::vector<std::string> keys(const sql::CompiledStatement& c) {
    std::vector<std::string> out;
    for (const auto& b : c.binds) out.push_back(b.key);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_paramstyle) {
    const std::string sql = "SELECT * FROM t WHERE a = :a AND b > :b OR a = :a";
    BOOST_TEST(sql_in(Paramstyle::qmark, sql) == "SELECT * FROM t WHERE a = ? AND b > ? OR a = ?");
    BOOST_TEST(sql_in(Paramstyle::numeric, sql) == "SELECT * FROM t WHERE a = :1 AND b > :2 OR a = :3");
    BOOST_TEST(sql_in(Paramstyle::dollar, sql) == "SELECT * FROM t WHERE a = $1 AND b > $2 OR a = $3");
    BOOST_TEST(sql_in(Paramstyle::named, sql) == "SELECT * FROM t WHERE a = :a AND b > :b OR a = :a");
    BOOST_TEST(sql_in(Paramstyle::format, sql) == "SELECT * FROM t WHERE a = %s AND b > %s OR a = %s");

    auto positional = text(sql).compile(StyleDialect(Paramstyle::dollar));
    BOOST_TEST((keys(*positional) == std::vector<std::string>{"a", "b", "a"}));
    BOOST_TEST((positional->kind == sql::StatementKind::text));
    // Named placeholders bind one value per distinct name, in order of first appearance.
    auto named = text(sql).compile(StyleDialect(Paramstyle::named));
    BOOST_TEST((keys(*named) == std::vector<std::string>{"a", "b"}));
    BOOST_TEST((text(sql).parameter_names() == std::vector<std::string>{"a", "b", "a"}));
}

BOOST_AUTO_TEST_CASE(format_style_doubles_literal_percent_signs) {
    BOOST_TEST(sql_in(Paramstyle::format, "SELECT 100 % 7, '50%' FROM t WHERE name LIKE :p -- 10%") ==
               "SELECT 100 %% 7, '50%%' FROM t WHERE name LIKE %s -- 10%%");
    BOOST_TEST(sql_in(Paramstyle::qmark, "SELECT 100 % 7 WHERE x = :x") == "SELECT 100 % 7 WHERE x = ?");
}

BOOST_AUTO_TEST_CASE(colons_that_are_not_parameters) {
    // PostgreSQL casts, escaped colons, and colons glued to a word stay as written.
    BOOST_TEST(qmark("SELECT x::text, :v::int FROM t") == "SELECT x::text, ?::int FROM t");
    BOOST_TEST(qmark("SELECT CAST(:v AS INT)::bigint") == "SELECT CAST(? AS INT)::bigint");
    BOOST_TEST(qmark(R"(SELECT a\:b, \:notparam FROM t WHERE c = :c)") == "SELECT a:b, :notparam FROM t WHERE c = ?");
    BOOST_TEST(qmark("SELECT 'a' WHERE t:x = 1") == "SELECT 'a' WHERE t:x = 1");
    BOOST_TEST(qmark("SELECT : x, x := 1, :") == "SELECT : x, x := 1, :");
    BOOST_TEST(text("SELECT x::text").parameter_names().empty());
}

BOOST_AUTO_TEST_CASE(quoted_text_and_comments_are_untouched) {
    BOOST_TEST(qmark("SELECT ':a', 'it''s :b', :c") == "SELECT ':a', 'it''s :b', ?");
    BOOST_TEST(qmark(R"(SELECT "col:x", "we""ird:y" FROM t WHERE z = :z)") ==
               R"(SELECT "col:x", "we""ird:y" FROM t WHERE z = ?)");
    BOOST_TEST(qmark("SELECT `a:b` FROM t") == "SELECT `a:b` FROM t");
    BOOST_TEST(qmark("SELECT 1 -- where :x\nFROM t WHERE y = :y") == "SELECT 1 -- where :x\nFROM t WHERE y = ?");
    BOOST_TEST(qmark("SELECT /* :a \n :b */ :c /* */ -- :d") == "SELECT /* :a \n :b */ ? /* */ -- :d");
    BOOST_TEST(qmark("SELECT $$ :a $$, $fn$ x := :b; $fn$, :c") == "SELECT $$ :a $$, $fn$ x := :b; $fn$, ?");
    BOOST_TEST(qmark("SELECT 12:30") == "SELECT 12:30");
    // Escaped colons inside quotes are data: left alone with their backslash.
    BOOST_TEST(qmark(R"(SELECT '\:a')") == R"(SELECT '\:a')");
    // An unterminated quote or comment swallows the rest instead of guessing.
    BOOST_TEST(qmark("SELECT 'open :a") == "SELECT 'open :a");
    BOOST_TEST(qmark("SELECT /* open :a") == "SELECT /* open :a");
    auto names = text("SELECT ':no' || :yes1 -- :no\n /* :no */ \"a:no\" || :yes_2").parameter_names();
    BOOST_TEST((names == std::vector<std::string>{"yes1", "yes_2"}));
}

BOOST_AUTO_TEST_CASE(parameter_names) {
    auto t = text("INSERT INTO t VALUES (:id, :Name_2, :x9,:y)");
    BOOST_TEST((t.parameter_names() == std::vector<std::string>{"id", "Name_2", "x9", "y"}));
    BOOST_TEST(t.text() == "INSERT INTO t VALUES (:id, :Name_2, :x9,:y)");
    BOOST_TEST(sql_in(Paramstyle::numeric, t.text()) == "INSERT INTO t VALUES (:1, :2, :3,:4)");
    BOOST_TEST(qmark("SELECT :a+:b") == "SELECT ?+?");
    BOOST_TEST(qmark("") == "");
    BOOST_TEST(qmark(":only") == "?");
}

BOOST_AUTO_TEST_CASE(bind_orders_values_by_placeholder) {
    auto c = text("SELECT :b, :a, :b").compile(StyleDialect(Paramstyle::qmark));
    auto values = c->bind({{"a", 1}, {"b", "two"}, {"unused", 3}});
    BOOST_TEST(values.size() == 3u);
    BOOST_TEST(values[0].as_string() == "two");
    BOOST_TEST(values[1].as_int() == 1);
    BOOST_TEST(values[2].as_string() == "two");
    // NULL is a value, not a missing one.
    BOOST_TEST(c->bind({{"a", null}, {"b", null}})[0].is_null());
}

BOOST_AUTO_TEST_CASE(bind_names_the_missing_key) {
    auto c = text("SELECT * FROM t WHERE id = :id AND name = :name").compile(StyleDialect(Paramstyle::qmark));
    try {
        c->bind({{"id", 1}});
        BOOST_FAIL("expected ArgumentError");
    } catch (const ArgumentError& e) {
        std::string msg = e.what();
        BOOST_TEST(msg.find("A value is required for bind parameter 'name'") != std::string::npos, msg);
        BOOST_TEST(msg.find("given: id") != std::string::npos, msg);
    }
    try {
        c->bind({});
        BOOST_FAIL("expected ArgumentError");
    } catch (const ArgumentError& e) {
        BOOST_TEST(std::string(e.what()).find("'id'") != std::string::npos, e.what());
    }
}

BOOST_AUTO_TEST_CASE(bind_precedence_and_processors) {
    sql::CompiledStatement c;
    c.sql = "SELECT ?, ?, ?";
    c.binds.push_back({"given", Value(1), {}});
    c.binds.push_back({"carried", Value("frozen"), {}});
    c.binds.push_back({"doubled", std::nullopt, [](Value v) { return Value(v.as_int() * 2); }});
    Params statement_values{{"carried", "fresh"}};
    auto values = c.bind({{"given", 10}, {"doubled", 21}}, &statement_values);
    BOOST_TEST(values[0].as_int() == 10);                // the caller's value wins over the bind's own
    BOOST_TEST(values[1].as_string() == "fresh");        // the statement's current value over the cached one
    BOOST_TEST(values[2].as_int() == 42);                // processor applied
    BOOST_TEST(c.bind({{"doubled", 1}})[1].as_string() == "frozen");
    BOOST_TEST(c.bind({{"doubled", 1}})[0].as_int() == 1);
}

BOOST_AUTO_TEST_CASE(cache_keys_and_executable_defaults) {
    auto a = text("SELECT :x");
    BOOST_TEST(a.cache_key() == text("SELECT :x").cache_key());
    BOOST_TEST(a.cache_key() != text("SELECT :y").cache_key());
    BOOST_TEST(a.cache_key().find("SELECT :x") != std::string::npos);
    BOOST_TEST(!a.cache_key().empty());
    // text() carries no values of its own.
    Params out;
    static_cast<const sql::Executable&>(a).bound_values(out);
    BOOST_TEST(out.empty());
    // Compiling twice for one dialect gives the same text: safe to cache.
    StyleDialect d(Paramstyle::dollar);
    BOOST_TEST(a.compile(d)->sql == a.compile(d)->sql);
}

BOOST_AUTO_TEST_CASE(escape_strings_end_at_their_real_closing_quote) {
    // In PostgreSQL's E'...' strings a backslash escapes the next character, so \' does not close.
    BOOST_TEST(qmark(R"(SELECT E'\'', :x)") == R"(SELECT E'\'', ?)");
    BOOST_TEST(qmark(R"(SELECT e'\'' || :x)") == R"(SELECT e'\'' || ?)");
    BOOST_TEST(qmark(R"(SELECT E'a\\', :x)") == R"(SELECT E'a\\', ?)");  // \\ is one backslash, then the close
    BOOST_TEST(qmark(R"(SELECT E'it''s \' :no', :y)") == R"(SELECT E'it''s \' :no', ?)");
    BOOST_TEST(qmark(R"(SELECT (E'\\\'' ), :x)") == R"(SELECT (E'\\\'' ), ?)");
    BOOST_TEST((text(R"(SELECT E'\':no', :yes)").parameter_names() == std::vector<std::string>{"yes"}));
    // A standard string has no backslash escapes: '\' is a one-character string.
    BOOST_TEST(qmark(R"(SELECT '\', :x)") == R"(SELECT '\', ?)");
    // A name ending in E before a quote is not an escape-string prefix.
    BOOST_TEST(qmark(R"(SELECT note'\', :x)") == R"(SELECT note'\', ?)");
    BOOST_TEST(qmark(R"(SELECT E'open \' :a)") == R"(SELECT E'open \' :a)");
}

BOOST_AUTO_TEST_CASE(each_quoting_form_hides_its_colons) {
    BOOST_TEST(qmark("SELECT 'a'':no''b', :x") == "SELECT 'a'':no''b', ?");               // '' doubling
    BOOST_TEST(qmark(R"(SELECT "a"":no""", :x)") == R"(SELECT "a"":no""", ?)");            // "" doubling
    BOOST_TEST(qmark("SELECT 1 -- :no") == "SELECT 1 -- :no");                              // to the end
    BOOST_TEST(qmark("SELECT 1 -- :no\r\n, :x") == "SELECT 1 -- :no\r\n, ?");
    BOOST_TEST(qmark("SELECT /* ' :no */ :x, '*/ :no'") == "SELECT /* ' :no */ ?, '*/ :no'");
    BOOST_TEST(qmark("SELECT $$it's :no$$, :x") == "SELECT $$it's :no$$, ?");
    BOOST_TEST(qmark("SELECT $a$ :no $b$ :no $a$, :x") == "SELECT $a$ :no $b$ :no $a$, ?");
    BOOST_TEST(qmark("SELECT $1, :x, a$b") == "SELECT $1, ?, a$b");                         // not dollar quotes
    BOOST_TEST(qmark("SELECT a$b$ :x") == "SELECT a$b$ ?");
    BOOST_TEST(qmark("SELECT '--', :x, '/*', :y") == "SELECT '--', ?, '/*', ?");
    BOOST_TEST(qmark("SELECT :x::int, 'a'::text, :y::numeric(3,1)") == "SELECT ?::int, 'a'::text, ?::numeric(3,1)");
    BOOST_TEST(qmark(R"(SELECT a\:b, '\:', :x)") == R"(SELECT a:b, '\:', ?)");
}
