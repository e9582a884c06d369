// The raw libpq baselines of benchmarks.md on PostgreSQL, one BenchSystem per W1 variant:
//   prepared         one PQexecPrepared per row
//   pipeline         the same prepared INSERT in libpq pipeline mode, a sync every 1000 rows
//   multivalues1000  a prepared 1000-row INSERT ... VALUES ($1, $2), ... (plus one for the rest)
//   copy             COPY customer (name, description) FROM STDIN, text format, 64 KiB chunks
// W3 (one PQexecPrepared, the whole result copied into structs) and W4 (PQexecPrepared per id,
// autocommit) are the same in every variant. Text-format results, TCP as the URL says.
#include "bench_system.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace bench {

namespace {

constexpr std::size_t batch = 1000;

class RawPostgresql final : public BenchSystem {
public:
    RawPostgresql(const std::string& conninfo, std::string variant) : variant_(std::move(variant)) {
        conn_ = PQconnectdb(conninfo.c_str());
        if (PQstatus(conn_) != CONNECTION_OK) {
            const std::string message = PQerrorMessage(conn_);
            PQfinish(conn_);
            throw std::runtime_error("raw libpq connect failed: " + message);
        }
        PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);  // DROP ... IF EXISTS notices
    }
    ~RawPostgresql() override { PQfinish(conn_); }

    std::string system() const override { return "raw"; }
    std::string variant() const override { return variant_; }

    void reset() override {
        exec("DROP TABLE IF EXISTS customer");
        exec("CREATE TABLE customer (id SERIAL PRIMARY KEY, name VARCHAR(255), description VARCHAR(255))");
        exec("CHECKPOINT");
        prepared_ = false;  // statements on a dropped table must be prepared again
        exec("DEALLOCATE ALL");
    }

    void settle() override {
        exec("VACUUM ANALYZE customer");
        exec("CHECKPOINT");
    }

    void w1_bulk_insert(std::size_t rows) override {
        prepare();
        exec("BEGIN");
        if (variant_ == "prepared") insert_prepared(rows);
        else if (variant_ == "pipeline") insert_pipeline(rows);
        else if (variant_ == "multivalues1000") insert_multivalues(rows);
        else insert_copy(rows);
        exec("COMMIT");
    }

    std::vector<Customer> w3_fetch_all() override {
        prepare();
        PGresult* r = PQexecPrepared(conn_, "w3", 0, nullptr, nullptr, nullptr, 0);
        ok(r, PGRES_TUPLES_OK, "W3");
        const int n = PQntuples(r);
        std::vector<Customer> out;
        out.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            out.push_back({std::stoll(PQgetvalue(r, i, 0)), std::string(PQgetvalue(r, i, 1), PQgetlength(r, i, 1)),
                           std::string(PQgetvalue(r, i, 2), PQgetlength(r, i, 2))});
        PQclear(r);
        return out;
    }

    std::vector<Customer> w4_point_selects(std::size_t lookups, std::size_t rows) override {
        prepare();
        std::vector<Customer> out;
        out.reserve(lookups);
        for (std::size_t k = 0; k < lookups; ++k) {
            const std::string id = std::to_string(w4_id(k, rows));
            const char* values[1] = {id.c_str()};
            PGresult* r = PQexecPrepared(conn_, "w4", 1, values, nullptr, nullptr, 0);
            ok(r, PGRES_TUPLES_OK, "W4");
            if (PQntuples(r) != 1) throw std::runtime_error("raw libpq W4: no row for id " + id);
            out.push_back({std::stoll(PQgetvalue(r, 0, 0)), std::string(PQgetvalue(r, 0, 1), PQgetlength(r, 0, 1)),
                           std::string(PQgetvalue(r, 0, 2), PQgetlength(r, 0, 2))});
            PQclear(r);
        }
        return out;
    }

private:
    /// Throws (clearing `r`) unless `r` has the expected status; the caller clears it otherwise.
    void ok(PGresult* r, ExecStatusType expected, const std::string& what) {
        if (PQresultStatus(r) != expected) {
            const std::string message = PQresultErrorMessage(r)[0] ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
            PQclear(r);
            throw std::runtime_error("raw libpq " + what + " failed: " + message);
        }
    }
    void exec(const char* sql) {
        PGresult* r = PQexec(conn_, sql);
        ok(r, PGRES_COMMAND_OK, sql);
        PQclear(r);
    }

    void prepare_one(const char* name, const std::string& sql) {
        PGresult* r = PQprepare(conn_, name, sql.c_str(), 0, nullptr);
        ok(r, PGRES_COMMAND_OK, std::string("PREPARE ") + name);
        PQclear(r);
    }
    static std::string multi_values(std::size_t n) {
        std::string sql = "INSERT INTO customer (name, description) VALUES ";
        for (std::size_t i = 0; i < n; ++i)
            sql += (i ? ", ($" : "($") + std::to_string(2 * i + 1) + ", $" + std::to_string(2 * i + 2) + ")";
        return sql;
    }
    void prepare() {
        if (prepared_) return;
        prepare_one("w1", "INSERT INTO customer (name, description) VALUES ($1, $2)");
        prepare_one("w1m", multi_values(batch));
        prepare_one("w3", "SELECT id, name, description FROM customer");
        prepare_one("w4", "SELECT id, name, description FROM customer WHERE id = $1");
        prepared_ = true;
    }

