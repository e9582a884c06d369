// template_dialect.hpp — the template plugin's Dialect: names the database and driver, opens
// connections, and overrides the hooks whose defaults (the SQL standard) do not fit.
//
// The four pure virtuals of athanor::sdk::Dialect (name, driver, paramstyle, connect) are
// implemented here, and so is has_table(): its default asks the Reflector, which the template
// has none of, and create_all() / drop_all() (checkfirst) and the conformance suite call it. Every other hook
// keeps its default; docs/plugin-guide.md, section 2, lists them all with their defaults.
//
// TODO(your dialect): rename, then override what your database does differently: isolation
// levels, savepoint SQL, quote_identifier, max_identifier_length, is_disconnect, the compiler
// factories (create_statement_compiler, create_ddl_compiler, create_type_compiler), the
// Reflector (create_reflector) and max_bind_params; what the database can do goes in the
// manifest's CAPABILITIES (CMakeLists.txt).
#pragma once

#include <athanor/sdk/dialect.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace template_dialect {

class TemplateDialect final : public athanor::sdk::Dialect {
public:
    std::string name() const override { return "template"; }
    std::string driver() const override { return "echo"; }
    athanor::sdk::Paramstyle paramstyle() const override { return athanor::sdk::Paramstyle::qmark; }

    std::unique_ptr<athanor::sdk::DriverConnection> connect(const athanor::Url& url) override;

    bool has_table(athanor::sdk::DriverConnection& connection, std::string_view table,
                   std::string_view schema) override;
};

}  // namespace template_dialect
