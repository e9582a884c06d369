// SQLite catalog queries. Identifiers that cannot be bound (the schema in "schema".sqlite_master)
// are quoted with embedded quotes doubled; table, index and schema names given to the
// table-valued pragmas are bound as values. SQLite keeps constraint names, UNIQUE and CHECK
// only in the CREATE TABLE text, so that text is tokenized (quotes, comments and nested
// parentheses respected) rather than matched with regular expressions.
#include "sqlite_reflection.hpp"

#include <athanor/sdk/driver_util.hpp>
#include <athanor/sdk/text_util.hpp>
#include <athanor/value.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace athanor::sqlite {

namespace {

using Rows = std::vector<std::vector<Value>>;

std::string quote(std::string_view identifier) {
    std::string out = "\"";
    for (char c : identifier) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

using sdk::ascii_upper;
using sdk::query_has_row;
using sdk::query_rows;

std::string text_of(const Value& v) { return v.is_null() ? std::string() : v.to_string(); }

/// True when the attached database `db` has a table or view named `table` (in any case).
bool listed_in(sdk::DriverConnection& connection, std::string_view db, std::string_view table) {
    return query_has_row(connection,
                         "SELECT 1 FROM " + quote(db) +
                             ".sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE",
                         {Value(std::string(table))});
}

/// The attached database holding `table`: `schema` when given, else main or temp ("main"
/// when neither has it, so later queries come back empty).
std::string database_of(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) {
    if (!schema.empty()) return std::string(schema);
    if (listed_in(connection, "main", table)) return "main";
    if (listed_in(connection, "temp", table)) return "temp";
    return "main";
}

std::vector<std::string> names_of_type(sdk::DriverConnection& connection, std::string_view schema, const char* type) {
    const std::string db = schema.empty() ? "main" : std::string(schema);
    std::vector<std::string> out;
    for (const auto& row : query_rows(connection,
                                      "SELECT name FROM " + quote(db) +
                                          ".sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite~_%' ESCAPE '~' "
                                          "ORDER BY name",
                                      {Value(std::string(type))}))
        out.push_back(text_of(row[0]));
    return out;
}

// ---- CREATE TABLE text ----------------------------------------------------------------

struct Token {
    enum class Kind { word, quoted, string, punct };
    Kind kind;
    std::string text;  // identifiers unquoted
    std::size_t begin;
    std::size_t end;
};

std::vector<Token> tokenize(const std::string& sql) {
    std::vector<Token> out;
    std::size_t i = 0;
    const auto n = sql.size();
    while (i < n) {
        const unsigned char c = static_cast<unsigned char>(sql[i]);
        if (std::isspace(c)) {
            ++i;
        } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
            while (i < n && sql[i] != '\n') ++i;
        } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
            const auto close = sql.find("*/", i + 2);
            i = close == std::string::npos ? n : close + 2;
        } else if (c == '"' || c == '`' || c == '[' || c == '\'') {
            const char close = c == '[' ? ']' : static_cast<char>(c);
            std::string text;
            std::size_t j = i + 1;
            while (j < n) {
                if (sql[j] == close) {
                    if (close != ']' && j + 1 < n && sql[j + 1] == close) {  // doubled quote
                        text += close;
                        j += 2;
                        continue;
                    }
                    break;
                }
                text += sql[j++];
            }
            out.push_back({c == '\'' ? Token::Kind::string : Token::Kind::quoted, text, i, std::min(j + 1, n)});
            i = j + 1;
        } else if (std::isalnum(c) || c == '_' || c == '$' || c >= 0x80) {
            std::size_t j = i;
            while (j < n) {
                const unsigned char d = static_cast<unsigned char>(sql[j]);
                if (!(std::isalnum(d) || d == '_' || d == '$' || d >= 0x80)) break;
                ++j;
            }
            out.push_back({Token::Kind::word, sql.substr(i, j - i), i, j});
            i = j;
        } else {
            out.push_back({Token::Kind::punct, std::string(1, static_cast<char>(c)), i, i + 1});
            ++i;
        }
    }
    return out;
}

