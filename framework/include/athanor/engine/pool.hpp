// athanor/engine/pool.hpp — the connection pool behind an Engine (SQLAlchemy's QueuePool).
//
// Keeps up to pool_size idle connections, opens up to max_overflow more under load and
// closes those when they come back; a caller that finds none free waits pool_timeout and
// then gets TimeoutError. Connections are rolled back when returned; one the driver reported
// dead (or that fails pre-ping) is dropped and replaced on the next checkout. A dialect may
// ask for a single shared connection (an in-memory SQLite database), in which case checkouts
// take turns.
//
// Pool invalidation (SQLAlchemy's Pool._invalidate): a disconnect usually means the server
// went away (a restart, a failover, terminated backends), so every connection opened before
// it is presumed dead too. Lease::invalidate_pool() marks all of them stale: idle ones are
// replaced at their next checkout without being tried, checked-out ones are closed when they
// come back. A disconnect on a connection that was already stale changes nothing, so
// connections opened after the first disconnect are not thrown away by the stale ones'
// errors.
//
// Usage: you get it from an Engine —
//   auto status = engine.pool().status();
//   std::cout << status.checked_out << " in use, " << status.idle << " idle\n";
#pragma once

#include <athanor/export.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

namespace athanor {

namespace sdk {
class DriverConnection;
}

class ATHANOR_API Pool {
public:
    struct Settings {
        std::size_t pool_size = 5;
        std::size_t max_overflow = 10;
        std::chrono::milliseconds timeout{30000};
        bool pre_ping = false;
        std::chrono::seconds recycle{0};
        bool single = false;  // one shared connection, checkouts take turns
    };
    /// Opens a new driver connection (dialect.connect + on_connect + isolation level).
    using Creator = std::function<std::unique_ptr<sdk::DriverConnection>()>;
    /// Puts a connection back to a clean state when it is returned (rollback, reset isolation).
    using Resetter = std::function<void(sdk::DriverConnection&)>;
    /// Called as a connection is handed out (checkout) and after it came back and was reset
    /// (checkin): the Engine's `checkout` / `checkin` events (athanor/engine/events.hpp).
    /// A checkout hook that throws makes checkout() drop the connection and rethrow; a checkin
    /// hook that throws makes the pool drop the connection instead of keeping it.
    struct Hooks {
        std::function<void(sdk::DriverConnection&)> checkout;
        std::function<void(sdk::DriverConnection&)> checkin;
    };

    Pool(Settings settings, Creator creator, Resetter resetter, Hooks hooks = {});
    ~Pool();
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;

    /// A checked-out connection; returns itself to the pool when destroyed.
    class ATHANOR_API Lease {
    public:
        Lease() = default;
        Lease(Pool* pool, std::unique_ptr<sdk::DriverConnection> connection);
        Lease(Lease&&) noexcept;
        Lease& operator=(Lease&&) noexcept;
        ~Lease();
        sdk::DriverConnection& operator*() const { return *connection_; }
        sdk::DriverConnection* operator->() const { return connection_.get(); }
        explicit operator bool() const { return connection_ != nullptr; }
        /// Marks the connection dead: it is closed instead of returned.
        void invalidate();
        /// invalidate(), and unless this connection was opened before the pool's last
        /// invalidation, marks every connection the pool opened until now stale (see above).
        void invalidate_pool();
        /// Returns the connection now (rolled back).
        void release();

    private:
        Pool* pool_ = nullptr;
        std::unique_ptr<sdk::DriverConnection> connection_;
        bool invalid_ = false;
    };

    /// Waits up to the timeout for a connection; throws TimeoutError naming the pool limits.
    Lease checkout();

    /// Closes idle connections and makes those checked out now be closed when returned.
    void dispose();

    struct Status {
        std::size_t idle = 0;
        std::size_t checked_out = 0;
        std::size_t waiting = 0;            // checkout() calls blocked until one is returned
        std::size_t opened_total = 0;       // connections ever opened
        std::size_t invalidated_total = 0;  // connections dropped as dead (or stale after a disconnect)
        std::size_t pool_invalidations = 0; // invalidate_pool() calls that marked connections stale
    };
    Status status() const;
    const Settings& settings() const;

private:
    friend class Lease;
    void checkin(std::unique_ptr<sdk::DriverConnection> connection, bool invalid);
    Lease hand_out(std::unique_ptr<sdk::DriverConnection> connection);
    void invalidate_older(const sdk::DriverConnection* connection);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace athanor
