// JSON report of a conformance run. Outcomes come from Boost.Test's results collector once
// the whole tree has run; skip reasons and exception texts are captured as they happen,
// because the collector keeps only counts.
#include "report.hpp"

#include "context.hpp"
#include "sa_tests.hpp"

#include <athanor/engine/plugin_registry.hpp>

#include <boost/test/execution_monitor.hpp>
#include <boost/test/framework.hpp>
#include <boost/test/results_collector.hpp>
#include <boost/test/tree/test_unit.hpp>
#include <boost/test/tree/traverse.hpp>
#include <boost/test/tree/visitor.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace cf {
namespace {

namespace but = boost::unit_test;

class ReportObserver final : public but::test_observer {
public:
    void test_unit_start(const but::test_unit& tu) override {
        if (tu.p_type == but::TUT_CASE) current_ = tu.p_id;
    }
    void test_unit_finish(const but::test_unit& tu, unsigned long elapsed) override {
        if (tu.p_type == but::TUT_CASE) {
            elapsed_us_[tu.p_id] = elapsed;
            run_.push_back(tu.p_id);
        }
    }
    void test_unit_skipped(const but::test_unit& tu, but::const_string reason) override {
        skip_reason_[tu.p_id] = std::string(reason.begin(), reason.end());
    }
    void exception_caught(const boost::execution_exception& ex) override {
        auto& r = failure_[current_];
        if (r.empty()) r = std::string(ex.what().begin(), ex.what().end());
    }
    void test_finish() override {
        if (!config().report_json.empty()) write(config().report_json);
    }
    int priority() override { return 4; }  // after the results collector

private:
    // Every test case under the master suite, in tree order.
    struct Collect final : but::test_tree_visitor {
        std::vector<but::test_unit_id> cases;
        void visit(const but::test_case& tc) override { cases.push_back(tc.p_id); }
    };

    std::string inherited_skip(but::test_unit_id id) const {
        while (id != but::INV_TEST_UNIT_ID) {
            auto it = skip_reason_.find(id);
            if (it != skip_reason_.end()) return it->second;
            const auto& tu = but::framework::get(id, but::TUT_ANY);
            if (tu.p_parent_id == id) break;
            id = tu.p_parent_id;
        }
        return {};
    }

    void write(const std::string& path) const {
        using nlohmann::json;
        Collect collect;
        but::traverse_test_tree(but::framework::master_test_suite(), collect, true);
        json tests = json::array();
        std::map<std::string, std::map<std::string, int>> groups;
        int passed = 0, failed = 0, skipped = 0;
        for (auto id : collect.cases) {
            const auto& tc = but::framework::get(id, but::TUT_CASE);
            // Path below the master suite: group/Class/test[/_n].
            std::vector<std::string> parts{tc.p_name.get()};
            for (auto p = tc.p_parent_id; p != but::framework::master_test_suite().p_id;) {
                const auto& s = but::framework::get(p, but::TUT_SUITE);
                parts.insert(parts.begin(), s.p_name.get());
                p = s.p_parent_id;
            }
            const auto& r = but::results_collector.results(id);
            std::string status, reason;
            const bool ran = elapsed_us_.count(id) != 0;
            std::string skip = inherited_skip(id);
            if (!ran && !skip.empty()) {
                if (skip == "disabled") continue;  // not selected by --run_test
                status = "skipped";
                reason = skip;
            } else if (!ran) {
                continue;  // filtered out
            } else if (r.passed()) {
                status = "passed";
            } else {
                status = "failed";
                auto f = failure_.find(id);
                reason = f != failure_.end() ? f->second
                                             : std::to_string(r.p_assertions_failed.get()) +
                                                   " assertion(s) failed (details in the test log)";
            }
            const std::string group = parts.size() > 1 ? parts[0] : "";
            std::string suite;
            for (std::size_t i = 0; i + 1 < parts.size(); ++i) suite += (i ? "/" : "") + parts[i];
            std::string name = parts.back();
            auto e = elapsed_us_.find(id);
            const auto& declared = declared_requirements();
            const auto req = declared.find(id);
            tests.push_back({{"group", group},
                             {"suite", suite},
                             {"name", name},
                             {"status", status},
                             {"reason", reason},
                             {"requires", req == declared.end() ? json::array() : json(req->second)},
                             {"sa_tests", json(sa_tests_of(id))},
                             {"duration_ms", e == elapsed_us_.end() ? 0.0 : e->second / 1000.0}});
            ++groups[group][status];
            (status == "passed" ? passed : status == "failed" ? failed : skipped)++;
        }
        json by_group = json::object();
        for (const auto& [g, counts] : groups) {
            by_group[g] = {{"passed", counts.count("passed") ? counts.at("passed") : 0},
                           {"failed", counts.count("failed") ? counts.at("failed") : 0},
                           {"skipped", counts.count("skipped") ? counts.at("skipped") : 0}};
        }
        json doc = {{"url", athanor::Url::parse(config().url).render(true)},
                    {"dialect", dialect_name()},
                    {"driver", driver_name()},
                    {"plugin", {{"name", manifest().name}, {"version", manifest().version},
                                {"library", manifest().library_path.string()}}},
                    {"totals", {{"passed", passed}, {"failed", failed}, {"skipped", skipped},
                                {"total", passed + failed + skipped}}},
                    {"groups", by_group},
                    {"tests", tests}};
        std::ofstream out(path);
        if (!out) {
            std::cerr << "athanor-conformance: cannot write the report to '" << path << "'\n";
            return;
        }
        out << doc.dump(2) << '\n';
    }

    but::test_unit_id current_ = but::INV_TEST_UNIT_ID;
    std::map<but::test_unit_id, unsigned long> elapsed_us_;
    std::map<but::test_unit_id, std::string> skip_reason_;
    std::map<but::test_unit_id, std::string> failure_;
    std::vector<but::test_unit_id> run_;
};

}  // namespace

boost::unit_test::test_observer& report_observer() {
    static ReportObserver instance;
    return instance;
}

}  // namespace cf