bool is_word(const Token& t, const char* keyword) {
    return t.kind == Token::Kind::word && ascii_upper(t.text) == keyword;
}
bool is_punct(const Token& t, char p) { return t.kind == Token::Kind::punct && t.text[0] == p; }

/// Index of the ")" matching the "(" at `open`.
std::size_t matching(const std::vector<Token>& t, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < t.size(); ++i) {
        if (is_punct(t[i], '(')) ++depth;
        if (is_punct(t[i], ')') && --depth == 0) return i;
    }
    return t.size();
}

/// The first name of each comma-separated element between t[open] = "(" and its ")".
/// The SQL text strictly between t[open] = "(" and t[close] = ")", trimmed.
std::string inner_text(const std::string& sql, const std::vector<Token>& t, std::size_t open, std::size_t close) {
    std::string text = sql.substr(t[open].end, t[close].begin - t[open].end);
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

std::vector<std::string> name_list(const std::vector<Token>& t, std::size_t open) {
    std::vector<std::string> out;
    const auto close = matching(t, open);
    bool expect = true;
    for (std::size_t i = open + 1; i < close; ++i) {
        if (is_punct(t[i], ',')) {
            expect = true;
        } else if (expect) {
            out.push_back(t[i].text);
            expect = false;
        }
    }
    return out;
}

struct ParsedTable {
    std::string pk_name;
    std::vector<ReflectedUniqueConstraint> uniques;
    std::vector<ReflectedCheckConstraint> checks;
    struct ForeignKey {
        std::string name;
        std::vector<std::string> columns;
        std::optional<bool> deferrable;  // [NOT] DEFERRABLE
        std::string initially;           // INITIALLY DEFERRED / IMMEDIATE, upper case
    };
    std::vector<ForeignKey> foreign_keys;
    /// Generated columns: upper-cased column name -> the expression between AS ( and ).
    std::map<std::string, std::string> generated;
    bool without_rowid = false;
};

void parse_constraints(const std::string& sql, const std::vector<Token>& t, std::size_t i, std::size_t end,
                       const std::string& column, ParsedTable& out) {
    std::string name;
    std::optional<std::size_t> last_fk;  // the clause DEFERRABLE / INITIALLY belong to
    while (i < end) {
        if (last_fk && is_word(t[i], "DEFERRABLE")) {
            out.foreign_keys[*last_fk].deferrable = !(i > 0 && is_word(t[i - 1], "NOT"));
            ++i;
        } else if (last_fk && is_word(t[i], "INITIALLY") && i + 1 < end) {
            out.foreign_keys[*last_fk].initially = ascii_upper(t[i + 1].text);
            i += 2;
        } else if (is_word(t[i], "CONSTRAINT") && i + 1 < end) {
            name = t[i + 1].text;
            i += 2;
        } else if (is_word(t[i], "PRIMARY")) {
            out.pk_name = name;
            name.clear();
            ++i;
        } else if (is_word(t[i], "UNIQUE")) {
            std::vector<std::string> columns{column};
            if (column.empty() && i + 1 < end && is_punct(t[i + 1], '(')) {
                columns = name_list(t, i + 1);
                i = matching(t, i + 1);
            }
            ReflectedUniqueConstraint unique;
            unique.name = name;
            unique.column_names = columns;
            out.uniques.push_back(std::move(unique));
            name.clear();
            ++i;
        } else if (is_word(t[i], "CHECK") && i + 1 < end && is_punct(t[i + 1], '(')) {
            const auto close = matching(t, i + 1);
            if (close >= t.size()) break;
            ReflectedCheckConstraint check;
            check.name = name;
            check.sqltext = inner_text(sql, t, i + 1, close);
            out.checks.push_back(std::move(check));
            name.clear();
            i = close + 1;
        } else if (is_word(t[i], "AS") && !column.empty() && i + 1 < end && is_punct(t[i + 1], '(')) {
            // [GENERATED ALWAYS] AS (expr) [STORED | VIRTUAL]
            const auto close = matching(t, i + 1);
            if (close >= t.size()) break;
            out.generated[ascii_upper(column)] = inner_text(sql, t, i + 1, close);
            i = close + 1;
        } else if (is_word(t[i], "FOREIGN") && i + 2 < end && is_punct(t[i + 2], '(')) {
            out.foreign_keys.push_back({name, name_list(t, i + 2), std::nullopt, {}});
            last_fk = out.foreign_keys.size() - 1;
            name.clear();
            i = matching(t, i + 2) + 1;
        } else if (is_word(t[i], "REFERENCES") && !column.empty()) {
            out.foreign_keys.push_back({name, std::vector<std::string>{column}, std::nullopt, {}});
            last_fk = out.foreign_keys.size() - 1;
            name.clear();
            ++i;
        } else if (is_punct(t[i], '(')) {
            i = matching(t, i) + 1;  // type arguments, DEFAULT (expr), referred columns
        } else {
            ++i;
        }
    }
}

ParsedTable parse_create_table(const std::string& sql) {
    ParsedTable out;
    const auto t = tokenize(sql);
    std::size_t open = 0;
    while (open < t.size() && !is_punct(t[open], '(')) ++open;
    if (open == t.size()) return out;  // CREATE TABLE ... AS SELECT: no constraints
    const auto close = matching(t, open);
    std::size_t start = open + 1;
    int depth = 0;
    for (std::size_t i = open + 1; i <= close && i < t.size(); ++i) {
        if (is_punct(t[i], '(')) ++depth;
        if (is_punct(t[i], ')')) --depth;
        const bool item_end = i == close || (depth == 0 && is_punct(t[i], ','));
        if (!item_end) continue;
        if (start < i) {
            const auto& first = t[start];
            const bool table_constraint = is_word(first, "CONSTRAINT") || is_word(first, "PRIMARY") ||
                                          is_word(first, "UNIQUE") || is_word(first, "CHECK") ||
                                          is_word(first, "FOREIGN");
            if (table_constraint) parse_constraints(sql, t, start, i, "", out);
            else parse_constraints(sql, t, start + 1, i, first.text, out);
        }
        start = i + 1;
    }
    for (std::size_t i = close + 1; i + 1 < t.size(); ++i)
        if (is_word(t[i], "WITHOUT") && is_word(t[i + 1], "ROWID")) out.without_rowid = true;
    return out;
}

ParsedTable parsed_table(sdk::DriverConnection& connection, const std::string& db, std::string_view table) {
    const auto rows = query_rows(connection,
                                 "SELECT sql FROM " + quote(db) +
                                     ".sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE",
                                 {Value(std::string(table))});
    if (rows.empty() || rows[0][0].is_null()) return {};
    return parse_create_table(rows[0][0].as_string());
}

std::vector<std::string> primary_key_columns(sdk::DriverConnection& connection, const std::string& db,
                                             std::string_view table) {
    std::vector<std::string> out;
    for (const auto& row : query_rows(connection, "SELECT name FROM pragma_table_info(?, ?) WHERE pk > 0 ORDER BY pk",
                                      {Value(std::string(table)), Value(db)}))
        out.push_back(text_of(row[0]));
    return out;
}

bool same_names(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_upper(a[i]) != ascii_upper(b[i])) return false;
    return true;
}

}  // namespace

