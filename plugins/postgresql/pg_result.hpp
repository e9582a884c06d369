// pg_result.hpp — owning handle for a libpq PGresult.
//
// Example:
//   ResultPtr res(PQexec(conn, "SELECT 1"));   // PQclear runs when res goes
#pragma once

#include <libpq-fe.h>

#include <memory>

namespace athanor::postgresql {

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

}  // namespace athanor::postgresql
