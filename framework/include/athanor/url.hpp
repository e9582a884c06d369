// athanor/url.hpp — database URLs, parsed by SQLAlchemy's rules. Part of the ground both the
// plugin contract (athanor/sdk) and the engine stand on: a dialect reads its URL's parts here.
//
// Form: dialect[+driver]://[user[:password]@][host|[ipv6]][:port][/database][?key=value&...]
// User, password, host and database are percent-decoded ('+' stays '+'); the query is
// decoded as a form ('+' is a space), repeated keys keep every value in order and a key
// without '=' has the value "". The host part ends at the first '/' or '?', the user part at
// its last '@', so special characters in a password ('/', '?', '@', ':', '%') must be
// percent-encoded, or use Url::create(). `sqlite://` means an in-memory database (no
// database), `sqlite:///rel.db` a relative path and `sqlite:////abs/path.db` an absolute one.
// Rendering for people (render(), operator<<) masks every secret as "***" where it stands:
// the password, the values of the query keys password, sslpassword and PWD (any case), and
// the PWD=/PASSWORD= values inside an odbc_connect connection string ({}-quoted too).
// render(false) is the one rendering that keeps them (to reconnect); it keeps the query order
// and percent-encodes so that parse(render(false)) == the URL. Every malformed URL (no "://",
// bad dialect name, bad port, bad %-escape, unclosed '[') throws ArgumentError quoting the
// URL with those secrets masked.
//
// Usage:
//   auto url = athanor::Url::parse("postgresql://scott:ti%40ger@[::1]:5432/test?sslmode=require");
//   url.backend_name();   // "postgresql"
//   url.password();       // "ti@ger"
//   url.host();           // "::1"
//   url.render();         // "postgresql://scott:***@[::1]:5432/test?sslmode=require"
#pragma once

#include <athanor/export.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace athanor {

class ATHANOR_API Url {
public:
    using QueryItem = std::pair<std::string, std::string>;

    /// Parses a URL string; throws ArgumentError naming the offending part.
    static Url parse(std::string_view text);

    /// Builds a URL from raw (not encoded) parts, like SQLAlchemy's URL.create().
    static Url create(std::string drivername, std::optional<std::string> username = {},
                      std::optional<std::string> password = {}, std::optional<std::string> host = {},
                      std::optional<std::uint16_t> port = {}, std::optional<std::string> database = {},
                      std::vector<QueryItem> query = {});

    /// "dialect" or "dialect+driver", as written.
    const std::string& drivername() const { return drivername_; }
    /// Left of '+': "postgresql".
    std::string backend_name() const;
    /// Right of '+', or "" when the URL names no driver (the plugin's default applies).
    std::string driver_name() const;

    const std::optional<std::string>& username() const { return username_; }
    const std::optional<std::string>& password() const { return password_; }
    const std::optional<std::string>& host() const { return host_; }
    const std::optional<std::uint16_t>& port() const { return port_; }
    const std::optional<std::string>& database() const { return database_; }

    /// Query items in the order written; a repeated key appears once per value.
    const std::vector<QueryItem>& query() const { return query_; }
    /// The last value of `key`, or nullopt.
    std::optional<std::string> query_value(std::string_view key) const;
    /// Every value of `key`, in order.
    std::vector<std::string> query_values(std::string_view key) const;

    /// Copies with one part changed.
    Url with_database(std::optional<std::string> database) const;
    Url with_query(std::vector<QueryItem> query) const;

    /// The URL as text. With `hide_password` (the default) every secret is shown as "***"
    /// (see above); render(false) shows them all, percent-encoded so that
    /// parse(render(false)) == *this — only for handing the URL on, never for printing.
    std::string render(bool hide_password = true) const;

    bool operator==(const Url&) const = default;

private:
    std::string drivername_;
    std::optional<std::string> username_;
    std::optional<std::string> password_;
    std::optional<std::string> host_;
    std::optional<std::uint16_t> port_;
    std::optional<std::string> database_;
    std::vector<QueryItem> query_;
};

/// Writes url.render(): the rendering for people, every secret masked.
ATHANOR_API std::ostream& operator<<(std::ostream& os, const Url& url);

}  // namespace athanor
