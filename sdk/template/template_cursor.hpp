// template_cursor.hpp — the template plugin's Cursor: runs one statement at a time and hands
// back its rows. Every member is a pure virtual of athanor::sdk::Cursor (athanor/sdk/driver.hpp).
//
// Statements arrive with their placeholders already in the dialect's paramstyle (qmark: `?`)
// and their values positional. This cursor sends them to the echo "database"
// (echo_select.hpp), which answers SELECT <literal>, ... with one row.
//
// TODO(your dialect): hold your client's statement handle here; execute() prepares, binds
// and runs it, fetch() converts each column to an athanor::Value.
#pragma once

#include "echo_select.hpp"

#include <athanor/sdk/driver.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace template_dialect {

class TemplateConnection;

class TemplateCursor final : public athanor::sdk::Cursor {
public:
    explicit TemplateCursor(TemplateConnection& connection) : connection_(connection) {}
    ~TemplateCursor() override;

    void execute(std::string_view sql, std::span<const athanor::Value> params) override;
    void executemany(std::string_view sql, athanor::sdk::ParameterRows param_sets) override;
    const std::vector<athanor::sdk::ColumnDescription>& description() const override { return result_.columns; }
    bool fetch(std::vector<athanor::Value>& row) override;
    std::int64_t rowcount() const override { return rowcount_; }
    std::optional<std::int64_t> lastrowid() const override { return std::nullopt; }
    void close() override;

private:
    TemplateConnection& connection_;
    EchoResult result_;
    bool row_pending_ = false;
    std::int64_t rowcount_ = -1;
};

}  // namespace template_dialect
