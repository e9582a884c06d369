// The front-of-statement scan shared by the drivers (see athanor/sdk/sql_scan.hpp).
#include <athanor/sdk/sql_scan.hpp>

#include <athanor/sdk/text_util.hpp>

namespace athanor::sdk {

namespace {
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
}  // namespace

std::size_t skip_blanks_and_comments(std::string_view sql, std::size_t pos) {
    while (pos < sql.size()) {
        if (is_blank(sql[pos])) {
            ++pos;
        } else if (sql.substr(pos, 2) == "--") {
            pos = sql.find('\n', pos);
            if (pos == std::string_view::npos) return sql.size();
        } else if (sql.substr(pos, 2) == "/*") {
            pos = sql.find("*/", pos + 2);
            if (pos == std::string_view::npos) return sql.size();
            pos += 2;
        } else {
            break;
        }
    }
    return pos;
}

std::string leading_keyword(std::string_view sql) {
    std::size_t pos = skip_blanks_and_comments(sql);
    while (pos < sql.size() && sql[pos] == '(') pos = skip_blanks_and_comments(sql, pos + 1);
    std::string word;
    while (pos < sql.size() && is_ascii_letter(sql[pos])) word += ascii_upper(sql[pos++]);
    return word;
}

}  // namespace athanor::sdk