bool has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) {
    if (!schema.empty()) return listed_in(connection, schema, table);
    return listed_in(connection, "main", table) || listed_in(connection, "temp", table);
}

// ---- SqliteReflector --------------------------------------------------------------------

std::string SqliteReflector::default_schema_name(sdk::DriverConnection&) { return "main"; }

std::vector<std::string> SqliteReflector::get_schema_names(sdk::DriverConnection& connection) {
    std::vector<std::string> out;
    for (const auto& row : query_rows(connection, "SELECT name FROM pragma_database_list ORDER BY seq"))
        if (text_of(row[0]) != "temp") out.push_back(text_of(row[0]));
    return out;
}

std::vector<std::string> SqliteReflector::get_table_names(sdk::DriverConnection& connection, std::string_view schema) {
    return names_of_type(connection, schema, "table");
}

std::vector<std::string> SqliteReflector::get_view_names(sdk::DriverConnection& connection, std::string_view schema) {
    return names_of_type(connection, schema, "view");
}

bool SqliteReflector::has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) {
    return sqlite::has_table(connection, table, schema);
}

std::vector<ReflectedColumn> SqliteReflector::get_columns(sdk::DriverConnection& connection, std::string_view table,
                                                          std::string_view schema) {
    const auto db = database_of(connection, table, schema);
    const auto rows = query_rows(connection,
                                 "SELECT name, type, \"notnull\", dflt_value, pk, hidden "
                                 "FROM pragma_table_xinfo(?, ?) ORDER BY cid",
                                 {Value(std::string(table)), Value(db)});
    int pk_count = 0;
    for (const auto& row : rows)
        if (row[4].as_int() > 0) ++pk_count;
    const auto parsed = rows.empty() ? ParsedTable{} : parsed_table(connection, db, table);
    const bool rowid_table = !rows.empty() && !parsed.without_rowid;
    std::vector<ReflectedColumn> out;
    for (const auto& row : rows) {
        if (row[5].as_int() == 1) continue;  // hidden column of a virtual table
        ReflectedColumn c;
        c.name = text_of(row[0]);
        c.type_name = text_of(row[1]);
        c.nullable = row[2].as_int() == 0;
        if (!row[3].is_null()) c.default_ = text_of(row[3]);
        // hidden 2: a virtual generated column, 3: a stored one.
        if (const auto hidden = row[5].as_int(); hidden == 2 || hidden == 3) {
            const auto expression = parsed.generated.find(ascii_upper(c.name));
            c.computed = ReflectedComputed{expression == parsed.generated.end() ? std::string() : expression->second,
                                           hidden == 3};
        }
        // The rowid alias: exactly "INTEGER" as the sole key column of a rowid table.
        c.autoincrement = rowid_table && pk_count == 1 && row[4].as_int() == 1 && ascii_upper(c.type_name) == "INTEGER";
        out.push_back(std::move(c));
    }
    return out;
}

