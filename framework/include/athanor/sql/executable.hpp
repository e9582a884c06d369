// athanor/sql/executable.hpp — anything Connection::execute() accepts.
//
// Implemented by text() and by the expression language's statements (select, insert, ...).
// Compilation is cached per engine under cache_key(): the statement's structure without its
// bound values, which bound_values() yields afresh for each execution.
//
// Usage: you rarely touch this directly —
//   conn.execute(athanor::text("SELECT * FROM t WHERE id = :id"), {{"id", 5}});
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/compiled.hpp>
#include <athanor/value.hpp>

#include <map>
#include <memory>
#include <string>

namespace athanor::sdk {
class Dialect;
}

namespace athanor::sql {

/// Schema names replaced as a statement is compiled (SQLAlchemy's schema_translate_map): a
/// Table or Sequence of schema "per_tenant" renders as "tenant_42" with {{"per_tenant",
/// "tenant_42"}}. The key "" stands for objects without a schema, a value "" renders none.
using SchemaTranslateMap = std::map<std::string, std::string>;

/// The schema `schema` renders as under `map` (itself when the map is null or has no entry).
ATHANOR_API const std::string& translate_schema(const SchemaTranslateMap* map, const std::string& schema);

class ATHANOR_API Executable {
public:
    virtual ~Executable();

    /// Compiles for `dialect`; throws CompileError for a construct the dialect cannot render.
    virtual std::shared_ptr<const CompiledStatement> compile(const sdk::Dialect& dialect) const = 0;

    /// Structural key for the compiled-statement cache; "" means "do not cache".
    virtual std::string cache_key() const;

    /// Adds the values the statement carries (literals in the expression), keyed as the
    /// compiled binds name them. Called on every execution when the compiled form came from
    /// the cache.
    virtual void bound_values(Params& out) const;

    /// cache_key() and bound_values(values) at once: the engine calls this on every execution,
    /// and a statement that can produce both in one pass over its tree overrides it. The
    /// default calls the two in turn.
    virtual std::string cache_key(Params& values) const;

    /// A statement whose shape depends on the parameters given (an insert() or update() without
    /// values() takes its columns from the first parameter set) returns the specialised form
    /// here; nullptr means the statement is complete as it is.
    virtual std::unique_ptr<Executable> with_parameter_keys(const Params& first_params) const;
};

}  // namespace athanor::sql
