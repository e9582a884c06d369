// The libpq cursor: prepare (through the connection handle's cache), execute, decode rows.
#include "pg_cursor.hpp"

#include "pg_errors.hpp"
#include "pg_pipeline.hpp"
#include "pg_handle.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/sql_scan.hpp>
#include <athanor/sdk/text_util.hpp>

#include <charconv>
#include <cstdint>

namespace athanor::postgresql {

namespace {

/// Statements worth keeping prepared: the ones that are planned and run repeatedly.
bool worth_preparing(const std::string& keyword, std::size_t param_count) {
    if (param_count > 0) return true;
    const std::string& k = keyword;
    return k == "SELECT" || k == "INSERT" || k == "UPDATE" || k == "DELETE" || k == "WITH" || k == "VALUES" ||
           k == "TABLE" || k == "MERGE";
}

/// What a statement does to the connection's prepared statements once it has run.
enum class SchemaEffect { none, ddl, transaction_end, server_dropped_statements };

SchemaEffect schema_effect(const std::string& keyword, std::string_view sql) {
    if (keyword == "CREATE" || keyword == "ALTER" || keyword == "DROP") return SchemaEffect::ddl;
    // The search_path decides which table a name means.
    if ((keyword == "SET" || keyword == "RESET") && sdk::ascii_icontains(sql, "search_path")) return SchemaEffect::ddl;
    if (keyword == "COMMIT" || keyword == "END" || keyword == "ROLLBACK" || keyword == "ABORT")
        return SchemaEffect::transaction_end;
    if ((keyword == "DISCARD" || keyword == "DEALLOCATE") && sdk::ascii_icontains(sql, "all"))
        return SchemaEffect::server_dropped_statements;
    return SchemaEffect::none;
}

/// True when the server refused to run a statement prepared earlier for a reason that
/// preparing it again against today's schema may cure: its result row type changed, its
/// fixed parameter types no longer fit (42804 datatype mismatch, 42883 no such operator),
/// a table or column it names is gone (class 42), or the statement itself is gone (26000).
bool stale_statement_error(std::string_view sqlstate, std::string_view message) {
    if (sqlstate == "0A000") return message.find("cached plan must not change result type") != std::string_view::npos;
    return sqlstate == "26000" || sqlstate.substr(0, 2) == "42";
}

bool stale_statement_error(const PGresult* result) {
    if (result == nullptr || PQresultStatus(result) != PGRES_FATAL_ERROR) return false;
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    const char* message = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    return state != nullptr && stale_statement_error(state, message != nullptr ? message : "");
}

/// Inside a transaction the refused statement aborted it, so it cannot simply run again.
[[noreturn]] void throw_stale_in_transaction(const DBAPIError& error) {
    throw_for_sqlstate(error.driver_message() +
                           "\n(the statement was prepared on this connection before the schema changed, e.g. by "
                           "DDL from another process; the connection has dropped its prepared statements, so "
                           "rolling back and running the transaction again prepares them afresh)",
                       error.sqlstate(), error.native_code());
}

[[noreturn]] void wrong_count(std::size_t expected, std::size_t given, std::string_view where_in_batch = {}) {
    throw ProgrammingError("wrong number of parameters" + std::string(where_in_batch) + ": the statement expects " +
                           std::to_string(expected) + " ($1..$" + std::to_string(expected) + "), " +
                           std::to_string(given) + " given");
}

}  // namespace

PgCursor::PgCursor(std::shared_ptr<PgHandle> handle) : handle_(std::move(handle)) {}

void PgCursor::start(std::string_view operation) {
    if (closed_) throw ProgrammingError("cannot " + std::string(operation) + " on a closed cursor; open a new one");
    results_.clear();
    result_index_ = 0;
    row_index_ = 0;
    description_.clear();
    decoders_.clear();
    rowcount_ = -1;
    handle_->require_open(operation);
}

void PgCursor::describe(const PGresult* result) {
    const int n = PQnfields(result);
    description_.reserve(static_cast<std::size_t>(n));
    decoders_.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const TypeOid type = PQftype(result, i);
        description_.push_back({PQfname(result, i), type_name_for(type)});
        decoders_.push_back(decoder_for(type));
    }
}

