// EngineEvents: registration and removal of listeners (dispatch is inline in
// event_registry.hpp, where the engine fires them).
#include "event_registry.hpp"

#include <athanor/errors.hpp>

namespace athanor {

void ListenerHandle::remove() {
    if (!token_) return;
    token_->alive.store(false, std::memory_order_release);
    if (token_->detach) token_->detach(token_.get());
}

bool ListenerHandle::active() const { return token_ && token_->alive.load(std::memory_order_acquire); }

namespace {
template <class List, class Fn>
ListenerHandle add(const std::shared_ptr<detail::EventRegistry>& registry, List detail::EventRegistry::*list, Fn fn,
                   ListenOptions options, const char* event) {
    if (!registry) throw InvalidRequestError("EngineEvents used without an Engine");
    if (!fn) throw ArgumentError(std::string("EngineEvents::") + event + ": the listener is empty");
    return ListenerHandle((*registry.*list).add(std::move(fn), options, registry));
}
}  // namespace

ListenerHandle EngineEvents::on_connect(ConnectionListener fn, ListenOptions options) {
    return add(registry_, &detail::EventRegistry::connect, std::move(fn), options, "on_connect");
}
ListenerHandle EngineEvents::on_checkout(ConnectionListener fn, ListenOptions options) {
    return add(registry_, &detail::EventRegistry::checkout, std::move(fn), options, "on_checkout");
}
ListenerHandle EngineEvents::on_checkin(ConnectionListener fn, ListenOptions options) {
    return add(registry_, &detail::EventRegistry::checkin, std::move(fn), options, "on_checkin");
}
ListenerHandle EngineEvents::on_before_execute(ExecuteListener fn, ListenOptions options) {
    return add(registry_, &detail::EventRegistry::before_execute, std::move(fn), options, "on_before_execute");
}
ListenerHandle EngineEvents::on_after_execute(ExecuteListener fn, ListenOptions options) {
    return add(registry_, &detail::EventRegistry::after_execute, std::move(fn), options, "on_after_execute");
}
ListenerHandle EngineEvents::on_before_cursor_execute(CursorExecuteListener fn, ListenOptions options) {
    return add(registry_, &detail::EventRegistry::before_cursor_execute, std::move(fn), options,
               "on_before_cursor_execute");
}
ListenerHandle EngineEvents::on_after_cursor_execute(CursorExecuteListener fn, ListenOptions options) {
    return add(registry_, &detail::EventRegistry::after_cursor_execute, std::move(fn), options,
               "on_after_cursor_execute");
}
ListenerHandle EngineEvents::on_handle_error(ErrorListener fn, ListenOptions options) {
    return add(registry_, &detail::EventRegistry::handle_error, std::move(fn), options, "on_handle_error");
}

void EngineEvents::remove_all() {
    if (!registry_) return;
    auto& r = *registry_;
    r.connect.clear();
    r.checkout.clear();
    r.checkin.clear();
    r.before_execute.clear();
    r.after_execute.clear();
    r.before_cursor_execute.clear();
    r.after_cursor_execute.clear();
    r.handle_error.clear();
}

}  // namespace athanor
