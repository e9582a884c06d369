// The `athanor` command-line tool: lists dialect plugins, runs one SQL statement, reflects a
// schema, prints a schema's DDL for another dialect.
// Exit codes: 0 success, 1 an error from the database or the library, 2 bad usage.
#include "commands.hpp"
#include "terminal_text.hpp"

#include <athanor/engine/plugin_registry.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/plugin.hpp>

#include <cstdint>
#include <exception>
#include <stdexcept>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#ifndef ATHANOR_VERSION
#define ATHANOR_VERSION "unknown"
#endif

namespace {

constexpr const char* usage_text =
    "Usage:\n"
    "  athanor [OPTIONS] dialects\n"
    "  athanor [OPTIONS] sql [--param NAME=VALUE]... URL STATEMENT\n"
    "  athanor [OPTIONS] reflect [--json] [--schema NAME] URL\n"
    "  athanor [OPTIONS] ddl --to DIALECT [--from URL|FILE.json|-] [--schema NAME]\n"
    "  athanor --help | --version\n"
    "\n"
    "Commands:\n"
    "  dialects         list every dialect plugin found (name, version, path, schemes,\n"
    "                   capabilities, SDK ABI) and why any of them cannot be loaded\n"
    "  sql URL STMT     run one statement on the database at URL, commit, and print the\n"
    "                   rows as a table, or the number of rows affected\n"
    "  reflect URL      show the schema (tables with columns, keys, constraints, indexes,\n"
    "                   comments; views; sequences); --json prints it as JSON keyed by table\n"
    "  ddl              print the DDL creating a schema on DIALECT (a scheme such as postgresql,\n"
    "                   or a URL), each statement ending in ';', without connecting to it: the\n"
    "                   schema of the database at --from URL, or a JSON schema as 'reflect\n"
    "                   --json' prints it (--from FILE.json; standard input without --from)\n"
    "\n"
    "Options:\n"
    "  --plugin-path FOLDER  search FOLDER for plugins first (repeatable)\n"
    "  --param NAME=VALUE    bind VALUE to :NAME in the statement (repeatable); digits bind\n"
    "                        as an integer, anything else as text\n"
    "  --json                reflect: print JSON\n"
    "  --schema NAME         reflect, ddl: the schema to read (default: the database's default)\n"
    "  --to DIALECT          ddl: the dialect to print the DDL for\n"
    "  --from SOURCE         ddl: a database URL, a JSON schema file, or - for standard input\n"
    "  --escape              show control characters in data, names and messages escaped\n"
    "                        (\\x1b, \\n, \\x7f, \\u0085, ...); the default when writing to a terminal\n"
    "  --raw                 write them exactly as stored; the default otherwise (pipes, files)\n"
    "  -h, --help            show this help\n"
    "  --version             show the version and the plugin SDK ABI\n"
    "\n"
    "URLs look like SQLAlchemy's: sqlite:///file.db, sqlite:// (in memory),\n"
    "postgresql://user:password@host:5432/db. Plugins are also searched in\n"
    "ATHANOR_PLUGIN_PATH (colon-separated), beside libathanor and in the install folder.\n"
    "\n"
    "Example:\n"
    "  athanor sql sqlite:// \"SELECT 1 AS x\"\n"
    "  athanor sql --param id=2 sqlite:///app.db \"SELECT * FROM users WHERE id = :id\"\n"
    "  athanor reflect --json sqlite:///app.db\n"
    "  athanor ddl --from sqlite:///app.db --to postgresql\n"
    "  athanor reflect --json sqlite:///app.db | athanor ddl --to postgresql\n";

int usage_error(const std::string& problem) {
    std::cerr << "athanor: " << problem << "\n\n" << usage_text;
    return 2;
}

bool looks_like_integer(const std::string& value) {
    const std::size_t start = !value.empty() && (value[0] == '-' || value[0] == '+') ? 1 : 0;
    return value.size() > start && value.find_first_not_of("0123456789", start) == std::string::npos;
}

// "name=value" -> a parameter; a value of digits (optionally signed) binds as an integer.
bool parse_param(const std::string& text, athanor::Params& params) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    const auto name = text.substr(0, eq);
    const auto value = text.substr(eq + 1);
    if (looks_like_integer(value)) {
        try {
            params.set(name, static_cast<std::int64_t>(std::stoll(value)));
            return true;
        } catch (const std::out_of_range&) {
            // Too long for 64 bits: keep it as text rather than lose digits.
        }
    }
    params.set(name, value);
    return true;
}

// --escape / --raw, remembered for the error message main() prints.
athanor::cli::OutputStyle::Mode output_mode = athanor::cli::OutputStyle::Mode::automatic;

