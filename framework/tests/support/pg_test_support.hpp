// pg_test_support.hpp — what the PostgreSQL plugin's test programs (framework/tests/test_pg_*.cpp)
// share: engines made through the build tree's registry, the test server's URL with extra libpq
// keywords, table names private to this process (parallel runs on the one shared server do not
// collide), one-value queries, and tables dropped when a test ends, pass or fail.
#pragma once

#include "test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/sql/text.hpp>
#include <athanor/url.hpp>

#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

namespace athanor::test {

/// The test server's URL, parsed (host and port kept when other parts are replaced).
inline Url test_url() { return Url::parse(pg_url()); }

/// The test server's URL with `query` (libpq keywords, "key=value&...") added.
inline std::string with_query(const std::string& query) {
    const std::string url = pg_url();
    return url + (url.find('?') == std::string::npos ? "?" : "&") + query;
}

/// create_engine() through registry(); named apart from engine() so that a test can call its
/// engine `engine`.
inline Engine make_engine(const std::string& url, EngineOptions options = {}) {
    return engine(url, std::move(options));
}

/// A table name private to this process, so parallel test runs do not collide.
inline std::string private_name(const std::string& base) { return base + "_" + std::to_string(::getpid()); }

/// The single value `sql` returns.
inline Value scalar(Connection& conn, const std::string& sql, const Params& params = {}) {
    return conn.execute(text(sql), params).scalar_one();
}

/// Drops the named tables (process-private names) when the test ends, pass or fail.
struct DropTables {
    Engine engine;
    std::vector<std::string> names;
    ~DropTables() {
        try {
            auto conn = engine.connect();
            for (const auto& n : names) conn.execute(text("DROP TABLE IF EXISTS " + n + " CASCADE"));
            conn.commit();
        } catch (...) {
        }
    }
};

}  // namespace athanor::test
