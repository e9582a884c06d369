// athanor/sql/schema/naming_convention.hpp — SQLAlchemy-style naming conventions for
// constraints and indexes that are not named explicitly.
//
// Keys: "pk", "fk", "uq", "ck", "ix". Templates use %(token)s with the tokens table_name,
// constraint_name, referred_table_name and, for column position 0 (or all columns with 0N,
// joined without separator, or 0_N, joined with '_'): column_0_name, column_0_label
// (table_column), column_0_key, referred_column_0_name. An explicitly named constraint keeps
// its name unless the template uses %(constraint_name)s; an unnamed one whose template needs
// %(constraint_name)s is an ArgumentError. Without an "ix" key, indexes made by index() are
// named "ix_%(column_0_label)s" (SQLAlchemy's default).
//
// Usage:
//   sa::MetaData metadata({{"pk", "pk_%(table_name)s"},
//                          {"fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"},
//                          {"uq", "uq_%(table_name)s_%(column_0_N_name)s"},
//                          {"ck", "ck_%(table_name)s_%(constraint_name)s"},
//                          {"ix", "ix_%(column_0_label)s"}});
#pragma once

#include <athanor/export.hpp>

#include <map>
#include <string>
#include <vector>

namespace athanor::sql {

using NamingConvention = std::map<std::string, std::string>;

/// What a template's tokens are filled from.
struct NamingContext {
    std::string table_name;
    std::vector<std::string> columns;
    std::string referred_table_name;
    std::vector<std::string> referred_columns;
    std::string constraint_name;
};

/// The name for a constraint of kind `key` ("pk", "fk", ...): `explicit_name` kept or
/// templated as described above, "" when unnamed and no template applies. Throws
/// ArgumentError for an unknown token or a missing constraint name.
ATHANOR_API std::string convention_name(const NamingConvention& convention, const std::string& key,
                                        const std::string& explicit_name, const NamingContext& context);

}  // namespace athanor::sql
