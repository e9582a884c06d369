// athanor/sql.hpp — the expression language in one include: tables and columns, select,
// insert/update/delete, expressions and functions, and the compiler dialects extend.
//
// The common names are also available directly in namespace athanor (athanor::select, ...).
//
// Usage:
//   #include <athanor/sql.hpp>
//   namespace sa = athanor;
//   sa::sql::Table users("users", {sa::sql::Column("id", sa::sql::TypeEngine::named("INTEGER"), sa::sql::primary_key()),
//                                  sa::sql::Column("name", sa::sql::TypeEngine::named("VARCHAR(50)"))});
//   std::cout << sa::select(users).where(users.c("name") == "Bob") << '\n';
//   // SELECT users.id, users.name FROM users WHERE users.name = :name_1
#pragma once

#include <athanor/sql/compiler.hpp>
#include <athanor/sql/default_dialect.hpp>
#include <athanor/sql/dml.hpp>
#include <athanor/sql/element.hpp>
#include <athanor/sql/expression.hpp>
#include <athanor/sql/identifier_preparer.hpp>
#include <athanor/sql/schema/column.hpp>
#include <athanor/sql/schema/schema.hpp>
#include <athanor/sql/schema/table.hpp>
#include <athanor/sql/select.hpp>
#include <athanor/sql/selectable.hpp>
#include <athanor/sql/statement.hpp>
#include <athanor/sql/type_compiler.hpp>
#include <athanor/sql/type_engine.hpp>
#include <athanor/sql/types.hpp>

namespace athanor {
// Types (Date, Time, DateTime and Interval are athanor::types::Date() ...: the plain names
// are the value types).
using sql::BigInteger;
using sql::Boolean;
using sql::Double;
using sql::Enum;
using sql::Float;
using sql::Integer;
using sql::JSON;
using sql::LargeBinary;
using sql::Numeric;
using sql::SmallInteger;
using sql::String;
using sql::Text;
using sql::TypePtr;
using sql::Unicode;
using sql::UnicodeText;
using sql::Uuid;
using sql::and_;
using sql::asc;
using sql::BindOptions;
using sql::bindparam;
using sql::case_;
using sql::cast;
using sql::Column;
using sql::delete_;
using sql::desc;
using sql::except_;
using sql::exists;
using sql::Expr;
using sql::ForeignKey;
using sql::ForUpdate;
using sql::Frame;
using sql::func;
using sql::insert;
using sql::intersect;
using sql::literal;
using sql::literal_column;
using sql::not_;
using sql::or_;
using sql::select;
using sql::Table;
using sql::tuple_;
using sql::union_;
using sql::union_all;
using sql::Window;
using sql::update;
using sql::values;
using sql::Values;
using sql::extract;
using sql::any_;
using sql::all_;
}  // namespace athanor
