// Url parsing and rendering. The split follows RFC 3986 (the authority ends at the first
// '/' or '?', the user part at its last '@') with SQLAlchemy's decoding rules, so
// "user:p@ss@host" still works. No password leaks into an error message or a rendering for
// people: the user-info password, the password/sslpassword/PWD query keys and the PWD= and
// PASSWORD= attributes of an odbc_connect string are masked where they stand, as "***".
#include <athanor/url.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/text_util.hpp>

#include <algorithm>
#include <charconv>
#include <ostream>
#include <utility>
#include <vector>

namespace athanor {

namespace {

bool is_word(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_unreserved(unsigned char c) {
    return is_word(static_cast<char>(c)) || c == '-' || c == '.' || c == '~';
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

using sdk::ascii_lower;

// Query keys whose value is a password: libpq's password and sslpassword, ODBC's PWD.
bool is_secret_key(std::string_view key) {
    const std::string k = ascii_lower(key);
    return k == "password" || k == "sslpassword" || k == "pwd";
}

// A query key whose value is a whole ODBC connection string.
bool is_connection_string_key(std::string_view key) { return ascii_lower(key) == "odbc_connect"; }

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// An ODBC connection string with the value of every PWD= / PASSWORD= attribute (key in any
// case, spaces around it allowed) replaced by "***", the rest as written. A {}-quoted value
// ends at the '}' that is not doubled; an unclosed '{' runs to the end of the string.
std::string mask_connection_string(std::string_view cs) {
    std::string out;
    std::size_t i = 0;
    while (i < cs.size()) {
        std::size_t eq = cs.find_first_of("=;", i);
        if (eq == std::string_view::npos || cs[eq] == ';') {  // an attribute without '='
            const std::size_t end = eq == std::string_view::npos ? cs.size() : eq + 1;
            out.append(cs.substr(i, end - i));
            i = end;
            continue;
        }
        const std::string key = ascii_lower(trimmed(cs.substr(i, eq - i)));
        std::size_t value = eq + 1;
        while (value < cs.size() && (cs[value] == ' ' || cs[value] == '\t')) ++value;
        std::size_t end = cs.size();
        if (value < cs.size() && cs[value] == '{') {
            for (std::size_t k = value + 1; k < cs.size(); ++k) {
                if (cs[k] != '}') continue;
                if (k + 1 < cs.size() && cs[k + 1] == '}') {
                    ++k;
                    continue;
                }
                end = std::min(cs.find(';', k + 1), cs.size());
                break;
            }
        } else {
            end = std::min(cs.find(';', value), cs.size());
        }
        out.append(cs.substr(i, eq + 1 - i));
        if (key == "pwd" || key == "password") out += "***";
        else out.append(cs.substr(eq + 1, end - eq - 1));
        if (end < cs.size()) out += ';';
        i = end + 1;
    }
    return out;
}

// Masks the secrets of raw URL text that may not parse, erring towards masking too much:
// the password from the first ':' after "://" up to the last '@' of the URL (an unencoded
// '/', '?' or '@' in a password moves the authority's end, so nothing later can be trusted
// to be outside it), and the values of the secret query keys and of odbc_connect whole. The
// ranges are found in the text as given and overlapping ones become one "***", so a '?' or
// '@' inside one secret cannot expose part of another.
std::string masked(std::string_view text) {
    std::size_t start = text.find("://");
    start = start == std::string_view::npos ? 0 : start + 3;
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // [from, to) to replace
    const std::size_t at = text.rfind('@');
    const std::size_t colon = text.find(':', start);
    if (at != std::string_view::npos && at >= start && colon != std::string_view::npos && colon < at)
        ranges.emplace_back(colon + 1, at);
    for (std::size_t q = text.find('?', start); q != std::string_view::npos && q < text.size();) {
        const std::size_t item = q + 1;
        const std::size_t amp = std::min(text.find('&', item), text.size());
        const std::size_t eq = text.find('=', item);
        if (eq < amp) {
            const std::string_view key = text.substr(item, eq - item);
            if (is_secret_key(key) || is_connection_string_key(key)) ranges.emplace_back(eq + 1, amp);
        }
        q = amp;
    }
    std::sort(ranges.begin(), ranges.end());
    std::string out;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < ranges.size();) {
        auto [from, to] = ranges[i];
        for (++i; i < ranges.size() && ranges[i].first <= to; ++i) to = std::max(to, ranges[i].second);
        out.append(text.substr(copied, from - copied)).append("***");
        copied = to;
    }
    return out.append(text.substr(copied));
}

[[noreturn]] void fail(std::string_view text, const std::string& why) {
    throw ArgumentError("Could not parse database URL '" + masked(text) + "': " + why);
}

// Percent-decodes `part`; '+' stays '+' unless `plus_is_space` (query strings).
std::string decode(std::string_view part, std::string_view url, const char* what, bool plus_is_space = false) {
    std::string out;
    out.reserve(part.size());
    for (std::size_t i = 0; i < part.size(); ++i) {
        char c = part[i];
        if (c == '%') {
            int hi = i + 1 < part.size() ? hex_value(part[i + 1]) : -1;
            int lo = i + 2 < part.size() ? hex_value(part[i + 2]) : -1;
            if (hi < 0 || lo < 0)
                fail(url, std::string("bad percent escape in the ") + what +
                              "; write a literal '%' as %25 and other escapes as %XX with two hex digits");
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

// Percent-encodes every byte that is not unreserved and not in `safe`.
std::string encode(std::string_view raw, std::string_view safe, bool space_as_plus = false) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : raw) {
        auto c = static_cast<unsigned char>(ch);
        if (is_unreserved(c) || (c > 0x20 && c < 0x7F && safe.find(ch) != std::string_view::npos)) {
            out += ch;
        } else if (c == ' ' && space_as_plus) {
            out += '+';
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 0xF];
        }
    }
    return out;
}

void check_drivername(std::string_view name, std::string_view url) {
    if (name.empty()) fail(url, "the dialect name before '://' is empty; expected e.g. sqlite:///file.db");
    for (char c : name)
        if (!is_word(c) && c != '+')
            fail(url, "the dialect name '" + std::string(name) + "' may contain only letters, digits, '_' and '+'");
    if (name.front() == '+' || name.back() == '+' || name.find("++") != std::string_view::npos)
        fail(url, "the dialect name '" + std::string(name) + "' must be dialect or dialect+driver");
}

std::uint16_t parse_port(std::string_view port, std::string_view url, bool at_after_authority) {
    unsigned value = 0;
    auto r = std::from_chars(port.data(), port.data() + port.size(), value);
    if (r.ec != std::errc() || r.ptr != port.data() + port.size() || value > 65535) {
        std::string why = "the port must be an integer from 0 to 65535";
        // An '@' further on usually means an unencoded '/' or '?' in the password.
        if (at_after_authority) why += "; if the password contains '/', '?', '@' or ':', percent-encode them (%2F, %3F, %40, %3A)";
        else why += ", not '" + std::string(port) + "'";
        fail(url, why);
    }
    return static_cast<std::uint16_t>(value);
}

}  // namespace

Url Url::parse(std::string_view input) {
    std::string_view text = input;
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')) text.remove_suffix(1);

    std::size_t sep = text.find("://");
    if (sep == std::string_view::npos)
        fail(text, "expected dialect[+driver]://[user[:password]@][host][:port][/database][?key=value], "
                   "e.g. sqlite:///file.db or postgresql://user@localhost/db");
    Url url;
    check_drivername(text.substr(0, sep), text);
    url.drivername_ = std::string(text.substr(0, sep));

    std::string_view rest = text.substr(sep + 3);
    std::size_t auth_end = rest.find_first_of("/?");
    std::string_view authority = rest.substr(0, auth_end);
    rest = auth_end == std::string_view::npos ? std::string_view{} : rest.substr(auth_end);

    std::size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
        std::string_view userinfo = authority.substr(0, at);
        authority = authority.substr(at + 1);
        std::size_t colon = userinfo.find(':');
        url.username_ = decode(userinfo.substr(0, colon), text, "user name");
        if (colon != std::string_view::npos) url.password_ = decode(userinfo.substr(colon + 1), text, "password");
    }
    const bool at_later = rest.find('@') != std::string_view::npos;

