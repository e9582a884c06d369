// The template Dialect: the echo driver's connection, and has_table().
#include "template_dialect.hpp"
#include "template_connection.hpp"

namespace template_dialect {

std::unique_ptr<athanor::sdk::DriverConnection> TemplateDialect::connect(const athanor::Url& url) {
    return std::make_unique<TemplateConnection>(url);
}

bool TemplateDialect::has_table(athanor::sdk::DriverConnection& connection, std::string_view table,
                                std::string_view schema) {
    // TODO(your dialect): ask your catalog on `connection`, e.g.
    //   SELECT 1 FROM information_schema.tables WHERE table_name = ? AND table_schema = ?
    // with `schema` "" meaning the connection's default schema.
    (void)connection;
    (void)table;
    (void)schema;
    return false;  // the echo database holds no tables
}

}  // namespace template_dialect
