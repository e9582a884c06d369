// `athanor sql URL STATEMENT`: one statement through the full engine (plugin, pool,
// text() compilation), committed, with the rows shown as a table.
#include "commands.hpp"
#include "table_printer.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/sql/text.hpp>

namespace athanor::cli {

int run_sql(const std::string& url, const std::string& statement, const Params& params, const OutputStyle& style,
            std::ostream& out) {
    auto engine = create_engine(url);
    auto connection = engine.connect();
    auto result = connection.execute(text(statement), params);
    if (result.returns_rows()) {
        TablePrinter table(result.keys(), style.escape);
        for (const auto& row : result.fetchall()) table.add_row(row.values());
        connection.commit();
        table.print(out);
    } else {
        const auto count = result.rowcount();
        result.close();
        connection.commit();
        if (count >= 0) out << count << (count == 1 ? " row affected" : " rows affected") << '\n';
        else out << "OK\n";
    }
    connection.close();
    return 0;
}

}  // namespace athanor::cli
