// sqlite_limits.hpp — limits of SQLite that both transports (sqlite://, sqlite+odbc://) declare.
#pragma once

#include <cstddef>

namespace athanor::sqlite {

/// SQLITE_MAX_VARIABLE_NUMBER's default since SQLite 3.32 (999 before): the most `?` one
/// statement may bind, which the engine's insertmanyvalues pages keep to.
inline constexpr std::size_t max_bind_params = 32766;

}  // namespace athanor::sqlite