void PgCursor::refuse_copy(ExecStatusType status) {
    PGconn* conn = handle_->conn;
    if (status == PGRES_COPY_IN) {
        PQputCopyEnd(conn, "COPY FROM STDIN is not supported through execute()");
    } else if (status == PGRES_COPY_OUT) {
        char* buffer = nullptr;
        while (PQgetCopyData(conn, &buffer, 0) > 0) PQfreemem(buffer);
    }
    while (PGresult* rest = PQgetResult(conn)) PQclear(rest);
    throw NotSupportedError("COPY ... FROM STDIN / TO STDOUT cannot run through execute(); use COPY with a server "
                            "file, or INSERT (executemany batches rows in pipeline mode)");
}

void PgCursor::accept(ResultPtr result) {
    const ExecStatusType status = PQresultStatus(result.get());
    switch (status) {
        case PGRES_TUPLES_OK:
            describe(result.get());
            results_.push_back(std::move(result));
            [[fallthrough]];
        case PGRES_COMMAND_OK: {
            const PGresult* r = results_.empty() ? result.get() : results_.back().get();
            const std::string_view tuples = PQcmdTuples(const_cast<PGresult*>(r));
            if (!tuples.empty()) std::from_chars(tuples.data(), tuples.data() + tuples.size(), rowcount_);
            return;
        }
        case PGRES_EMPTY_QUERY:
            return;
        case PGRES_COPY_IN:
        case PGRES_COPY_OUT:
            refuse_copy(status);
        default:
            throw_result_error(handle_->conn, result.get(), handle_->where);
    }
}

void PgCursor::after_success(const std::string& keyword, std::string_view sql) {
    switch (schema_effect(keyword, sql)) {
        case SchemaEffect::ddl:
            handle_->ddl_ran(PQtransactionStatus(handle_->conn) != PQTRANS_IDLE);
            break;
        case SchemaEffect::transaction_end:
            handle_->transaction_ended();
            break;
        case SchemaEffect::server_dropped_statements:
            handle_->statements_dropped_by_server();
            break;
        case SchemaEffect::none:
            break;
    }
}

void PgCursor::execute(std::string_view sql, std::span<const Value> params) {
    start("execute");
    for (std::size_t i = 0; i < params.size(); ++i) check_sendable(params[i], i + 1);
    PGconn* conn = handle_->conn;
    const std::string keyword = sdk::leading_keyword(sql);
    if (!worth_preparing(keyword, params.size())) {
        sql_.assign(sql);
        ResultPtr result(PQexecParams(conn, sql_.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0));
        // A failed COMMIT/ROLLBACK still ends the transaction; a failed DDL changed nothing.
        if (PQresultStatus(result.get()) == PGRES_FATAL_ERROR &&
            schema_effect(keyword, sql) == SchemaEffect::transaction_end && !handle_->closed() &&
            PQtransactionStatus(conn) == PQTRANS_IDLE)
            handle_->transaction_ended();
        accept(std::move(result));
        after_success(keyword, sql);
        return;
    }
    types_.resize(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) types_[i] = declared_type(params[i]);
    // Outside a transaction block a refused statement ran in its own implicit transaction,
    // which the error rolled back, so running it once more cannot do anything twice.
    const bool own_transaction = PQtransactionStatus(conn) == PQTRANS_IDLE;
    bool reused = false;
    const PreparedStatement* statement = &handle_->prepare(sql, types_, &reused);
    if (static_cast<std::size_t>(statement->param_count) != params.size()) wrong_count(statement->param_count, params.size());
    buffer_.encode(params);
    const auto run = [&] {
        return ResultPtr(PQexecPrepared(conn, statement->name.c_str(), buffer_.count(), buffer_.values(),
                                        buffer_.lengths(), buffer_.formats(), 0));
    };
    ResultPtr result = run();
    if (reused && stale_statement_error(result.get())) {
        handle_->schema_changed();  // every statement prepared before is suspect, here and elsewhere
        if (!own_transaction) {
            try {
                throw_result_error(conn, result.get(), handle_->where);
            } catch (const DBAPIError& e) {
                throw_stale_in_transaction(e);
            }
        }
        statement = &handle_->prepare(sql, types_);
        if (static_cast<std::size_t>(statement->param_count) != params.size())
            wrong_count(statement->param_count, params.size());
        result = run();
    }
    accept(std::move(result));
    if (!keyword.empty() && keyword != "SELECT") after_success(keyword, sql);
}