ReflectedPrimaryKey SqliteReflector::get_pk_constraint(sdk::DriverConnection& connection, std::string_view table,
                                                       std::string_view schema) {
    const auto db = database_of(connection, table, schema);
    ReflectedPrimaryKey out;
    out.constrained_columns = primary_key_columns(connection, db, table);
    if (!out.constrained_columns.empty()) out.name = parsed_table(connection, db, table).pk_name;
    return out;
}

std::vector<ReflectedForeignKey> SqliteReflector::get_foreign_keys(sdk::DriverConnection& connection,
                                                                   std::string_view table, std::string_view schema) {
    const auto db = database_of(connection, table, schema);
    const auto rows = query_rows(connection,
                                 "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete "
                                 "FROM pragma_foreign_key_list(?, ?) ORDER BY id, seq",
                                 {Value(std::string(table)), Value(db)});
    std::vector<ReflectedForeignKey> out;
    std::vector<bool> implicit_target;  // REFERENCES t without columns: t's primary key
    std::int64_t current = -1;
    for (const auto& row : rows) {
        if (out.empty() || row[0].as_int() != current) {
            current = row[0].as_int();
            ReflectedForeignKey fk;
            fk.referred_schema = std::string(schema);
            fk.referred_table = text_of(row[1]);
            for (auto [value, key] : {std::pair{&row[4], "onupdate"}, std::pair{&row[5], "ondelete"}}) {
                const auto action = ascii_upper(text_of(*value));
                if (!action.empty() && action != "NO ACTION") fk.options[key] = action;
            }
            out.push_back(std::move(fk));
            implicit_target.push_back(false);
        }
        out.back().constrained_columns.push_back(text_of(row[2]));
        if (row[3].is_null()) implicit_target.back() = true;
        else out.back().referred_columns.push_back(text_of(row[3]));
    }
    // SQLite numbers foreign keys last-declared first; report them in declaration order.
    std::reverse(out.begin(), out.end());
    std::reverse(implicit_target.begin(), implicit_target.end());
    const auto parsed = out.empty() ? ParsedTable{} : parsed_table(connection, db, table);
    std::vector<bool> used(parsed.foreign_keys.size(), false);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& fk = out[i];
        if (implicit_target[i]) fk.referred_columns = primary_key_columns(connection, db, fk.referred_table);
        for (std::size_t j = 0; j < parsed.foreign_keys.size(); ++j) {
            const auto& declared = parsed.foreign_keys[j];
            if (used[j] || !same_names(declared.columns, fk.constrained_columns)) continue;
            used[j] = true;
            fk.name = declared.name;
            // SQLite keeps these only in the CREATE TABLE text (lang_createtable.html,
            // foreign-key-clause); NOT DEFERRABLE is the default and is not reported.
            if (declared.deferrable.value_or(false)) fk.options["deferrable"] = "true";
            if (!declared.initially.empty() && declared.initially != "IMMEDIATE") fk.options["initially"] = declared.initially;
            break;
        }
    }
    return out;
}

