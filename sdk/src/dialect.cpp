// Dialect defaults follow the SQL standard; plugins override what their database does differently.
#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/reflector.hpp>

#include <athanor/sdk/driver_util.hpp>
#include <athanor/sdk/isolation_level.hpp>

namespace athanor::sdk {

Dialect::~Dialect() = default;

void Dialect::on_connect(DriverConnection&) {}

PoolKind Dialect::pool_kind(const Url&) const { return PoolKind::queue; }

std::vector<std::string> Dialect::isolation_levels() const {
    return {"AUTOCOMMIT", "READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"};
}

void Dialect::set_isolation_level(DriverConnection& connection, std::string_view level) {
    const std::string wanted = check_isolation_level(*this, level);
    if (wanted == "AUTOCOMMIT") {
        connection.set_autocommit(true);
        return;
    }
    connection.set_autocommit(false);
    execute_statement(connection, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + wanted);
}

std::string Dialect::get_isolation_level(DriverConnection& connection) {
    if (connection.autocommit()) return "AUTOCOMMIT";
    throw NotSupportedError("dialect " + description() + " cannot report its isolation level");
}

std::string Dialect::savepoint_sql(std::string_view name) const { return "SAVEPOINT " + quote_identifier(name); }

std::string Dialect::release_savepoint_sql(std::string_view name) const {
    return "RELEASE SAVEPOINT " + quote_identifier(name);
}

std::string Dialect::rollback_to_savepoint_sql(std::string_view name) const {
    return "ROLLBACK TO SAVEPOINT " + quote_identifier(name);
}

bool Dialect::is_disconnect(const DBAPIError& error) const {
    // SQLSTATE class 08 is "connection exception" in the standard.
    return error.sqlstate().rfind("08", 0) == 0;
}

std::string Dialect::quote_identifier(std::string_view identifier) const {
    std::string out = "\"";
    for (char c : identifier) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string Dialect::description() const { return name() + "+" + driver(); }

std::shared_ptr<sql::SqlCompiler> Dialect::create_statement_compiler() const { return nullptr; }

std::shared_ptr<sql::TypeCompiler> Dialect::create_type_compiler() const { return nullptr; }

std::shared_ptr<sql::DdlCompiler> Dialect::create_ddl_compiler() const { return nullptr; }

std::unique_ptr<Reflector> Dialect::create_reflector() const { return nullptr; }

bool Dialect::has_table(DriverConnection& connection, std::string_view table, std::string_view schema) {
    if (const auto reflector = create_reflector()) return reflector->has_table(connection, table, schema);
    throw NotSupportedError("dialect " + description() + " cannot check whether table '" + std::string(table) +
                            "' exists (it has neither a Reflector nor its own Dialect::has_table); call "
                            "create_all/drop_all with checkfirst=false");
}

}  // namespace athanor::sdk
