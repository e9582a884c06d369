// odbc_test_support.hpp — what the ODBC transport's test programs (test_odbc_sqlite.cpp,
// test_odbc_postgresql.cpp) share: engines through the build tree's registry, temporary SQLite
// files, the test server's psqlODBC target, table names private to this process, the
// one-statement-per-execute check both transports must pass, and a TCP listener that never
// answers (for connect timeouts).
#pragma once

#include "test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/errors.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/text.hpp>
#include <athanor/sql/types.hpp>

#include <algorithm>
#include <atomic>
#include <cfloat>
#include <cmath>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <limits>
#include <optional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace odbc_test {

namespace sa = athanor;
namespace fs = std::filesystem;
using sa::text;

inline constexpr const char* psqlodbc_driver = "/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so";

using athanor::test::registry;

inline sa::Engine make_engine(const std::string& url, sa::EngineOptions options = {}) {
    options.registry = &registry();
    return sa::create_engine(url, std::move(options));
}

inline std::string percent_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

/// A fresh database file path (optionally with awkward characters), removed at the end.
struct TempDb {
    fs::path path;
    explicit TempDb(const std::string& stem = "db") {
        static std::atomic<int> counter{0};
        path = fs::temp_directory_path() /
               ("athanor_test_odbc_" + stem + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".db");
        cleanup();
    }
    ~TempDb() { cleanup(); }
    void cleanup() const {
        std::error_code ec;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path.string() + suffix, ec);
    }
    std::string url(const std::string& query = "") const {
        return "sqlite+odbc:///" + percent_encode(path.string()).replace(0, 3, "/") + (query.empty() ? "" : "?" + query);
    }
};

using athanor::test::expect_error;

using athanor::test::contains;

inline std::int64_t count_rows(sa::Connection& conn, const std::string& table) {
    return conn.execute(text("SELECT count(*) FROM " + table)).scalar_one().get<std::int64_t>();
}

inline std::string long_text(std::size_t bytes) {
    const std::string unit = "Grüße, 東京 🚀 ";
    std::string out;
    while (out.size() < bytes) out += unit;
    return out;
}

inline sa::Bytes long_blob(std::size_t n) {
    sa::Bytes b(n);
    for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>((i * 31 + 7) % 256);
    return b;
}

/// The PostgreSQL server of ATHANOR_TEST_PG_URL.
struct PgTarget {
    std::string host, port, user, password, database;
    /// postgresql+odbc://user:pw@host:port/db[?query]
    std::string url(const std::string& query = "") const {
        return "postgresql+odbc://" + percent_encode(user) + ":" + percent_encode(password) + "@" + host + ":" + port +
               "/" + percent_encode(database) + (query.empty() ? "" : "?" + query);
    }
    /// The same server as a psqlODBC connection string, for ?odbc_connect=.
    std::string connect_string(const std::string& extra = "") const {
        return std::string("Driver=") + psqlodbc_driver + ";Server=" + host + ";Port=" + port + ";Database=" +
               database + ";UID=" + user + ";PWD={" + password + "}" + extra;
    }
};

inline std::optional<PgTarget> pg_target() {
    const auto env = athanor::test::env_url("ATHANOR_TEST_PG_URL");
    if (!env) return std::nullopt;
    const auto url = sa::Url::parse(*env);
    return PgTarget{url.host().value_or("127.0.0.1"), std::to_string(url.port().value_or(5432)),
                    url.username().value_or(""), url.password().value_or(""), url.database().value_or("")};
}

/// An engine on PostgreSQL through psqlODBC: postgresql+odbc://... with `query` added.
inline sa::Engine pg_engine(const PgTarget& pg, const std::string& query = "") { return make_engine(pg.url(query)); }

/// The server of ATHANOR_TEST_PG_URL, inside the `postgresql` suite (whose HavePgServer
/// precondition reports the suite as skipped when the variable is unset).
inline std::optional<PgTarget> require_pg() {
    auto target = pg_target();
    BOOST_TEST_REQUIRE(target.has_value());
    return target;
}

/// A table name private to this process, so concurrent runs on the shared server do not collide.
inline std::string private_name(const std::string& base) { return base + "_" + std::to_string(::getpid()); }

