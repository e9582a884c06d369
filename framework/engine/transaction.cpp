// Transaction: a handle on the connection's root transaction or on one SAVEPOINT. The state is
// shared with the ConnectionState, which deactivates it when an enclosing level ends.
#include "connection_state.hpp"

#include <athanor/errors.hpp>

#include <algorithm>

namespace athanor {

namespace {

std::shared_ptr<detail::ConnectionState> connection_of(const detail::TransactionState& tx) {
    auto conn = tx.connection.lock();
    if (!conn || conn->closed)
        throw ResourceClosedError("This Transaction's Connection is closed; its work was rolled back when it closed");
    return conn;
}

std::size_t savepoint_index(const detail::ConnectionState& conn, const detail::TransactionState& tx) {
    auto it = std::find_if(conn.savepoints.begin(), conn.savepoints.end(),
                           [&](const auto& sp) { return sp.get() == &tx; });
    return static_cast<std::size_t>(it - conn.savepoints.begin());
}

}  // namespace

Transaction::Transaction(std::shared_ptr<detail::TransactionState> state) : state_(std::move(state)) {}

Transaction::Transaction(Transaction&& other) noexcept = default;

Transaction::~Transaction() {
    if (!is_active()) return;
    try {
        rollback();
    } catch (...) {
        // Destructors do not throw; a failed rollback has already invalidated the connection.
    }
}

bool Transaction::is_active() const {
    if (!state_ || !state_->active) return false;
    auto conn = state_->connection.lock();
    return conn && !conn->closed;
}

bool Transaction::nested() const { return state_ && state_->nested; }

void Transaction::commit() {
    if (!state_ || !state_->active)
        throw InvalidRequestError(
            "This transaction is inactive (already committed or rolled back, or ended by an enclosing "
            "transaction); begin a new one");
    auto conn = connection_of(*state_);
    if (!state_->nested) {
        conn->commit_root();
        return;
    }
    const std::size_t index = savepoint_index(*conn, *state_);
    conn->run_internal(conn->engine->dialect->release_savepoint_sql(state_->savepoint_name));
    // Releasing a savepoint releases every savepoint opened inside it too.
    conn->drop_savepoints(index);
    state_->active = false;
}

void Transaction::rollback() {
    if (!state_ || !state_->active) return;
    auto conn = connection_of(*state_);
    if (!state_->nested) {
        conn->rollback_root();
        return;
    }
    const std::size_t index = savepoint_index(*conn, *state_);
    state_->active = false;
    conn->drop_savepoints(index);
    conn->run_internal(conn->engine->dialect->rollback_to_savepoint_sql(state_->savepoint_name));
}

}  // namespace athanor
