// template_connection.hpp — the template plugin's DriverConnection: one session with the
// database. Every member is a pure virtual of athanor::sdk::DriverConnection (athanor/sdk/driver.hpp).
//
// The echo "database" has no server and no transactions; the members keep the state a real
// connection keeps (open or closed, autocommit, inside a transaction or not) so the engine's
// pool, transactions and pre-ping work on it unchanged.
//
// TODO(your dialect): hold your client's connection handle here (opened by the constructor,
// released by close()) and send BEGIN / COMMIT / ROLLBACK / a ping through it.
#pragma once

#include <athanor/sdk/driver.hpp>
#include <athanor/url.hpp>

#include <memory>

namespace template_dialect {

class TemplateConnection final : public athanor::sdk::DriverConnection {
public:
    /// Opens a session for `url`. A real driver throws OperationalError naming host:port
    /// (never the password) when the server cannot be reached.
    explicit TemplateConnection(const athanor::Url& url);
    ~TemplateConnection() override;

    std::unique_ptr<athanor::sdk::Cursor> cursor() override;

    void begin() override;
    void commit() override;
    void rollback() override;

    void set_autocommit(bool on) override;
    bool autocommit() const override { return autocommit_; }

    bool ping() override;

    void close() override;
    bool closed() const override { return closed_; }

    /// Throws InterfaceError when the connection was closed: what each call that needs the
    /// session checks first.
    void check_open() const;

private:
    bool closed_ = false;
    bool autocommit_ = false;
    bool in_transaction_ = false;
};

}  // namespace template_dialect
