// athanor/sql/identifier_preparer.hpp — decides which identifiers need quoting, and quotes them.
//
// As in SQLAlchemy, an identifier is left bare only when it is all lower case (the
// case-insensitive convention), starts with a legal character, contains only legal
// characters and is not a reserved word; otherwise it is quoted with the dialect's
// quote_identifier(), which escapes embedded quote characters. A dialect changes the rules
// by subclassing and returning its preparer from SqlCompiler::create_preparer().
//
// Length: the dialect's max_identifier_length() (bytes of UTF-8; 0 = no limit) bounds every
// identifier. quote() refuses a longer one with CompileError naming it and the limit, because
// the database would shorten it silently (PostgreSQL keeps 63 bytes) and later lookups by the
// full name would miss. Names the library generates itself (labels such as count_1, names
// derived from them) go through truncate() first instead, as SQLAlchemy's compiler does.
//
// Name normalization (SQLAlchemy's normalize_name / denormalize_name), for a database that folds
// unquoted names to UPPER case (Dialect::requires_name_normalize()): the library speaks of a
// case-insensitive name in lower case, as on every other backend, and the database stores it
// in upper case. normalize_name() turns a stored name into the library's form: an all-upper
// name that would need no quoting in lower case is reported in lower case; a mixed-case name,
// an all-lower one (created quoted) or one without letters keeps its spelling.
// denormalize_name() is the inverse for names handed to the catalog: a lower-case name that
// needs no quoting becomes upper case. Letters are the ASCII ones. Both return the name
// unchanged for a dialect that does not normalize.
//
// Usage:
//   IdentifierPreparer p(dialect);
//   p.quote("users");      // users
//   p.quote("order");      // "order"       (reserved)
//   p.quote("UserName");   // "UserName"    (case-sensitive)
#pragma once

#include <athanor/export.hpp>

#include <string>
#include <string_view>
#include <unordered_set>

namespace athanor::sdk {
class Dialect;
}

namespace athanor::sql {

class ATHANOR_API IdentifierPreparer {
public:
    explicit IdentifierPreparer(const sdk::Dialect& dialect);
    virtual ~IdentifierPreparer();

    /// The identifier, quoted only when it has to be. Throws CompileError when it is longer
    /// than the dialect's max_identifier_length() (see above).
    std::string quote(std::string_view identifier) const;
    /// Throws CompileError "Identifier '...' exceeds maximum length of N bytes ..." when
    /// `identifier` is longer than the limit; does nothing otherwise.
    void validate_length(std::string_view identifier) const;
    /// A generated name fitted to the limit: unchanged when it fits, else its first bytes (cut
    /// on a UTF-8 character boundary) + '_' + 8 hex digits of a hash of the whole name, so the
    /// same name always shortens the same way and different long names stay distinct.
    std::string truncate(std::string_view generated_name) const;
    virtual bool requires_quotes(std::string_view identifier) const;
    /// A name as the catalog stores it -> the library's spelling (see above).
    std::string normalize_name(std::string_view stored_name) const;
    /// The library's spelling -> the name as the catalog stores it (see above).
    std::string denormalize_name(std::string_view name) const;
    /// `lower_case_word` is compared in lower case.
    virtual bool is_reserved(std::string_view lower_case_word) const;
    virtual bool legal_character(char c) const;
    virtual bool legal_initial_character(char c) const;

    /// The SQL standard's reserved words (lower case), the default reserved set.
    static const std::unordered_set<std::string>& standard_reserved_words();

    const sdk::Dialect& dialect() const { return dialect_; }

private:
    const sdk::Dialect& dialect_;
};

}  // namespace athanor::sql
