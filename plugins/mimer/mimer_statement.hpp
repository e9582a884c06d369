// mimer_statement.hpp — what the Mimer SQL plugin needs to know about a statement's text before
// it sends it: its kind (DDL, DML, other), the target of an INSERT, and the sequence a stored
// column default draws from. Pure functions of the SQL text: no connection, no server.
//
// Kinds: Mimer runs a DDL statement only as the sole statement of its transaction and commits
// it at once (Mimer SQL Reference Manual, "Transaction Handling"; MimerPy release notes), so the
// connection refuses DDL inside a transaction that already holds DML (mimer_connection.hpp).
// Sequence defaults: Mimer 11.0 stores `NEXT_VALUE OF "s"."t"` and 11.1 `NEXT VALUE FOR "s"."t"`
// for the same DEFAULT (both spellings are read; names unquoted as Mimer's delimited-identifier
// rules say: "" inside quotes is one quote).
// The implicit sequence of an autoincrement key is `<table>_<column>_autoinc_seq`, the name the
// Python dialect (sqlalchemy-mimer) gives it, so databases made by either work with both.
//
// Example:
//   statement_kind("create table t (x int)");                      // StatementKind::ddl
//   insert_target("INSERT INTO app.users (name) VALUES (?)");     // {schema "app", table "users", {"name"}}
//   sequence_of_default("NEXT_VALUE OF \"APP\".\"users_id_autoinc_seq\"");  // {"APP", "users_id_autoinc_seq"}
//   implicit_sequence_name("users", "id");                        // "users_id_autoinc_seq"
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace athanor::mimer {

enum class StatementKind {
    ddl,    // CREATE, DROP, ALTER, COMMENT, GRANT, REVOKE
    dml,    // INSERT, UPDATE, DELETE, MERGE
    ends_transaction,  // COMMIT [WORK], ROLLBACK [WORK] (not ROLLBACK TO SAVEPOINT)
    other,             // SELECT, VALUES, CALL, SET, SAVEPOINT, ...
};

StatementKind statement_kind(std::string_view sql);

/// A schema-qualified name as written in SQL, unquoted ("" schema when unqualified).
struct QualifiedName {
    std::string schema;
    std::string name;
    bool operator==(const QualifiedName&) const = default;
};

/// The table of `INSERT INTO [schema.]table [(columns)] ...` and its column list (empty for
/// DEFAULT VALUES or no list); nullopt when `sql` is not such an INSERT.
struct InsertTarget {
    QualifiedName table;
    std::vector<std::string> columns;
};
std::optional<InsertTarget> insert_target(std::string_view sql);

/// `sql`, a single-row `INSERT INTO t (a, b) VALUES (x, y)` or `INSERT INTO t DEFAULT VALUES`,
/// with `column` (written delimited) added as the first column and a `?` as its first value:
/// `INSERT INTO t ("id", a, b) VALUES (?, x, y)`, `INSERT INTO t ("id") VALUES (?)`. nullopt
/// when the statement names the column already (any case), has several VALUES rows, no column
/// list, or is not such an INSERT (INSERT ... SELECT).
std::optional<std::string> with_prefetched_key(std::string_view sql, std::string_view column);

/// `SELECT NEXT VALUE FOR "schema"."name" FROM SYSTEM.ONEROW` (names delimited, "" doubled).
std::string next_value_query(const QualifiedName& sequence);
/// `SELECT CURRENT VALUE FOR "schema"."name" FROM SYSTEM.ONEROW`: the value NEXT VALUE FOR last
/// gave in this session.
std::string current_value_query(const QualifiedName& sequence);

/// The sequence a column default `NEXT VALUE FOR [s.]seq` or `NEXT_VALUE OF [s.]seq` draws from
/// (any case, blanks between the words); nullopt for any other default.
std::optional<QualifiedName> sequence_of_default(std::string_view column_default);

/// `<table>_<column>_autoinc_seq`.
std::string implicit_sequence_name(std::string_view table, std::string_view column);

}  // namespace athanor::mimer
