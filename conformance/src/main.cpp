// athanor-conformance: the shared conformance suite, run against one URL.
//
//   athanor-conformance [--url URL] [--plugin PATH]... [--report-json FILE] [--compile-dir DIR]
//                       [--assume FLAG]... [--list-flags] [-- BOOST.TEST ARGS]
//   athanor-conformance --coverage [--coverage-min PERCENT] [--catalogue FILE]
//
// Our options are taken out of argv; everything else (or everything after "--") goes to
// Boost.Test, e.g. --run_test=select/FetchLimitOffsetTest --log_level=test_suite.
#define BOOST_TEST_NO_MAIN
#include <boost/test/unit_test.hpp>

#include "data_paths.hpp"
#include "compile_suite.hpp"
#include "context.hpp"
#include "coverage.hpp"
#include "report.hpp"

#include <athanor/engine/pool.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

namespace but = boost::unit_test;

const char* usage =
    "usage: athanor-conformance [--url URL] [--plugin PATH]... [--report-json FILE]\n"
    "                           [--compile-dir DIR] [--list-flags] [--dump-compile] [-- BOOST.TEST ARGS]\n"
    "  --url URL          database under test (default sqlite://)\n"
    "  --plugin PATH      register a dialect plugin file (its .json manifest beside it) first\n"
    "  --report-json FILE write the per-test JSON report there\n"
    "  --compile-dir DIR  root holding <dialect>/*.txt expected SQL (default: $ATHANOR_CONFORMANCE_COMPILE_DIR,\n"
    "                     else the installed <prefix>/share/athanor/conformance/compile beside this program)\n"
    "  --assume FLAG      treat requirement FLAG as claimed (repeatable; probing, not certifying)\n"
    "  --list-flags       print the capability flags the plugin's manifest claims and exit\n"
    "  --dump-compile     print the compile corpus as the URL's dialect renders it and exit (to diff\n"
    "                     against compile/<dialect>/*.txt, never to fill them in)\n"
    "  --coverage         print which SQLAlchemy 2.0 suite tests have a counterpart here, per module and\n"
    "                     class, with the missing and inapplicable ones, and exit (needs no database)\n"
    "  --coverage-min PCT with --coverage: exit 1 when less than PCT% of the applicable tests are covered\n"
    "  --catalogue FILE   the SQLAlchemy suite catalogue (default: $ATHANOR_CONFORMANCE_CATALOGUE, else the\n"
    "                     installed <prefix>/share/athanor/conformance/sqlalchemy-2.0.52.txt)\n"
    "Other arguments go to Boost.Test (e.g. --run_test=select --log_level=test_suite).\n";

bool g_list_flags = false;
bool g_dump_compile = false;
bool g_coverage = false;
double g_coverage_min = 0;
std::string g_catalogue;

// Holds the engine for the run. Making it must not connect: the compile tier relies on that.
struct EngineFixture {
    void setup() {
        auto& engine = cf::engine();
        auto status = engine.pool().status();
        if (status.opened_total != 0)
            BOOST_TEST_MESSAGE("note: creating the engine opened " << status.opened_total << " connection(s)");
    }
    void teardown() { cf::engine().dispose(); }
};
BOOST_TEST_GLOBAL_FIXTURE(EngineFixture);

bool init_suite() {
    but::framework::master_test_suite().p_name.value = "athanor-conformance";
    try {
        auto& engine = cf::engine();
        std::cout << "athanor-conformance: " << engine.url().render(true) << " -> plugin " << cf::manifest().name
                  << " " << cf::manifest().version << " (" << cf::manifest().library_path.string() << "), driver "
                  << cf::driver_name() << "\n"
                  << "athanor-conformance: compile corpora " << cf::config().compile_dir << " ("
                  << cf::config().compile_dir_origin << ")\n";
        if (engine.pool().status().opened_total != 0) {
            std::cerr << "athanor-conformance: create_engine() opened a connection; it must not\n";
            return false;
        }
    } catch (const athanor::Error& e) {
        std::cerr << "athanor-conformance: cannot create an engine for " << cf::config().url << ":\n"
                  << e.what() << "\n";
        return false;
    }
    // A group whose namespace needed a trailing '_' (select_: POSIX select()) gets its name.
    auto& master = but::framework::master_test_suite();
    auto select_id = master.get("select_");
    if (select_id != but::INV_TEST_UNIT_ID) but::framework::get(select_id, but::TUT_SUITE).p_name.value = "select";
    but::framework::register_observer(cf::report_observer());
    cf::register_compile_suite();
    return true;
}

