// Recording the SQLAlchemy counterparts each conformance unit declares.
#include "sa_tests.hpp"

#include <boost/test/framework.hpp>

namespace cf {

namespace {
std::map<boost::unit_test::test_unit_id, std::vector<std::string>>& by_unit() {
    static std::map<boost::unit_test::test_unit_id, std::vector<std::string>> m;
    return m;
}
}  // namespace

void SaTests::apply(boost::unit_test::test_unit& tu) {
    auto& names = by_unit()[tu.p_id];
    names.insert(names.end(), names_.begin(), names_.end());
}

boost::unit_test::decorator::base_ptr SaTests::clone() const {
    return boost::unit_test::decorator::base_ptr(new SaTests(names_));
}

const std::map<boost::unit_test::test_unit_id, std::vector<std::string>>& declared_sa_tests() { return by_unit(); }

std::vector<std::string> sa_tests_of(boost::unit_test::test_unit_id id) {
    namespace but = boost::unit_test;
    const auto& m = by_unit();
    while (id != but::INV_TEST_UNIT_ID) {
        if (auto it = m.find(id); it != m.end()) return it->second;
        const auto& tu = but::framework::get(id, but::TUT_ANY);
        if (tu.p_parent_id == id || tu.p_id == but::framework::master_test_suite().p_id) break;
        id = tu.p_parent_id;
    }
    return {};
}

}  // namespace cf