std::vector<ReflectedIndex> SqliteReflector::get_indexes(sdk::DriverConnection& connection, std::string_view table,
                                                         std::string_view schema) {
    const auto db = database_of(connection, table, schema);
    std::vector<ReflectedIndex> out;
    // origin 'c': made by CREATE INDEX ('u' and 'pk' back constraints, reported elsewhere).
    for (const auto& row : query_rows(connection,
                                      "SELECT name, \"unique\" FROM pragma_index_list(?, ?) WHERE origin = 'c' "
                                      "ORDER BY name",
                                      {Value(std::string(table)), Value(db)})) {
        ReflectedIndex index;
        index.name = text_of(row[0]);
        index.unique = row[1].as_int() != 0;
        // Key columns only (key = 1); an expression key has no name.
        for (const auto& col : query_rows(connection,
                                          "SELECT name, \"desc\" FROM pragma_index_xinfo(?, ?) WHERE key = 1 "
                                          "ORDER BY seqno",
                                          {Value(index.name), Value(db)})) {
            const auto column = text_of(col[0]);
            index.column_names.push_back(column);
            if (!column.empty() && col[1].as_int() != 0) index.column_sorting[column] = {"desc"};
        }
        out.push_back(std::move(index));
    }
    return out;
}

std::vector<ReflectedUniqueConstraint> SqliteReflector::get_unique_constraints(sdk::DriverConnection& connection,
                                                                               std::string_view table,
                                                                               std::string_view schema) {
    return parsed_table(connection, database_of(connection, table, schema), table).uniques;
}

std::vector<ReflectedCheckConstraint> SqliteReflector::get_check_constraints(sdk::DriverConnection& connection,
                                                                             std::string_view table,
                                                                             std::string_view schema) {
    return parsed_table(connection, database_of(connection, table, schema), table).checks;
}

std::vector<std::string> SqliteReflector::get_temp_table_names(sdk::DriverConnection& connection) {
    return names_of_type(connection, "temp", "table");
}

std::vector<std::string> SqliteReflector::get_temp_view_names(sdk::DriverConnection& connection) {
    return names_of_type(connection, "temp", "view");
}

std::optional<std::string> SqliteReflector::get_view_definition(sdk::DriverConnection& connection,
                                                                std::string_view view, std::string_view schema) {
    const auto db = database_of(connection, view, schema);
    const auto rows = query_rows(connection,
                                 "SELECT sql FROM " + quote(db) + ".sqlite_master WHERE type = 'view' AND name = ? "
                                 "COLLATE NOCASE",
                                 {Value(std::string(view))});
    if (rows.empty() || rows[0][0].is_null()) return std::nullopt;
    return text_of(rows[0][0]);
}

}  // namespace athanor::sqlite
