// athanor/reflected.hpp — the plain records reflection hands back: what a
// database's catalog says about a table's columns, keys, indexes and constraints, and about
// its sequences. The shapes and field names follow SQLAlchemy's Inspector (ReflectedColumn,
// ReflectedForeignKeyConstraint, ...), so code and JSON read the same as there.
//
// A dialect's Reflector (athanor/sdk/reflector.hpp) fills them; the Inspector
// (athanor/reflection/inspector.hpp) adds the generic type of each column.
//
// Example:
//   for (const athanor::ReflectedColumn& c : inspector.get_columns("users"))
//       std::cout << c.name << ' ' << c.type_name << (c.nullable ? "" : " NOT NULL") << '\n';
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace athanor {

namespace sql {
class TypeEngine;
/// The same alias as athanor/sql/type_engine.hpp's; include that header to use the type.
using TypePtr = std::shared_ptr<const TypeEngine>;
}  // namespace sql

/// A generated column: GENERATED ALWAYS AS (sqltext) [STORED | VIRTUAL].
struct ReflectedComputed {
    /// The expression as the database keeps it, without the outer parentheses.
    std::string sqltext;
    /// true: stored; false: computed on read (virtual); nullopt when the database does not say.
    std::optional<bool> persisted;
    bool operator==(const ReflectedComputed&) const = default;
};

struct ReflectedColumn {
    std::string name;
    /// The generic type the dialect's type map gives for type_name (set by the Inspector).
    sql::TypePtr type;
    /// The type as the database spells it: "VARCHAR(50)", "character varying(50)".
    std::string type_name;
    bool nullable = true;
    /// The server default as SQL text ("'new'", "CURRENT_TIMESTAMP", "nextval('t_id_seq'::regclass)").
    std::optional<std::string> default_;
    /// True when the database generates the value: SQLite's INTEGER PRIMARY KEY (rowid
    /// alias), PostgreSQL's serial and identity columns.
    bool autoincrement = false;
    /// PostgreSQL identity column: "always" or "by default"; "" otherwise.
    std::string identity;
    std::optional<std::string> comment;
    /// Set for a generated (computed) column; its default_ is then nullopt.
    std::optional<ReflectedComputed> computed;
    /// A collation other than the column type's default (PostgreSQL); the Inspector puts it on
    /// `type` as well when that is a string type.
    std::optional<std::string> collation;
};

struct ReflectedPrimaryKey {
    /// "" when the database keeps no name (SQLite without CONSTRAINT name).
    std::string name;
    std::vector<std::string> constrained_columns;
    bool operator==(const ReflectedPrimaryKey&) const = default;
};

struct ReflectedForeignKey {
    std::string name;
    std::vector<std::string> constrained_columns;
    /// "" when the referred table is in the default schema (and no schema was asked for).
    std::string referred_schema;
    std::string referred_table;
    std::vector<std::string> referred_columns;
    /// "ondelete" / "onupdate" -> CASCADE, SET NULL, SET DEFAULT, RESTRICT; absent for NO ACTION.
    /// "deferrable" -> "true" for a DEFERRABLE key; "initially" -> "DEFERRED"; "match" -> "FULL"
    /// or "PARTIAL" (absent for the defaults: NOT DEFERRABLE, INITIALLY IMMEDIATE, MATCH SIMPLE).
    std::map<std::string, std::string> options;
    bool operator==(const ReflectedForeignKey&) const = default;
};

/// An index created by CREATE INDEX (indexes that back a primary key or a unique constraint
/// are reported by get_pk_constraint / get_unique_constraints instead).
struct ReflectedIndex {
    std::string name;
    /// Key columns in order; an expression key is "" here.
    std::vector<std::string> column_names;
    bool unique = false;
    /// One entry per key, in order: the column name, or the expression's SQL text for an
    /// expression key (SQLAlchemy's "expressions"); empty when every key is a plain column
    /// and the dialect does not fill it.
    std::vector<std::string> expressions;
    /// Non-key columns carried by a covering index (INCLUDE (...)), in order.
    std::vector<std::string> include_columns;
    /// Keys (column name or expression text) whose order is not the plain ascending one:
    /// "desc", "nulls_first", "nulls_last" (SQLAlchemy's column_sorting).
    std::map<std::string, std::vector<std::string>> column_sorting;
    bool operator==(const ReflectedIndex&) const = default;
};

struct ReflectedUniqueConstraint {
    std::string name;
    std::vector<std::string> column_names;
    bool operator==(const ReflectedUniqueConstraint&) const = default;
};

struct ReflectedCheckConstraint {
    std::string name;
    /// The condition as SQL text, without the CHECK keyword.
    std::string sqltext;
    bool operator==(const ReflectedCheckConstraint&) const = default;
};

/// Which relations a get_multi_* call covers (SQLAlchemy's ObjectKind).
enum class ObjectKind { table, view, any };
/// Whether a get_multi_* call covers ordinary or temporary relations (SQLAlchemy's ObjectScope).
enum class ObjectScope { default_, temporary, any };

/// What a get_multi_* call reflects: the relations of `schema` ("" = the default one) of the
/// given kind and scope, or only those of them named in `filter_names` (names not found are
/// left out). Temporary relations are looked up with schema "".
struct MultiReflectOptions {
    std::string schema = {};
    std::optional<std::vector<std::string>> filter_names = {};
    ObjectKind kind = ObjectKind::table;
    ObjectScope scope = ObjectScope::default_;
};

struct ReflectedSequence {
    std::string name;
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> increment;
    /// The column that owns it (serial / identity), "" for a standalone sequence.
    std::string owner_table;
    std::string owner_column;
};

}  // namespace athanor
