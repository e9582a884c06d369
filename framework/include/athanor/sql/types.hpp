// athanor/sql/types.hpp — the generic SQL types (SQLAlchemy's sqlalchemy.types) and the
// value conversions dialects build their bind/result processors from.
//
// Each factory returns a TypePtr for Column(...) and cast(...). The dialect decides the DDL
// name and how values travel (see docs/types.md for the table per dialect): on SQLite a
// types::Date() column keeps ISO text and gives back athanor::Date values.
//
// Names: the factories live in athanor::types; all but Date, Time, DateTime and Interval are
// also in athanor::sql and athanor (those four names are the value types athanor::Date, ...),
// so write sa::types::Date() for the column type and sa::Date{2024, 5, 1} for a value.
//
// Usage:
//   namespace sa = athanor;
//   sa::Table t("events", {sa::Column("id", sa::Integer(), sa::sql::primary_key()),
//                          sa::Column("title", sa::String(200)),
//                          sa::Column("price", sa::Numeric(10, 2)),
//                          sa::Column("at", sa::types::DateTime(true)),
//                          sa::Column("mood", sa::Enum({"happy", "sad"}, "mood"))});
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/type_engine.hpp>

#include <optional>
#include <string>
#include <vector>

namespace athanor::types {

using sql::TypePtr;

ATHANOR_API TypePtr Integer();
ATHANOR_API TypePtr SmallInteger();
ATHANOR_API TypePtr BigInteger();
/// Stored as BOOLEAN where the database has one, else 0/1 (SQLite).
ATHANOR_API TypePtr Boolean();
/// VARCHAR(length); no length: VARCHAR (fine on SQLite and PostgreSQL, not for every database's DDL).
ATHANOR_API TypePtr String(std::optional<int> length = std::nullopt);
ATHANOR_API TypePtr Text();
ATHANOR_API TypePtr Unicode(std::optional<int> length = std::nullopt);
ATHANOR_API TypePtr UnicodeText();
/// The string types with a collation (SQLAlchemy's String(collation=...)): the column's DDL
/// says `VARCHAR(20) COLLATE "POSIX"`, and PostgreSQL's reflection reports it back.
///   Column("name", types::String(20, "POSIX"))
ATHANOR_API TypePtr String(std::optional<int> length, std::string collation);
ATHANOR_API TypePtr Text(std::string collation);
ATHANOR_API TypePtr Unicode(std::optional<int> length, std::string collation);
ATHANOR_API TypePtr UnicodeText(std::string collation);
/// The same string type with another collation ("" for none); ArgumentError for a type that
/// is not one of the four string types above.
ATHANOR_API TypePtr with_collation(const TypePtr& string_type, std::string collation);
/// A binary floating-point number (values are double); precision in bits as in FLOAT(p).
/// asdecimal: values come back as athanor::Decimal with `decimal_return_scale` digits after
/// the point (default 10), as SQLAlchemy's Float(asdecimal=True).
ATHANOR_API TypePtr Float(std::optional<int> precision = std::nullopt, bool asdecimal = false,
                          std::optional<int> decimal_return_scale = std::nullopt);
ATHANOR_API TypePtr Double();
/// An exact decimal: values are athanor::Decimal; asdecimal = false reads them as double
/// (SQLAlchemy's Numeric(asdecimal=False)).
ATHANOR_API TypePtr Numeric(std::optional<int> precision = std::nullopt, std::optional<int> scale = std::nullopt,
                            bool asdecimal = true);
ATHANOR_API TypePtr Date();
/// timezone: the value keeps its UTC offset (athanor::Time::utc_offset_minutes).
ATHANOR_API TypePtr Time(bool timezone = false);
ATHANOR_API TypePtr DateTime(bool timezone = false);
/// A span of time (athanor::Interval). The precisions are SQLAlchemy's Interval(day_precision,
/// second_precision): PostgreSQL renders the second precision, INTERVAL(p) (capped at 6 by
/// the server); databases without an interval type store the ISO 8601 text.
ATHANOR_API TypePtr Interval(std::optional<int> day_precision = std::nullopt,
                             std::optional<int> second_precision = std::nullopt);
ATHANOR_API TypePtr LargeBinary(std::optional<int> length = std::nullopt);
/// Values are the canonical text form "1b4e28ba-2fa1-11d2-883f-0016d3cca427" (any case,
/// with or without dashes or braces accepted on bind). Stored in the database's UUID type
/// where it has one, else CHAR(32) of hex digits; native_uuid = false: CHAR(32) everywhere.
ATHANOR_API TypePtr Uuid(bool native_uuid = true);
/// The SQL type UUID itself (SQLAlchemy's UUID): rendered UUID on every database, so only
/// for databases that have it; values as for Uuid().
ATHANOR_API TypePtr UUID();
/// Values are JSON documents as text (std::string); numbers, booleans are accepted on bind
/// and serialised. The JSON null is the document "null": a NULL value binds it too, unless
/// none_as_null, where NULL binds SQL NULL (SQLAlchemy's JSON(none_as_null=...)). Elements
/// are read with Expr::operator[] and json_path(): t.c("doc")["key"].as_integer().
ATHANOR_API TypePtr JSON(bool none_as_null = false);
/// One of `values`; anything else is rejected on bind with DataError. `name` names the
/// database type where enums are named types (PostgreSQL CREATE TYPE).
ATHANOR_API TypePtr Enum(std::vector<std::string> values, std::string name = {});

}  // namespace athanor::types

