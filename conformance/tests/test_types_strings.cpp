// types group, SQLAlchemy test_types.py: the character and binary types — String, Unicode,
// UnicodeText, Text, LargeBinary — stored, read back and rendered as literals by the dialect
// (quotes, backslashes, percent signs, non-ASCII text).
#include "context.hpp"
#include "types_support.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

using namespace athanor::sql;
namespace sa = athanor;
namespace bdata = boost::unit_test::data;
using cf::types::literal_round_trip;
using cf::types::one_of;
using cf::types::ValueTable;

namespace {

// _UnicodeFixture.data: accents, typographic quotes and a supplementary-plane character.
const std::string unicode_data =
    "Alors vous imaginez ma 🐍 surprise, au lever du jour, quand une drôle de petite 🐍 voix m’a réveillé. "
    "Elle disait: « S’il vous plaît… dessine-moi 🐍 un mouton! »";
const std::string non_ascii = "réve🐍 illé";
const std::string quoting = R"(some 'text' hey "hi there" that's text)";
const std::string backslashes = R"(backslash one \ backslash two \\ end)";
const std::string percents = R"(percent % signs %% percent)";

// More values than SQLAlchemy's, each its own case: what literal rendering must escape.
const std::string strings[] = {"", "some text", "O'Reilly", "back\\slash", "per % cent", "say \"hi\"", "réveillé",
                               "測試 データ", "emoji 🐍🎉", "tab\there", "line\nbreak", "'; DROP TABLE x; --"};

// _UnicodeFixture: unicode_table(id, unicode_data <type>).
void unicode_round_trip(const TypePtr& type) {
    ValueTable f(type);
    f.s.conn.execute(f.t.insert(), sa::Params{{"id", 1}, {"x", unicode_data}});
    auto row = f.s.conn.execute(select(f.t.c("x"))).first();
    BOOST_TEST_REQUIRE(row.has_value());
    BOOST_TEST(((*row)[0].kind() == sa::Value::Kind::text));
    BOOST_TEST((*row)[0].as_string() == unicode_data);
}

void unicode_round_trip_executemany(const TypePtr& type) {
    ValueTable f(type);
    f.insert_many({unicode_data, unicode_data, unicode_data});
    const auto values = f.values();
    BOOST_TEST_REQUIRE(values.size() == 3u);
    for (const auto& v : values) {
        BOOST_TEST((v.kind() == sa::Value::Kind::text));
        BOOST_TEST(v.as_string() == unicode_data);
    }
}

void stored_as(const TypePtr& type, const sa::Value& v) {
    ValueTable f(type);
    f.s.conn.execute(f.t.insert(), sa::Params{{"id", 1}, {"x", v}});
    auto row = f.s.conn.execute(select(f.t.c("x"))).first();
    BOOST_TEST_REQUIRE(row.has_value());
    BOOST_TEST((*row)[0] == v, (*row)[0].repr() << " for " << v.repr());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(types)

BOOST_AUTO_TEST_SUITE(StringTest)
BOOST_DATA_TEST_CASE(test_round_trip, bdata::make(strings), v) {
    ValueTable f(ty::String(255));
    BOOST_TEST(f.round_trip(v).as_string() == v, cf::types::shown(v));
}
BOOST_TEST_DECORATOR(CF_SA("test_types.py::StringTest::test_literal"))
BOOST_DATA_TEST_CASE(test_literal, bdata::make(strings), v) {
    literal_round_trip(ty::String(40), {v}, one_of({v}));
}
BOOST_AUTO_TEST_CASE(test_literal_non_ascii, CF_REQUIRES("unicode_data_no_special_types") CF_SA("test_types.py::StringTest::test_literal_non_ascii")) {
    literal_round_trip(ty::String(40), {non_ascii}, one_of({non_ascii}));
}
BOOST_AUTO_TEST_CASE(test_literal_quoting, CF_SA("test_types.py::StringTest::test_literal_quoting")) {
    literal_round_trip(ty::String(40), {quoting}, one_of({quoting}));
}
BOOST_AUTO_TEST_CASE(test_literal_backslashes, CF_SA("test_types.py::StringTest::test_literal_backslashes")) {
    literal_round_trip(ty::String(40), {backslashes}, one_of({backslashes}));
}
BOOST_AUTO_TEST_CASE(test_nolength_string, CF_REQUIRES("unbounded_varchar") CF_SA("test_types.py::StringTest::test_nolength_string")) {
    ValueTable f(ty::String());
    BOOST_TEST(f.round_trip("some string").as_string() == "some string");
}
const std::pair<const char*, std::vector<std::string>> truncation_cases[] = {
    {"%B%", {"AB", "BC"}}, {"A%C", {"AC"}}, {"A%C%Z", {}}};
BOOST_TEST_DECORATOR(CF_SA("test_types.py::StringTest::test_dont_truncate_rightside"))
BOOST_DATA_TEST_CASE(test_dont_truncate_rightside, bdata::xrange(3), i) {
    cf::Session s;
    auto& t = s.metadata.table("cf_t", Column("x", ty::String(2)));
    s.create_all();
    s.conn.execute(t.insert(), std::vector<sa::Params>{{{"x", "AB"}}, {{"x", "BC"}}, {{"x", "AC"}}});
    const auto& [pattern, expected] = truncation_cases[i];
    BOOST_TEST(cf::column_strings(s.conn.execute(select(t.c("x")).where(t.c("x").like(pattern)).order_by(t.c("x")))) ==
                   expected,
               boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_concatenate_binary, CF_SA("test_types.py::StringTest::test_concatenate_binary")) {
    cf::Session s;
    BOOST_TEST(s.conn.scalar(select(literal("a") + "b")).as_string() == "ab");
}
BOOST_AUTO_TEST_CASE(test_concatenate_clauselist, CF_SA("test_types.py::StringTest::test_concatenate_clauselist")) {
    cf::Session s;
    BOOST_TEST(s.conn.scalar(select(literal("a") + "b" + "c" + "d" + "e")).as_string() == "abcde");
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(UnicodeVarcharTest, CF_REQUIRES("unicode_data"))
BOOST_AUTO_TEST_CASE(test_round_trip, CF_SA("test_types.py::UnicodeVarcharTest::test_round_trip")) {
    unicode_round_trip(ty::Unicode(255));
}
BOOST_AUTO_TEST_CASE(test_round_trip_executemany, CF_SA("test_types.py::UnicodeVarcharTest::test_round_trip_executemany")) {
    unicode_round_trip_executemany(ty::Unicode(255));
}
BOOST_AUTO_TEST_CASE(test_literal, CF_SA("test_types.py::UnicodeVarcharTest::test_literal")) {
    literal_round_trip(ty::Unicode(255), {unicode_data}, one_of({unicode_data}));
}
BOOST_AUTO_TEST_CASE(test_literal_non_ascii, CF_SA("test_types.py::UnicodeVarcharTest::test_literal_non_ascii")) {
    literal_round_trip(ty::Unicode(255), {non_ascii}, one_of({non_ascii}));
}
BOOST_AUTO_TEST_CASE(test_empty_strings_varchar, CF_REQUIRES("empty_strings_varchar") CF_SA("test_types.py::UnicodeVarcharTest::test_empty_strings_varchar")) {
    stored_as(ty::Unicode(255), "");
}
BOOST_AUTO_TEST_CASE(test_null_strings_varchar, CF_SA("test_types.py::UnicodeVarcharTest::test_null_strings_varchar")) {
    stored_as(ty::Unicode(255), sa::null);
}
// Every value of `strings` through an executemany of a String column.
BOOST_DATA_TEST_CASE(test_string_values_executemany, bdata::make(strings), v) {
    ValueTable f(ty::String(255));
    f.insert_many({v, v + v});
    BOOST_TEST(cf::column_strings(f.s.conn.execute(select(f.t.c("x")).order_by(f.t.c("id")))) ==
                   (std::vector<std::string>{v, v + v}),
               boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(UnicodeTextTest, CF_REQUIRES("unicode_data", "text_type"))
BOOST_AUTO_TEST_CASE(test_round_trip, CF_SA("test_types.py::UnicodeTextTest::test_round_trip")) {
    unicode_round_trip(ty::UnicodeText());
}
BOOST_AUTO_TEST_CASE(test_round_trip_executemany, CF_SA("test_types.py::UnicodeTextTest::test_round_trip_executemany")) {
    unicode_round_trip_executemany(ty::UnicodeText());
}
BOOST_AUTO_TEST_CASE(test_literal, CF_SA("test_types.py::UnicodeTextTest::test_literal")) {
    literal_round_trip(ty::UnicodeText(), {unicode_data}, one_of({unicode_data}));
}
BOOST_AUTO_TEST_CASE(test_literal_non_ascii, CF_SA("test_types.py::UnicodeTextTest::test_literal_non_ascii")) {
    literal_round_trip(ty::UnicodeText(), {non_ascii}, one_of({non_ascii}));
}
BOOST_AUTO_TEST_CASE(test_empty_strings_text, CF_REQUIRES("empty_strings_text") CF_SA("test_types.py::UnicodeTextTest::test_empty_strings_text")) {
    stored_as(ty::UnicodeText(), "");
}
BOOST_AUTO_TEST_CASE(test_null_strings_text, CF_SA("test_types.py::UnicodeTextTest::test_null_strings_text")) {
    stored_as(ty::UnicodeText(), sa::null);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TextTest, CF_REQUIRES("text_type"))
BOOST_AUTO_TEST_CASE(test_text_roundtrip, CF_SA("test_types.py::TextTest::test_text_roundtrip")) {
    stored_as(ty::Text(), "some text");
}
BOOST_DATA_TEST_CASE(test_text_values, bdata::make(strings), v) {
    ValueTable f(ty::Text());
    BOOST_TEST(f.round_trip(v).as_string() == v, cf::types::shown(v));
}
BOOST_AUTO_TEST_CASE(test_text_empty_strings, CF_REQUIRES("empty_strings_text") CF_SA("test_types.py::TextTest::test_text_empty_strings")) {
    stored_as(ty::Text(), "");
}
BOOST_AUTO_TEST_CASE(test_text_null_strings, CF_SA("test_types.py::TextTest::test_text_null_strings")) {
    stored_as(ty::Text(), sa::null);
}
BOOST_AUTO_TEST_CASE(test_literal, CF_SA("test_types.py::TextTest::test_literal")) {
    literal_round_trip(ty::Text(), {"some text"}, one_of({"some text"}));
}
BOOST_DATA_TEST_CASE(test_literal_values, bdata::make(strings), v) {
    literal_round_trip(ty::Text(), {v}, one_of({v}));
}
BOOST_AUTO_TEST_CASE(test_literal_non_ascii, CF_REQUIRES("unicode_data_no_special_types") CF_SA("test_types.py::TextTest::test_literal_non_ascii")) {
    literal_round_trip(ty::Text(), {non_ascii}, one_of({non_ascii}));
}
BOOST_AUTO_TEST_CASE(test_literal_quoting, CF_SA("test_types.py::TextTest::test_literal_quoting")) {
    literal_round_trip(ty::Text(), {quoting}, one_of({quoting}));
}
BOOST_AUTO_TEST_CASE(test_literal_backslashes, CF_SA("test_types.py::TextTest::test_literal_backslashes")) {
    literal_round_trip(ty::Text(), {backslashes}, one_of({backslashes}));
}
BOOST_AUTO_TEST_CASE(test_literal_percentsigns, CF_SA("test_types.py::TextTest::test_literal_percentsigns")) {
    literal_round_trip(ty::Text(), {percents}, one_of({percents}));
}
BOOST_AUTO_TEST_CASE(test_large_text) {
    ValueTable f(ty::Text());
    std::string big(200000, 'x');
    BOOST_TEST(f.round_trip(big).as_string().size() == big.size());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(BinaryTest, CF_REQUIRES("binary_literals"))
// SQLAlchemy's two values (one not valid UTF-8), then more.
const sa::Bytes blobs[] = {sa::Bytes{'t', 'h', 'i', 's', ' ', 'i', 's', ' ', 'b', 'i', 'n', 'a', 'r', 'y'},
                           sa::Bytes{'7', 0xe7, 0x9f}, sa::Bytes{}, sa::Bytes{0x00}, sa::Bytes{0xff, 0xfe, 0x00, 0x01},
                           sa::Bytes(3000, 0x5a)};
BOOST_TEST_DECORATOR(CF_SA("test_types.py::BinaryTest::test_binary_roundtrip"))
BOOST_DATA_TEST_CASE(test_binary_roundtrip, bdata::xrange(6), i) {
    ValueTable f(ty::LargeBinary());
    f.s.conn.execute(f.t.insert(), sa::Params{{"id", 1}, {"x", blobs[i]}});
    auto row = f.s.conn.execute(select(f.t.c("x"))).first();
    BOOST_TEST_REQUIRE(row.has_value());
    BOOST_TEST(((*row)[0].kind() == sa::Value::Kind::bytes));
    BOOST_TEST((*row)[0].as_bytes() == blobs[i]);
}
BOOST_AUTO_TEST_CASE(test_binary_null) {
    ValueTable f(ty::LargeBinary());
    BOOST_TEST(f.round_trip(sa::null).is_null());
}
BOOST_AUTO_TEST_CASE(test_binary_comparison, CF_REQUIRES("binary_comparisons")) {
    ValueTable f(ty::LargeBinary());
    f.round_trip(sa::Bytes{1, 2, 3});
    BOOST_TEST(f.s.conn.scalar(select(count()).select_from(f.t).where(f.t.c("x") == sa::Value(sa::Bytes{1, 2, 3}))).as_int() == 1);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