/// Checks that `engine` runs one statement per execute, as the native transports do: a second
/// statement after a `;` is a ProgrammingError before anything runs (the table survives), while
/// a `;` inside a literal, a quoted name or a comment, and trailing `;`s, are fine.
/// `stacked` and `single` add flavour-specific cases (`T` stands for the table's name).
inline void check_one_statement_per_execute(sa::Engine& engine, const std::string& table, std::vector<std::string> stacked,
                                     std::vector<std::string> single) {
    auto named = [&](std::string sql) {
        for (std::size_t pos = sql.find("T!"); pos != std::string::npos; pos = sql.find("T!", pos))
            sql.replace(pos, 2, table);
        return sql;
    };
    auto conn = engine.connect();
    conn.execute(text("DROP TABLE IF EXISTS " + table));
    conn.execute(text("CREATE TABLE " + table + " (x INTEGER)"));
    conn.execute(text("INSERT INTO " + table + " (x) VALUES (1)"));
    conn.commit();
    stacked.insert(stacked.end(), {
        "SELECT 1; DROP TABLE T!",
        "SELECT 1;DROP TABLE T!;",
        "INSERT INTO T! (x) VALUES (2); DELETE FROM T!",
        "SELECT ';' /* ; */ ; -- a comment\nDROP TABLE T!",
        "SELECT 'it''s' ; DROP TABLE T!",
        "SELECT \"x;\" FROM (SELECT 1 AS \"x;\") AS s; DROP TABLE T!",
        "SELECT '\\'; DROP TABLE T! -- '",  // a backslash escapes nothing in a standard literal
    });
    for (const auto& raw : stacked) {
        const std::string sql = named(raw);
        BOOST_TEST_CONTEXT(sql) {
            auto e = expect_error<sa::ProgrammingError>([&] { conn.exec_driver_sql(sql); });
            BOOST_TEST(contains(e.what(), "one statement"), e.what());
            conn.rollback();
            BOOST_TEST(count_rows(conn, table) == 1);
        }
    }
    std::vector<sa::Params> sets = {{{"x", 5}}, {{"x", 6}}};
    BOOST_CHECK_THROW(conn.execute(text(named("INSERT INTO T! (x) VALUES (:x); DELETE FROM T!")), sets),
                      sa::ProgrammingError);
    conn.rollback();
    BOOST_TEST(count_rows(conn, table) == 1);

    single.insert(single.end(), {
        "SELECT x FROM T!;",
        "SELECT x FROM T! ; ; -- done",
        "SELECT ';' AS a",
        "SELECT x FROM T! -- ; DROP TABLE T!",
        "SELECT x FROM T! /* ; DROP TABLE T! */",
        "SELECT 'a'';DROP TABLE T!' AS a",
        "SELECT \"x;y\" FROM (SELECT 1 AS \"x;y\") AS s",
    });
    for (const auto& raw : single) {
        const std::string sql = named(raw);
        BOOST_TEST_CONTEXT(sql) {
            BOOST_CHECK_NO_THROW(conn.exec_driver_sql(sql).all());
        }
    }
    conn.rollback();
    BOOST_TEST(count_rows(conn, table) == 1);
    conn.execute(text("DROP TABLE " + table));
    conn.commit();
}

/// A TCP listener on 127.0.0.1 that lets clients connect (the kernel completes the handshake
/// from the backlog) and never sends a byte. It closes itself after `lifetime` at the latest,
/// which resets the waiting connections, so a client that ignores its timeout still returns.
class SilentListener {
public:
    explicit SilentListener(std::chrono::seconds lifetime) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        BOOST_TEST_REQUIRE(fd_ >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        BOOST_TEST_REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        BOOST_TEST_REQUIRE(::listen(fd_, 16) == 0);
        socklen_t length = sizeof address;
        BOOST_TEST_REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        port_ = ntohs(address.sin_port);
        watchdog_ = std::thread([this, lifetime] {
            std::unique_lock<std::mutex> lock(mutex_);
            stop_.wait_for(lock, lifetime, [this] { return stopping_; });
            ::close(fd_);
        });
    }
    ~SilentListener() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        stop_.notify_all();
        watchdog_.join();
    }
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;
    unsigned port() const { return port_; }

private:
    int fd_ = -1;
    unsigned port_ = 0;
    std::mutex mutex_;
    std::condition_variable stop_;
    bool stopping_ = false;
    std::thread watchdog_;
};

}  // namespace odbc_test
