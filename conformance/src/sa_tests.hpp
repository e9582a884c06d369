// conformance/src/sa_tests.hpp — which of SQLAlchemy's suite tests a conformance case is the
// counterpart of.
//
// A case (or a whole suite, or a data-driven case) names the SQLAlchemy 2.0 suite methods whose
// behaviour it checks, as module::Class::method. The names go into the JSON report (`sa_tests`
// per case) and `athanor-conformance --coverage` holds them against the catalogue
// (conformance/catalogue/sqlalchemy-2.0.52.txt), so coverage is computed from the code. Name a
// method only when the case checks the same behaviour, through the same constructs where
// Athanor has them; a case that checks something Athanor adds names nothing.
//
// Usage:
//   BOOST_FIXTURE_TEST_CASE(test_simple_limit, SomeTable,
//                           CF_SA("test_select.py::FetchLimitOffsetTest::test_simple_limit")) {...}
//   BOOST_AUTO_TEST_CASE(test_offset, CF_REQUIRES("offset") CF_SA("test_select.py::FetchLimitOffsetTest::test_simple_offset")) {...}
//   BOOST_TEST_DECORATOR(CF_SA("test_types.py::StringTest::test_literal"))
//   BOOST_DATA_TEST_CASE(test_literal, bdata::make(strings), v) {...}
#pragma once

#include <boost/test/tree/decorator.hpp>
#include <boost/test/tree/test_unit.hpp>

#include <map>
#include <string>
#include <vector>

namespace cf {

/// The Boost.Test decorator behind CF_SA: records the names for the unit it decorates.
class SaTests final : public boost::unit_test::decorator::base {
public:
    explicit SaTests(std::vector<std::string> names) : names_(std::move(names)) {}

private:
    void apply(boost::unit_test::test_unit& tu) override;
    boost::unit_test::decorator::base_ptr clone() const override;
    std::vector<std::string> names_;
};

/// Every unit's declared names, by test unit id (filled as Boost.Test applies decorators, which
/// it does once the test tree is registered, before anything runs).
const std::map<boost::unit_test::test_unit_id, std::vector<std::string>>& declared_sa_tests();

/// The names that apply to a test case: its own, else those of the nearest enclosing unit that
/// declares any (a data-driven case's generated children inherit their parent's).
std::vector<std::string> sa_tests_of(boost::unit_test::test_unit_id id);

}  // namespace cf

#define CF_SA(...) *::cf::SaTests({__VA_ARGS__})