void PgCursor::executemany(std::string_view sql, sdk::ParameterRows param_sets) {
    start("execute");
    if (param_sets.empty()) {
        rowcount_ = 0;
        return;
    }
    // Check everything before the first set is sent, so a bad value cannot leave half a batch.
    const std::size_t width = param_sets.front().size();
    types_.assign(width, 0);
    // One prepared statement serves every set, so each parameter gets one declared type:
    // that of its non-NULL values when they agree; unknown (inferred, as for text) when they
    // do not (an integer here, a double there); bytea as soon as one is Bytes (binary format).
    std::vector<std::uint8_t> seen(width, 0);
    for (std::size_t s = 0; s < param_sets.size(); ++s) {
        const sdk::ParameterRow set = param_sets[s];
        if (set.size() != width)
            throw ProgrammingError("executemany: parameter set " + std::to_string(s + 1) + " has " +
                                   std::to_string(set.size()) + " values but the first has " + std::to_string(width) +
                                   "; every set must bind the same parameters");
        for (std::size_t i = 0; i < width; ++i) {
            check_sendable(set[i], i + 1);
            if (set[i].is_null() || types_[i] == oid::bytea) continue;
            const TypeOid type = declared_type(set[i]);
            if (type == oid::bytea || !seen[i]) types_[i] = type;
            else if (type != types_[i]) types_[i] = oid::unknown;
            seen[i] = 1;
        }
    }
    // As in execute(): a batch that fits one sync runs in one implicit transaction outside a
    // transaction block, so a stale statement refused there left nothing behind.
    const bool own_transaction =
        PQtransactionStatus(handle_->conn) == PQTRANS_IDLE && param_sets.size() <= pipeline_sync_every;
    bool reused = false;
    const PreparedStatement* statement = &handle_->prepare(sql, types_, &reused);
    if (static_cast<std::size_t>(statement->param_count) != width) wrong_count(statement->param_count, width);
    PipelineOutcome outcome;
    try {
        outcome = run_pipeline(handle_->conn, statement->name, param_sets, handle_->where, pipeline_sync_every);
    } catch (const DatabaseError& e) {
        if (!reused || handle_->closed() || !stale_statement_error(e.sqlstate(), e.driver_message())) throw;
        handle_->schema_changed();
        if (!own_transaction) throw_stale_in_transaction(e);
        statement = &handle_->prepare(sql, types_);
        if (static_cast<std::size_t>(statement->param_count) != width) wrong_count(statement->param_count, width);
        outcome = run_pipeline(handle_->conn, statement->name, param_sets, handle_->where, pipeline_sync_every);
    }
    rowcount_ = outcome.rowcount;
    if (!outcome.row_results.empty()) describe(outcome.row_results.front().get());
    results_ = std::move(outcome.row_results);
}

bool PgCursor::fetch(std::vector<Value>& row) {
    while (result_index_ < results_.size()) {
        const PGresult* res = results_[result_index_].get();
        if (row_index_ < PQntuples(res)) {
            const int columns = static_cast<int>(decoders_.size());
            row.resize(decoders_.size());
            for (int c = 0; c < columns; ++c) {
                auto& cell = row[static_cast<std::size_t>(c)];
                if (PQgetisnull(res, row_index_, c))
                    cell = Value();
                else
                    cell = decoders_[static_cast<std::size_t>(c)](PQgetvalue(res, row_index_, c),
                                                                  PQgetlength(res, row_index_, c));
            }
            ++row_index_;
            return true;
        }
        results_[result_index_].reset();  // release rows already read
        ++result_index_;
        row_index_ = 0;
    }
    return false;
}

void PgCursor::close() {
    results_.clear();
    result_index_ = 0;
    row_index_ = 0;
    closed_ = true;
}

}  // namespace athanor::postgresql
