// athanor/sql/type_compiler.hpp — TypeCompiler: a dialect's type map, both ways, and its
// value processing.
//
// - process(type): the DDL / CAST name of a generic type for this dialect (one visit_* per
//   kind; the defaults follow SQLAlchemy's GenericTypeCompiler: INTEGER, VARCHAR(n),
//   NUMERIC(p, s), DATETIME, BLOB, CHAR(32) for Uuid, VARCHAR(n) for Enum, ...).
// - bind_processor(type) / result_processor(type): how values of the type travel, e.g.
//   SQLite keeps dates as ISO text and booleans as 0/1. An empty Processor is the identity.
//   They are asked once per compiled statement, never per execution.
// - from_database_type(name): a database's type name back to a generic type, for reflection
//   ("NUMERIC(10, 2)" -> Numeric(10, 2), "TIMESTAMP WITH TIME ZONE" -> DateTime(true)).
// A dialect subclasses it, overrides what differs and returns it from
// Dialect::create_type_compiler(); the SQL and DDL compilers ask the dialect for it.
//
// Example (a dialect without a native UUID type nor BOOLEAN):
//   class MyTypeCompiler : public athanor::sql::TypeCompiler {
//   public:
//       std::string visit_boolean(const TypeEngine&) const override { return "SMALLINT"; }
//       Processor bind_processor(const TypeEngine& t) const override {
//           if (t.kind() == TypeKind::boolean) return athanor::sql::processors::bool_to_int;
//           return TypeCompiler::bind_processor(t);
//       }
//   };
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/compiled.hpp>
#include <athanor/sql/type_engine.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace athanor::sdk {
class Dialect;
}

namespace athanor::sql {

class ATHANOR_API TypeCompiler {
public:
    TypeCompiler() = default;
    virtual ~TypeCompiler();
    TypeCompiler(const TypeCompiler&) = delete;
    TypeCompiler& operator=(const TypeCompiler&) = delete;

    /// The name of `type` in this dialect's DDL and CAST (asks the type, which may be custom).
    std::string process(const TypeEngine& type) const { return type.compile(*this); }
    /// Dispatches on the kind to the visit_* below.
    std::string visit(const TypeEngine& type) const;

    virtual std::string visit_integer(const TypeEngine& type) const;
    virtual std::string visit_small_integer(const TypeEngine& type) const;
    virtual std::string visit_big_integer(const TypeEngine& type) const;
    virtual std::string visit_boolean(const TypeEngine& type) const;
    virtual std::string visit_string(const TypeEngine& type) const;
    virtual std::string visit_text(const TypeEngine& type) const;
    virtual std::string visit_unicode(const TypeEngine& type) const;
    virtual std::string visit_unicode_text(const TypeEngine& type) const;
    virtual std::string visit_float(const TypeEngine& type) const;
    virtual std::string visit_double(const TypeEngine& type) const;
    virtual std::string visit_numeric(const TypeEngine& type) const;
    virtual std::string visit_date(const TypeEngine& type) const;
    virtual std::string visit_time(const TypeEngine& type) const;
    virtual std::string visit_datetime(const TypeEngine& type) const;
    virtual std::string visit_interval(const TypeEngine& type) const;
    virtual std::string visit_large_binary(const TypeEngine& type) const;
    virtual std::string visit_uuid(const TypeEngine& type) const;
    virtual std::string visit_json(const TypeEngine& type) const;
    virtual std::string visit_enum(const TypeEngine& type) const;
    /// A custom type: its own spelling.
    virtual std::string visit_custom(const TypeEngine& type) const;

    /// Generic: Uuid -> 32 hex digits (stored in CHAR(32)), JSON validated/serialised, Enum
    /// validated, a DateTime bound to a Date column cut to its date; everything else as is.
    virtual Processor bind_processor(const TypeEngine& type) const;
    /// Generic: values are coerced to the C++ kind of the type when the driver hands back
    /// another one (text dates, 0/1 booleans, floats for Numeric, hex uuids, ...).
    virtual Processor result_processor(const TypeEngine& type) const;

    /// A database type name to a generic type; unknown names give a custom type that
    /// renders as given. The default knows the SQL-standard, PostgreSQL, MySQL and SQLite
    /// spellings (case-insensitive, with length/precision in parentheses).
    virtual TypePtr from_database_type(std::string_view name) const;
};

/// The generic map behind TypeCompiler::from_database_type() and TypeEngine::named();
/// nullptr when the name is not a known type.
ATHANOR_API TypePtr generic_type_from_name(std::string_view name);

/// The type compiler for `dialect`: its Dialect::create_type_compiler(), or the generic
/// TypeCompiler when the dialect returns none (the SDK's default).
ATHANOR_API std::shared_ptr<TypeCompiler> type_compiler_for(const sdk::Dialect& dialect);

}  // namespace athanor::sql
