// athanor/sdk/isolation_level.hpp — checking an isolation level name against a dialect's list.
//
// Every Dialect::set_isolation_level() (the default one and each plugin's) and the engine's
// EngineOptions check start here, so the same name is accepted, and the same mistake
// reported, everywhere: the level is compared without regard to ASCII case against
// dialect.isolation_levels(), and the canonical upper-case spelling comes back. Anything else
// is an ArgumentError that names the level, the dialect and every level it accepts:
//   Invalid isolation level 'FOO BAR' for dialect sqlite+sqlite3; valid levels are: AUTOCOMMIT, ...
//
// Example (a plugin's override):
//   void MyDialect::set_isolation_level(athanor::sdk::DriverConnection& c, std::string_view level) {
//       const std::string wanted = athanor::sdk::check_isolation_level(*this, level);
//       c.set_autocommit(wanted == "AUTOCOMMIT");
//       if (wanted == "AUTOCOMMIT") return;
//       ... set `wanted` on the connection ...
//   }
#pragma once

#include <athanor/export.hpp>

#include <string>
#include <string_view>

namespace athanor::sdk {

class Dialect;

/// `level` in upper case when `dialect` accepts it; otherwise throws ArgumentError (see above).
ATHANOR_API std::string check_isolation_level(const Dialect& dialect, std::string_view level);

}  // namespace athanor::sdk