int run(const std::vector<std::string>& args) {
    std::vector<std::string> rest;
    athanor::Params params;
    bool json = false;
    std::optional<std::string> schema;
    std::optional<std::string> to;
    std::optional<std::string> from;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& arg = args[i];
        if (arg == "-h" || arg == "--help") {
            std::cout << usage_text;
            return 0;
        }
        if (arg == "--version") {
            std::cout << "athanor " << ATHANOR_VERSION << " (plugin SDK ABI " << ATHANOR_SDK_ABI_VERSION << ")\n";
            return 0;
        }
        if (arg == "--plugin-path") {
            if (i + 1 == args.size()) return usage_error("--plugin-path needs a FOLDER");
            athanor::PluginRegistry::global().add_search_path(args[++i]);
            continue;
        }
        if (arg.rfind("--plugin-path=", 0) == 0) {
            athanor::PluginRegistry::global().add_search_path(arg.substr(14));
            continue;
        }
        if (arg == "--param") {
            if (i + 1 == args.size() || !parse_param(args[i + 1], params))
                return usage_error("--param needs NAME=VALUE");
            ++i;
            continue;
        }
        if (arg == "--escape" || arg == "--raw") {
            output_mode = arg == "--escape" ? athanor::cli::OutputStyle::Mode::escape
                                            : athanor::cli::OutputStyle::Mode::raw;
            continue;
        }
        if (arg == "--json") {
            json = true;
            continue;
        }
        if (arg == "--schema") {
            if (i + 1 == args.size()) return usage_error("--schema needs a NAME");
            schema = args[++i];
            continue;
        }
        if (arg == "--to" || arg == "--from") {
            if (i + 1 == args.size()) return usage_error(arg + (arg == "--to" ? " needs a DIALECT" : " needs a SOURCE"));
            (arg == "--to" ? to : from) = args[++i];
            continue;
        }
        if (arg.size() > 1 && arg[0] == '-' && rest.size() < 2) return usage_error("unknown option '" + arg + "'");
        rest.push_back(arg);
    }
    if (rest.empty()) return usage_error("no command given");
    const athanor::cli::OutputStyle style{athanor::cli::OutputStyle::decide(output_mode, STDOUT_FILENO)};
    const auto& command = rest[0];
    if (json && command != "reflect") return usage_error("--json goes with 'reflect' only");
    if (schema && command != "reflect" && command != "ddl") return usage_error("--schema goes with 'reflect' and 'ddl' only");
    if ((to || from) && command != "ddl") return usage_error("--to and --from go with 'ddl' only");
    if (command == "dialects") {
        if (rest.size() != 1 || !params.empty()) return usage_error("'dialects' takes no arguments");
        return athanor::cli::run_dialects(style, std::cout);
    }
    if (command == "sql") {
        if (rest.size() != 3)
            return usage_error("'sql' needs exactly two arguments, URL and STATEMENT (quote the statement)");
        return athanor::cli::run_sql(rest[1], rest[2], params, style, std::cout);
    }
    if (command == "reflect") {
        if (rest.size() != 2 || !params.empty()) return usage_error("'reflect' needs exactly one argument, URL");
        return athanor::cli::run_reflect(rest[1], json, schema.value_or(""), style, std::cout);
    }
    if (command == "ddl") {
        if (rest.size() != 1 || !params.empty()) return usage_error("'ddl' takes its input with --from, not as arguments");
        if (!to) return usage_error("'ddl' needs --to DIALECT (a scheme such as postgresql, or a URL)");
        // Without --from the schema is JSON on standard input; a terminal there would just wait.
        if (!from && isatty(STDIN_FILENO))
            return usage_error("'ddl' without --from reads a JSON schema on standard input: give --from URL or "
                               "--from FILE.json, or pipe 'athanor reflect --json URL' into it");
        return athanor::cli::run_ddl(*to, from.value_or("-"), schema.value_or(""), style, std::cin, std::cout);
    }
    return usage_error("unknown command '" + command + "'");
}

}  // namespace

// Messages quote data and server text; on a terminal their control characters are escaped
// too, except the line breaks of a multi-line message.
static void report(const char* prefix, const char* message) {
    const bool escape = athanor::cli::OutputStyle::decide(output_mode, STDERR_FILENO);
    std::cerr << prefix << (escape ? athanor::cli::escape_controls(message, true) : std::string(message)) << '\n';
}

int main(int argc, char** argv) {
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const athanor::Error& e) {
        report("athanor: error: ", e.what());
    } catch (const std::exception& e) {
        report("athanor: unexpected error: ", e.what());
    }
    return 1;
}
