// athanor/sql/type_engine.hpp — TypeEngine, the SQL type of a column or expression.
//
// A type is a generic kind (Integer, String(50), Numeric(10, 2), DateTime(timezone), ...)
// plus its parameters. The dialect's TypeCompiler (athanor/sql/type_compiler.hpp) turns it
// into a DDL/CAST name and into the bind/result processors that convert values between
// their C++ form and the form the database stores. The factories users call are in
// athanor/sql/types.hpp (Integer(), String(50), Enum(...)); TypeEngine::named() maps an SQL
// spelling to the same generic types. Subclass TypeEngine and override compile() and the
// processors for a custom type (SQLAlchemy's TypeDecorator / UserDefinedType).
//
// Usage:
//   auto t = athanor::sql::TypeEngine::named("VARCHAR(50)");   // same as String(50)
//   t->kind() == athanor::sql::TypeKind::string;  t->length() == 50;  t->name() == "VARCHAR(50)"
//
//   // A string column holding integers, compared and read as integers (a TypeDecorator):
//   struct StringAsInt : athanor::sql::TypeEngine {
//       StringAsInt() : TypeEngine(*athanor::sql::String(50)) {}
//       athanor::sql::ColumnPtr column_expression(const athanor::sql::ColumnPtr& c) const override {
//           return athanor::sql::cast(c, athanor::sql::Integer()).node();
//       }
//   };
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/compiled.hpp>
#include <athanor/value.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace athanor::sql {

class TypeCompiler;
class ColumnElement;

/// Broad family of a type; what the expression compiler needs to know about it.
enum class TypeAffinity { unknown, integer, numeric, floating, string, boolean, date, time, datetime, binary, interval };

/// The generic types (SQLAlchemy's CamelCase types). `custom` is a type known only by its
/// SQL spelling, rendered verbatim on every dialect.
enum class TypeKind {
    custom, integer, small_integer, big_integer, boolean, string, text, unicode, unicode_text,
    float_, double_, numeric, date, time, datetime, interval, large_binary, uuid, json, enum_
};

/// Parameters of a generic type; which ones apply depends on the kind.
struct TypeOptions {
    std::optional<int> length;      // String, Unicode, LargeBinary; Enum: longest value
    std::optional<int> precision;   // Numeric, Float
    std::optional<int> scale;       // Numeric
    bool timezone = false;          // Time, DateTime
    std::vector<std::string> enum_values;
    std::string enum_name;          // Enum: the database type name where enums are named types
    /// Numeric, Float, Double: values come back as athanor::Decimal (true) or double (false);
    /// nullopt: the kind's default (Numeric: Decimal, Float/Double: double).
    std::optional<bool> asdecimal;
    /// Float/Double read as Decimal: the digits after the point it keeps (default 10).
    std::optional<int> decimal_return_scale;
    /// Uuid: the database's own UUID type where it has one; false: CHAR(32) of hex digits on
    /// every database (SQLAlchemy's Uuid(native_uuid=False)).
    bool native_uuid = true;
    /// JSON: a NULL value binds SQL NULL (true) or the JSON document null (false, the default,
    /// as SQLAlchemy's JSON(none_as_null=False)).
    bool none_as_null = false;
    std::optional<int> day_precision;     // Interval
    std::optional<int> second_precision;  // Interval
    /// String, Text, Unicode, UnicodeText: the column's collation, rendered in DDL as
    /// `COLLATE "name"` after the type (SQLAlchemy's String(collation=...)); "" for none.
    std::string collation;
};

class ATHANOR_API TypeEngine {
public:
    /// A generic type.
    explicit TypeEngine(TypeKind kind, TypeOptions options = {});
    /// A type known only by its SQL spelling: rendered as `name`, no processing.
    TypeEngine(std::string name, TypeAffinity affinity);
    virtual ~TypeEngine();

    TypeKind kind() const { return kind_; }
    /// The generic SQL spelling ("VARCHAR(50)", "NUMERIC(10, 2)"); dialects may render otherwise.
    const std::string& name() const { return name_; }
    TypeAffinity affinity() const { return affinity_; }
    const TypeOptions& options() const { return options_; }
    std::optional<int> length() const { return options_.length; }
    std::optional<int> precision() const { return options_.precision; }
    std::optional<int> scale() const { return options_.scale; }
    bool timezone() const { return options_.timezone; }
    const std::vector<std::string>& enum_values() const { return options_.enum_values; }
    /// The collation of a string type ("" for the database's default).
    const std::string& collation() const { return options_.collation; }
    /// Identifies kind and parameters in statement cache keys (processors depend on them).
    const std::string& cache_token() const { return token_; }

    /// The dialect's name for this type (DDL, CAST). Default: compiler.visit(*this).
    virtual std::string compile(const TypeCompiler& compiler) const;
    /// Converts a program value before it is bound. Default: compiler.bind_processor(*this).
    virtual Processor bind_processor(const TypeCompiler& compiler) const;
    /// Converts a fetched value into the C++ form. Default: compiler.result_processor(*this).
    virtual Processor result_processor(const TypeCompiler& compiler) const;
    /// SQL wrapped around a column of this type where a top-level SELECT or RETURNING lists it
    /// (SQLAlchemy's TypeDecorator.column_expression), e.g. cast(column, Integer()); the
    /// result keeps the column's name and is read with the wrapped expression's type.
    /// Default: nullptr, the column as it is.
    virtual std::shared_ptr<const ColumnElement> column_expression(const std::shared_ptr<const ColumnElement>& column) const;
    /// SQL wrapped around a bound value of this type (TypeDecorator.bind_expression), e.g.
    /// cast(type_coerce(bind, Integer()), String(50)). Default: nullptr, the bind as it is.
    virtual std::shared_ptr<const ColumnElement> bind_expression(const std::shared_ptr<const ColumnElement>& bind) const;
    /// asdecimal with the kind's default applied: Numeric true, Float/Double false.
    bool as_decimal() const;

    /// A type from its SQL spelling, mapped to the generic type when the name is known
    /// ("INT" -> Integer, "VARCHAR(20)" -> String(20), "TIMESTAMP WITH TIME ZONE" ->
    /// DateTime(timezone)); unknown names give a custom type rendered verbatim.
    static std::shared_ptr<const TypeEngine> named(std::string name);
    /// The affinity a literal value has (an integer literal has integer affinity).
    static TypeAffinity affinity_of(const Value& value);
    /// The affinity of a generic kind.
    static TypeAffinity affinity_of(TypeKind kind);

private:
    TypeKind kind_;
    TypeOptions options_;
    std::string name_;
    TypeAffinity affinity_;
    std::string token_;
};

using TypePtr = std::shared_ptr<const TypeEngine>;

}  // namespace athanor::sql
