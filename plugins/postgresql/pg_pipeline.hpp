// pg_pipeline.hpp — runs one prepared statement for many parameter sets in libpq pipeline
// mode, so a batch costs a round trip per `sync_every` sets instead of one per set.
//
// Every set is sent with PQsendQueryPrepared; a PQpipelineSync follows every `sync_every`
// sets and the last one, and the results are read in order as they arrive (libpq reads
// while it waits to write, so a large batch cannot deadlock). Results with columns
// (RETURNING) are kept in parameter order. After the first error nothing more is sent; the
// pipeline is drained and left, and the error is thrown. Inside a transaction the error
// aborts it, so nothing of the batch is written once the caller rolls back; in autocommit
// mode each sync segment commits on its own, as separate statements would.
//
// Example (inside the plugin):
//   PipelineOutcome out = run_pipeline(conn, "athanor_s3", sets, "127.0.0.1:5432, database 'app'");
//   std::int64_t written = out.rowcount;
#pragma once

#include "pg_result.hpp"

#include <athanor/sdk/parameter_rows.hpp>
#include <athanor/value.hpp>

#include <libpq-fe.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace athanor::postgresql {

/// Sets sent between two syncs by default: one implicit transaction outside a BEGIN.
inline constexpr std::size_t pipeline_sync_every = 1000;

struct PipelineOutcome {
    std::vector<ResultPtr> row_results;  // results that have columns, in parameter order
    std::int64_t rowcount = 0;           // sum of the command tags' counts
};

/// Runs the prepared statement `name` once per set (values already checked sendable and
/// counted). Throws the first error (mapped by SQLSTATE) after leaving pipeline mode.
PipelineOutcome run_pipeline(PGconn* conn, const std::string& name, sdk::ParameterRows sets,
                             std::string_view where, std::size_t sync_every = pipeline_sync_every);

}  // namespace athanor::postgresql
