// athanor/sql/type_engine.hpp — the base of SQL types as the expression language sees them.
//
// For now a type is a name ("INTEGER", "VARCHAR(50)") plus an affinity the compiler uses to
// decide things such as true division (integer / integer is cast to a numeric type). The
// schema/types layer derives richer types (bind/result processing, DDL names) from it.
//
// Usage:
//   auto t = athanor::sql::TypeEngine::named("INTEGER");   // affinity inferred: integer
//   athanor::sql::Column("id", t, athanor::sql::primary_key());
#pragma once

#include <athanor/export.hpp>
#include <athanor/value.hpp>

#include <memory>
#include <string>

namespace athanor::sql {

/// Broad family of a type; what the compiler needs to know about it.
enum class TypeAffinity { unknown, integer, numeric, floating, string, boolean, date, time, datetime, binary, interval };

class ATHANOR_API TypeEngine {
public:
    TypeEngine(std::string name, TypeAffinity affinity);
    virtual ~TypeEngine();

    /// The SQL spelling used in CAST(... AS name) and, until the type compiler exists, DDL.
    const std::string& name() const { return name_; }
    TypeAffinity affinity() const { return affinity_; }

    /// A type from its SQL name; the affinity is inferred ("BIGINT" -> integer, "TEXT" -> string).
    static std::shared_ptr<const TypeEngine> named(std::string name);
    /// The affinity a literal value has (an integer literal has integer affinity).
    static TypeAffinity affinity_of(const Value& value);

private:
    std::string name_;
    TypeAffinity affinity_;
};

using TypePtr = std::shared_ptr<const TypeEngine>;

}  // namespace athanor::sql
