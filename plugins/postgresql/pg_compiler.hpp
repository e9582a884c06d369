// pg_compiler.hpp — the PostgreSQL SQL flavour: the generic compiler with the hooks that
// differ on PostgreSQL overridden.
//
//   LIMIT n / OFFSET m          (no "LIMIT -1" for an offset alone)
//   OFFSET m ROWS FETCH FIRST n ROWS {ONLY | WITH TIES}   (fetch(); no PERCENT)
//   a # b                       (bitwise_xor)
//   a ILIKE b                   (native, instead of lower(a) LIKE lower(b))
//   a ~ p, a !~ p, a ~* p       (regexp_match; other flags as an embedded "(?flags)" prefix)
//   REGEXP_REPLACE(a, p, r[, flags])
//   nextval('seq')              (sequences)
//   INSERT ... ON CONFLICT      (upsert)
//   implicit RETURNING          (a single-row INSERT returns its generated primary key)
//   '\xDEAD'::bytea             (binary literals; X'..' would be a bit string)
//   CAST type names from PgTypeCompiler (TIMESTAMP, BYTEA, DOUBLE PRECISION, UUID, ...)
//   CAST($1 AS DATE)            (a bind of an explicit type, bindparam("foo", types::Date()):
//                                its NULL has a type where the server cannot infer one)
// Booleans (true/false), RETURNING and true division (a / CAST(b AS NUMERIC)) keep the
// generic behaviour, which is already PostgreSQL's.
//
// Example:
//   auto compiler = dialect.create_statement_compiler();   // a PgCompiler
//   auto compiled = compiler->compile(select(users).where(users.c("name").ilike("a%")).limit(5));
//   // SELECT ... WHERE users.name ILIKE $1 LIMIT 5
#pragma once

#include <athanor/sql/compiler.hpp>

namespace athanor::postgresql {

class PgCompiler : public sql::SqlCompiler {
public:
    using SqlCompiler::SqlCompiler;

    void visit_ilike(const sql::BinaryNode& node) override;
    void limit_clause(const sql::ColumnElement* limit, const sql::ColumnElement* offset) override;
    /// The standard FETCH FIRST ... {ONLY | WITH TIES} (WITH TIES: PostgreSQL 13+); PERCENT,
    /// which PostgreSQL lacks, raises CompileError.
    void fetch_clause(const sql::FetchClause& fetch, const sql::ColumnElement* offset) override;
    void visit_regexp_match(const sql::RegexpNode& node) override;
    /// EXTRACT(field FROM e) for every field, PostgreSQL's own (DOW, DOY, WEEK, QUARTER, EPOCH) too.
    void visit_extract(const sql::ExtractNode& node) override;
    void visit_regexp_replace(const sql::RegexpNode& node) override;
    /// a # b
    void visit_bitwise_xor(const sql::BinaryNode& node) override;
    /// FOR UPDATE / FOR NO KEY UPDATE / FOR SHARE / FOR KEY SHARE [OF t, ...] [NOWAIT | SKIP LOCKED]
    void for_update_clause(const sql::ForUpdateClause& clause) override;
    void distinct_on_clause(const std::vector<sql::ColumnPtr>& expressions) override;
    bool implicit_returning() const override { return true; }
    std::string next_value_sql(const std::string& quoted_sequence) const override;
    bool supports_on_conflict() const override { return true; }
    std::string render_literal_value(const Value& value) const override;
    /// doc -> key / doc ->> key (as_*(): CAST(doc ->> key AS type)); a path: #> / #>> with the
    /// keys bound as one TEXT[] ('{"k1","k2"}').
    void visit_json_get(const sql::JsonGetNode& node) override;
    /// A bind with an explicit type is rendered CAST(<placeholder> AS <type>), so a NULL sent
    /// as an unknown parameter still has the type (CASE WHEN $1 IS NOT NULL THEN $1 ...);
    /// others, and literal_execute binds, are the generic compiler's.
    void visit_bind_param(const sql::BindParamNode& node) override;
};

}  // namespace athanor::postgresql