    std::string_view port;
    bool has_port = false;
    if (!authority.empty() && authority.front() == '[') {
        std::size_t close = authority.find(']');
        if (close == std::string_view::npos) fail(text, "the IPv6 host has no closing ']'");
        if (close == 1) fail(text, "the IPv6 host between '[' and ']' is empty");
        // Decoded so that a zone id written as RFC 6874 wants ("fe80::1%25eth0") reaches the driver.
        url.host_ = decode(authority.substr(1, close - 1), text, "host");
        std::string_view after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') fail(text, "expected ':port' after the IPv6 host ']'");
            port = after.substr(1);
            has_port = true;
        }
    } else {
        std::size_t colon = authority.find(':');
        std::string_view host = authority.substr(0, colon);
        if (host.find(']') != std::string_view::npos || host.find('[') != std::string_view::npos)
            fail(text, "'[' and ']' may only enclose an IPv6 host");
        if (!host.empty()) url.host_ = decode(host, text, "host");
        if (colon != std::string_view::npos) {
            port = authority.substr(colon + 1);
            has_port = true;
        }
    }
    // An empty port ("host:/db") means none, as in RFC 3986 and SQLAlchemy.
    if (has_port && !port.empty()) url.port_ = parse_port(port, text, at_later);

    std::size_t q = rest.find('?');
    std::string_view path = rest.substr(0, q);
    if (!path.empty()) url.database_ = decode(path.substr(1), text, "database");
    if (q != std::string_view::npos) {
        std::string_view query = rest.substr(q + 1);
        while (!query.empty()) {
            std::size_t amp = query.find('&');
            std::string_view item = query.substr(0, amp);
            query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
            if (item.empty()) continue;
            std::size_t eq = item.find('=');
            std::string key = decode(item.substr(0, eq), text, "query key", true);
            if (key.empty()) fail(text, "a query item has no key before '='");
            std::string value = eq == std::string_view::npos ? std::string{} : decode(item.substr(eq + 1), text, "query value", true);
            url.query_.emplace_back(std::move(key), std::move(value));
        }
    }
    return url;
}

