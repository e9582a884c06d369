// athanor/sql/schema/sequence.hpp — generated key values: Sequence (a database object) and
// Identity (a column's GENERATED ... AS IDENTITY clause).
//
// A Sequence on a column supplies that column's value on INSERT where the dialect has
// sequences (nextval / NEXT VALUE FOR, rendered inline); dialects without sequences
// (SQLite) ignore it, as SQLAlchemy does, and fall back to their own autoincrement. A
// standalone Sequence is registered with MetaData::sequence() and created by create_all()
// before the tables. Identity renders where the dialect supports identity columns and is
// otherwise ignored (autoincrement fallback).
//
// Usage:
//   sa::Column("id", sa::Integer(), sa::Sequence("user_id_seq", {.start = 100}), sa::primary_key());
//   sa::Column("id", sa::Integer(), sa::Identity(1, 1), sa::primary_key());
//   sa::Column("id", sa::Integer(), sa::Identity({.always = true, .start = 42, .nominvalue = true}));
//   metadata.sequence(sa::Sequence("order_numbers", {.start = 1000, .increment = 10}));
#pragma once

#include <athanor/export.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace athanor::sql {

struct SequenceOptions {
    std::optional<std::int64_t> start = {};
    std::optional<std::int64_t> increment = {};
    std::optional<std::int64_t> minvalue = {};
    std::optional<std::int64_t> maxvalue = {};
    std::optional<std::int64_t> cache = {};
    bool cycle = false;
    /// Schema the sequence lives in ("" = default).
    std::string schema = {};
};

class ATHANOR_API Sequence {
public:
    /// Throws ArgumentError for an empty name.
    explicit Sequence(std::string name, SequenceOptions options = {});
    const std::string& name() const { return name_; }
    const SequenceOptions& options() const { return options_; }
    const std::string& schema() const { return options_.schema; }

private:
    std::string name_;
    SequenceOptions options_;
};

/// The options of an identity column's generator, SQLAlchemy's Identity() arguments:
/// GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY (START WITH s INCREMENT BY i MINVALUE m
/// MAXVALUE n | NO MINVALUE | NO MAXVALUE CACHE c CYCLE). Unset options are left to the
/// database's defaults (START WITH 1 INCREMENT BY 1 on PostgreSQL).
struct IdentityOptions {
    /// GENERATED ALWAYS (an explicit value is an error) rather than BY DEFAULT.
    bool always = false;
    std::optional<std::int64_t> start = {};
    std::optional<std::int64_t> increment = {};
    std::optional<std::int64_t> minvalue = {};
    std::optional<std::int64_t> maxvalue = {};
    /// NO MINVALUE / NO MAXVALUE: the type's own bound (ignored when minvalue / maxvalue is set).
    bool nominvalue = false;
    bool nomaxvalue = false;
    std::optional<std::int64_t> cache = {};
    bool cycle = false;
};

/// An identity column's generator: sa::Identity(42, 1, true), or any option by name:
///   sa::Identity({.start = 0, .increment = -5, .minvalue = -1000, .maxvalue = 0})
struct Identity : IdentityOptions {
    Identity() = default;
    Identity(IdentityOptions options) : IdentityOptions(options) {}
    Identity(std::int64_t start_with, std::int64_t increment_by, bool always_generated = false) {
        start = start_with;
        increment = increment_by;
        always = always_generated;
    }
};

}  // namespace athanor::sql
