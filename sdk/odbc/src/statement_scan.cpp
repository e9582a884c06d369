// A lexer just deep enough to find the `;` that ends a statement (see statement_scan.hpp).
#include <athanor/odbc/statement_scan.hpp>

#include <cctype>

namespace athanor::odbc {

namespace {

bool identifier_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
}

/// Past a quoted run that opened at `pos` with `quote` and closes with the same character
/// (doubled to escape it); `backslash`: a backslash escapes the next character.
std::size_t skip_quoted(std::string_view sql, std::size_t pos, char quote, bool backslash) {
    for (std::size_t p = pos + 1; p < sql.size(); ++p) {
        if (backslash && sql[p] == '\\') {
            ++p;
        } else if (sql[p] == quote) {
            if (p + 1 < sql.size() && sql[p + 1] == quote) ++p;
            else return p + 1;
        }
    }
    return sql.size();
}

/// Past a /* comment */ that opened at `pos`; npos when it is never closed.
std::size_t skip_block_comment(std::string_view sql, std::size_t pos, bool nested) {
    int depth = 1;
    for (std::size_t p = pos + 2; p + 1 < sql.size(); ++p) {
        if (sql[p] == '*' && sql[p + 1] == '/') {
            if (--depth == 0) return p + 2;
            ++p;
        } else if (nested && sql[p] == '/' && sql[p + 1] == '*') {
            ++depth;
            ++p;
        }
    }
    return std::string_view::npos;
}

/// The length of the dollar-quote tag ($$ or $name$) at `pos`, or 0 when `$` starts none
/// (a $1 parameter, or a `$` inside a name).
std::size_t dollar_tag(std::string_view sql, std::size_t pos) {
    if (pos > 0 && identifier_char(sql[pos - 1])) return 0;
    std::size_t p = pos + 1;
    if (p < sql.size() && std::isdigit(static_cast<unsigned char>(sql[p]))) return 0;
    while (p < sql.size() && sql[p] != '$') {
        if (!identifier_char(sql[p])) return 0;
        ++p;
    }
    return p < sql.size() ? p - pos + 1 : 0;
}

}  // namespace

OdbcStatementScan scan_statement(std::string_view sql, const OdbcSqlLexicon& lexicon) {
    OdbcStatementScan scan;
    bool ended = false;  // a top-level `;` was seen: only blanks, comments and `;` may follow
    std::size_t pos = 0;
    while (pos < sql.size()) {
        const char c = sql[pos];
        const char next = pos + 1 < sql.size() ? sql[pos + 1] : '\0';
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++pos;
        } else if (c == '-' && next == '-') {
            const std::size_t newline = sql.find('\n', pos);
            pos = newline == std::string_view::npos ? sql.size() : newline + 1;
        } else if (c == '/' && next == '*') {
            pos = skip_block_comment(sql, pos, lexicon.nested_comments);
            if (pos == std::string_view::npos) {  // left open: the server decides what it means
                scan.end = sql.size();
                return scan;
            }
        } else if (c == ';') {
            ended = true;
            ++pos;
        } else if (ended) {
            scan.second = pos;
            return scan;
        } else if (c == '\'') {
            const bool escaped = lexicon.escape_strings && pos > 0 && (sql[pos - 1] == 'E' || sql[pos - 1] == 'e') &&
                                 (pos < 2 || !identifier_char(sql[pos - 2]));
            pos = skip_quoted(sql, pos, '\'', escaped);
        } else if (c == '"') {
            pos = skip_quoted(sql, pos, '"', false);
        } else if (c == '`' && lexicon.backtick_identifiers) {
            pos = skip_quoted(sql, pos, '`', false);
        } else if (c == '[' && lexicon.bracket_identifiers) {
            const std::size_t close = sql.find(']', pos + 1);
            pos = close == std::string_view::npos ? sql.size() : close + 1;
        } else if (c == '$' && lexicon.dollar_quotes && dollar_tag(sql, pos) > 0) {
            const std::size_t length = dollar_tag(sql, pos);
            const std::size_t close = sql.find(sql.substr(pos, length), pos + length);
            pos = close == std::string_view::npos ? sql.size() : close + length;
        } else {
            ++pos;
        }
        if (!ended && !std::isspace(static_cast<unsigned char>(c)) && !(c == '-' && next == '-') &&
            !(c == '/' && next == '*'))
            scan.end = pos;  // what was just passed belongs to the statement
    }
    return scan;
}

}  // namespace athanor::odbc
