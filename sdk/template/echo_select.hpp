// echo_select.hpp — the stand-in "database" of the template plugin: it answers
// `SELECT <literal> [AS name], ...` without any server, so the plugin loads, connects and
// returns rows as a real one does.
//
// A literal is an integer (INTEGER), a decimal number (DECIMAL, kept exact as
// athanor::Decimal), a number with an exponent (DOUBLE), a '...' string with '' for a quote
// (TEXT), TRUE / FALSE (BOOLEAN), NULL, or `?`, which takes the next bound parameter. A column
// without AS is named after its literal as written. Anything else is a ProgrammingError
// (SQLSTATE 42601) naming the position, as a server reports a syntax error; too few or too
// many parameters are an InterfaceError.
//
// TODO(your dialect): delete this file; your cursor sends the SQL to your database instead.
#pragma once

#include <athanor/sdk/driver.hpp>
#include <athanor/value.hpp>

#include <span>
#include <string_view>
#include <vector>

namespace template_dialect {

/// One result: the columns and the single row of a `SELECT <literal>, ...`.
struct EchoResult {
    std::vector<athanor::sdk::ColumnDescription> columns;
    std::vector<athanor::Value> row;
};

/// Evaluates `sql` with the positional `params` (qmark style).
EchoResult echo_select(std::string_view sql, std::span<const athanor::Value> params);

}  // namespace template_dialect
