// athanor/sql/schema/schema.hpp — the schema layer in one include: MetaData, Table, Column
// and its options, constraints, Index, Sequence, Identity, naming conventions, the DDL
// statements and the DDL compiler; the common names are also in namespace athanor.
//
// Usage:
//   #include <athanor/athanor.hpp>      // includes this
//   namespace sa = athanor;
//   sa::MetaData metadata;
//   auto& users = metadata.table("users",
//       sa::Column("id", sa::Integer(), sa::primary_key(), sa::autoincrement()),
//       sa::Column("name", sa::String(50), sa::nullable(false), sa::unique()));
//   metadata.create_all(engine);
//   std::cout << sa::CreateTable(users) << '\n';
#pragma once

#include <athanor/sql/ddl.hpp>
#include <athanor/sql/ddl_compiler.hpp>
#include <athanor/sql/schema/column.hpp>
#include <athanor/sql/schema/constraints.hpp>
#include <athanor/sql/schema/metadata.hpp>
#include <athanor/sql/schema/naming_convention.hpp>
#include <athanor/sql/schema/sequence.hpp>
#include <athanor/sql/schema/table.hpp>

namespace athanor {
using sql::autoincrement;
using sql::CheckConstraint;
using sql::comment;
using sql::CreateIndex;
using sql::CreateSchema;
using sql::CreateSequence;
using sql::CreateTable;
using sql::default_;
using sql::DropIndex;
using sql::DropSchema;
using sql::DropSequence;
using sql::DropTable;
using sql::ForeignKeyConstraint;
using sql::ForeignKeyOptions;
using sql::Identity;
using sql::index;
using sql::Index;
using sql::MetaData;
using sql::NamingConvention;
using sql::nullable;
using sql::primary_key;
using sql::PrimaryKeyConstraint;
using sql::Sequence;
using sql::SequenceOptions;
using sql::server_default;
using sql::SetColumnComment;
using sql::SetTableComment;
using sql::TableOptions;
using sql::unique;
using sql::UniqueConstraint;
}  // namespace athanor
