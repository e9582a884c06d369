// conformance/tests/types_support.hpp — what the test_types*.cpp suites share: SQLAlchemy's
// _LiteralRoundTripFixture (values rendered as SQL literals by the dialect, read back through
// the type), a one-column round-trip table, and value comparisons the way Python's == makes
// them (decimals by value, JSON documents by content).
//
// Usage:
//   cf::types::literal_round_trip(ty::Text(), {"it's"}, cf::types::one_of({"it's"}));
//   cf::types::ValueTable f(ty::Numeric(8, 4));
//   f.insert_many({sa::Decimal("15.7563")});
//   BOOST_TEST(cf::types::same_decimal(f.values().at(0).as_decimal(), sa::Decimal("15.7563")));
#pragma once

#include "context.hpp"

#include <functional>
#include <string>
#include <vector>

namespace cf::types {

/// Runs `statement` compiled with every bound value rendered as a SQL literal by the dialect
/// (SQLAlchemy's literal_execute): the SQL text carries the values, the result is read back
/// through the statement's result processors. Never cached (the values are in the SQL).
class LiteralBinds final : public athanor::sql::Executable {
public:
    explicit LiteralBinds(const athanor::sql::Statement& statement) : statement_(statement) {}
    std::shared_ptr<const athanor::sql::CompiledStatement> compile(const athanor::sdk::Dialect& dialect) const override;
    std::string cache_key() const override { return {}; }

private:
    const athanor::sql::Statement& statement_;
};

/// Accepts a value read back (after the filter, if any).
using Check = std::function<bool(const athanor::Value&)>;
/// A value equal to one of `expected` (decimals by value, see same_value()).
Check one_of(std::vector<athanor::Value> expected);

/// SQLAlchemy's literal_round_trip: table t(x type); each input INSERTed as a literal of
/// `type`, then a literal NULL; SELECT x WHERE x = literal(compare or inputs[0]) (or, without
/// a WHERE, x IS NOT NULL) must give rows, each accepted by `check` after `filter`; and
/// SELECT x WHERE x IS NULL gives exactly the NULL row.
void literal_round_trip(const athanor::sql::TypePtr& type, const std::vector<athanor::Value>& inputs, const Check& check,
                        bool support_whereclause = true,
                        const std::function<athanor::Value(const athanor::Value&)>& filter = {},
                        const std::optional<athanor::Value>& compare = std::nullopt);

/// A table cf_types(id INTEGER PRIMARY KEY, x type) made by create_all.
struct ValueTable {
    explicit ValueTable(const athanor::sql::TypePtr& type);
    /// INSERT (id, x) for each value, ids 1..n, as one executemany.
    void insert_many(const std::vector<athanor::Value>& values);
    /// SELECT x ORDER BY id.
    std::vector<athanor::Value> values();
    /// INSERT one row and SELECT x back.
    athanor::Value round_trip(const athanor::Value& v);

    cf::Session s;
    athanor::sql::Table& t;
};

/// Python's Decimal ==: the same number whatever the trailing zeros ("2.30" == "2.3").
bool same_decimal(const athanor::Decimal& a, const athanor::Decimal& b);
/// Value equality as SQLAlchemy's tests compare: decimals with same_decimal(), everything
/// else by Value == (so a double never equals a decimal: the kind is part of the check).
bool same_value(const athanor::Value& a, const athanor::Value& b);
/// Two JSON documents (text) with the same content (object key order and number spelling
/// aside: -1 == -1.0, as Python compares the loaded objects).
bool same_json(const athanor::Value& a, const athanor::Value& b);
/// A scalar as JSON text: null, true, 15, 28.5 (shortest form, as Python's json.dumps),
/// "text" (quoted and escaped); a Decimal as its digits.
std::string json_scalar(const athanor::Value& v);
/// {"key": "text value", ...} as JSON text.
std::string json_object(const std::vector<std::pair<std::string, std::string>>& members);
/// Rounds a double (or decimal) to `digits` after the point, as Python's round(n, digits).
athanor::Value rounded(const athanor::Value& v, int digits);
/// Text with \n and \t visible, for failure messages.
std::string shown(const std::string& s);

}  // namespace cf::types
