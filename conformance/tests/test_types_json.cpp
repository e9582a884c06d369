// types group, SQLAlchemy test_types.py JSONTest: JSON documents stored and read back (large,
// pretty, non-ASCII, single scalars), SQL NULL against the JSON null under none_as_null, and
// elements read by index and path as typed values (as_string(), as_integer(), ...), selected
// and compared. Athanor's JSON values are the documents' text; they are compared by content
// (same_json), as SQLAlchemy compares the loaded Python objects.
#include "context.hpp"
#include "types_support.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

using namespace athanor::sql;
namespace sa = athanor;
namespace bdata = boost::unit_test::data;
using cf::types::same_json;
using cf::types::same_value;

namespace {

// data_table(id, name, data JSON NOT NULL, nulldata JSON(none_as_null=True)).
struct DataTable {
    cf::Session s;
    Table& t;
    DataTable()
        : t(s.metadata.table("cf_data_table", Column("id", ty::Integer(), primary_key()),
                             Column("name", ty::String(30), nullable(false)), Column("data", ty::JSON(), nullable(false)),
                             Column("nulldata", ty::JSON(true)))) {
        s.create_all();
    }
    void round_trip(const std::string& document) {
        s.conn.execute(t.insert(), sa::Params{{"id", 1}, {"name", "row1"}, {"data", document}});
        auto row = s.conn.execute(select(t.c("data"))).first();
        BOOST_TEST_REQUIRE(row.has_value());
        BOOST_TEST(same_json((*row)[0], document), (*row)[0].repr() << " for " << document);
    }
};

// The codepoints of `text`, repeated, cut to `n` codepoints (Python's str slicing).
std::string codepoints(const std::string& text, std::size_t n) {
    std::vector<std::string> cps;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
        cps.push_back(text.substr(i, len));
        i += len;
    }
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += cps[i % cps.size()];
    return out;
}

// ---- index / path elements (SQLAlchemy's _index_fixtures) ------------------------------
struct Element {
    std::string datatype;  // "boolean", "string", "integer", "float", "numeric", "_decimal", "json", "" (plain)
    sa::Value value;       // the element's value; "json"/"": its JSON text
    std::string name;
};
std::ostream& operator<<(std::ostream& os, const Element& e) { return os << e.name; }

// The element as JSON text inside the document.
std::string element_json(const Element& e) {
    const sa::Value& v = e.value;
    if (e.datatype == "json" || e.datatype.empty()) return v.as_string();
    return cf::types::json_scalar(v);
}

// The expression reading the element, and the value it must give.
std::pair<Expr, sa::Value> typed(const Expr& element, const Element& e) {
    if (e.datatype == "boolean") return {element.as_boolean(), e.value};
    if (e.datatype == "string") return {element.as_string(), e.value};
    if (e.datatype == "integer") return {element.as_integer(), e.value};
    if (e.datatype == "float") return {element.as_float(), e.value};
    if (e.datatype == "numeric" || e.datatype == "_decimal") {
        // Precision and scale from the digits of the value's text (SQLAlchemy's str(value)).
        const std::string text = e.value.kind() == sa::Value::Kind::decimal ? e.value.as_decimal().str() : element_json(e);
        const auto point = text.find('.');
        const int scale = static_cast<int>(text.size() - point - 1);
        const int precision = static_cast<int>(point) + scale;
        return {element.as_numeric(precision, scale), sa::Value(sa::Decimal(text))};
    }
    if (e.datatype == "json") return {element.as_json(), e.value};
    return {element, e.value};
}

// Inserts {"key1": element} (or {"key1": {"subkey1": element}}) into data and nulldata.
void insert_document(DataTable& f, const Element& e, bool nested) {
    const std::string inner = element_json(e);
    const std::string doc = nested ? R"({"key1": {"subkey1": )" + inner + "}}" : R"({"key1": )" + inner + "}";
    f.s.conn.execute(f.t.insert(), sa::Params{{"name", "row1"}, {"data", doc}, {"nulldata", doc}});
}

bool same_read(const sa::Value& got, const sa::Value& expected, const Element& e) {
    if (e.datatype == "json" || e.datatype.empty()) return same_json(got, expected);
    return same_value(got, expected);  // the kind too: SQLAlchemy's is_(type(roundtrip), type(compare_value))
}

void check_access(const Element& e) {
    DataTable f;
    insert_document(f, e, false);
    auto [expr, expected] = typed(f.t.c("data")["key1"], e);
    auto got = f.s.conn.scalar(select(expr));
    BOOST_TEST(same_read(got, expected, e), e.name << ": read " << got.repr() << ", expected " << expected.repr());
}

void check_comparison(const Element& e, bool path) {
    DataTable f;
    insert_document(f, e, path);
    const Expr element = path ? f.t.c("data").json_path({"key1", "subkey1"}) : f.t.c("data")["key1"];
    auto [expr, expected] = typed(element, e);
    auto row = f.s.conn.execute(select(expr).where(expr == expected)).first();
    BOOST_TEST_REQUIRE(row.has_value(), e.name << ": no row where the element equals " << expected.repr());
    BOOST_TEST(same_read((*row)[0], expected, e), e.name << ": read " << (*row)[0].repr());
}

