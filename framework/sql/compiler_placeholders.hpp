// compiler_placeholders.hpp (private) — how the SQL compiler's files agree on placeholders
// before the final bind order is known: the markers left in the rendered text and the bind
// names a named paramstyle shows.
#pragma once

#include <string>

namespace athanor::sql {

// Marks a positional placeholder until the final bind order is known (CTE bodies are
// rendered separately and placed first).
inline constexpr char positional_marker = '\x01';
inline constexpr char expanding_marker = '\x02';  // an expanding bind, rendered by expand()
// Around `x IN (<expanding bind>)`: expand() turns them into parentheses when the list is
// empty, so the dialect's empty-set expression (`NULL) AND (1 != 1`) keeps its meaning inside
// AND/OR/NOT, as a literal empty list's does; they vanish otherwise.
inline constexpr char group_open_marker = '\x03';
inline constexpr char group_close_marker = '\x04';

/// Bind names as they may appear after ':' — letters, digits and '_'; anything else hex-escaped.
std::string safe_bind_name(const std::string& key);

}  // namespace athanor::sql
