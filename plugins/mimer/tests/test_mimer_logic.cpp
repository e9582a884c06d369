// The Mimer plugin's logic through its own headers, fed with the text and catalog rows a
// server would give: statement kinds, INSERT targets and sequence defaults (both of Mimer's
// stored spellings), ODBC type codes, native error codes, and reflection records.
#include <boost/test/unit_test.hpp>

#include "mimer_catalog.hpp"
#include "mimer_connection.hpp"
#include "mimer_errors.hpp"
#include "mimer_odbc_types.hpp"
#include "mimer_statement.hpp"
#include "mimer_type_compiler.hpp"

#include <athanor/errors.hpp>
#include <athanor/odbc/connection.hpp>
#include <athanor/odbc/driver_lookup.hpp>
#include <athanor/sdk/driver_util.hpp>
#include <athanor/sql/types.hpp>

#include <filesystem>
#include <unistd.h>

using athanor::Value;
using namespace athanor::mimer;
namespace types = athanor::types;

BOOST_AUTO_TEST_SUITE(logic)

BOOST_AUTO_TEST_CASE(statement_kinds) {
    BOOST_TEST((statement_kind("create table t (x int)") == StatementKind::ddl));
    BOOST_TEST((statement_kind("  /* c */ DROP SEQUENCE s") == StatementKind::ddl));
    BOOST_TEST((statement_kind("COMMENT ON TABLE t IS 'x'") == StatementKind::ddl));
    BOOST_TEST((statement_kind("insert into t values (1)") == StatementKind::dml));
    BOOST_TEST((statement_kind("UPDATE t SET x = 1") == StatementKind::dml));
    BOOST_TEST((statement_kind("SELECT 1 FROM SYSTEM.ONEROW") == StatementKind::other));
    BOOST_TEST((statement_kind("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE") == StatementKind::other));
    BOOST_TEST((statement_kind("commit work") == StatementKind::ends_transaction));
    BOOST_TEST((statement_kind("ROLLBACK") == StatementKind::ends_transaction));
    BOOST_TEST((statement_kind("ROLLBACK TO SAVEPOINT sp1") == StatementKind::other));
    BOOST_TEST((statement_kind("ROLLBACK WORK TO SAVEPOINT sp1") == StatementKind::other));
}

BOOST_AUTO_TEST_CASE(insert_targets) {
    auto t = insert_target("INSERT INTO app.users (name, \"Full \"\"Name\"\"\") VALUES (?, ?)");
    BOOST_TEST_REQUIRE(t.has_value());
    BOOST_TEST(t->table.schema == "app");
    BOOST_TEST(t->table.name == "users");
    BOOST_TEST_REQUIRE(t->columns.size() == 2u);
    BOOST_TEST(t->columns[1] == "Full \"Name\"");
    auto d = insert_target("insert into \"Order\" default values");
    BOOST_TEST_REQUIRE(d.has_value());
    BOOST_TEST(d->table.schema.empty());
    BOOST_TEST(d->table.name == "Order");
    BOOST_TEST(d->columns.empty());
    BOOST_TEST(!insert_target("UPDATE t SET x = 1").has_value());
    BOOST_TEST(!insert_target("INSERT INTO t (a, VALUES (1)").has_value());
}

BOOST_AUTO_TEST_CASE(sequence_defaults_in_both_spellings) {
    // Mimer 11.1 stores NEXT VALUE FOR, 11.0 NEXT_VALUE OF.
    auto a = sequence_of_default("NEXT VALUE FOR \"APP\".\"users_id_autoinc_seq\"");
    BOOST_TEST_REQUIRE(a.has_value());
    BOOST_TEST((*a == QualifiedName{"APP", "users_id_autoinc_seq"}));
    auto b = sequence_of_default("NEXT_VALUE OF \"APP\".\"users_id_autoinc_seq\"");
    BOOST_TEST_REQUIRE(b.has_value());
    BOOST_TEST((*b == QualifiedName{"APP", "users_id_autoinc_seq"}));
    auto c = sequence_of_default("next value for order_seq ");
    BOOST_TEST_REQUIRE(c.has_value());
    BOOST_TEST((*c == QualifiedName{"", "order_seq"}));
    BOOST_TEST(!sequence_of_default("NEXT VALUE FOR s + 1").has_value());
    BOOST_TEST(!sequence_of_default("'NEXT VALUE FOR s'").has_value());
    BOOST_TEST(!sequence_of_default("0").has_value());
    BOOST_TEST(implicit_sequence_name("users", "id") == "users_id_autoinc_seq");
    BOOST_TEST(current_value_query({"APP", "users_id_autoinc_seq"}) ==
               "SELECT CURRENT VALUE FOR \"APP\".\"users_id_autoinc_seq\" FROM SYSTEM.ONEROW");
    BOOST_TEST(next_value_query({"", "s"}) == "SELECT NEXT VALUE FOR \"s\" FROM SYSTEM.ONEROW");
}

