// Statement classification and name parsing for the Mimer SQL plugin.
#include "mimer_statement.hpp"

#include <athanor/sdk/sql_scan.hpp>
#include <athanor/sdk/text_util.hpp>

#include <cctype>

namespace athanor::mimer {

namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#'; }

/// Reads one identifier at `pos` (a "delimited" one with "" as a quote, or a regular one),
/// skipping blanks and comments before it; nullopt when there is none.
std::optional<std::string> read_identifier(std::string_view sql, std::size_t& pos) {
    pos = sdk::skip_blanks_and_comments(sql, pos);
    if (pos >= sql.size()) return std::nullopt;
    std::string out;
    if (sql[pos] == '"') {
        for (++pos; pos < sql.size(); ++pos) {
            if (sql[pos] == '"') {
                if (pos + 1 < sql.size() && sql[pos + 1] == '"') {
                    out += '"';
                    ++pos;
                    continue;
                }
                ++pos;
                return out;
            }
            out += sql[pos];
        }
        return std::nullopt;  // unclosed
    }
    while (pos < sql.size() && (word_char(sql[pos]) || static_cast<unsigned char>(sql[pos]) >= 0x80)) out += sql[pos++];
    if (out.empty()) return std::nullopt;
    return out;
}

/// `[schema.]name` at `pos`.
std::optional<QualifiedName> read_qualified(std::string_view sql, std::size_t& pos) {
    auto first = read_identifier(sql, pos);
    if (!first) return std::nullopt;
    std::size_t dot = sdk::skip_blanks_and_comments(sql, pos);
    if (dot < sql.size() && sql[dot] == '.') {
        pos = dot + 1;
        auto second = read_identifier(sql, pos);
        if (!second) return std::nullopt;
        return QualifiedName{*first, *second};
    }
    return QualifiedName{"", *first};
}

/// True when the word at `pos` (after blanks and comments) is `word` (any case); moves past it.
bool expect_word(std::string_view sql, std::size_t& pos, std::string_view word) {
    std::size_t at = sdk::skip_blanks_and_comments(sql, pos);
    if (at + word.size() > sql.size() || !sdk::ascii_iequals(sql.substr(at, word.size()), word)) return false;
    if (at + word.size() < sql.size() && word_char(sql[at + word.size()])) return false;
    pos = at + word.size();
    return true;
}

}  // namespace

StatementKind statement_kind(std::string_view sql) {
    const std::string word = sdk::leading_keyword(sql);
    if (word == "CREATE" || word == "DROP" || word == "ALTER" || word == "COMMENT" || word == "GRANT" ||
        word == "REVOKE")
        return StatementKind::ddl;
    if (word == "INSERT" || word == "UPDATE" || word == "DELETE" || word == "MERGE") return StatementKind::dml;
    if (word == "COMMIT") return StatementKind::ends_transaction;
    if (word == "ROLLBACK") {
        std::size_t pos = 0;
        expect_word(sql, pos, "ROLLBACK");
        expect_word(sql, pos, "WORK");
        return expect_word(sql, pos, "TO") ? StatementKind::other : StatementKind::ends_transaction;
    }
    return StatementKind::other;
}

std::optional<InsertTarget> insert_target(std::string_view sql) {
    std::size_t pos = 0;
    if (!expect_word(sql, pos, "INSERT") || !expect_word(sql, pos, "INTO")) return std::nullopt;
    auto table = read_qualified(sql, pos);
    if (!table) return std::nullopt;
    InsertTarget target{*table, {}};
    std::size_t at = sdk::skip_blanks_and_comments(sql, pos);
    if (at < sql.size() && sql[at] == '(') {
        pos = at + 1;
        while (true) {
            auto column = read_identifier(sql, pos);
            if (!column) return std::nullopt;
            target.columns.push_back(*column);
            at = sdk::skip_blanks_and_comments(sql, pos);
            if (at >= sql.size()) return std::nullopt;
            if (sql[at] == ')') break;
            if (sql[at] != ',') return std::nullopt;
            pos = at + 1;
        }
    }
    return target;
}