const Element compared_elements[] = {
    {"boolean", true, "boolean true"},
    {"boolean", false, "boolean false"},
    {"boolean", sa::null, "boolean null"},
    {"string", "some string", "string"},
    {"string", sa::null, "string null"},
    {"string", "réve illé", "string non-ascii"},
    {"integer", 15, "integer 15"},
    {"integer", 1, "integer 1"},
    {"integer", 0, "integer 0"},
    {"integer", sa::null, "integer null"},
    {"float", 28.5, "float 28.5"},
    {"float", sa::null, "float null"},
    {"numeric", 1234567.89, "numeric 1234567.89"},
    {"numeric", 99998969694839.983485848, "numeric 99998969694839.98"},
    {"numeric", 99939.983485848, "numeric 99939.983485848"},
    {"_decimal", sa::Decimal("1234567.89"), "decimal 1234567.89"},
    {"_decimal", sa::Decimal("99939.983485848"), "decimal 99939.983485848"},
};
// Read only (test_index_typed_access): JSON elements, typed and plain.
const Element json_elements[] = {
    {"json", R"({"foo": "bar"})", "json object"},
    {"json", R"(["one", "two", "three"])", "json array"},
    {"", R"({"foo": "bar"})", "plain object"},
    {"", R"(["one", "two", "three"])", "plain array"},
};
// Gated elements, each with its requirement.
const Element supplementary = {"string", "réve🐍 illé", "string supplementary"};
const Element float_coercion = {"float", 1234567.89, "float 1234567.89"};
const Element many_digits = {"_decimal", sa::Decimal("99998969694839.983485848"), "decimal 99998969694839.983485848"};

const sa::Value single_elements[] = {true, false, sa::null, 15, 0, -1, -1.0, 15.052, "a string", "réve illé", "réve🐍 illé"};

}  // namespace

BOOST_AUTO_TEST_SUITE(types)
BOOST_AUTO_TEST_SUITE(JSONTest, CF_REQUIRES("json_type"))

BOOST_AUTO_TEST_CASE(test_round_trip_data1, CF_SA("test_types.py::JSONTest::test_round_trip_data1")) {
    DataTable f;
    f.round_trip(R"({"key1": "value1", "key2": "value2"})");
}

const std::tuple<bool, std::size_t> pretty_large_cases[] = {
    {true, 100},   {true, 1999},  {true, 3000},  {true, 4000},  {true, 5000},  {true, 9000},
    {false, 100},  {false, 1999}, {false, 3000}, {false, 4000}, {false, 5000}, {false, 9000}};
BOOST_TEST_DECORATOR(CF_SA("test_types.py::JSONTest::test_round_trip_pretty_large_data"))
BOOST_DATA_TEST_CASE(test_round_trip_pretty_large_data, bdata::xrange(12), i) {
    const auto [unicode, length] = pretty_large_cases[i];
    const std::string data = unicode ? codepoints("réve🐍illé", length / 2) : codepoints("abcdefg", length);
    DataTable f;
    f.round_trip(cf::types::json_object({{"key1", data}, {"key2", data}}));
}

BOOST_TEST_DECORATOR(CF_REQUIRES("legacy_unconditional_json_extract") CF_SA("test_types.py::JSONTest::test_index_typed_access"))
BOOST_DATA_TEST_CASE(test_index_typed_access, bdata::make(compared_elements) + bdata::make(json_elements), e) {
    check_access(e);
}
BOOST_TEST_DECORATOR(CF_REQUIRES("legacy_unconditional_json_extract") CF_SA("test_types.py::JSONTest::test_index_typed_comparison"))
BOOST_DATA_TEST_CASE(test_index_typed_comparison, bdata::make(compared_elements), e) { check_comparison(e, false); }
BOOST_TEST_DECORATOR(CF_REQUIRES("legacy_unconditional_json_extract") CF_SA("test_types.py::JSONTest::test_path_typed_comparison"))
BOOST_DATA_TEST_CASE(test_path_typed_comparison, bdata::make(compared_elements), e) { check_comparison(e, true); }

BOOST_AUTO_TEST_CASE(test_typed_supplementary_unicode,
                     CF_REQUIRES("legacy_unconditional_json_extract", "json_index_supplementary_unicode_element")
                         CF_SA("test_types.py::JSONTest::test_index_typed_access")
                             CF_SA("test_types.py::JSONTest::test_index_typed_comparison")
                                 CF_SA("test_types.py::JSONTest::test_path_typed_comparison")) {
    check_access(supplementary);
    check_comparison(supplementary, false);
    check_comparison(supplementary, true);
}
BOOST_AUTO_TEST_CASE(test_typed_float_coercion,
                     CF_REQUIRES("legacy_unconditional_json_extract", "literal_float_coercion")
                         CF_SA("test_types.py::JSONTest::test_index_typed_access")
                             CF_SA("test_types.py::JSONTest::test_index_typed_comparison")
                                 CF_SA("test_types.py::JSONTest::test_path_typed_comparison")) {
    check_access(float_coercion);
    check_comparison(float_coercion, false);
    check_comparison(float_coercion, true);
}
BOOST_AUTO_TEST_CASE(test_typed_many_significant_digits,
                     CF_REQUIRES("legacy_unconditional_json_extract", "precision_numerics_many_significant_digits")
                         CF_SA("test_types.py::JSONTest::test_index_typed_access")
                             CF_SA("test_types.py::JSONTest::test_index_typed_comparison")
                                 CF_SA("test_types.py::JSONTest::test_path_typed_comparison")) {
    check_access(many_digits);
    check_comparison(many_digits, false);
    check_comparison(many_digits, true);
}