BOOST_AUTO_TEST_CASE(prefetched_key_rewrites) {
    BOOST_TEST(with_prefetched_key("INSERT INTO users (name, fullname) VALUES (?, ?)", "id").value_or("") ==
               "INSERT INTO users (\"id\", name, fullname) VALUES (?, ?, ?)");
    BOOST_TEST(with_prefetched_key("INSERT INTO app.users (name) VALUES (lower(?))", "ID").value_or("") ==
               "INSERT INTO app.users (\"ID\", name) VALUES (?, lower(?))");
    BOOST_TEST(with_prefetched_key("INSERT INTO users DEFAULT VALUES", "id").value_or("") ==
               "INSERT INTO users (\"id\") VALUES (?)");
    BOOST_TEST(with_prefetched_key("INSERT INTO t (s) VALUES (')(,')", "id").value_or("") ==
               "INSERT INTO t (\"id\", s) VALUES (?, ')(,')");
    // Not rewritten: the column is given, several rows, INSERT ... SELECT, no column list.
    BOOST_TEST(!with_prefetched_key("INSERT INTO users (ID, name) VALUES (NEXT VALUE FOR s, ?)", "id").has_value());
    BOOST_TEST(!with_prefetched_key("INSERT INTO users (name) VALUES (?), (?)", "id").has_value());
    BOOST_TEST(!with_prefetched_key("INSERT INTO users (name) SELECT n FROM x", "id").has_value());
    BOOST_TEST(!with_prefetched_key("INSERT INTO users VALUES (1, 'a')", "id").has_value());
    BOOST_TEST(!with_prefetched_key("UPDATE users SET name = ?", "id").has_value());
}

BOOST_AUTO_TEST_CASE(odbc_type_codes) {
    BOOST_TEST(standard_sql_type(42).value_or(0) == -7);      // Mimer BOOLEAN -> SQL_BIT
    BOOST_TEST(standard_sql_type(8104).value_or(0) == -11);   // BUILTIN.UUID -> SQL_GUID
    BOOST_TEST(standard_sql_type(57).value_or(0) == -4);      // BLOB -> SQL_LONGVARBINARY
    BOOST_TEST(standard_sql_type(-9).value_or(0) == -9);      // SQL_WVARCHAR stays
    BOOST_TEST(!standard_sql_type(20001).has_value());
    BOOST_TEST((generic_type_for_sql_type(42)->kind() == athanor::sql::TypeKind::boolean));
    BOOST_TEST((generic_type_for_sql_type(8104)->kind() == athanor::sql::TypeKind::uuid));
    BOOST_TEST((generic_type_for_sql_type(58)->kind() == athanor::sql::TypeKind::text));
    BOOST_TEST((generic_type_for_sql_type(59)->kind() == athanor::sql::TypeKind::unicode_text));
    BOOST_TEST((generic_type_for_sql_type(-5)->kind() == athanor::sql::TypeKind::big_integer));
    BOOST_TEST((generic_type_for_sql_type(93)->kind() == athanor::sql::TypeKind::datetime));
    BOOST_TEST(generic_type_for_sql_type(20001) == nullptr);
}

BOOST_AUTO_TEST_CASE(native_error_codes) {
    auto translate = mimer_error_translator();
    BOOST_CHECK_THROW(translate({{"HY000", -12517, "ident does not exist"}}, "login failed"), athanor::OperationalError);
    try {
        translate({{"HY000", -12564, "ident does not exist"}}, "login failed");
        BOOST_FAIL("not translated");
    } catch (const athanor::OperationalError& e) {
        BOOST_TEST(e.sqlstate() == "28000");
        BOOST_TEST(e.native_code().value_or(0) == -12564);
    }
    // A standard SQLSTATE decides by itself (the translator returns), as does an unknown code.
    BOOST_CHECK_NO_THROW(translate({{"23000", -10101, "unique"}}, "x"));
    BOOST_CHECK_NO_THROW(translate({{"HY000", -99999, "?"}}, "x"));
    BOOST_CHECK_NO_THROW(translate({{"01004", 0, "truncated"}, {"42000", -12200, "syntax"}}, "x"));
}

