// test_dialect.hpp — a minimal but real Dialect for the plugin-loading tests. It has no
// transport: connect() throws NotSupportedError. Each test plugin compiles it under its own
// name (ATHANOR_TEST_DIALECT_NAME), so success paths are tested without any database.
//
// Usage (in a test plugin source):
//   return std::make_unique<athanor_test::TestDialect>(ATHANOR_TEST_DIALECT_NAME, "fake");
#pragma once

#include <athanor/sdk/dialect.hpp>

#include <memory>
#include <string>
#include <utility>

namespace athanor_test {

class TestDialect final : public athanor::sdk::Dialect {
public:
    TestDialect(std::string name, std::string driver) : name_(std::move(name)), driver_(std::move(driver)) {}

    std::string name() const override { return name_; }
    std::string driver() const override { return driver_; }
    athanor::sdk::Paramstyle paramstyle() const override { return athanor::sdk::Paramstyle::qmark; }

    std::unique_ptr<athanor::sdk::DriverConnection> connect(const athanor::Url&) override {
        throw athanor::NotSupportedError(name_ + "+" + driver_ + " is a test dialect without a database");
    }

private:
    std::string name_;
    std::string driver_;
};

}  // namespace athanor_test