// --coverage: registers the test tree without an engine, lets Boost.Test apply the decorators
// (which record the CF_SA names) and reports; nothing runs.
bool init_tree_only() {
    auto& master = but::framework::master_test_suite();
    auto select_id = master.get("select_");
    if (select_id != but::INV_TEST_UNIT_ID) but::framework::get(select_id, but::TUT_SUITE).p_name.value = "select";
    return true;
}

int run_coverage(char* program) {
    const auto catalogue = cf::choose_catalogue(g_catalogue);
    try {
        const auto entries = cf::load_catalogue(catalogue.path);
        char* args[] = {program, nullptr};
        but::framework::init(&init_tree_only, 1, args);
        but::framework::finalize_setup_phase();
        const int status = cf::print_coverage(std::cout, entries, cf::declared_counterparts(), g_coverage_min,
                                              "conformance/catalogue/sqlalchemy-2.0.52.txt (" + catalogue.origin + ")");
        but::framework::shutdown();
        return status;
    } catch (const std::exception& e) {
        std::cerr << "athanor-conformance --coverage: " << e.what() << "\n";
        return 2;
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<char*> boost_args{argv[0]};
    bool rest_to_boost = false;
    auto value = [&](int& i, const char* opt) -> std::string {
        std::string a = argv[i];
        auto eq = a.find('=');
        if (eq != std::string::npos) return a.substr(eq + 1);
        if (i + 1 >= argc) {
            std::cerr << "athanor-conformance: " << opt << " needs a value\n" << usage;
            std::exit(2);
        }
        return argv[++i];
    };
    auto is = [](const char* arg, const char* opt) {
        auto n = std::strlen(opt);
        return std::strncmp(arg, opt, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
    };
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        if (rest_to_boost) {
            boost_args.push_back(argv[i]);
        } else if (std::strcmp(a, "--") == 0) {
            rest_to_boost = true;
        } else if (is(a, "--url")) {
            cf::config().url = value(i, "--url");
        } else if (is(a, "--plugin")) {
            cf::config().plugins.push_back(value(i, "--plugin"));
        } else if (is(a, "--report-json")) {
            cf::config().report_json = value(i, "--report-json");
        } else if (is(a, "--assume")) {
            cf::config().assume.push_back(value(i, "--assume"));
        } else if (is(a, "--compile-dir")) {
            cf::config().compile_dir = value(i, "--compile-dir");
        } else if (std::strcmp(a, "--coverage") == 0) {
            g_coverage = true;
        } else if (is(a, "--coverage-min")) {
            const auto v = value(i, "--coverage-min");
            try {
                g_coverage_min = std::stod(v);
            } catch (const std::exception&) {
                std::cerr << "athanor-conformance: --coverage-min needs a number, got '" << v << "'\n";
                return 2;
            }
        } else if (is(a, "--catalogue")) {
            g_catalogue = value(i, "--catalogue");
        } else if (std::strcmp(a, "--dump-compile") == 0) {
            g_dump_compile = true;
        } else if (std::strcmp(a, "--list-flags") == 0) {
            g_list_flags = true;
        } else if (std::strcmp(a, "--help") == 0 || std::strcmp(a, "-h") == 0) {
            std::cout << usage;
            boost_args.push_back(argv[i]);
        } else {
            boost_args.push_back(argv[i]);
        }
    }
    if (g_coverage) return run_coverage(argv[0]);
    const auto compile_dir = cf::choose_compile_dir(cf::config().compile_dir);
    cf::config().compile_dir = compile_dir.path;
    cf::config().compile_dir_origin = compile_dir.origin;
    if (g_dump_compile) {
        try {
            cf::dump_compile(std::cout);
            return 0;
        } catch (const athanor::Error& e) {
            std::cerr << e.what() << "\n";
            return 2;
        }
    }
    if (g_list_flags) {
        try {
            for (const auto& f : cf::manifest().capabilities) std::cout << f << "\n";
            return 0;
        } catch (const athanor::Error& e) {
            std::cerr << e.what() << "\n";
            return 2;
        }
    }
    boost_args.push_back(nullptr);
    return but::unit_test_main(&init_suite, static_cast<int>(boost_args.size() - 1), boost_args.data());
}
