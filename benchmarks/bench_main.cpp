// athanor-bench: runs W1 (bulk insert), W3 (fetch all rows) and W4 (point selects built each
// time) from shared/reference/benchmarks.md on Athanor and on the raw C baseline of the same
// database, interleaved round by round, and prints the median of each with its ratio.
//
//   athanor-bench [--url sqlite:///path|postgresql://...] [--rows N] [--lookups K] [--rounds R] [--system both|raw|athanor]
//
// Without --url a SQLite file in a fresh temp folder is used (and removed afterwards). With a
// postgresql:// (or postgresql+odbc://) URL the raw side is libpq in four W1 variants
// (prepared, pipeline, multivalues1000, copy; raw_postgresql.cpp), each compared with Athanor.
// Besides the table, one line per workload and raw variant for scripts:
//   RESULT W1 sqlite raw=prepared athanor_ms=... raw_ms=... ratio=...
#include "bench_system.hpp"

#include <athanor/url.hpp>
#include <athanor/errors.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace bench {

std::string raw_sqlite_version();
std::string raw_postgresql_version();
std::vector<std::string> raw_postgresql_variants();
std::unique_ptr<BenchSystem> make_raw_postgresql(const std::string& conninfo, const std::string& variant);

namespace {

struct Options {
    std::string url;
    std::size_t rows = 100000;
    std::size_t lookups = 5000;
    std::size_t rounds = 5;
    std::string only_system = "both";
};

struct Goal {
    const char* workload;
    const char* what;
    double ratio;
};
constexpr Goal goals[] = {
    {"W1", "bulk insert, N rows, 1 tx", 1.15},
    {"W1e", "W1, Params built in place", 1.15},
    {"W3", "select all N rows", 1.30},
    {"W4", "point selects by id", 1.50},
};

[[noreturn]] void usage(const std::string& problem) {
    std::cerr << "athanor-bench: " << problem << "\n"
              << "usage: athanor-bench [--url sqlite:///path] [--rows N] [--lookups K] [--rounds R]"
                 " [--system both|raw|athanor]\n";
    std::exit(2);
}

std::size_t positive(const std::string& flag, const std::string& text) {
    try {
        std::size_t used = 0;
        const long long v = std::stoll(text, &used);
        if (used == text.size() && v > 0) return static_cast<std::size_t>(v);
    } catch (const std::exception&) {
    }
    usage(flag + " needs a positive integer, got '" + text + "'");
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--help" || flag == "-h") usage("help");
        if (i + 1 >= argc) usage(flag + " needs a value");
        const std::string value = argv[++i];
        if (flag == "--url") o.url = value;
        else if (flag == "--rows") o.rows = positive(flag, value);
        else if (flag == "--lookups") o.lookups = positive(flag, value);
        else if (flag == "--rounds") o.rounds = positive(flag, value);
        else if (flag == "--system") o.only_system = value;
        else usage("unknown option " + flag);
    }
    if (o.only_system != "both" && o.only_system != "raw" && o.only_system != "athanor")
        usage("--system must be both, raw or athanor, got '" + o.only_system + "'");
    if (o.lookups > o.rows) usage("--lookups must not exceed --rows (the ids must exist and be distinct)");
    return o;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

template <class F>
double time_ms(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void check(bool ok, const std::string& system, const std::string& what) {
    if (!ok) throw std::runtime_error(system + " returned wrong data in " + what);
}

/// One program run of benchmarks.md §4 step 1 (reset, W1, settle, W3, W4), preceded by the W1e
/// variant on its own reset table. Records ms per workload.
void run_once(BenchSystem& s, const Options& o, std::map<std::string, std::vector<double>>& times) {
    const std::string who = s.system();
    s.reset();
    times["W1e"].push_back(time_ms([&] { s.w1_bulk_insert_emplaced(o.rows); }));
    s.reset();
    times["W1"].push_back(time_ms([&] { s.w1_bulk_insert(o.rows); }));
    s.settle();
    std::vector<Customer> all;
    times["W3"].push_back(time_ms([&] { all = s.w3_fetch_all(); }));
    check(all.size() == o.rows, who, "W3 (row count)");
    for (std::size_t i = 0; i < all.size(); i += all.size() / 7 + 1)
        check(all[i].name == customer_name(static_cast<std::size_t>(all[i].id - 1)) &&
                  all[i].description == customer_description(static_cast<std::size_t>(all[i].id - 1)),
              who, "W3 (values)");
    all = {};
    std::vector<Customer> found;
    times["W4"].push_back(time_ms([&] { found = s.w4_point_selects(o.lookups, o.rows); }));
    check(found.size() == o.lookups, who, "W4 (row count)");
    for (std::size_t k = 0; k < found.size(); ++k)
        check(found[k].id == w4_id(k, o.rows) &&
                  found[k].name == customer_name(static_cast<std::size_t>(found[k].id - 1)),
              who, "W4 (values)");
}

std::string fmt(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

}  // namespace

int run(int argc, char** argv) {
    Options o = parse(argc, argv);
    std::optional<fs::path> temp_dir;
    if (o.url.empty()) {
        std::string pattern = (fs::temp_directory_path() / "athanor-bench-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temp folder under " + pattern);
        temp_dir = fs::path(pattern);
        o.url = "sqlite:///" + (*temp_dir / "bench.db").string();
    }
    const athanor::Url url = athanor::Url::parse(o.url);
    const std::string scheme = url.backend_name();

    std::vector<std::unique_ptr<BenchSystem>> raws;
    std::string raw_info;
    if (scheme == "sqlite") {
        const std::string path = url.database().value_or("");
        if (path.empty() || path == ":memory:")
            usage("the benchmark needs a SQLite file database (sqlite:///path/bench.db), not memory");
        if (o.only_system != "athanor") raws.push_back(make_raw_sqlite(path));
        raw_info = "SQLite " + raw_sqlite_version() + ", WAL, synchronous=FULL, file " + path;
    } else if (scheme == "postgresql") {
        // libpq reads the same URL once the +driver suffix is gone.
        const std::string conninfo = "postgresql" + o.url.substr(o.url.find("://"));
        if (o.only_system != "athanor")
            for (const auto& variant : raw_postgresql_variants()) raws.push_back(make_raw_postgresql(conninfo, variant));
        raw_info = "PostgreSQL via libpq " + raw_postgresql_version() + " at " + url.render();
    } else {
        usage("no raw baseline for '" + scheme + "' yet (supported: sqlite, postgresql)");
    }
    std::unique_ptr<BenchSystem> athanor;
    if (o.only_system != "raw") athanor = make_athanor(o.url);

    std::cout << "athanor-bench: " << raw_info << "\nN=" << o.rows << " rows, " << o.lookups << " lookups, "
              << o.rounds << " rounds (median), raw and athanor interleaved\n";

    std::vector<std::map<std::string, std::vector<double>>> raw_times(raws.size());
    std::map<std::string, std::vector<double>> athanor_times;
    for (std::size_t r = 0; r < o.rounds; ++r) {
        // Rotate who goes first so no system always runs on a warmer cache.
        std::vector<std::pair<BenchSystem*, std::map<std::string, std::vector<double>>*>> order;
        for (std::size_t i = 0; i < raws.size(); ++i) order.emplace_back(raws[i].get(), &raw_times[i]);
        if (athanor) order.emplace_back(athanor.get(), &athanor_times);
        if (!order.empty()) std::rotate(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(r % order.size()), order.end());
        for (auto& [system, times] : order) run_once(*system, o, *times);
        std::cerr << "round " << (r + 1) << "/" << o.rounds << " done\n";
    }

    std::cout << "\n| workload | what                        | raw variant     |   raw ms | athanor ms | ratio  | goal   |\n"
              << "|----------|-----------------------------|-----------------|---------:|-----------:|-------:|-------:|\n";
    std::string results;
    const std::size_t raw_count = std::max<std::size_t>(raws.size(), 1);
    for (const auto& g : goals)
    for (std::size_t v = 0; v < raw_count; ++v) {
        BenchSystem* raw = v < raws.size() ? raws[v].get() : nullptr;
        const double r_ms = raw ? median(raw_times[v][g.workload]) : 0;
        const double a_ms = median(athanor_times[g.workload]);
        const bool both = raw && athanor;
        std::string variant = raw ? raw->variant() : "-";
        variant.resize(15, ' ');
        const double ratio = both && r_ms > 0 ? a_ms / r_ms : 0;
        std::string what = g.what;
        what.resize(27, ' ');
        std::cout << "| " << g.workload << "       | " << what << " | " << variant << " | " << (raw ? fmt(r_ms, 1) : "-") << " | "
                  << (athanor ? fmt(a_ms, 1) : "-") << " | " << (both ? fmt(ratio, 2) + "x" : "-") << " | <= "
                  << fmt(g.ratio, 2) << "x" << (both ? (ratio <= g.ratio ? "  met" : "  MISSED") : "") << " |\n";
        if (both)
            results += std::string("RESULT ") + g.workload + " " + scheme + " raw=" + raw->variant() +
                       " athanor_ms=" + fmt(a_ms, 2) + " raw_ms=" + fmt(r_ms, 2) + " ratio=" + fmt(ratio, 3) + "\n";
    }
    std::cout << '\n' << results;

    raws.clear();
    athanor.reset();
    if (temp_dir) fs::remove_all(*temp_dir);
    return 0;
}

}  // namespace bench

int main(int argc, char** argv) {
    try {
        return bench::run(argc, argv);
    } catch (const athanor::Error& e) {
        std::cerr << "athanor-bench: " << e.what() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "athanor-bench: " << e.what() << '\n';
    }
    return 1;
}
