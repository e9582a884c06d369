// event_registry.hpp (private) — the listener lists behind EngineEvents.
//
// Each event has one ListenerList: two copy-on-write vectors (the `insert` listeners, newest
// first, and the others, oldest first) swapped under a mutex, plus an atomic count read
// without the lock, so firing an event nobody listens to is one relaxed load, and a dispatch
// never holds the lock while a listener runs (a listener may register or remove listeners).
#pragma once

#include <athanor/engine/events.hpp>

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace athanor {

/// What a ListenerHandle holds: cleared when the listener is removed (or a `once` listener
/// has been called), and how to take it out of its list.
struct ListenerHandle::Token {
    std::atomic<bool> alive{true};
    std::function<void(Token*)> detach;
};

namespace detail {

template <class Fn>
class ListenerList {
public:
    struct Entry {
        std::shared_ptr<ListenerHandle::Token> token;
        std::shared_ptr<const Fn> fn;
        bool once = false;
    };
    using Entries = std::vector<Entry>;

    bool any() const { return count_.load(std::memory_order_relaxed) != 0; }

    /// Registers `fn`; the token's detach removes it from this list while the list lives
    /// (`owner` keeps the registry alive only as long as someone else does).
    template <class Owner>
    std::shared_ptr<ListenerHandle::Token> add(Fn fn, ListenOptions options, const std::shared_ptr<Owner>& owner) {
        auto token = std::make_shared<ListenerHandle::Token>();
        std::weak_ptr<Owner> weak = owner;
        token->detach = [weak, this](ListenerHandle::Token* t) {
            if (auto alive = weak.lock()) remove(t);
        };
        Entry entry{token, std::make_shared<const Fn>(std::move(fn)), options.once};
        std::lock_guard lock(mutex_);
        auto front = std::make_shared<Entries>(*front_);
        auto back = std::make_shared<Entries>(*back_);
        if (options.insert)
            front->insert(front->begin(), std::move(entry));
        else
            back->push_back(std::move(entry));
        front_ = std::move(front);
        back_ = std::move(back);
        count_.store(front_->size() + back_->size(), std::memory_order_relaxed);
        return token;
    }

    void remove(const ListenerHandle::Token* token) {
        std::lock_guard lock(mutex_);
        auto strip = [token](const std::shared_ptr<const Entries>& from) {
            auto out = std::make_shared<Entries>();
            for (const auto& e : *from)
                if (e.token.get() != token) out->push_back(e);
            return out;
        };
        front_ = strip(front_);
        back_ = strip(back_);
        count_.store(front_->size() + back_->size(), std::memory_order_relaxed);
    }

    void clear() {
        std::shared_ptr<const Entries> front, back;
        {
            std::lock_guard lock(mutex_);
            front = std::exchange(front_, std::make_shared<const Entries>());
            back = std::exchange(back_, std::make_shared<const Entries>());
            count_.store(0, std::memory_order_relaxed);
        }
        for (const auto* list : {front.get(), back.get()})
            for (const auto& e : *list) e.token->alive.store(false);
    }

    /// Calls the `insert` listeners, then the others.
    template <class... A>
    void fire(A&... args) {
        if (!any()) return;
        auto [front, back] = snapshot();
        run(*front, args...);
        run(*back, args...);
    }
    /// Only the `insert` listeners / only the others (`connect`, around the engine's set-up).
    template <class... A>
    void fire_front(A&... args) {
        if (!any()) return;
        run(*snapshot().first, args...);
    }
    template <class... A>
    void fire_back(A&... args) {
        if (!any()) return;
        run(*snapshot().second, args...);
    }

private:
    std::pair<std::shared_ptr<const Entries>, std::shared_ptr<const Entries>> snapshot() const {
        std::lock_guard lock(mutex_);
        return {front_, back_};
    }

    template <class... A>
    void run(const Entries& entries, A&... args) {
        for (const auto& e : entries) {
            if (e.once) {
                // Exactly one caller wins a `once` listener, and it is gone before it runs.
                bool expected = true;
                if (!e.token->alive.compare_exchange_strong(expected, false)) continue;
                remove(e.token.get());
            } else if (!e.token->alive.load(std::memory_order_acquire)) {
                continue;
            }
            (*e.fn)(args...);
        }
    }

    mutable std::mutex mutex_;
    std::shared_ptr<const Entries> front_ = std::make_shared<const Entries>();
    std::shared_ptr<const Entries> back_ = std::make_shared<const Entries>();
    std::atomic<std::size_t> count_{0};
};

/// Every listener list of one Engine.
struct EventRegistry {
    ListenerList<EngineEvents::ConnectionListener> connect;
    ListenerList<EngineEvents::ConnectionListener> checkout;
    ListenerList<EngineEvents::ConnectionListener> checkin;
    ListenerList<EngineEvents::ExecuteListener> before_execute;
    ListenerList<EngineEvents::ExecuteListener> after_execute;
    ListenerList<EngineEvents::CursorExecuteListener> before_cursor_execute;
    ListenerList<EngineEvents::CursorExecuteListener> after_cursor_execute;
    ListenerList<EngineEvents::ErrorListener> handle_error;
};

}  // namespace detail
}  // namespace athanor
