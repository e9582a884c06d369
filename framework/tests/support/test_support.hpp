// test_support.hpp — what the framework's test programs share: a plugin registry that sees
// only the plugins this build tree made, temporary folders, and test-server URLs from the
// environment (scripts/with-test-servers exports them), and the rule that a module whose every
// test case was skipped reports itself as skipped.
//
// Skips are skips at every level: a suite that needs a server is declared on one line with its
// precondition, at the top level of the file,
//   BOOST_AUTO_TEST_SUITE(live, *boost::unit_test::precondition(athanor::test::HavePgServer()))
// framework/tests/CMakeLists.txt registers such suites as their own CTest test
// (<module>.<suite>, run with --run_test=<suite>) and the rest of the module as <module>; when the
// precondition fails, SkipReporter below makes the run exit with 77, CTest's SKIP_RETURN_CODE,
// so CTest and scripts/run-tests count it as skipped instead of passed.
#pragma once

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>

#include <boost/test/tree/global_fixture.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <typeinfo>

namespace athanor::test {

/// A registry with only the build tree's plugin folder: tests never pick up an installed
/// plugin or whatever ATHANOR_PLUGIN_PATH says.
inline PluginRegistry& registry() {
    static PluginRegistry instance(PluginRegistry::Options{false, false});
    static const bool added = (instance.add_search_path(ATHANOR_TEST_PLUGIN_DIR), true);
    (void)added;
    return instance;
}

/// create_engine() through registry().
inline Engine engine(const std::string& url, EngineOptions options = {}) {
    options.registry = &registry();
    return create_engine(url, std::move(options));
}

/// A fresh folder under the temp directory, removed with everything in it on destruction.
class TempDir {
public:
    explicit TempDir(const std::string& prefix = "athanor_test") {
        std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "_XXXXXX")).string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    /// A file in this folder.
    std::filesystem::path file(const std::string& name) const { return path_ / name; }
    /// `sqlite:////abs/folder/name`
    std::string sqlite_url(const std::string& name = "test.db") const { return "sqlite:///" + file(name).string(); }

private:
    std::filesystem::path path_;
};

/// The value of a test-server URL variable, or nullopt when unset or empty.
inline std::optional<std::string> env_url(const char* variable) {
    const char* value = std::getenv(variable);
    if (!value || !*value) return std::nullopt;
    return std::string(value);
}

/// The throwaway PostgreSQL server's URL (scripts/with-test-servers exports it), or "".
inline std::string pg_url() { return env_url("ATHANOR_TEST_PG_URL").value_or(""); }

/// Boost.Test precondition for tests that need that server: skipped, saying how to start one,
/// when ATHANOR_TEST_PG_URL is not set.
struct HavePgServer {
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
        boost::test_tools::assertion_result result(!pg_url().empty());
        result.message() << "ATHANOR_TEST_PG_URL is not set; start a server with scripts/pg-test-cluster start "
                            "STATE_FILE and source it (or run through scripts/with-test-servers)";
        return result;
    }
};

/// The exit code CTest reads as "skipped" (SKIP_RETURN_CODE in framework/tests/CMakeLists.txt).
inline constexpr int skip_exit_code = 77;

/// Watches the run: when no test case ran and at least one was skipped by a failed
/// precondition, prints "SKIPPED: <unit>: <reason>" and exits with skip_exit_code. A module in
/// which anything ran, passed or failed, exits as Boost.Test decides.
class SkipReporter : public boost::unit_test::global_configuration {
public:
    void test_unit_start(const boost::unit_test::test_unit& unit) override {
        if (unit.p_type == boost::unit_test::TUT_CASE) ++ran_;
    }
    void test_unit_skipped(const boost::unit_test::test_unit& unit, boost::unit_test::const_string reason) override {
        // Units left out by --run_test are reported as skipped too, with no precondition reason.
        const std::string why(reason.begin(), reason.end());
        if (!unit.is_enabled() || why.empty() || why == "disabled") return;
        ++skipped_;
        if (reason_.empty()) reason_ = unit.full_name() + ": " + why;
    }
    void test_finish() override {
        if (ran_ > 0 || skipped_ == 0) return;
        std::cout << "SKIPPED: " << reason_ << std::endl;
        std::exit(skip_exit_code);
    }

private:
    int ran_ = 0;
    int skipped_ = 0;
    std::string reason_;
};

inline SkipReporter skip_reporter;

/// Runs `fn` and returns the exception of type E it throws; fails the test, naming what
/// happened instead, when it throws something else or nothing.
template <class E>
E expect_error(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const E& e) {
        return e;
    } catch (const std::exception& e) {
        BOOST_FAIL(std::string("wrong exception type: ") + typeid(e).name() + ": " + e.what());
    }
    BOOST_FAIL("no exception was thrown");
    throw std::logic_error("unreachable");
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace athanor::test