BOOST_TEST_DECORATOR(CF_SA("test_types.py::JSONTest::test_single_element_round_trip"))
BOOST_DATA_TEST_CASE(test_single_element_round_trip, bdata::make(single_elements), element) {
    DataTable f;
    // A string element is the JSON document of that string ("\"a string\""); numbers and
    // booleans are serialised by the JSON type.
    const sa::Value bound = element.kind() == sa::Value::Kind::text ? sa::Value(cf::types::json_scalar(element)) : element;
    f.s.conn.execute(f.t.insert(), sa::Params{{"name", "row1"}, {"data", bound}, {"nulldata", bound}});
    auto row = f.s.conn.execute(select(f.t.c("data"), f.t.c("nulldata"))).first();
    BOOST_TEST_REQUIRE(row.has_value());
    // The document the value serialises to (a NULL: the JSON null in data; SQL NULL in
    // nulldata, which SQLAlchemy reads as the same None).
    const std::string expected = cf::types::json_scalar(element);
    BOOST_TEST(same_json((*row)[0], expected), (*row)[0].repr());
    if (element.is_null())
        BOOST_TEST((*row)[1].is_null(), (*row)[1].repr());
    else
        BOOST_TEST(same_json((*row)[1], expected), (*row)[1].repr());
}

// insert_type: parameters, multiparameters, values, omit.
BOOST_TEST_DECORATOR(CF_SA("test_types.py::JSONTest::test_round_trip_none_as_sql_null"))
BOOST_DATA_TEST_CASE(test_round_trip_none_as_sql_null, bdata::xrange(4), insert_type) {
    DataTable f;
    const Expr col = f.t.c("nulldata");
    switch (insert_type) {
        case 0: f.s.conn.execute(f.t.insert(), sa::Params{{"name", "r1"}, {"nulldata", sa::null}, {"data", sa::null}}); break;
        case 1:
            f.s.conn.execute(f.t.insert(), std::vector<sa::Params>{{{"name", "r1"}, {"nulldata", sa::null}, {"data", sa::null}}});
            break;
        case 2: f.s.conn.execute(f.t.insert().values({{"name", "r1"}, {"nulldata", sa::null}, {"data", sa::null}})); break;
        default: f.s.conn.execute(f.t.insert(), sa::Params{{"name", "r1"}, {"data", sa::null}}); break;
    }
    BOOST_TEST(f.s.conn.scalar(select(f.t.c("name")).where(col.is_(null_()))).as_string() == "r1");
    BOOST_TEST(f.s.conn.scalar(select(col)).is_null());
}

BOOST_AUTO_TEST_CASE(test_round_trip_json_null_as_json_null, CF_SA("test_types.py::JSONTest::test_round_trip_json_null_as_json_null")) {
    DataTable f;
    // JSON.NULL: the document null, which Athanor writes as the text "null".
    f.s.conn.execute(f.t.insert(), sa::Params{{"name", "r1"}, {"data", "null"}});
    const Expr col = f.t.c("data");
    BOOST_TEST(f.s.conn.scalar(select(f.t.c("name")).where(cast(col, ty::String()) == "null")).as_string() == "r1");
    BOOST_TEST(same_json(f.s.conn.scalar(select(col)), "null"));
}

BOOST_TEST_DECORATOR(CF_SA("test_types.py::JSONTest::test_round_trip_none_as_json_null"))
BOOST_DATA_TEST_CASE(test_round_trip_none_as_json_null, bdata::xrange(3), insert_type) {
    DataTable f;
    switch (insert_type) {
        case 0: f.s.conn.execute(f.t.insert(), sa::Params{{"name", "r1"}, {"data", sa::null}}); break;
        case 1: f.s.conn.execute(f.t.insert(), std::vector<sa::Params>{{{"name", "r1"}, {"data", sa::null}}}); break;
        default: f.s.conn.execute(f.t.insert().values({{"name", "r1"}, {"data", sa::null}})); break;
    }
    const Expr col = f.t.c("data");
    BOOST_TEST(f.s.conn.scalar(select(f.t.c("name")).where(cast(col, ty::String()) == "null")).as_string() == "r1");
    BOOST_TEST(same_json(f.s.conn.scalar(select(col)), "null"));
}

BOOST_AUTO_TEST_CASE(test_unicode_round_trip, CF_SA("test_types.py::JSONTest::test_unicode_round_trip")) {
    DataTable f;
    f.round_trip(R"({"réve🐍 illé": "réve🐍 illé", "data": {"k1": "drôl🐍e"}})");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
