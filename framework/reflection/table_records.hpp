// table_records.hpp (private) — what the catalog says about one table, as reflected records,
// and the schema objects MetaData gets from them. Written once for both sources of records:
// a live database (reflect(), through the Inspector) and a JSON schema (reflect_json's text,
// read back by load_schema_json()).
#pragma once

#include <athanor/reflected.hpp>
#include <athanor/sql/schema/table.hpp>
#include <athanor/sql/type_engine.hpp>
#include <athanor/sql/types.hpp>

#include <optional>
#include <typeinfo>
#include <string>
#include <vector>

namespace athanor::detail {

struct TableRecords {
    std::vector<ReflectedColumn> columns;
    ReflectedPrimaryKey primary_key;
    std::vector<ReflectedForeignKey> foreign_keys;
    std::vector<ReflectedUniqueConstraint> unique_constraints;
    std::vector<ReflectedCheckConstraint> check_constraints;
    std::vector<ReflectedIndex> indexes;
    std::optional<std::string> comment;
};

/// A reflected collation goes onto the column's type when that is a plain string type (not a
/// dialect's own subclass, which keeps its collation itself).
inline sql::TypePtr with_reflected_collation(sql::TypePtr type, const std::optional<std::string>& collation) {
    if (!collation || !type) return type;
    const sql::TypeEngine& plain = *type;
    if (typeid(plain) != typeid(sql::TypeEngine)) return type;
    const auto k = type->kind();
    if (k != sql::TypeKind::string && k != sql::TypeKind::text && k != sql::TypeKind::unicode &&
        k != sql::TypeKind::unicode_text)
        return type;
    return types::with_collation(type, *collation);
}

/// The Table definition for the records: columns with their generic types (TypeEngine::named
/// of type_name when the record has none), nullability, server default, autoincrement,
/// identity, computed expression and comment; then the constraints, indexes and comment.
/// Serial/identity defaults (nextval of the column's own sequence) are not copied: the column
/// is marked autoincrement and the dialect generates it again.
sql::TableArgs table_args(const TableRecords& records, const std::string& schema);

}  // namespace athanor::detail
