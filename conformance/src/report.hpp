// conformance/src/report.hpp — a Boost.Test observer that records every test case's outcome
// (suite, name, passed/failed/skipped, reason, duration) and writes the JSON report.
//
// Usage (main.cpp): boost::unit_test::framework::register_observer(cf::report_observer());
// the file named by --report-json is written when the run finishes.
#pragma once

#include <boost/test/tree/observer.hpp>

namespace cf {

boost::unit_test::test_observer& report_observer();

}  // namespace cf
