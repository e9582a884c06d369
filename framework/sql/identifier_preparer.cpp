// Quote identifiers only when needed (SQLAlchemy's rule), so ordinary names stay readable and
// anything unusual — reserved words, mixed case, quotes, spaces, semicolons — is quoted.
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/identifier_preparer.hpp>

#include <athanor/errors.hpp>

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace athanor::sql {

IdentifierPreparer::IdentifierPreparer(const sdk::Dialect& dialect) : dialect_(dialect) {}
IdentifierPreparer::~IdentifierPreparer() = default;

std::string IdentifierPreparer::quote(std::string_view identifier) const {
    validate_length(identifier);
    return requires_quotes(identifier) ? dialect_.quote_identifier(identifier) : std::string(identifier);
}

void IdentifierPreparer::validate_length(std::string_view identifier) const {
    const std::size_t limit = dialect_.max_identifier_length();
    if (limit == 0 || identifier.size() <= limit) return;
    throw CompileError("Identifier '" + std::string(identifier) + "' exceeds maximum length of " +
                       std::to_string(limit) + " bytes for dialect " + dialect_.description() + " (it is " +
                       std::to_string(identifier.size()) +
                       " bytes of UTF-8); the database would truncate it silently, so give it a shorter name");
}

std::string IdentifierPreparer::truncate(std::string_view generated_name) const {
    const std::size_t limit = dialect_.max_identifier_length();
    if (limit == 0 || generated_name.size() <= limit) return std::string(generated_name);
    // FNV-1a, 32 bits: stable across runs and platforms, unlike std::hash.
    std::uint32_t hash = 2166136261u;
    for (char c : generated_name) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    char suffix[10];
    std::snprintf(suffix, sizeof suffix, "_%08x", static_cast<unsigned>(hash));
    const std::size_t suffix_size = sizeof suffix - 1;
    std::size_t keep = limit > suffix_size ? limit - suffix_size : 0;
    // Never split a multibyte character: back up over UTF-8 continuation bytes.
    while (keep > 0 && (static_cast<unsigned char>(generated_name[keep]) & 0xC0) == 0x80) --keep;
    std::string out(generated_name.substr(0, keep));
    out += suffix;
    return out.size() <= limit ? out : out.substr(out.size() - limit);
}

bool IdentifierPreparer::requires_quotes(std::string_view identifier) const {
    if (identifier.empty()) return true;
    if (!legal_initial_character(identifier.front())) return true;
    std::string lower;
    lower.reserve(identifier.size());
    for (char c : identifier) {
        if (!legal_character(c)) return true;
        // Only all-lower-case names are case-insensitive; anything else keeps its case by quoting.
        if (std::isupper(static_cast<unsigned char>(c))) return true;
        lower += c;
    }
    return is_reserved(lower);
}

namespace {

std::string ascii_case(std::string_view name, bool upper) {
    std::string out(name);
    for (char& c : out) c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c))
                                                    : std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string IdentifierPreparer::normalize_name(std::string_view stored_name) const {
    if (!dialect_.requires_name_normalize()) return std::string(stored_name);
    const auto lower = ascii_case(stored_name, false);
    const auto upper = ascii_case(stored_name, true);
    // All upper case and an ordinary name once lowered: the case-insensitive spelling.
    if (upper != lower && upper == stored_name && !requires_quotes(lower)) return lower;
    return std::string(stored_name);
}

std::string IdentifierPreparer::denormalize_name(std::string_view name) const {
    if (!dialect_.requires_name_normalize()) return std::string(name);
    const auto lower = ascii_case(name, false);
    const auto upper = ascii_case(name, true);
    if (upper != lower && lower == name && !requires_quotes(lower)) return upper;
    return std::string(name);
}

bool IdentifierPreparer::is_reserved(std::string_view lower_case_word) const {
    return standard_reserved_words().count(std::string(lower_case_word)) != 0;
}

bool IdentifierPreparer::legal_character(char c) const {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '$';
}

bool IdentifierPreparer::legal_initial_character(char c) const {
    const auto u = static_cast<unsigned char>(c);
    return std::isalpha(u) || c == '_';
}

const std::unordered_set<std::string>& IdentifierPreparer::standard_reserved_words() {
    // SQL:92 / SQL:2003 reserved words plus a few every major database reserves.
    static const std::unordered_set<std::string> words = {
        "all", "allocate", "alter", "analyse", "analyze", "and", "any", "are", "array", "as", "asc", "asymmetric",
        "at", "authorization", "begin", "between", "bigint", "binary", "blob", "boolean", "both", "by", "call",
        "called", "cascaded", "case", "cast", "char", "character", "check", "clob", "close", "collate", "column",
        "commit", "condition", "connect", "constraint", "continue", "corresponding", "create", "cross", "cube",
        "current", "current_date", "current_role", "current_time", "current_timestamp", "current_user", "cursor",
        "cycle", "date", "day", "deallocate", "dec", "decimal", "declare", "default", "deferrable", "delete",
        "deref", "desc", "describe", "deterministic", "disconnect", "distinct", "do", "double", "drop", "dynamic",
        "each", "element", "else", "end", "end-exec", "escape", "except", "exec", "execute", "exists", "external",
        "false", "fetch", "filter", "float", "for", "foreign", "free", "from", "full", "function", "get", "global",
        "grant", "group", "grouping", "having", "hold", "hour", "identity", "ilike", "immediate", "in", "indicator",
        "initially", "inner", "inout", "input", "insensitive", "insert", "int", "integer", "intersect", "interval",
        "into", "is", "isnull", "join", "language", "large", "lateral", "leading", "left", "like", "limit",
        "local", "localtime", "localtimestamp", "match", "member", "merge", "method", "minute", "modifies",
        "module", "month", "multiset", "national", "natural", "nchar", "nclob", "new", "no", "none", "not",
        "notnull", "null", "numeric", "of", "offset", "old", "on", "only", "open", "or", "order", "out", "outer",
        "output", "over", "overlaps", "parameter", "partition", "placing", "precision", "prepare", "primary",
        "procedure", "range", "reads", "real", "recursive", "ref", "references", "referencing", "release",
        "repeat", "result", "return", "returning", "returns", "revoke", "right", "rollback", "rollup", "row",
        "rows", "savepoint", "scroll", "search", "second", "select", "sensitive", "session_user", "set",
        "similar", "smallint", "some", "specific", "specifictype", "sql", "sqlexception", "sqlstate",
        "sqlwarning", "start", "static", "submultiset", "symmetric", "system", "system_user", "table",
        "tablesample", "then", "time", "timestamp", "timezone_hour", "timezone_minute", "to", "trailing",
        "translation", "treat", "trigger", "true", "union", "unique", "unknown", "unnest", "until", "update",
        "user", "using", "value", "values", "varchar", "varying", "verbose", "when", "whenever", "where",
        "while", "window", "with", "within", "without", "year"};
    return words;
}

}  // namespace athanor::sql