namespace {

/// Just past the `)` that closes the `(` at `open`, skipping '...' strings, "..." names and
/// comments; npos when it is not closed.
std::size_t matching_paren(std::string_view sql, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            const std::size_t close = sql.find(c, i + 1);
            if (close == std::string_view::npos) return close;
            i = close;  // a doubled quote is two adjacent quoted pieces: same result
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            i = sql.find('\n', i);
            if (i == std::string_view::npos) return i;
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            i = sql.find("*/", i + 2);
            if (i == std::string_view::npos) return i;
            ++i;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')' && --depth == 0) {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

}  // namespace

std::optional<std::string> with_prefetched_key(std::string_view sql, std::string_view column) {
    std::size_t pos = 0;
    if (!expect_word(sql, pos, "INSERT") || !expect_word(sql, pos, "INTO") || !read_qualified(sql, pos))
        return std::nullopt;
    std::string name = "\"";
    for (char c : column) name += c == '"' ? std::string("\"\"") : std::string(1, c);
    name += '"';
    std::size_t at = sdk::skip_blanks_and_comments(sql, pos);
    if (at >= sql.size()) return std::nullopt;
    if (sql[at] != '(') {
        // INSERT INTO t DEFAULT VALUES
        std::size_t p = at;
        if (!expect_word(sql, p, "DEFAULT") || !expect_word(sql, p, "VALUES")) return std::nullopt;
        return std::string(sql.substr(0, at)) + "(" + name + ") VALUES (?)" + std::string(sql.substr(p));
    }
    const std::size_t columns_open = at;
    const auto target = insert_target(sql);
    if (!target) return std::nullopt;
    for (const auto& c : target->columns)
        if (sdk::ascii_iequals(c, column)) return std::nullopt;
    const std::size_t columns_end = matching_paren(sql, columns_open);
    if (columns_end == std::string_view::npos) return std::nullopt;
    pos = columns_end;
    if (!expect_word(sql, pos, "VALUES")) return std::nullopt;
    const std::size_t values_open = sdk::skip_blanks_and_comments(sql, pos);
    if (values_open >= sql.size() || sql[values_open] != '(') return std::nullopt;
    const std::size_t values_end = matching_paren(sql, values_open);
    if (values_end == std::string_view::npos) return std::nullopt;
    const std::size_t after = sdk::skip_blanks_and_comments(sql, values_end);
    if (after < sql.size() && sql[after] != ';') return std::nullopt;  // a second row, or more
    return std::string(sql.substr(0, columns_open + 1)) + name + ", " +
           std::string(sql.substr(columns_open + 1, values_open + 1 - (columns_open + 1))) + "?, " +
           std::string(sql.substr(values_open + 1));
}

std::optional<QualifiedName> sequence_of_default(std::string_view column_default) {
    std::size_t pos = 0;
    bool matched = false;
    {
        std::size_t p = pos;
        if (expect_word(column_default, p, "NEXT") && expect_word(column_default, p, "VALUE") &&
            expect_word(column_default, p, "FOR")) {
            pos = p;
            matched = true;
        }
    }
    if (!matched) {
        std::size_t p = pos;
        if (expect_word(column_default, p, "NEXT_VALUE") && expect_word(column_default, p, "OF")) {
            pos = p;
            matched = true;
        }
    }
    if (!matched) return std::nullopt;
    auto name = read_qualified(column_default, pos);
    if (!name) return std::nullopt;
    // Nothing may follow but blanks (an expression such as NEXT VALUE FOR s + 1 is not the
    // sequence's value).
    while (pos < column_default.size() && blank(column_default[pos])) ++pos;
    if (pos != column_default.size()) return std::nullopt;
    return name;
}

namespace {

std::string delimited(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

}  // namespace

std::string next_value_query(const QualifiedName& sequence) {
    const std::string name = sequence.schema.empty() ? delimited(sequence.name)
                                                     : delimited(sequence.schema) + "." + delimited(sequence.name);
    return "SELECT NEXT VALUE FOR " + name + " FROM SYSTEM.ONEROW";
}

std::string current_value_query(const QualifiedName& sequence) {
    const std::string name = sequence.schema.empty() ? delimited(sequence.name)
                                                     : delimited(sequence.schema) + "." + delimited(sequence.name);
    return "SELECT CURRENT VALUE FOR " + name + " FROM SYSTEM.ONEROW";
}

std::string implicit_sequence_name(std::string_view table, std::string_view column) {
    return std::string(table) + "_" + std::string(column) + "_autoinc_seq";
}

}  // namespace athanor::mimer
