// The SQL functions registered on every SQLite connection (see sqlite_functions.hpp).
#include "sqlite_functions.hpp"

#include "sqlite_errors.hpp"

#include <sqlite3.h>

#include <regex>
#include <string>

namespace athanor::sqlite {

namespace {

void delete_regex(void* p) { delete static_cast<std::regex*>(p); }

void regexp_function(sqlite3_context* context, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    auto* pattern = static_cast<std::regex*>(sqlite3_get_auxdata(context, 0));
    if (pattern == nullptr) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
        const std::string source(text, static_cast<std::size_t>(sqlite3_value_bytes(argv[0])));
        try {
            pattern = new std::regex(source, std::regex::ECMAScript);
        } catch (const std::regex_error& e) {
            const std::string message = "invalid regular expression '" + source + "': " + e.what();
            sqlite3_result_error(context, message.c_str(), -1);
            return;
        } catch (const std::bad_alloc&) {
            sqlite3_result_error_nomem(context);
            return;
        }
        // SQLite owns the pattern from here (it may call delete_regex at once).
        sqlite3_set_auxdata(context, 0, pattern, delete_regex);
        pattern = static_cast<std::regex*>(sqlite3_get_auxdata(context, 0));
        if (pattern == nullptr) {
            sqlite3_result_error_nomem(context);
            return;
        }
    }
    const auto* value = reinterpret_cast<const char*>(sqlite3_value_text(argv[1]));
    const auto size = static_cast<std::size_t>(sqlite3_value_bytes(argv[1]));
    try {
        sqlite3_result_int(context, std::regex_search(value, value + size, *pattern) ? 1 : 0);
    } catch (const std::regex_error& e) {  // e.g. error_complexity on a pathological pattern
        const std::string message = std::string("regular expression failed: ") + e.what();
        sqlite3_result_error(context, message.c_str(), -1);
    }
}

}  // namespace

void register_functions(sqlite3* db) {
    const int rc = sqlite3_create_function_v2(db, "regexp", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                              regexp_function, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw_for_code(sqlite3_extended_errcode(db), std::string("registering regexp(): ") + sqlite3_errmsg(db));
}

}  // namespace athanor::sqlite
