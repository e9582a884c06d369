// Pool: a bounded set of driver connections guarded by one mutex. Opening, pinging, resetting
// and closing connections happen outside the lock, so one slow database round trip never
// blocks the other threads' checkouts; a slot is reserved (counted as checked out) first.
//
// Two counters date every connection, both read when its slot is reserved (before it is
// opened): `generation` (bumped by dispose(), which closes the idle ones itself) and `epoch`
// (bumped by a pool invalidation). A connection of an older epoch is stale: never handed out
// again, never pinged or rolled back, since its server is presumed gone.
#include <athanor/engine/pool.hpp>

#include <athanor/errors.hpp>
#include <athanor/sdk/driver.hpp>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace athanor {

namespace {
using Clock = std::chrono::steady_clock;

void close_quietly(std::unique_ptr<sdk::DriverConnection>& connection) {
    if (!connection) return;
    try {
        connection->close();
    } catch (...) {
        // A connection being thrown away may already be broken; nothing useful to report.
    }
    connection.reset();
}
}  // namespace

struct Pool::Impl {
    struct Meta {
        Clock::time_point created;
        std::uint64_t generation = 0;
        std::uint64_t epoch = 0;
    };
    struct Idle {
        std::unique_ptr<sdk::DriverConnection> connection;
        Meta meta;
    };

    Settings settings;
    Creator creator;
    Resetter resetter;
    Hooks hooks;

    mutable std::mutex mutex;
    std::condition_variable available;
    std::deque<Idle> idle;
    std::unordered_map<const sdk::DriverConnection*, Meta> out;  // checked-out connections
    std::size_t reserved = 0;  // slots being opened or checked out (>= out.size())
    std::size_t waiting = 0;   // checkouts blocked in available.wait_until
    std::size_t opened_total = 0;
    std::size_t invalidated_total = 0;
    std::size_t pool_invalidations = 0;
    std::uint64_t generation = 0;  // bumped by dispose()
    std::uint64_t epoch = 0;       // bumped by a pool invalidation

    Meta meta_now() const { return {Clock::now(), generation, epoch}; }
    /// SQLAlchemy's rule: only a connection of the current epoch starts a new one, so the
    /// stale connections' own errors never condemn those opened after the first disconnect.
    void invalidate_older(std::uint64_t connection_epoch) {
        if (connection_epoch != epoch) return;
        ++epoch;
        ++pool_invalidations;
    }

    std::size_t capacity() const { return settings.single ? 1 : settings.pool_size + settings.max_overflow; }
    std::size_t idle_capacity() const { return settings.single ? 1 : settings.pool_size; }

    std::unique_ptr<sdk::DriverConnection> open() {
        auto connection = creator();
        if (!connection) throw InterfaceError("the dialect's connect() returned no connection");
        return connection;
    }
};

Pool::Pool(Settings settings, Creator creator, Resetter resetter, Hooks hooks) : impl_(std::make_unique<Impl>()) {
    impl_->settings = settings;
    impl_->creator = std::move(creator);
    impl_->resetter = std::move(resetter);
    impl_->hooks = std::move(hooks);
}

Pool::Lease Pool::hand_out(std::unique_ptr<sdk::DriverConnection> connection) {
    Lease lease(this, std::move(connection));
    if (impl_->hooks.checkout) {
        try {
            impl_->hooks.checkout(*lease);
        } catch (...) {
            lease.invalidate();  // a connection whose checkout set-up failed is in an unknown state
            throw;               // (the lease's destructor closes it and frees the slot)
        }
    }
    return lease;
}

Pool::~Pool() {
    std::deque<Impl::Idle> idle;
    {
        std::lock_guard lock(impl_->mutex);
        idle.swap(impl_->idle);
    }
    for (auto& entry : idle) close_quietly(entry.connection);
}

const Pool::Settings& Pool::settings() const { return impl_->settings; }

Pool::Status Pool::status() const {
    std::lock_guard lock(impl_->mutex);
    Status s;
    s.idle = impl_->idle.size();
    s.checked_out = impl_->reserved;
    s.waiting = impl_->waiting;
    s.opened_total = impl_->opened_total;
    s.invalidated_total = impl_->invalidated_total;
    s.pool_invalidations = impl_->pool_invalidations;
    return s;
}

