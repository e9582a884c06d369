// pg_odbc_compiler.hpp — the PostgreSQL flavour as postgresql+odbc renders it.
//
// psqlODBC sends every parameter as an untyped literal, and PostgreSQL then infers a boolean
// bind inside CASE ... THEN ? ELSE ? END as text, and SELECT ? of an interval as text. A bind
// the compiler knows to be boolean or an interval is therefore rendered CAST(? AS BOOLEAN) /
// CAST(? AS INTERVAL); everything else is PgCompiler's.
//
// Example:
//   select(case_({{users.c("age") > 18, true}}, false))
//   // SELECT CASE WHEN users.age > ? THEN CAST(? AS BOOLEAN) ELSE CAST(? AS BOOLEAN) END ...
#pragma once

#include "pg_compiler.hpp"

namespace athanor::postgresql {

class PgOdbcCompiler final : public PgCompiler {
public:
    using PgCompiler::PgCompiler;

    void visit_bind_param(const sql::BindParamNode& node) override;
};

}  // namespace athanor::postgresql
