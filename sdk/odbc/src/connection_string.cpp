// Building, quoting and leniently parsing ODBC connection strings.
#include <athanor/odbc/connection_string.hpp>

#include <algorithm>
#include <cctype>

namespace athanor::odbc {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

}  // namespace

bool OdbcConnectionString::is_password_key(std::string_view key) {
    return iequals(key, "PWD") || iequals(key, "Password");
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
        if (iequals(k, key)) {
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
        if (iequals(k, key)) return v;
    return std::nullopt;
}

std::string OdbcConnectionString::str() const {
    std::string out;
    for (const auto& [k, v] : attributes_) {
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

std::vector<std::string> OdbcConnectionString::secrets() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : attributes_)
        if (is_password_key(k) && !v.empty()) out.push_back(v);
    return out;
}

}  // namespace athanor::odbc
