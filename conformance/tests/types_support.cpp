// The fixtures of the types suites (see types_support.hpp).
#include "types_support.hpp"

#include <athanor/sql/compiled.hpp>

#include <cmath>
#include <cstdio>

using namespace athanor::sql;
namespace sa = athanor;

namespace cf::types {

std::shared_ptr<const CompiledStatement> LiteralBinds::compile(const sa::sdk::Dialect& dialect) const {
    CompileOptions options;
    options.literal_binds = true;
    return statement_.compile(dialect, options);
}

Check one_of(std::vector<sa::Value> expected) {
    return [expected = std::move(expected)](const sa::Value& v) {
        for (const auto& e : expected)
            if (same_value(v, e)) return true;
        return false;
    };
}

void literal_round_trip(const TypePtr& type, const std::vector<sa::Value>& inputs, const Check& check,
                        bool support_whereclause, const std::function<sa::Value(const sa::Value&)>& filter,
                        const std::optional<sa::Value>& compare) {
    cf::Session s;
    auto& t = s.metadata.table("cf_t", Column("x", type));
    s.create_all();
    for (const auto& value : inputs) {
        auto ins = t.insert().values({{"x", literal(value, type)}});
        s.conn.execute(LiteralBinds(ins));
    }
    auto null_ins = t.insert().values({{"x", literal(sa::null, type)}});
    s.conn.execute(LiteralBinds(null_ins));

    auto stmt = support_whereclause
                    ? select(t.c("x")).where(compare ? and_(t.c("x") == literal(*compare, type), t.c("x") == literal(inputs.at(0), type))
                                                     : t.c("x") == literal(inputs.at(0), type))
                    : select(t.c("x")).where(t.c("x").is_not(sa::null));
    auto rows = s.conn.execute(LiteralBinds(stmt)).all();
    BOOST_TEST_REQUIRE(!rows.empty(), "no rows returned by "
                                          << stmt.compile(cf::engine().dialect(), CompileOptions{true, false})->sql);
    for (const auto& row : rows) {
        const sa::Value v = filter ? filter(row[0]) : row[0];
        BOOST_TEST(check(v), "unexpected " << v.repr() << " (read " << row[0].repr() << ")");
    }
    auto nulls = s.conn.execute(select(t.c("x")).where(t.c("x").is_(sa::null))).all();
    BOOST_TEST_REQUIRE(nulls.size() == 1u);
    BOOST_TEST(nulls[0][0].is_null());
}

ValueTable::ValueTable(const TypePtr& type)
    : t(s.metadata.table("cf_types", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                         Column("x", type))) {
    s.create_all();
}

void ValueTable::insert_many(const std::vector<sa::Value>& values) {
    std::vector<sa::Params> rows;
    for (std::size_t i = 0; i < values.size(); ++i) rows.push_back({{"id", static_cast<int>(i + 1)}, {"x", values[i]}});
    s.conn.execute(t.insert(), rows);
}

std::vector<sa::Value> ValueTable::values() {
    return s.conn.execute(select(t.c("x")).order_by(t.c("id"))).scalars();
}

sa::Value ValueTable::round_trip(const sa::Value& v) {
    s.conn.execute(t.insert().values({{"id", 1}, {"x", v}}));
    return s.conn.scalar(select(t.c("x")).where(t.c("id") == 1));
}

namespace {
/// The canonical text of a decimal's value: no leading zeros, no trailing fraction zeros,
/// no sign on zero.
std::string normal(const std::string& text) {
    std::string s = text;
    bool negative = !s.empty() && s[0] == '-';
    if (negative) s.erase(0, 1);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    while (s.size() > 1 && s[0] == '0' && s[1] != '.') s.erase(0, 1);
    if (s == "0") negative = false;
    return negative ? "-" + s : s;
}
}  // namespace

bool same_decimal(const sa::Decimal& a, const sa::Decimal& b) { return normal(a.str()) == normal(b.str()); }

bool same_value(const sa::Value& a, const sa::Value& b) {
    using K = sa::Value::Kind;
    if (a.kind() == K::decimal && b.kind() == K::decimal) return same_decimal(a.as_decimal(), b.as_decimal());
    return a == b;
}

sa::Value rounded(const sa::Value& v, int digits) {
    if (v.is_null()) return v;
    const double scale = std::pow(10.0, digits);
    if (v.kind() == sa::Value::Kind::decimal) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*f", digits, v.as_double());
        return sa::Value(sa::Decimal(buf));
    }
    return sa::Value(std::round(v.as_double() * scale) / scale);
}

std::string shown(const std::string& s) {
    std::string o;
    for (char c : s) o += c == '\n' ? std::string("\\n") : c == '\t' ? std::string("\\t") : std::string(1, c);
    return o;
}

}  // namespace cf::types