BOOST_AUTO_TEST_CASE(type_names_both_ways) {
    const MimerTypeCompiler tc;
    BOOST_TEST(tc.process(*types::String(20)) == "VARCHAR(20)");
    BOOST_TEST(tc.process(*types::String()) == "VARCHAR(15000)");
    BOOST_TEST(tc.process(*types::Unicode()) == "NVARCHAR(5000)");
    BOOST_TEST(tc.process(*types::Numeric(10, 2)) == "DECIMAL(10, 2)");
    BOOST_TEST(tc.process(*types::Float(10)) == "REAL");
    BOOST_TEST(tc.process(*types::Float()) == "DOUBLE PRECISION");
    BOOST_TEST(tc.process(*types::DateTime()) == "TIMESTAMP");
    BOOST_TEST(tc.process(*types::Uuid()) == "BUILTIN.UUID");
    BOOST_TEST(tc.process(*types::Uuid(false)) == "CHAR(32)");
    BOOST_TEST(tc.process(*types::Interval(4, 6)) == "INTERVAL DAY(4) TO SECOND(6)");
    BOOST_CHECK_THROW(tc.process(*types::JSON()), athanor::CompileError);
    BOOST_TEST((tc.from_database_type("NATIONAL CHARACTER VARYING(40)")->kind() == athanor::sql::TypeKind::unicode));
    BOOST_TEST(tc.from_database_type("NATIONAL CHARACTER VARYING(40)")->length().value_or(0) == 40);
    BOOST_TEST((tc.from_database_type("CHARACTER LARGE OBJECT")->kind() == athanor::sql::TypeKind::text));
    BOOST_TEST((tc.from_database_type("BINARY LARGE OBJECT")->kind() == athanor::sql::TypeKind::large_binary));
    BOOST_TEST((tc.from_database_type("BUILTIN.UUID")->kind() == athanor::sql::TypeKind::uuid));
    BOOST_TEST(tc.from_database_type("DECIMAL(12, 3)")->scale().value_or(0) == 3);
}

BOOST_AUTO_TEST_CASE(columns_from_catalog_rows) {
    const MimerTypeCompiler tc;
    const CatalogRows rows = {
        {Value("id"), Value("INTEGER"), Value(), Value(10), Value(0), Value("NO"),
         Value("NEXT_VALUE OF \"APP\".\"users_id_autoinc_seq\""), Value(), Value()},
        {Value("name"), Value("NATIONAL CHARACTER VARYING"), Value(50), Value(), Value(), Value("YES"), Value(),
         Value(), Value()},
        {Value("price"), Value("DECIMAL"), Value(), Value(10), Value(2), Value("YES"), Value("0"), Value(), Value()},
        {Value("uid"), Value("USER-DEFINED"), Value(), Value(), Value(), Value("YES"), Value(), Value("BUILTIN"),
         Value("UUID")},
        {Value("big"), Value("INTEGER"), Value(), Value(19), Value(0), Value("YES"), Value(), Value(), Value()},
        {Value("seq11"), Value("BIGINT"), Value(), Value(19), Value(0), Value("NO"),
         Value("NEXT VALUE FOR \"APP\".\"s\""), Value(), Value()},
    };
    const auto cols = build_columns(rows, tc);
    BOOST_TEST_REQUIRE(cols.size() == 6u);
    BOOST_TEST(cols[0].name == "id");
    BOOST_TEST(!cols[0].nullable);
    BOOST_TEST(cols[0].autoincrement);
    BOOST_TEST((cols[0].type->kind() == athanor::sql::TypeKind::integer));
    BOOST_TEST((cols[1].type->kind() == athanor::sql::TypeKind::unicode));
    BOOST_TEST(cols[1].type->length().value_or(0) == 50);
    BOOST_TEST(cols[1].nullable);
    BOOST_TEST(cols[2].type->precision().value_or(0) == 10);
    BOOST_TEST(cols[2].type->scale().value_or(0) == 2);
    BOOST_TEST(cols[2].default_.value_or("") == "0");
    BOOST_TEST(!cols[2].autoincrement);
    BOOST_TEST((cols[3].type->kind() == athanor::sql::TypeKind::uuid));
    BOOST_TEST((cols[4].type->kind() == athanor::sql::TypeKind::big_integer));
    BOOST_TEST(cols[5].autoincrement);
}

