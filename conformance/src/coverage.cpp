// Coverage of SQLAlchemy's suite: the catalogue file, the declared counterparts, the report.
#include "coverage.hpp"

#include "sa_tests.hpp"

#include <boost/test/framework.hpp>

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace cf {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::string unit_path(boost::unit_test::test_unit_id id) {
    namespace but = boost::unit_test;
    std::string path;
    for (auto u = id; u != but::framework::master_test_suite().p_id;) {
        const auto& tu = but::framework::get(u, but::TUT_ANY);
        path = tu.p_name.get() + (path.empty() ? "" : "/" + path);
        u = tu.p_parent_id;
    }
    return path;
}

std::string percent(std::size_t part, std::size_t whole) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", whole ? 100.0 * double(part) / double(whole) : 100.0);
    return buf;
}

}  // namespace

std::vector<CatalogueEntry> load_catalogue(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the SQLAlchemy suite catalogue '" + path + "'");
    std::vector<CatalogueEntry> out;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        const auto text = trim(line);
        if (text.empty() || text[0] == '#') continue;
        CatalogueEntry e;
        auto name = text;
        if (auto bang = text.find("  !"); bang != std::string::npos) {
            name = trim(text.substr(0, bang));
            const auto verdict = text.substr(bang + 3);
            const auto space = verdict.find(' ');
            const auto word = verdict.substr(0, space);
            e.reason = space == std::string::npos ? "" : trim(verdict.substr(space + 1));
            if (word == "n/a") {
                e.verdict = CatalogueEntry::Verdict::not_applicable;
            } else if (word == "gap") {
                e.verdict = CatalogueEntry::Verdict::gap;
            } else {
                throw std::runtime_error(path + ":" + std::to_string(n) + ": unknown verdict '!" + word +
                                         "' (expected !n/a or !gap)");
            }
            if (e.reason.empty())
                throw std::runtime_error(path + ":" + std::to_string(n) + ": the verdict '!" + word + "' needs a reason");
        }
        const auto a = name.find("::");
        const auto b = a == std::string::npos ? a : name.find("::", a + 2);
        if (b == std::string::npos || name.find(' ') != std::string::npos)
            throw std::runtime_error(path + ":" + std::to_string(n) + ": expected module::Class::method, got '" + text + "'");
        e.name = name;
        e.module = name.substr(0, a);
        e.cls = name.substr(a + 2, b - a - 2);
        e.method = name.substr(b + 2);
        out.push_back(std::move(e));
    }
    return out;
}

std::map<std::string, std::vector<std::string>> declared_counterparts() {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& [id, names] : declared_sa_tests())
        for (const auto& n : names) out[n].push_back(unit_path(id));
    return out;
}

int print_coverage(std::ostream& out, const std::vector<CatalogueEntry>& catalogue,
                   const std::map<std::string, std::vector<std::string>>& counterparts, double min_percent,
                   const std::string& catalogue_origin) {
    using V = CatalogueEntry::Verdict;
    std::vector<std::string> errors;
    std::map<std::string, const CatalogueEntry*> by_name;
    for (const auto& e : catalogue) by_name[e.name] = &e;
    for (const auto& [name, units] : counterparts) {
        auto it = by_name.find(name);
        if (it == by_name.end()) {
            errors.push_back(units.front() + " names '" + name + "', which the catalogue does not list");
        } else if (it->second->verdict == V::not_applicable) {
            errors.push_back(units.front() + " names '" + name + "', which the catalogue marks not applicable");
        } else if (it->second->verdict == V::gap) {
            errors.push_back(units.front() + " covers '" + name + "': remove its !gap verdict from the catalogue");
        }
    }

    struct Row {
        std::string module, cls;
        std::size_t methods = 0, covered = 0, not_applicable = 0, missing = 0;
    };
    std::vector<Row> rows;
    std::size_t total = 0, applicable = 0, covered = 0;
    std::vector<const CatalogueEntry*> missing, inapplicable;
    for (const auto& e : catalogue) {
        if (rows.empty() || rows.back().module != e.module || rows.back().cls != e.cls) rows.push_back({e.module, e.cls});
        auto& r = rows.back();
        ++r.methods;
        ++total;
        if (e.verdict == V::not_applicable) {
            ++r.not_applicable;
            inapplicable.push_back(&e);
            continue;
        }
        ++applicable;
        if (counterparts.count(e.name) && e.verdict == V::applicable) {
            ++r.covered;
            ++covered;
        } else {
            ++r.missing;
            missing.push_back(&e);
        }
    }

    out << "## Coverage of SQLAlchemy 2.0.52's dialect suite\n\n"
        << "SQLAlchemy's lib/sqlalchemy/testing/suite at rel_2_0_52 has " << total << " test methods, " << applicable << " applicable to Athanor ("
        << inapplicable.size() << " not applicable); " << covered << " have a counterpart in athanor-conformance ("
        << percent(covered, applicable) << " of the applicable), " << missing.size() << " are missing.\n\n"
        << "| module | class | methods | counterpart | not applicable | missing |\n|---|---|---:|---:|---:|---:|\n";
    for (const auto& r : rows)
        out << "| " << r.module << " | " << r.cls << " | " << r.methods << " | " << r.covered << " | " << r.not_applicable
            << " | " << r.missing << " |\n";
    out << "\n### Missing\n\n";
    if (missing.empty()) out << "None.\n";
    for (const auto* e : missing)
        out << "- `" << e->name << "`" << (e->reason.empty() ? " — no counterpart" : " — " + e->reason) << "\n";
    out << "\n### Not applicable\n\n";
    if (inapplicable.empty()) out << "None.\n";
    for (const auto* e : inapplicable) out << "- `" << e->name << "` — " << e->reason << "\n";

    std::fprintf(stderr, "athanor-conformance --coverage: catalogue %s\n", catalogue_origin.c_str());
    int status = 0;
    for (const auto& err : errors) {
        std::fprintf(stderr, "athanor-conformance --coverage: %s\n", err.c_str());
        status = 1;
    }
    const double pct = applicable ? 100.0 * double(covered) / double(applicable) : 100.0;
    if (pct + 1e-9 < min_percent) {
        std::fprintf(stderr, "athanor-conformance --coverage: %.1f%% of the applicable methods have a counterpart, below --coverage-min %.1f\n",
                     pct, min_percent);
        status = 1;
    }
    return status;
}

}  // namespace cf
