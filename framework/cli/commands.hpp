// commands.hpp — the subcommands of the `athanor` command-line tool. Each returns the
// process exit code; errors from the library propagate to main(), which reports them.
//
// Usage (from main):
//   athanor::cli::OutputStyle style{athanor::cli::OutputStyle::decide(mode, STDOUT_FILENO)};
//   return athanor::cli::run_dialects(style, std::cout);
//   return athanor::cli::run_sql("sqlite://", "SELECT :x AS x", {{"x", 1}}, style, std::cout);
//   return athanor::cli::run_ddl("postgresql", "sqlite:///app.db", "", style, std::cin, std::cout);
// Every text that comes from data, files or the server is written through `style.show()`.
#pragma once

#include "terminal_text.hpp"

#include <athanor/value.hpp>

#include <istream>
#include <ostream>
#include <string>

namespace athanor::cli {

/// `athanor dialects`: every plugin on the search path, loaded to show why any fails.
int run_dialects(const OutputStyle& style, std::ostream& out);

/// `athanor sql URL STATEMENT`: runs one statement with the given :name parameters,
/// commits, prints rows or a row count.
int run_sql(const std::string& url, const std::string& statement, const Params& params, const OutputStyle& style,
            std::ostream& out);

/// `athanor reflect URL [--json] [--schema NAME]`: the schema through the Inspector, as JSON
/// (athanor::reflect_json) or as a readable listing.
int run_reflect(const std::string& url, bool json, const std::string& schema, const OutputStyle& style,
                std::ostream& out);

/// `athanor ddl --to SCHEME|URL [--from URL|FILE|-] [--schema NAME]`: the DDL creating the
/// schema of `from` (a database URL, or a JSON schema file as `reflect --json` prints it, "-"
/// for `in`) on the dialect `to`, one statement after another, each ending in ';'. Every
/// statement is compiled before the first is printed.
int run_ddl(const std::string& to, const std::string& from, const std::string& schema, const OutputStyle& style,
            std::istream& in, std::ostream& out);

}  // namespace athanor::cli
