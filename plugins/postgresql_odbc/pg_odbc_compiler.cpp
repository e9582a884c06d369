// The boolean cast for psqlODBC's untyped parameters.
#include "pg_odbc_compiler.hpp"

namespace athanor::postgresql {

void PgOdbcCompiler::visit_bind_param(const sql::BindParamNode& node) {
    // The bind's affinity is part of the statement's cache key, so a cached form never mixes
    // a boolean bind with another kind.
    // An interval sent as ISO 8601 text would stay text in SELECT ? (SELECT literal(Interval)).
    const char* type = node.affinity() == sql::TypeAffinity::boolean    ? "BOOLEAN"
                       : node.affinity() == sql::TypeAffinity::interval ? "INTERVAL"
                                                                        : nullptr;
    // A bind of an explicit type gets PgCompiler's CAST to that type already.
    if (!type || node.type) return PgCompiler::visit_bind_param(node);
    out() += "CAST(";
    PgCompiler::visit_bind_param(node);
    out() += " AS ";
    out() += type;
    out() += ')';
}

}  // namespace athanor::postgresql
