// The template DriverConnection: session state only, since the echo database needs no server.
#include "template_connection.hpp"
#include "template_cursor.hpp"

#include <athanor/errors.hpp>

namespace template_dialect {

TemplateConnection::TemplateConnection(const athanor::Url& url) {
    // TODO(your dialect): open your client's connection from url.host(), url.port(),
    // url.username(), url.password(), url.database() and url.query_value("..."); map a failure
    // to athanor::OperationalError with the client's message and SQLSTATE.
    (void)url;
}

TemplateConnection::~TemplateConnection() { close(); }

std::unique_ptr<athanor::sdk::Cursor> TemplateConnection::cursor() {
    check_open();
    return std::make_unique<TemplateCursor>(*this);
}

void TemplateConnection::begin() {
    check_open();
    // TODO(your dialect): send BEGIN (or your client's start-transaction call).
    in_transaction_ = true;
}

void TemplateConnection::commit() {
    check_open();
    // TODO(your dialect): send COMMIT when a transaction is open.
    in_transaction_ = false;
}

void TemplateConnection::rollback() {
    check_open();
    // TODO(your dialect): send ROLLBACK when a transaction is open.
    in_transaction_ = false;
}

void TemplateConnection::set_autocommit(bool on) {
    check_open();
    // TODO(your dialect): switch your client's autocommit mode (ending an open transaction
    // the way your database does when it is turned on).
    if (on) in_transaction_ = false;
    autocommit_ = on;
}

bool TemplateConnection::ping() {
    // TODO(your dialect): a cheap round trip (SELECT 1); return false, never throw, when it fails.
    return !closed_;
}

void TemplateConnection::close() {
    // TODO(your dialect): release your client's connection handle; called again by the destructor.
    closed_ = true;
    in_transaction_ = false;
}

void TemplateConnection::check_open() const {
    if (closed_) throw athanor::InterfaceError("the template connection is closed");
}

}  // namespace template_dialect
