// reflection group — SQLAlchemy test_reflection.py (HasTableTest, HasIndexTest,
// ComponentReflectionTest, ComponentReflectionTestExtra, QuotedNameArgumentTest,
// BizarroCharacterTest, CompositeKeyReflectionTest, TempTableElementsTest,
// IdentityReflectionTest, TableNoColumnsTest, ComputedReflectionTest, NormalizedNameTest), in
// one file per thing reflected: test_reflection_tables.cpp, test_reflection_columns.cpp (with
// computed columns), test_reflection_constraints.cpp (keys, constraints, indexes),
// test_reflection_views.cpp (views and temporary relations), test_reflection_names.cpp (names
// that need quoting, name normalization), test_reflection_multi.cpp (get_multi_*, table
// options) and test_reflection_schemas.cpp (a second schema). test_sequence.py's
// HasSequenceTest is in test_sequence.cpp. A SQLAlchemy class whose cases reflect
// different things is opened in each of those files; Boost.Test joins them into one suite.
//
// Everything but HasTableTest's dialect-level check goes through athanor::Inspector, which
// needs the plugin's Reflector: those suites are gated on `table_reflection` (SQLAlchemy's
// "general support for table reflection"), so a plugin without one reports them SKIPPED.
// Schemas are created with MetaData/create_all from generic types; text() is used only for
// what MetaData cannot say (views, temporary tables, inline CHECK, tables without columns).
//
// This header holds what those files share: name-list helpers and ComponentReflectionTest's
// fixture.
#pragma once

#include "context.hpp"

#include <athanor/reflected.hpp>
#include <athanor/reflection/inspector.hpp>

#include <string>
#include <vector>

namespace cf {

bool contains(const std::vector<std::string>& names, const std::string& name);

/// The suite's own names (prefix cf_), sorted: the database may hold other objects.
std::vector<std::string> cf_only(std::vector<std::string> names);

/// The reflected column called `name`; fails the test when there is none.
const athanor::ReflectedColumn& column_named(const std::vector<athanor::ReflectedColumn>& columns,
                                             const std::string& name);

std::vector<std::string> column_names(const std::vector<athanor::ReflectedColumn>& columns);

/// SQLAlchemy's check-constraint comparison: case, spaces and parentheses do not matter.
std::string normalize_sql(const std::string& sql);

/// SQLAlchemy's OneConnectionTablesTest fixture of ComponentReflectionTest: users (self
/// reference), email_addresses (named PK, FK to users), dingalings (FKs, unique and check
/// constraints), comment_test (comments) and no_constraints (a comment with escapes), plus an
/// index and two views; the same again in cf::test_schema() where `schemas` is open (`schemas`
/// lists "" and that schema, for the cases' use_schema variants).
struct ComponentTables {
    Session s;
    std::vector<std::string> schemas;
    ComponentTables();
    athanor::Inspector inspector() { return athanor::Inspector(s.conn); }
};

}  // namespace cf