    void insert_prepared(std::size_t rows) {
        for (std::size_t i = 0; i < rows; ++i) {
            const std::string name = customer_name(i), description = customer_description(i);
            const char* values[2] = {name.c_str(), description.c_str()};
            PGresult* r = PQexecPrepared(conn_, "w1", 2, values, nullptr, nullptr, 0);
            ok(r, PGRES_COMMAND_OK, std::string("W1 prepared"));
            PQclear(r);
        }
    }

    void insert_pipeline(std::size_t rows) {
        if (!PQenterPipelineMode(conn_)) throw std::runtime_error("raw libpq: cannot enter pipeline mode");
        std::size_t pending = 0;
        auto drain = [&] {
            PQpipelineSync(conn_);
            std::size_t seen = 0;
            while (seen < pending) {
                PGresult* r = PQgetResult(conn_);
                if (r == nullptr) continue;  // end of one query's results
                ok(r, PGRES_COMMAND_OK, std::string("W1 pipeline"));
                PQclear(r);
                ++seen;
            }
            PGresult* sync = PQgetResult(conn_);
            while (sync == nullptr) sync = PQgetResult(conn_);  // the last query's terminator
            if (PQresultStatus(sync) != PGRES_PIPELINE_SYNC) throw std::runtime_error("raw libpq: pipeline out of step");
            PQclear(sync);
            pending = 0;
        };
        for (std::size_t i = 0; i < rows; ++i) {
            const std::string name = customer_name(i), description = customer_description(i);
            const char* values[2] = {name.c_str(), description.c_str()};
            if (!PQsendQueryPrepared(conn_, "w1", 2, values, nullptr, nullptr, 0))
                throw std::runtime_error(std::string("raw libpq pipeline send: ") + PQerrorMessage(conn_));
            if (++pending == batch) drain();
        }
        if (pending) drain();
        PQexitPipelineMode(conn_);
    }

    void insert_multivalues(std::size_t rows) {
        std::vector<std::string> strings(2 * batch);
        std::vector<const char*> values(2 * batch);
        for (std::size_t start = 0; start < rows; start += batch) {
            const std::size_t n = std::min(batch, rows - start);
            for (std::size_t j = 0; j < n; ++j) {
                strings[2 * j] = customer_name(start + j);
                strings[2 * j + 1] = customer_description(start + j);
                values[2 * j] = strings[2 * j].c_str();
                values[2 * j + 1] = strings[2 * j + 1].c_str();
            }
            PGresult* r = n == batch ? PQexecPrepared(conn_, "w1m", 2 * static_cast<int>(n), values.data(), nullptr, nullptr, 0)
                                     : PQexecParams(conn_, multi_values(n).c_str(), 2 * static_cast<int>(n), nullptr,
                                                    values.data(), nullptr, nullptr, 0);
            ok(r, PGRES_COMMAND_OK, std::string("W1 multivalues"));
            PQclear(r);
        }
    }

    void insert_copy(std::size_t rows) {
        PGresult* r = PQexec(conn_, "COPY customer (name, description) FROM STDIN");
        ok(r, PGRES_COPY_IN, std::string("COPY"));
        PQclear(r);
        std::string chunk;
        chunk.reserve(64 * 1024 + 256);
        // The generated names hold no tab, newline or backslash, so no escaping is needed.
        for (std::size_t i = 0; i < rows; ++i) {
            chunk += customer_name(i);
            chunk += '\t';
            chunk += customer_description(i);
            chunk += '\n';
            if (chunk.size() >= 64 * 1024) {
                if (PQputCopyData(conn_, chunk.data(), static_cast<int>(chunk.size())) != 1)
                    throw std::runtime_error(std::string("raw libpq COPY: ") + PQerrorMessage(conn_));
                chunk.clear();
            }
        }
        if (!chunk.empty() && PQputCopyData(conn_, chunk.data(), static_cast<int>(chunk.size())) != 1)
            throw std::runtime_error(std::string("raw libpq COPY: ") + PQerrorMessage(conn_));
        if (PQputCopyEnd(conn_, nullptr) != 1) throw std::runtime_error(std::string("raw libpq COPY end: ") + PQerrorMessage(conn_));
        r = PQgetResult(conn_);
        ok(r, PGRES_COMMAND_OK, std::string("COPY"));
        PQclear(r);
        while ((r = PQgetResult(conn_)) != nullptr) PQclear(r);
    }

    PGconn* conn_ = nullptr;
    std::string variant_;
    bool prepared_ = false;
};

}  // namespace

std::vector<std::string> raw_postgresql_variants() { return {"prepared", "pipeline", "multivalues1000", "copy"}; }

std::unique_ptr<BenchSystem> make_raw_postgresql(const std::string& conninfo, const std::string& variant) {
    return std::make_unique<RawPostgresql>(conninfo, variant);
}

std::string raw_postgresql_version() { return std::to_string(PQlibVersion()); }

}  // namespace bench
