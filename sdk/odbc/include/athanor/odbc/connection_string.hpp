// athanor/odbc/connection_string.hpp — an ODBC connection string ("Key=Value;...") as data.
//
// Keys keep their order and compare case-insensitively (as drivers read them). str() writes
// the string SQLDriverConnect takes: a value holding ';', '{', '}' or leading/trailing
// blanks is wrapped in braces with every '}' doubled. redacted() shows PWD/Password values as
// "***"; mask_passwords() does the same to any text that quotes a connection string (a driver
// message echoing one), masking the value after a PWD=/Password= key and nothing else, so a
// password's text is never searched for in a message. parse() reads a raw string (the URL's
// odbc_connect) leniently, only to redact it; the raw text is still what gets sent.
//
// Example:
//   athanor::odbc::OdbcConnectionString cs;
//   cs.set("Driver", "/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so").set("Server", "127.0.0.1")
//     .set("UID", "scott").set("PWD", "ti;ger");
//   cs.str();       // "Driver=/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so;Server=127.0.0.1;UID=scott;PWD={ti;ger}"
//   cs.redacted();  // "...;UID=scott;PWD=***"
//   OdbcConnectionString::mask_passwords("bad attribute in 'UID=a;PWD={x;y}'");  // "...'UID=a;PWD=***'"
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace athanor::odbc {

class OdbcConnectionString {
public:
    using Attribute = std::pair<std::string, std::string>;

    /// Reads "k=v;k2={v;2}"; malformed pieces are kept as best it can (never throws).
    static OdbcConnectionString parse(std::string_view raw);

    /// Sets `key`, replacing an existing value of the same key (case-insensitive) in place.
    OdbcConnectionString& set(std::string key, std::string value);
    /// Sets `key` only when it is not there yet.
    OdbcConnectionString& set_default(std::string key, std::string value);
    std::optional<std::string> get(std::string_view key) const;
    bool contains(std::string_view key) const { return get(key).has_value(); }
    const std::vector<Attribute>& attributes() const { return attributes_; }
    bool empty() const { return attributes_.empty(); }

    std::string str() const;
    std::string redacted() const;
    /// `text` with the value of every PWD=/Password= attribute in it replaced by "***": a
    /// braced value to its closing brace, else up to ';' or the end of the line.
    static std::string mask_passwords(std::string_view text);

    /// `value` as a connection-string value: braced when it has to be.
    static std::string quote(std::string_view value);
    /// True for the keys drivers read a password from (PWD, Password).
    static bool is_password_key(std::string_view key);

private:
    std::vector<Attribute> attributes_;
};

}  // namespace athanor::odbc