namespace athanor::sql {

using types::BigInteger;
using types::Boolean;
using types::Double;
using types::Enum;
using types::Float;
using types::Integer;
using types::JSON;
using types::LargeBinary;
using types::Numeric;
using types::SmallInteger;
using types::String;
using types::Text;
using types::Unicode;
using types::UnicodeText;
using types::Uuid;
using types::UUID;

/// Value conversions for bind/result processors. Each converts the kinds it knows and passes
/// any other value (and NULL) through unchanged; malformed text throws DataError quoting it.
namespace processors {
/// Date/Time/DateTime/Interval -> ISO 8601 text (as Value::iso() writes it); others unchanged.
ATHANOR_API Value to_iso_text(Value v);
/// bool -> 0/1.
ATHANOR_API Value bool_to_int(Value v);
/// integer 0/1 (and "0"/"1", "true"/"false") -> bool.
ATHANOR_API Value to_bool(Value v);
/// text / DateTime -> Date (a date-time text keeps its date part).
ATHANOR_API Value to_date(Value v);
/// text / DateTime -> Time.
ATHANOR_API Value to_time(Value v);
/// text / Date -> DateTime.
ATHANOR_API Value to_datetime(Value v);
/// DateTime -> Date (a Date column given a date-time keeps the date, as SQLAlchemy does).
ATHANOR_API Value datetime_to_date(Value v);
/// ISO 8601 duration text ("P1Y2M3DT4H5M6.5S", the form Interval::iso() writes) -> Interval.
ATHANOR_API Value to_interval(Value v);
/// Parses an ISO 8601 duration; throws DataError quoting `text` when malformed.
ATHANOR_API athanor::Interval parse_interval(std::string_view text);
/// integer / text / double -> Decimal; `scale` formats a double with that many decimals.
ATHANOR_API Value to_decimal(Value v, std::optional<int> scale = std::nullopt);
/// integer / Decimal -> double.
ATHANOR_API Value to_double(Value v);
/// text -> bytes.
ATHANOR_API Value to_bytes(Value v);
/// UUID text (any case, dashes, braces) or 16 bytes -> 32 lowercase hex digits.
ATHANOR_API Value uuid_to_hex(Value v);
/// 32 hex digits, dashed text or 16 bytes -> canonical dashed lowercase text.
ATHANOR_API Value uuid_to_canonical(Value v);
/// JSON text is validated; integers, doubles, booleans and Decimals become JSON text; NULL
/// stays NULL.
ATHANOR_API Value json_serialize(Value v);
/// json_serialize, and NULL becomes the JSON document "null" (JSON without none_as_null).
ATHANOR_API Value json_serialize_null_as_json(Value v);
/// The keys (text) and indexes (integers) of the JSON array text Expr::json_path() binds,
/// for a dialect's bind processor to write its own path form; throws DataError otherwise.
ATHANOR_API std::vector<Value> json_path_elements(std::string_view json_array_text);
/// Numbers the database handed back for a JSON column (SQLite's NUMERIC affinity) -> JSON text.
ATHANOR_API Value json_from_result(Value v);
/// A processor rejecting text outside `values` with DataError naming the allowed values.
ATHANOR_API Processor enum_validator(std::vector<std::string> values, std::string type_name);
}  // namespace processors

}  // namespace athanor::sql
