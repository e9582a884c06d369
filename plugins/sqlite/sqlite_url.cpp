// sqlite:// URL -> sqlite3_open_v2 arguments (see sqlite_url.hpp for the rules).
#include "sqlite_url.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/text_util.hpp>

#include <sqlite3.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

namespace athanor::sqlite {

namespace {

using sdk::ascii_lower;

bool starts_with_file_scheme(std::string_view name) {
    return name.size() >= 5 && sdk::ascii_iequals(name.substr(0, 5), "file:");
}

bool wants_uri(const Url& url) { return ascii_lower(url.query_value("uri").value_or("")) == "true"; }

// Percent-encodes what would change the meaning of a URI query key or value.
std::string uri_escape(std::string_view raw) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        if (c > 0x20 && c < 0x7F && ch != '%' && ch != '&' && ch != '=' && ch != '#' && ch != '?' && ch != '+') {
            out += ch;
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 0xF];
        }
    }
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes %HH as SQLite does in a URI's query (anything else stays as written).
std::string uri_unescape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const int hi = text[i] == '%' && i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
        const int lo = hi >= 0 ? hex_value(text[i + 2]) : -1;
        if (lo >= 0) {
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

bool is_dialect_key(std::string_view key) { return key == "timeout" || key == "uri"; }

// The filename sqlite3_open_v2 gets, without validating anything.
std::string target_filename(const Url& url) {
    const std::string database = url.database().value_or("");
    if (!wants_uri(url)) {
        if (database.empty()) return ":memory:";
        return starts_with_file_scheme(database) ? "./" + database : database;
    }
    std::string uri = database.empty() ? std::string("file::memory:") : database;
    bool has_query = uri.find('?') != std::string::npos;
    for (const auto& [key, value] : url.query()) {
        if (is_dialect_key(key)) continue;
        uri += has_query ? '&' : '?';
        has_query = true;
        uri += uri_escape(key) + "=" + uri_escape(value);
    }
    return uri;
}

// The last value of `key` in a SQLite URI's query, decoded.
std::optional<std::string> uri_parameter(std::string_view uri, std::string_view key) {
    const std::size_t q = uri.find('?');
    if (q == std::string_view::npos) return std::nullopt;
    std::string_view rest = uri.substr(q + 1);
    rest = rest.substr(0, rest.find('#'));
    std::optional<std::string> out;
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view item = rest.substr(0, amp);
        const std::size_t eq = item.find('=');
        if (uri_unescape(item.substr(0, eq)) == key)
            out = eq == std::string_view::npos ? std::string() : uri_unescape(item.substr(eq + 1));
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    }
    return out;
}

int parse_timeout_ms(const std::string& text) {
    double seconds = -1;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, seconds);
    if (ec != std::errc() || ptr != end || !std::isfinite(seconds) || seconds < 0 || seconds > 2'000'000)
        throw ArgumentError("invalid SQLite URL option timeout=" + text +
                            ": give the busy timeout in seconds, e.g. timeout=5 or timeout=0.25");
    return static_cast<int>(std::lround(seconds * 1000));
}

}  // namespace

SqliteOpenOptions open_options(const Url& url) {
    SqliteOpenOptions options;
    const std::string database = url.database().value_or("");
    if (database.find('\0') != std::string::npos)
        throw ArgumentError("a SQLite database name cannot contain a NUL byte (%00): SQLite would stop at it and "
                            "open another file (got " + url.render() + ")");
    const bool uri = wants_uri(url);
    std::string mode = "rwc";
    for (const auto& [key, value] : url.query()) {
        if (key == "timeout") {
            options.busy_timeout_ms = parse_timeout_ms(value);
        } else if (key == "uri") {
            const std::string v = ascii_lower(value);
            if (v != "true" && v != "false")
                throw ArgumentError("invalid SQLite URL option uri=" + value + ": use uri=true or uri=false");
        } else if (uri) {
            if (key.find('\0') != std::string::npos || value.find('\0') != std::string::npos)
                throw ArgumentError("a SQLite URI parameter cannot contain a NUL byte (%00) (got " + url.render() + ")");
            if (!database.empty() && !starts_with_file_scheme(database))
                throw ArgumentError("with uri=true the database of a SQLite URL must be a file: URI to take the "
                                    "parameter '" + key + "', e.g. sqlite:///file:data.db?" + key + "=...&uri=true (got " +
                                    url.render() + ")");
        } else if (key == "mode") {
            mode = ascii_lower(value);
            if (mode != "ro" && mode != "rw" && mode != "rwc")
                throw ArgumentError("invalid SQLite URL option mode=" + value +
                                    ": use ro, rw or rwc (mode=memory and other SQLite URI parameters need uri=true "
                                    "and a file: database)");
        } else {
            throw ArgumentError("unknown SQLite URL option '" + key +
                                "'; the sqlite dialect accepts timeout, mode and uri, and with uri=true every other "
                                "key is a parameter of the SQLite URI in the database part (e.g. "
                                "sqlite:///file:data.db?" + key + "=...&uri=true)");
        }
    }
    // With a URI, its own mode= parameter restricts the access; the flags allow everything.
    if (mode == "ro")
        options.flags = SQLITE_OPEN_READONLY;
    else if (mode == "rw")
        options.flags = SQLITE_OPEN_READWRITE;
    else
        options.flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (uri) options.flags |= SQLITE_OPEN_URI;
    options.filename = target_filename(url);
    return options;
}

bool is_private_memory(const Url& url) {
    const std::string filename = target_filename(url);
    if (!wants_uri(url)) return filename == ":memory:";
    if (!starts_with_file_scheme(filename)) return filename == ":memory:";
    std::string_view path = std::string_view(filename).substr(5);
    path = path.substr(0, path.find_first_of("?#"));
    const bool memory = path == ":memory:" || uri_parameter(filename, "mode") == "memory";
    return memory && uri_parameter(filename, "cache") != "shared";
}

}  // namespace athanor::sqlite
