// Reflection: every Inspector method on live SQLite (always) and PostgreSQL (when
// ATHANOR_TEST_PG_URL is set; reported skipped otherwise), MetaData reflect / autoload, and
// the round trip reflect -> create_all on an empty database -> reflect gives the same JSON.
#define BOOST_TEST_MODULE test_reflection
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/connection.hpp>
#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/errors.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/reflection/reflect.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/text.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

namespace sa = athanor;
using athanor::sql::TypeKind;

namespace {

using athanor::test::registry;

sa::Engine make_engine(const std::string& url) {
    sa::EngineOptions options;
    options.registry = &registry();
    return sa::create_engine(url, std::move(options));
}

void exec(sa::Engine& engine, const std::vector<std::string>& statements) {
    engine.transaction([&](sa::Connection& conn) {
        for (const auto& s : statements) conn.exec_driver_sql(s);
    });
}

const sa::ReflectedColumn& column(const std::vector<sa::ReflectedColumn>& columns, const std::string& name) {
    for (const auto& c : columns)
        if (c.name == name) return c;
    BOOST_FAIL("no column " + name);
    return columns.front();
}

using Names = std::vector<std::string>;

// The SQLite schema used by most tests: composite keys, named and unnamed constraints, FK
// actions, indexes, an implicit FK target, odd names and a view.
const std::vector<std::string> sqlite_schema = {
    "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT 'anon', "
    "email TEXT CONSTRAINT uq_users_email UNIQUE, age INTEGER CHECK (age >= 0), "
    "created DATETIME DEFAULT CURRENT_TIMESTAMP)",
    "CREATE TABLE orders (user_id INTEGER NOT NULL, line INTEGER NOT NULL, qty INTEGER, note TEXT, "
    "CONSTRAINT pk_orders PRIMARY KEY (user_id, line), "
    "CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE SET NULL, "
    "CONSTRAINT ck_orders_qty CHECK (qty > 0 AND qty < 1000), UNIQUE (qty, note))",
    "CREATE INDEX ix_orders_qty ON orders (qty, line)",
    "CREATE UNIQUE INDEX ux_users_name ON users (name)",
    "CREATE TABLE shipments (id INTEGER PRIMARY KEY, o_user INTEGER, o_line INTEGER, "
    "FOREIGN KEY (o_user, o_line) REFERENCES orders (user_id, line) DEFERRABLE INITIALLY DEFERRED)",
    "CREATE TABLE \"odd \"\"name\"\", table\" (\"weird col\" INTEGER NOT NULL PRIMARY KEY, "
    "\"ref(col)\" INTEGER REFERENCES users, [select] VARCHAR(10) CONSTRAINT \"ck \"\"q\"\"\" CHECK ([select] <> ')'))",
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sqlite)

BOOST_AUTO_TEST_CASE(names_of_schemas_tables_views) {
    auto engine = make_engine("sqlite://");
    exec(engine, sqlite_schema);
    exec(engine, {"CREATE VIEW active_users AS SELECT id, name FROM users WHERE age > 0"});
    sa::Inspector inspector(engine);
    BOOST_TEST(inspector.default_schema_name() == "main");
    BOOST_TEST(inspector.get_schema_names() == Names{"main"});
    BOOST_TEST(inspector.get_table_names() == (Names{"odd \"name\", table", "orders", "shipments", "users"}));
    BOOST_TEST(inspector.get_view_names() == Names{"active_users"});
    BOOST_TEST(inspector.get_sequence_names().empty());
    BOOST_TEST(inspector.has_table("users"));
    BOOST_TEST(inspector.has_table("USERS"));  // SQLite names compare case-insensitively
    BOOST_TEST(inspector.has_table("active_users"));
    BOOST_TEST(!inspector.has_table("nope"));
    BOOST_TEST(!inspector.has_sequence("anything"));
    // A view's columns reflect like a table's.
    const auto view_columns = inspector.get_columns("active_users");
    BOOST_TEST_REQUIRE(view_columns.size() == 2u);
    BOOST_TEST(view_columns[1].name == "name");
}

BOOST_AUTO_TEST_CASE(columns_types_defaults_autoincrement) {
    auto engine = make_engine("sqlite://");
    exec(engine, sqlite_schema);
    exec(engine, {"CREATE TABLE misc (a NUMERIC(10, 2), b \"my type\", c BOOLEAN NOT NULL DEFAULT 0, d BIGINT PRIMARY KEY)"});
    sa::Inspector inspector(engine);
    const auto columns = inspector.get_columns("users");
    BOOST_TEST_REQUIRE(columns.size() == 5u);
    BOOST_TEST(columns[0].name == "id");
    BOOST_TEST(columns[0].autoincrement);  // INTEGER PRIMARY KEY is the rowid alias
    BOOST_TEST((columns[0].type->kind() == TypeKind::integer));
    const auto& name = column(columns, "name");
    BOOST_TEST(name.type_name == "VARCHAR(50)");
    BOOST_TEST((name.type->kind() == TypeKind::string));
    BOOST_TEST(name.type->length().value_or(-1) == 50);
    BOOST_TEST(!name.nullable);
    BOOST_TEST(name.default_.value_or("") == "'anon'");
    BOOST_TEST(!name.autoincrement);
    BOOST_TEST(!name.comment.has_value());
    BOOST_TEST(column(columns, "email").nullable);
    BOOST_TEST(!column(columns, "email").default_.has_value());
    BOOST_TEST(column(columns, "created").default_.value_or("") == "CURRENT_TIMESTAMP");
    BOOST_TEST((column(columns, "created").type->kind() == TypeKind::datetime));

    const auto misc = inspector.get_columns("misc");
    BOOST_TEST((column(misc, "a").type->kind() == TypeKind::numeric));
    BOOST_TEST(column(misc, "a").type->precision().value_or(-1) == 10);
    BOOST_TEST(column(misc, "a").type->scale().value_or(-1) == 2);
    BOOST_TEST(column(misc, "b").type_name == "my type");  // the raw name is kept as declared
    BOOST_TEST((column(misc, "c").type->kind() == TypeKind::boolean));
    BOOST_TEST(column(misc, "c").default_.value_or("") == "0");
    BOOST_TEST(!column(misc, "d").autoincrement);  // BIGINT PRIMARY KEY is not a rowid alias
    // Composite keys are never rowid aliases.
    for (const auto& c : inspector.get_columns("orders")) BOOST_TEST(!c.autoincrement);
}

BOOST_AUTO_TEST_CASE(primary_keys_and_foreign_keys) {
    auto engine = make_engine("sqlite://");
    exec(engine, sqlite_schema);
    sa::Inspector inspector(engine);
    const auto users_pk = inspector.get_pk_constraint("users");
    BOOST_TEST(users_pk.constrained_columns == Names{"id"});
    BOOST_TEST(users_pk.name == "");
    const auto orders_pk = inspector.get_pk_constraint("orders");
    BOOST_TEST(orders_pk.constrained_columns == (Names{"user_id", "line"}));
    BOOST_TEST(orders_pk.name == "pk_orders");

    const auto fks = inspector.get_foreign_keys("orders");
    BOOST_TEST_REQUIRE(fks.size() == 1u);
    BOOST_TEST(fks[0].name == "fk_orders_user");
    BOOST_TEST(fks[0].constrained_columns == Names{"user_id"});
    BOOST_TEST(fks[0].referred_table == "users");
    BOOST_TEST(fks[0].referred_schema == "");
    BOOST_TEST(fks[0].referred_columns == Names{"id"});
    BOOST_TEST(fks[0].options.at("ondelete") == "CASCADE");
    BOOST_TEST(fks[0].options.at("onupdate") == "SET NULL");

    const auto composite = inspector.get_foreign_keys("shipments");
    BOOST_TEST_REQUIRE(composite.size() == 1u);
    BOOST_TEST(composite[0].name == "");
    BOOST_TEST(composite[0].constrained_columns == (Names{"o_user", "o_line"}));
    BOOST_TEST(composite[0].referred_columns == (Names{"user_id", "line"}));
    // NO ACTION is not reported; the deferral is, read from the CREATE TABLE text.
    BOOST_TEST((composite[0].options == std::map<std::string, std::string>{{"deferrable", "true"}, {"initially", "DEFERRED"}}));

    // REFERENCES users (no column list) points at users' primary key.
    const auto odd = inspector.get_foreign_keys("odd \"name\", table");
    BOOST_TEST_REQUIRE(odd.size() == 1u);
    BOOST_TEST(odd[0].constrained_columns == Names{"ref(col)"});
    BOOST_TEST(odd[0].referred_columns == Names{"id"});
    BOOST_TEST(inspector.get_pk_constraint("odd \"name\", table").constrained_columns == Names{"weird col"});
    BOOST_TEST(inspector.get_foreign_keys("users").empty());
}

BOOST_AUTO_TEST_CASE(indexes_unique_and_check_constraints) {
    auto engine = make_engine("sqlite://");
    exec(engine, sqlite_schema);
    sa::Inspector inspector(engine);
    const auto indexes = inspector.get_indexes("orders");
    BOOST_TEST_REQUIRE(indexes.size() == 1u);  // the UNIQUE constraint's autoindex is not listed
    BOOST_TEST(indexes[0].name == "ix_orders_qty");
    BOOST_TEST(indexes[0].column_names == (Names{"qty", "line"}));
    BOOST_TEST(!indexes[0].unique);
    const auto user_indexes = inspector.get_indexes("users");
    BOOST_TEST_REQUIRE(user_indexes.size() == 1u);
    BOOST_TEST(user_indexes[0].unique);
    BOOST_TEST(inspector.has_index("orders", "ix_orders_qty"));
    BOOST_TEST(!inspector.has_index("orders", "ux_users_name"));
    BOOST_TEST(!inspector.has_index("nope", "ix_orders_qty"));

    const auto uniques = inspector.get_unique_constraints("users");
    BOOST_TEST_REQUIRE(uniques.size() == 1u);
    BOOST_TEST(uniques[0].name == "uq_users_email");
    BOOST_TEST(uniques[0].column_names == Names{"email"});
    const auto order_uniques = inspector.get_unique_constraints("orders");
    BOOST_TEST_REQUIRE(order_uniques.size() == 1u);
    BOOST_TEST(order_uniques[0].name == "");
    BOOST_TEST(order_uniques[0].column_names == (Names{"qty", "note"}));

    const auto checks = inspector.get_check_constraints("orders");
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(checks[0].name == "ck_orders_qty");
    BOOST_TEST(checks[0].sqltext == "qty > 0 AND qty < 1000");
    const auto user_checks = inspector.get_check_constraints("users");
    BOOST_TEST_REQUIRE(user_checks.size() == 1u);
    BOOST_TEST(user_checks[0].name == "");
    BOOST_TEST(user_checks[0].sqltext == "age >= 0");
    // Quoted names, a ')' inside a string literal, a doubled quote in a constraint name.
    const auto odd_checks = inspector.get_check_constraints("odd \"name\", table");
    BOOST_TEST_REQUIRE(odd_checks.size() == 1u);
    BOOST_TEST(odd_checks[0].name == "ck \"q\"");
    BOOST_TEST(odd_checks[0].sqltext == "[select] <> ')'");
    BOOST_TEST(!inspector.get_table_comment("users").has_value());  // SQLite has no comments
}

BOOST_AUTO_TEST_CASE(missing_table_is_no_such_table_error) {
    auto engine = make_engine("sqlite://");
    exec(engine, sqlite_schema);
    sa::Inspector inspector(engine);
    const auto names_table = [](const sa::NoSuchTableError& e) {
        return std::string(e.what()).find("'no_such_table'") != std::string::npos;
    };
    BOOST_CHECK_EXCEPTION(inspector.get_columns("no_such_table"), sa::NoSuchTableError, names_table);
    BOOST_CHECK_EXCEPTION(inspector.get_pk_constraint("no_such_table"), sa::NoSuchTableError, names_table);
    BOOST_CHECK_EXCEPTION(inspector.get_foreign_keys("no_such_table"), sa::NoSuchTableError, names_table);
    BOOST_CHECK_EXCEPTION(inspector.get_indexes("no_such_table"), sa::NoSuchTableError, names_table);
    BOOST_CHECK_EXCEPTION(inspector.get_unique_constraints("no_such_table"), sa::NoSuchTableError, names_table);
    BOOST_CHECK_EXCEPTION(inspector.get_check_constraints("no_such_table"), sa::NoSuchTableError, names_table);
    BOOST_CHECK_EXCEPTION(inspector.get_table_comment("no_such_table"), sa::NoSuchTableError, names_table);
    sa::sql::MetaData metadata;
    BOOST_CHECK_EXCEPTION(sa::reflect_table(metadata, engine, "no_such_table"), sa::NoSuchTableError, names_table);
    BOOST_CHECK_THROW(sa::reflect(metadata, engine, {.only = {"users", "no_such_table"}}), sa::InvalidRequestError);
}

BOOST_AUTO_TEST_CASE(attached_schema_and_temp_tables) {
    auto engine = make_engine("sqlite://");  // one shared connection: ATTACH and TEMP stay visible
    exec(engine, {"ATTACH DATABASE ':memory:' AS aux", "CREATE TABLE aux.things (id INTEGER PRIMARY KEY, label TEXT)",
                  "CREATE TEMP TABLE scratch (x INTEGER)"});
    sa::Inspector inspector(engine);
    const auto schemas = inspector.get_schema_names();
    BOOST_TEST((std::find(schemas.begin(), schemas.end(), "aux") != schemas.end()));
    BOOST_TEST(inspector.get_table_names("aux") == Names{"things"});
    BOOST_TEST(inspector.get_table_names().empty());
    BOOST_TEST(inspector.get_columns("things", "aux").size() == 2u);
    BOOST_TEST(inspector.get_table_names("temp") == Names{"scratch"});
    BOOST_TEST(inspector.get_columns("scratch").size() == 1u);  // "" finds temp after main
}

BOOST_AUTO_TEST_CASE(inspector_on_a_connection_sees_its_transaction) {
    auto engine = make_engine("sqlite://");
    auto conn = engine.connect();
    auto tx = conn.begin();
    conn.exec_driver_sql("CREATE TABLE pending (id INTEGER PRIMARY KEY)");
    sa::Inspector inspector(conn);
    BOOST_TEST(inspector.has_table("pending"));
    tx.rollback();
    BOOST_TEST(!inspector.has_table("pending"));
}

BOOST_AUTO_TEST_CASE(metadata_reflect_and_autoload) {
    auto engine = make_engine("sqlite://");
    exec(engine, sqlite_schema);
    sa::sql::MetaData metadata;
    auto& orders = sa::reflect_table(metadata, engine, "orders");
    BOOST_TEST(orders.name() == "orders");
    BOOST_TEST(orders.table().primary_key() == (Names{"user_id", "line"}));
    BOOST_TEST_REQUIRE(orders.table().foreign_key_constraints.size() == 1u);
    BOOST_TEST(orders.table().foreign_key_constraints[0].options().ondelete == "CASCADE");
    BOOST_TEST(&sa::reflect_table(metadata, engine, "orders") == &orders);  // already there: the same table

    // The reflected table is usable in statements.
    exec(engine, {"INSERT INTO users (id, name) VALUES (1, 'a')", "INSERT INTO orders VALUES (1, 1, 5, 'x')"});
    auto conn = engine.connect();
    const auto qty = conn.execute(sa::sql::select(orders.c("qty")).where(orders.c("line") == 1)).scalar_one();
    BOOST_TEST(qty.as_int() == 5);
    conn.close();  // sqlite:// has one shared connection

    sa::sql::MetaData all;
    sa::reflect(all, engine);
    BOOST_TEST(all.tables_in_definition_order().size() == 4u);
    BOOST_TEST(all.contains("odd \"name\", table"));
    sa::sql::MetaData some;
    sa::reflect(some, engine, {.only = {"users"}});
    BOOST_TEST(some.tables_in_definition_order().size() == 1u);
}

BOOST_AUTO_TEST_CASE(round_trip_gives_the_same_json) {
    const std::string path = "/tmp/athanor_reflection_" + std::to_string(::getpid()) + ".db";
    std::remove(path.c_str());
    auto source = make_engine("sqlite:///" + path);
    exec(source, sqlite_schema);
    sa::Inspector source_inspector(source);
    const auto before = sa::reflect_json(source_inspector);

    sa::sql::MetaData metadata;
    sa::reflect(metadata, source);
    auto target = make_engine("sqlite://");
    metadata.create_all(target);
    sa::Inspector target_inspector(target);
    const auto after = sa::reflect_json(target_inspector);
    BOOST_TEST(before == after);
    BOOST_TEST(before.find("\"fk_orders_user\"") != std::string::npos);
    BOOST_TEST(before.find("\"deferrable\"") != std::string::npos);  // the deferral came through
    BOOST_TEST(before.find("\"check_constraints\"") != std::string::npos);
    source.dispose();
    std::remove(path.c_str());
}

BOOST_AUTO_TEST_SUITE_END()

// ---- PostgreSQL ---------------------------------------------------------------------------
namespace {

using athanor::test::pg_url;

/// Two process-private schemas, dropped with everything in them when the test ends.
struct PgSchemas {
    sa::Engine engine = make_engine(pg_url());
    std::string a = "refl_a_" + std::to_string(::getpid());
    std::string b = "refl_b_" + std::to_string(::getpid());
    PgSchemas() {
        exec(engine, {"DROP SCHEMA IF EXISTS " + a + " CASCADE", "DROP SCHEMA IF EXISTS " + b + " CASCADE",
                      "CREATE SCHEMA " + a, "CREATE SCHEMA " + b});
    }
    ~PgSchemas() {
        try {
            exec(engine, {"DROP SCHEMA IF EXISTS " + a + " CASCADE", "DROP SCHEMA IF EXISTS " + b + " CASCADE"});
        } catch (...) {
        }
    }
};

const std::vector<std::string> pg_schema = {
    "CREATE TABLE users (id SERIAL PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT 'anon', "
    "email TEXT CONSTRAINT uq_users_email UNIQUE, age INTEGER CONSTRAINT ck_users_age CHECK (age >= 0), "
    "created TIMESTAMP WITH TIME ZONE DEFAULT now(), price NUMERIC(10, 2))",
    "COMMENT ON TABLE users IS 'people'",
    "COMMENT ON COLUMN users.name IS 'display name'",
    "CREATE TABLE orders (user_id INTEGER NOT NULL, line INTEGER NOT NULL, qty INTEGER, note TEXT, "
    "CONSTRAINT pk_orders PRIMARY KEY (user_id, line), "
    "CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE SET NULL, "
    "CONSTRAINT ck_orders_qty CHECK (qty > 0), CONSTRAINT uq_orders_qty_note UNIQUE (qty, note))",
    "CREATE INDEX ix_orders_qty ON orders (qty, line)",
    "CREATE UNIQUE INDEX ux_users_name ON users (name)",
    "CREATE TABLE shipments (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, o_user INTEGER, o_line INTEGER, "
    "CONSTRAINT fk_ship_order FOREIGN KEY (o_user, o_line) REFERENCES orders (user_id, line) MATCH FULL "
    "DEFERRABLE INITIALLY DEFERRED)",
    "CREATE TABLE \"Odd \"\"Name\"\", table\" (\"Weird Col\" INTEGER PRIMARY KEY, "
    "\"ref col\" INTEGER CONSTRAINT \"fk odd\" REFERENCES users (id))",
    "CREATE SEQUENCE counter_seq START WITH 100 INCREMENT BY 5",
};

}  // namespace

BOOST_AUTO_TEST_SUITE(postgresql, *boost::unit_test::precondition(athanor::test::HavePgServer()))

BOOST_AUTO_TEST_CASE(every_inspector_method) {
    PgSchemas schemas;
    auto conn = schemas.engine.connect();
    conn.exec_driver_sql("SET search_path TO " + schemas.a);
    for (const auto& s : pg_schema) conn.exec_driver_sql(s);
    conn.exec_driver_sql("CREATE VIEW active_users AS SELECT id, name FROM users");
    conn.commit();
    sa::Inspector inspector(conn);
    BOOST_TEST(inspector.default_schema_name() == schemas.a);
    const auto schema_names = inspector.get_schema_names();
    BOOST_TEST((std::find(schema_names.begin(), schema_names.end(), schemas.a) != schema_names.end()));
    BOOST_TEST((std::find(schema_names.begin(), schema_names.end(), "pg_catalog") == schema_names.end()));
    BOOST_TEST(inspector.get_table_names() == (Names{"Odd \"Name\", table", "orders", "shipments", "users"}));
    BOOST_TEST(inspector.get_table_names(schemas.a) == inspector.get_table_names());
    BOOST_TEST(inspector.get_view_names() == Names{"active_users"});
    BOOST_TEST(inspector.get_sequence_names() == (Names{"counter_seq", "shipments_id_seq", "users_id_seq"}));
    BOOST_TEST(inspector.has_sequence("counter_seq"));
    BOOST_TEST(!inspector.has_sequence("nope_seq"));
    {
        // Each sequence is looked up by name and required, so an empty or short list fails.
        const auto sequences = inspector.get_sequences();
        BOOST_TEST_REQUIRE(sequences.size() == 3u);
        const auto find_sequence = [&](const std::string& name) {
            const auto it = std::find_if(sequences.begin(), sequences.end(), [&](const auto& s) { return s.name == name; });
            BOOST_TEST_REQUIRE((it != sequences.end()), "get_sequences() lacks " << name);
            return *it;
        };
        const auto counter = find_sequence("counter_seq");
        BOOST_TEST(counter.start.value_or(0) == 100);
        BOOST_TEST(counter.increment.value_or(0) == 5);
        BOOST_TEST(counter.owner_table == "");
        BOOST_TEST(counter.owner_column == "");
        const auto users_id = find_sequence("users_id_seq");
        BOOST_TEST(users_id.owner_table + "." + users_id.owner_column == "users.id");
        BOOST_TEST(users_id.start.value_or(0) == 1);
        BOOST_TEST(users_id.increment.value_or(0) == 1);
        const auto shipments_id = find_sequence("shipments_id_seq");
        BOOST_TEST(shipments_id.owner_table + "." + shipments_id.owner_column == "shipments.id");
    }
    BOOST_TEST(inspector.has_table("users"));
    BOOST_TEST(inspector.has_table("users", schemas.a));
    BOOST_TEST(!inspector.has_table("users", schemas.b));
    BOOST_TEST(!inspector.has_table("USERS"));  // PostgreSQL names are case-sensitive as stored

    const auto columns = inspector.get_columns("users");
    BOOST_TEST_REQUIRE(columns.size() == 6u);
    BOOST_TEST(columns[0].autoincrement);
    BOOST_TEST(columns[0].default_.value_or("").find("nextval(") == 0u);
    BOOST_TEST(column(columns, "name").type_name == "character varying(50)");
    BOOST_TEST((column(columns, "name").type->kind() == TypeKind::string));
    BOOST_TEST(column(columns, "name").type->length().value_or(-1) == 50);
    BOOST_TEST(column(columns, "name").default_.value_or("").find("'anon'") == 0u);
    BOOST_TEST(column(columns, "name").comment.value_or("") == "display name");
    BOOST_TEST(!column(columns, "name").nullable);
    BOOST_TEST((column(columns, "created").type->kind() == TypeKind::datetime));
    BOOST_TEST(column(columns, "created").type->timezone());
    BOOST_TEST((column(columns, "price").type->kind() == TypeKind::numeric));
    BOOST_TEST(column(columns, "price").type->scale().value_or(-1) == 2);
    const auto shipment_columns = inspector.get_columns("shipments");
    BOOST_TEST(shipment_columns[0].identity == "by default");
    BOOST_TEST(shipment_columns[0].autoincrement);
    BOOST_TEST(inspector.get_table_comment("users").value_or("") == "people");
    BOOST_TEST(!inspector.get_table_comment("orders").has_value());

    const auto pk = inspector.get_pk_constraint("orders");
    BOOST_TEST(pk.name == "pk_orders");
    BOOST_TEST(pk.constrained_columns == (Names{"user_id", "line"}));
    const auto fks = inspector.get_foreign_keys("orders");
    BOOST_TEST_REQUIRE(fks.size() == 1u);
    BOOST_TEST(fks[0].name == "fk_orders_user");
    BOOST_TEST(fks[0].referred_schema == "");
    BOOST_TEST(fks[0].referred_table == "users");
    BOOST_TEST(fks[0].options.at("ondelete") == "CASCADE");
    BOOST_TEST(fks[0].options.at("onupdate") == "SET NULL");
    const auto composite = inspector.get_foreign_keys("shipments");
    BOOST_TEST_REQUIRE(composite.size() == 1u);
    BOOST_TEST(composite[0].constrained_columns == (Names{"o_user", "o_line"}));
    BOOST_TEST(composite[0].referred_columns == (Names{"user_id", "line"}));
    BOOST_TEST((composite[0].options ==
                std::map<std::string, std::string>{{"deferrable", "true"}, {"initially", "DEFERRED"}, {"match", "FULL"}}));
    // With an explicit schema the referred schema is named.
    BOOST_TEST(inspector.get_foreign_keys("orders", schemas.a)[0].referred_schema == schemas.a);
    const auto odd = inspector.get_foreign_keys("Odd \"Name\", table");
    BOOST_TEST_REQUIRE(odd.size() == 1u);
    BOOST_TEST(odd[0].name == "fk odd");
    BOOST_TEST(odd[0].constrained_columns == Names{"ref col"});
    BOOST_TEST(inspector.get_pk_constraint("Odd \"Name\", table").constrained_columns == Names{"Weird Col"});

    const auto indexes = inspector.get_indexes("orders");  // not the pk / unique constraint indexes
    BOOST_TEST_REQUIRE(indexes.size() == 1u);
    BOOST_TEST(indexes[0].name == "ix_orders_qty");
    BOOST_TEST(indexes[0].column_names == (Names{"qty", "line"}));
    BOOST_TEST(inspector.get_indexes("users").at(0).unique);
    BOOST_TEST(inspector.has_index("orders", "ix_orders_qty"));
    BOOST_TEST(!inspector.has_index("orders", "pk_orders"));
    const auto uniques = inspector.get_unique_constraints("orders");
    BOOST_TEST_REQUIRE(uniques.size() == 1u);
    BOOST_TEST(uniques[0].name == "uq_orders_qty_note");
    BOOST_TEST(uniques[0].column_names == (Names{"qty", "note"}));
    const auto checks = inspector.get_check_constraints("users");
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(checks[0].name == "ck_users_age");
    BOOST_TEST(checks[0].sqltext == "age >= 0");

    BOOST_CHECK_THROW(inspector.get_columns("no_such_table"), sa::NoSuchTableError);
    BOOST_CHECK_THROW(inspector.get_pk_constraint("users", schemas.b), sa::NoSuchTableError);
    BOOST_CHECK_THROW(inspector.get_table_comment("no_such_table"), sa::NoSuchTableError);
}

BOOST_AUTO_TEST_CASE(round_trip_gives_the_same_json) {
    PgSchemas schemas;
    auto conn = schemas.engine.connect();
    conn.exec_driver_sql("SET search_path TO " + schemas.a);
    for (const auto& s : pg_schema) conn.exec_driver_sql(s);
    conn.commit();
    std::string before;
    sa::sql::MetaData metadata;
    {
        sa::Inspector inspector(conn);
        before = sa::reflect_json(inspector);
        sa::reflect(metadata, inspector);
    }
    conn.exec_driver_sql("SET search_path TO " + schemas.b);
    conn.commit();
    metadata.create_all(conn);
    conn.commit();
    sa::Inspector inspector(conn);
    const auto after = sa::reflect_json(inspector);
    BOOST_TEST(before == after);
    BOOST_TEST(before.find("\"people\"") != std::string::npos);
    BOOST_TEST(before.find("\"counter_seq\"") != std::string::npos);
    BOOST_TEST(before.find("\"match\"") != std::string::npos);  // the MATCH FULL key came through
}

BOOST_AUTO_TEST_SUITE_END()

