// Building, quoting and leniently parsing ODBC connection strings.
#include <athanor/odbc/connection_string.hpp>

#include <athanor/errors.hpp>
#include <athanor/sdk/text_util.hpp>

#include <algorithm>
#include <cctype>

namespace athanor::odbc {

namespace {

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

}  // namespace

bool OdbcConnectionString::is_password_key(std::string_view key) {
    return sdk::ascii_iequals(key, "PWD") || sdk::ascii_iequals(key, "Password");
}

std::string OdbcConnectionString::quote(std::string_view value) {
    const bool needs = value.find_first_of(";{}") != std::string_view::npos ||
                       (!value.empty() && (std::isspace(static_cast<unsigned char>(value.front())) ||
                                           std::isspace(static_cast<unsigned char>(value.back()))));
    if (!needs) return std::string(value);
    std::string out = "{";
    for (char c : value) {
        out += c;
        if (c == '}') out += '}';
    }
    out += '}';
    return out;
}

OdbcConnectionString OdbcConnectionString::parse(std::string_view raw) {
    OdbcConnectionString out;
    std::size_t pos = 0;
    while (pos < raw.size()) {
        const std::size_t eq = raw.find('=', pos);
        if (eq == std::string_view::npos) break;
        std::string key = trim(raw.substr(pos, eq - pos));
        std::size_t p = eq + 1;
        while (p < raw.size() && raw[p] == ' ') ++p;
        std::string value;
        if (p < raw.size() && raw[p] == '{') {
            ++p;
            while (p < raw.size()) {
                if (raw[p] == '}') {
                    if (p + 1 < raw.size() && raw[p + 1] == '}') {
                        value += '}';
                        p += 2;
                        continue;
                    }
                    ++p;
                    break;
                }
                value += raw[p++];
            }
            const std::size_t semi = raw.find(';', p);
            pos = semi == std::string_view::npos ? raw.size() : semi + 1;
        } else {
            const std::size_t semi = raw.find(';', p);
            const std::size_t end = semi == std::string_view::npos ? raw.size() : semi;
            value = trim(raw.substr(p, end - p));
            pos = semi == std::string_view::npos ? raw.size() : semi + 1;
        }
        if (!key.empty()) out.attributes_.emplace_back(std::move(key), std::move(value));
    }
    return out;
}

OdbcConnectionString& OdbcConnectionString::set(std::string key, std::string value) {
    for (auto& [k, v] : attributes_)
        if (sdk::ascii_iequals(k, key)) {
            v = std::move(value);
            return *this;
        }
    attributes_.emplace_back(std::move(key), std::move(value));
    return *this;
}

OdbcConnectionString& OdbcConnectionString::set_default(std::string key, std::string value) {
    if (!contains(key)) attributes_.emplace_back(std::move(key), std::move(value));
    return *this;
}

std::optional<std::string> OdbcConnectionString::get(std::string_view key) const {
    for (const auto& [k, v] : attributes_)
        if (sdk::ascii_iequals(k, key)) return v;
    return std::nullopt;
}

std::string OdbcConnectionString::str() const {
    std::string out;
    for (const auto& [k, v] : attributes_) {
        // The driver reads a C string: a NUL would end the value early (a database path would
        // name another file), so it is refused instead. The value is not quoted: it may be secret.
        if (k.find('\0') != std::string::npos || v.find('\0') != std::string::npos)
            throw ArgumentError("the ODBC connection attribute '" + std::string(k.c_str()) +
                                "' contains a NUL byte (%00 in the URL); an ODBC driver would read only what "
                                "precedes it");
        if (!out.empty()) out += ';';
        out += k + "=" + quote(v);
    }
    return out;
}

std::string OdbcConnectionString::redacted() const {
    std::string out;
    for (const auto& [k, v] : attributes_) {
        if (!out.empty()) out += ';';
        out += k + "=" + (is_password_key(k) ? std::string("***") : quote(v));
    }
    return out;
}

std::string OdbcConnectionString::mask_passwords(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    for (std::size_t eq = text.find('=', pos); eq != std::string_view::npos; eq = text.find('=', pos)) {
        std::size_t key_end = eq;
        while (key_end > pos && text[key_end - 1] == ' ') --key_end;
        std::size_t key_begin = key_end;
        while (key_begin > pos && std::isalnum(static_cast<unsigned char>(text[key_begin - 1]))) --key_begin;
        out.append(text.substr(pos, eq + 1 - pos));
        pos = eq + 1;
        if (key_begin == key_end || !is_password_key(text.substr(key_begin, key_end - key_begin))) continue;
        while (pos < text.size() && text[pos] == ' ') out += text[pos++];
        std::size_t end = pos;
        if (end < text.size() && text[end] == '{') {
            for (++end; end < text.size(); ++end)
                if (text[end] == '}') {
                    if (end + 1 < text.size() && text[end + 1] == '}') ++end;
                    else break;
                }
            end = std::min(end + 1, text.size());
        } else {
            end = std::min(text.find_first_of(";\r\n", pos), text.size());
        }
        out += "***";
        pos = end;
    }
    out.append(text.substr(pos));
    return out;
}

}  // namespace athanor::odbc