Url Url::create(std::string drivername, std::optional<std::string> username, std::optional<std::string> password,
                std::optional<std::string> host, std::optional<std::uint16_t> port,
                std::optional<std::string> database, std::vector<QueryItem> query) {
    check_drivername(drivername, drivername + "://");
    Url url;
    url.drivername_ = std::move(drivername);
    url.username_ = std::move(username);
    url.password_ = std::move(password);
    url.host_ = std::move(host);
    url.port_ = port;
    url.database_ = std::move(database);
    url.query_ = std::move(query);
    return url;
}

std::string Url::backend_name() const { return drivername_.substr(0, drivername_.find('+')); }

std::string Url::driver_name() const {
    std::size_t plus = drivername_.find('+');
    return plus == std::string::npos ? std::string{} : drivername_.substr(plus + 1);
}

std::optional<std::string> Url::query_value(std::string_view key) const {
    std::optional<std::string> out;
    for (const auto& [k, v] : query_)
        if (k == key) out = v;
    return out;
}

std::vector<std::string> Url::query_values(std::string_view key) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : query_)
        if (k == key) out.push_back(v);
    return out;
}

Url Url::with_database(std::optional<std::string> database) const {
    Url copy = *this;
    copy.database_ = std::move(database);
    return copy;
}

Url Url::with_query(std::vector<QueryItem> query) const {
    Url copy = *this;
    copy.query_ = std::move(query);
    return copy;
}

std::string Url::render(bool hide_password) const {
    std::string s = drivername_ + "://";
    // A password without a user name still needs the "user:" slot to round-trip.
    if (username_ || password_) {
        s += encode(username_.value_or(""), "+");
        if (password_) {
            s += ':';
            s += hide_password ? std::string("***") : encode(*password_, "+");
        }
        s += "@";
    }
    if (host_) {
        if (host_->find(':') != std::string::npos) {
            s += '[';
            s += encode(*host_, ":");
            s += ']';
        }
        else s += encode(*host_, "+");
    }
    if (port_) {
        s += ':';
        s += std::to_string(*port_);
    }
    // ':' and '/' stay readable in paths ("sqlite:///:memory:", "sqlite:////abs/x.db").
    if (database_) {
        s += '/';
        s += encode(*database_, "+/:@");
    }
    for (std::size_t i = 0; i < query_.size(); ++i) {
        const auto& [key, value] = query_[i];
        s += i == 0 ? "?" : "&";
        s += encode(key, "", true) + "=";
        // Masked values keep their "***" readable; '*' needs no escape in a query.
        if (hide_password && is_secret_key(key)) s += "***";
        else if (hide_password && is_connection_string_key(key)) s += encode(mask_connection_string(value), "*", true);
        else s += encode(value, "", true);
    }
    return s;
}

std::ostream& operator<<(std::ostream& os, const Url& url) { return os << url.render(); }

}  // namespace athanor
