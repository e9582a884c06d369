// Pipeline-mode batch execution: send, sync, read results in order.
#include "pg_pipeline.hpp"

#include "pg_errors.hpp"
#include "pg_types.hpp"

#include <athanor/errors.hpp>

#include <charconv>

namespace athanor::postgresql {

namespace {

std::int64_t command_count(const PGresult* res) {
    const std::string_view tuples = PQcmdTuples(const_cast<PGresult*>(res));
    std::int64_t n = 0;
    std::from_chars(tuples.data(), tuples.data() + tuples.size(), n);
    return n;
}

class PipelineRun {
public:
    PipelineRun(PGconn* conn, std::string_view where) : conn_(conn), where_(where) {}

    PipelineOutcome run(const std::string& name, sdk::ParameterRows sets, std::size_t sync_every) {
        if (PQpipelineStatus(conn_) != PQ_PIPELINE_OFF || PQisBusy(conn_))
            throw InterfaceError("executemany: the PostgreSQL connection to " + std::string(where_) +
                                 " is busy with another command");
        if (PQenterPipelineMode(conn_) != 1) throw_connection_error(conn_, where_, "entering pipeline mode");
        ParameterBuffer buffer;
        std::size_t since_sync = 0;
        for (std::size_t i = 0; i < sets.size() && !error_; ++i) {
            buffer.encode(sets[i]);
            if (PQsendQueryPrepared(conn_, name.c_str(), buffer.count(), buffer.values(), buffer.lengths(),
                                    buffer.formats(), 0) != 1)
                throw_connection_error(conn_, where_, "sending parameter set " + std::to_string(i + 1));
            if (++since_sync == sync_every) {
                sync();
                since_sync = 0;
                read_available();  // keeps memory flat and notices an error early
            }
        }
        if (since_sync > 0) sync();
        read_until_synced();
        if (PQexitPipelineMode(conn_) != 1) throw_connection_error(conn_, where_, "leaving pipeline mode");
        if (error_) throw_result_error(conn_, error_.get(), where_);
        return std::move(out_);
    }

private:
    void sync() {
        if (PQpipelineSync(conn_) != 1) throw_connection_error(conn_, where_, "sending a pipeline sync");
        ++syncs_sent_;
    }

    /// Consumes one PQgetResult(); false when it returned nothing to account for.
    bool take(PGresult* raw) {
        if (raw == nullptr) {
            if (!expect_end_) return false;
            expect_end_ = false;  // the NULL that ends one statement's results
            return true;
        }
        ResultPtr res(raw);
        switch (PQresultStatus(raw)) {
            case PGRES_PIPELINE_SYNC:
                ++syncs_seen_;
                return true;
            case PGRES_TUPLES_OK:
                out_.rowcount += command_count(raw);
                if (PQnfields(raw) > 0) out_.row_results.push_back(std::move(res));
                break;
            case PGRES_COMMAND_OK:
                out_.rowcount += command_count(raw);
                break;
            case PGRES_PIPELINE_ABORTED:  // skipped because an earlier statement failed
                break;
            default:
                if (!error_) error_ = std::move(res);
                break;
        }
        expect_end_ = true;
        return true;
    }

    void read_available() {
        if (PQconsumeInput(conn_) != 1) throw_connection_error(conn_, where_, "reading batch results");
        while (PQisBusy(conn_) == 0)
            if (!take(PQgetResult(conn_))) break;
    }

    void read_until_synced() {
        int idle = 0;
        while (syncs_seen_ < syncs_sent_) {
            // PQgetResult flushes what is left to send and waits for the next result.
            if (take(PQgetResult(conn_))) {
                idle = 0;
            } else if (PQstatus(conn_) == CONNECTION_BAD || ++idle > 2) {
                if (error_) throw_result_error(conn_, error_.get(), where_);
                throw_connection_error(conn_, where_, "reading batch results");
            }
            if (error_ && PQstatus(conn_) == CONNECTION_BAD) throw_result_error(conn_, error_.get(), where_);
        }
    }

    PGconn* conn_;
    std::string_view where_;
    std::size_t syncs_sent_ = 0;
    std::size_t syncs_seen_ = 0;
    bool expect_end_ = false;
    ResultPtr error_;
    PipelineOutcome out_;
};

}  // namespace

PipelineOutcome run_pipeline(PGconn* conn, const std::string& name, sdk::ParameterRows sets,
                             std::string_view where, std::size_t sync_every) {
    PipelineRun run(conn, where);
    return run.run(name, sets, sync_every == 0 ? pipeline_sync_every : sync_every);
}

}  // namespace athanor::postgresql
