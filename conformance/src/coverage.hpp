// conformance/src/coverage.hpp — how much of SQLAlchemy's suite the conformance cases cover,
// computed from what each case declares with CF_SA (sa_tests.hpp) against the catalogue.
//
// The catalogue (conformance/catalogue/sqlalchemy-2.0.52.txt, written from SQLAlchemy's source
// by conformance/tools/sa_suite_catalogue.py) lists every method of the suite, each applicable
// unless marked `!n/a REASON`; `!gap REASON` marks an applicable method with no counterpart
// yet and says why. `athanor-conformance --coverage` prints, per module and class, how many
// methods have a counterpart, which are not applicable and which are missing, with reasons.
// It is an error (exit status 1) for a case to name a method the catalogue does not list, to
// name one marked !n/a, or for a method marked !gap to have a counterpart.
//
// Usage:
//   athanor-conformance --coverage                 # Markdown table on stdout
//   athanor-conformance --coverage --coverage-min 95 --catalogue my-copy.txt
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace cf {

struct CatalogueEntry {
    std::string name;  // module::Class::method
    std::string module, cls, method;
    enum class Verdict { applicable, not_applicable, gap } verdict = Verdict::applicable;
    std::string reason;
};

/// Reads a catalogue file; throws std::runtime_error naming the file and line when a line is
/// not `module::Class::method` with an optional `  !n/a REASON` / `  !gap REASON`.
std::vector<CatalogueEntry> load_catalogue(const std::string& path);

/// Prints the coverage report for `counterparts` (SQLAlchemy name -> the conformance units
/// that declare it). Returns 0, or 1 when the declarations are inconsistent with the
/// catalogue or coverage of the applicable methods is below `min_percent`.
int print_coverage(std::ostream& out, const std::vector<CatalogueEntry>& catalogue,
                   const std::map<std::string, std::vector<std::string>>& counterparts, double min_percent,
                   const std::string& catalogue_origin);

/// SQLAlchemy name -> paths (group/Class/test) of the units of the registered test tree that
/// declare it. Call once Boost.Test has applied the decorators.
std::map<std::string, std::vector<std::string>> declared_counterparts();

}  // namespace cf