Pool::Lease Pool::checkout() {
    Impl& p = *impl_;
    const auto deadline = Clock::now() + p.settings.timeout;
    std::unique_lock lock(p.mutex);
    for (;;) {
        if (!p.idle.empty()) {
            Impl::Idle entry = std::move(p.idle.front());
            p.idle.pop_front();
            ++p.reserved;
            const bool stale = entry.meta.epoch != p.epoch;
            lock.unlock();

            // A stale connection is replaced untried; then recycle by age (never in single mode:
            // that connection may be the database itself); then pre-ping, whose failure is a
            // disconnect like any other and invalidates the pool (SQLAlchemy's InvalidatePoolError).
            bool replace = false;
            bool dead = false;
            if (stale)
                replace = dead = true;
            else if (!p.settings.single && p.settings.recycle.count() > 0 &&
                     Clock::now() - entry.meta.created >= p.settings.recycle)
                replace = true;
            else if (p.settings.pre_ping && !entry.connection->ping()) {
                replace = dead = true;
                lock.lock();
                p.invalidate_older(entry.meta.epoch);
                lock.unlock();
            }
            if (replace) {
                close_quietly(entry.connection);
                lock.lock();
                entry.meta = p.meta_now();
                lock.unlock();
                try {
                    entry.connection = p.open();
                } catch (...) {
                    lock.lock();
                    --p.reserved;
                    if (dead) ++p.invalidated_total;
                    lock.unlock();
                    p.available.notify_one();
                    throw;
                }
                entry.meta.created = Clock::now();
            }
            lock.lock();
            if (replace) ++p.opened_total;
            if (dead) ++p.invalidated_total;
            p.out[entry.connection.get()] = entry.meta;
            lock.unlock();
            return hand_out(std::move(entry.connection));
        }
        if (p.reserved + p.idle.size() < p.capacity()) {
            ++p.reserved;
            Impl::Meta meta = p.meta_now();
            lock.unlock();
            std::unique_ptr<sdk::DriverConnection> connection;
            try {
                connection = p.open();
            } catch (...) {
                lock.lock();
                --p.reserved;
                lock.unlock();
                p.available.notify_one();
                throw;
            }
            lock.lock();
            ++p.opened_total;
            meta.created = Clock::now();
            p.out[connection.get()] = meta;
            lock.unlock();
            return hand_out(std::move(connection));
        }
        ++p.waiting;
        const auto woke = p.available.wait_until(lock, deadline);
        --p.waiting;
        if (woke == std::cv_status::timeout && p.idle.empty() && p.reserved + p.idle.size() >= p.capacity()) {
            const auto ms = p.settings.timeout.count();
            std::string limits = p.settings.single
                                     ? std::string("single shared connection")
                                     : "size " + std::to_string(p.settings.pool_size) + " overflow " +
                                           std::to_string(p.settings.max_overflow);
            throw TimeoutError("QueuePool limit of " + limits + " reached, connection timed out, timeout " +
                               std::to_string(ms) + " ms. Close (or destroy) Connections you no longer need, "
                               "or raise pool_size / max_overflow / pool_timeout in EngineOptions.");
        }
    }
}

void Pool::checkin(std::unique_ptr<sdk::DriverConnection> connection, bool invalid) {
    if (!connection) return;
    Impl& p = *impl_;
    if (!invalid) {
        // A stale connection's server is presumed gone: no rollback round trip on it.
        std::lock_guard lock(p.mutex);
        if (auto it = p.out.find(connection.get()); it != p.out.end() && it->second.epoch != p.epoch) invalid = true;
    }
    if (!invalid && !connection->closed()) {
        try {
            if (p.resetter) p.resetter(*connection);
        } catch (...) {
            invalid = true;  // a connection we cannot clean must not be reused
        }
    } else if (connection->closed()) {
        invalid = true;
    }
    if (p.hooks.checkin && !connection->closed()) {
        try {
            p.hooks.checkin(*connection);
        } catch (...) {
            invalid = true;  // the hook reports its own failure; the connection is not reused
        }
    }
    std::unique_lock lock(p.mutex);
    Impl::Meta meta = p.meta_now();
    if (auto it = p.out.find(connection.get()); it != p.out.end()) {
        meta = it->second;
        p.out.erase(it);
    }
    if (p.reserved > 0) --p.reserved;
    if (meta.epoch != p.epoch) invalid = true;  // (the pool may have been invalidated during the reset)
    bool keep = !invalid && meta.generation == p.generation && p.idle.size() < p.idle_capacity();
    if (invalid) ++p.invalidated_total;
    if (keep) p.idle.push_back({std::move(connection), meta});
    lock.unlock();
    p.available.notify_one();
    close_quietly(connection);  // no-op when kept
}

void Pool::invalidate_older(const sdk::DriverConnection* connection) {
    std::lock_guard lock(impl_->mutex);
    auto it = impl_->out.find(connection);
    // A connection the pool does not know (cannot happen through a Lease) still invalidates,
    // as SQLAlchemy does for a connection without a record.
    impl_->invalidate_older(it != impl_->out.end() ? it->second.epoch : impl_->epoch);
}

void Pool::dispose() {
    std::deque<Impl::Idle> idle;
    {
        std::lock_guard lock(impl_->mutex);
        idle.swap(impl_->idle);
        ++impl_->generation;
    }
    for (auto& entry : idle) close_quietly(entry.connection);
    impl_->available.notify_all();
}

// --- Lease -------------------------------------------------------------------------------

Pool::Lease::Lease(Pool* pool, std::unique_ptr<sdk::DriverConnection> connection)
    : pool_(pool), connection_(std::move(connection)) {}

Pool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)),
      connection_(std::move(other.connection_)),
      invalid_(std::exchange(other.invalid_, false)) {}

Pool::Lease& Pool::Lease::operator=(Lease&& other) noexcept {
    if (this != &other) {
        release();
        pool_ = std::exchange(other.pool_, nullptr);
        connection_ = std::move(other.connection_);
        invalid_ = std::exchange(other.invalid_, false);
    }
    return *this;
}

Pool::Lease::~Lease() { release(); }

void Pool::Lease::invalidate() { invalid_ = true; }

void Pool::Lease::invalidate_pool() {
    invalid_ = true;
    if (pool_ && connection_) pool_->invalidate_older(connection_.get());
}

void Pool::Lease::release() {
    if (!connection_) return;
    if (pool_) {
        pool_->checkin(std::move(connection_), invalid_);
    } else {
        close_quietly(connection_);
    }
    connection_.reset();
    pool_ = nullptr;
    invalid_ = false;
}

}  // namespace athanor