BOOST_AUTO_TEST_CASE(constraints_indexes_schemas_from_catalog_rows) {
    const auto pk = build_primary_key({{Value("SQL_PK_1"), Value("a")}, {Value("SQL_PK_1"), Value("b")}});
    BOOST_TEST(pk.name == "SQL_PK_1");
    BOOST_TEST(pk.constrained_columns.size() == 2u);

    const auto fks = build_foreign_keys(
        {{Value("fk_a"), Value("user_id"), Value("APP"), Value("users"), Value("id"), Value("NO ACTION"), Value("CASCADE")},
         {Value("fk_b"), Value("x"), Value("OTHER"), Value("t"), Value("k1"), Value("CASCADE"), Value("NO ACTION")},
         {Value("fk_b"), Value("y"), Value("OTHER"), Value("t"), Value("k2"), Value("CASCADE"), Value("NO ACTION")}},
        "APP");
    BOOST_TEST_REQUIRE(fks.size() == 2u);
    BOOST_TEST(fks[0].referred_schema.empty());
    BOOST_TEST(fks[0].referred_table == "users");
    BOOST_TEST(fks[0].options.at("ondelete") == "CASCADE");
    BOOST_TEST(fks[0].options.count("onupdate") == 0u);
    BOOST_TEST(fks[1].referred_schema == "OTHER");
    BOOST_TEST(fks[1].constrained_columns.size() == 2u);
    BOOST_TEST(fks[1].referred_columns[1] == "k2");
    BOOST_TEST(fks[1].options.at("onupdate") == "CASCADE");

    const auto uqs = build_unique_constraints({{Value("uq"), Value("a")}, {Value("uq"), Value("b")}});
    BOOST_TEST_REQUIRE(uqs.size() == 1u);
    BOOST_TEST(uqs[0].column_names.size() == 2u);

    const auto cks = build_check_constraints(
        {{Value("ck_nn"), Value("\"name\" IS NOT NULL")}, {Value("ck_pos"), Value(" price > 0 ")}});
    BOOST_TEST_REQUIRE(cks.size() == 1u);
    BOOST_TEST(cks[0].name == "ck_pos");
    BOOST_TEST(cks[0].sqltext == "price > 0");

    const auto ixs = build_indexes({{Value("ix_a"), Value("NO"), Value("a")},
                                    {Value("ux_bc"), Value("YES"), Value("b")},
                                    {Value("ux_bc"), Value("YES"), Value("c")}});
    BOOST_TEST_REQUIRE(ixs.size() == 2u);
    BOOST_TEST(!ixs[0].unique);
    BOOST_TEST(ixs[1].unique);
    BOOST_TEST(ixs[1].column_names.size() == 2u);

    const auto schemas = build_schema_names({{Value("SYSTEM")}, {Value("APP")}, {Value("INFORMATION_SCHEMA")},
                                             {Value("MIMER")}, {Value("ODBC")}, {Value("SYSADM")}});
    BOOST_TEST_REQUIRE(schemas.size() == 2u);
    BOOST_TEST(schemas[0] == "APP");
    BOOST_TEST(schemas[1] == "SYSADM");

    const auto seqs = build_sequences({{Value("s2"), Value(1), Value(1)}, {Value("s1"), Value(10), Value(5)}});
    BOOST_TEST_REQUIRE(seqs.size() == 2u);
    BOOST_TEST(seqs[0].name == "s1");
    BOOST_TEST(seqs[0].start.value_or(0) == 10);
    BOOST_TEST(seqs[0].increment.value_or(0) == 5);
}

BOOST_AUTO_TEST_CASE(ddl_after_dml_in_a_transaction_is_refused) {
    // MimerConnection's transaction rules are the plugin's, whatever the ODBC driver: here they
    // run on a real ODBC connection through Debian's SQLite ODBC driver (no Mimer driver exists
    // here), which shows what is sent, committed and refused.
    const std::string driver = athanor::odbc::find_driver_library({"libsqlite3odbc.so"});
    BOOST_TEST_REQUIRE(!driver.empty(), "Debian's libsqliteodbc is required by the build");
    const auto path = std::filesystem::temp_directory_path() / ("mimer_rules_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    athanor::odbc::OdbcConnectOptions options;
    options.connection_string = "Driver=" + driver + ";Database=" + path.string();
    options.display = options.connection_string;
    options.text_mode = athanor::odbc::OdbcTextMode::utf8;
    {
        MimerConnection connection(athanor::odbc::OdbcConnection::open(options));
        connection.set_autocommit(false);
        connection.begin();
        athanor::sdk::execute_statement(connection, "CREATE TABLE t (x INTEGER)");  // alone: runs, committed
        connection.begin();
        athanor::sdk::execute_statement(connection, "INSERT INTO t VALUES (1)");
        BOOST_CHECK_THROW(athanor::sdk::execute_statement(connection, "CREATE TABLE u (y INTEGER)"),
                          athanor::InvalidRequestError);
        connection.rollback();
        // After the transaction ends DDL is allowed again.
        connection.begin();
        athanor::sdk::execute_statement(connection, "CREATE TABLE w (z INTEGER)");
        connection.rollback();
    }
    // Another connection sees t and w (each DDL was committed), t empty (the INSERT rolled back), no u.
    auto other = athanor::odbc::OdbcConnection::open(options);
    BOOST_TEST(athanor::sdk::query_value(*other, "SELECT count(*) FROM t").as_int() == 0);
    BOOST_TEST(athanor::sdk::query_value(*other, "SELECT count(*) FROM sqlite_master WHERE name = 'w'").as_int() == 1);
    BOOST_TEST(athanor::sdk::query_value(*other, "SELECT count(*) FROM sqlite_master WHERE name = 'u'").as_int() == 0);
    other->close();
    std::filesystem::remove(path);
}

BOOST_AUTO_TEST_SUITE_END()
