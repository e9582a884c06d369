// athanor/sql/identifier_preparer.hpp — decides which identifiers need quoting, and quotes them.
//
// As in SQLAlchemy, an identifier is left bare only when it is all lower case (the
// case-insensitive convention), starts with a legal character, contains only legal
// characters and is not a reserved word; otherwise it is quoted with the dialect's
// quote_identifier(), which escapes embedded quote characters. A dialect changes the rules
// by subclassing and returning its preparer from SqlCompiler::create_preparer().
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

    /// The identifier, quoted only when it has to be.
    std::string quote(std::string_view identifier) const;
    virtual bool requires_quotes(std::string_view identifier) const;
    /// `lower_case_word` is compared in lower case.
    virtual bool is_reserved(std::string_view lower_case_word) const;
    virtual bool legal_character(char c) const;
    virtual bool legal_initial_character(char c) const;

    /// The SQL standard's reserved words (lower case), the default reserved set.
    static const std::unordered_set<std::string>& standard_reserved_words();

protected:
    const sdk::Dialect& dialect_;
};

}  // namespace athanor::sql
