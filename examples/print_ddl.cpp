// The DDL of the examples' tables (core_users' users, core_authors_books' authors and books)
// for the dialect named on the command line — PostgreSQL by default — through a mock engine:
// nothing connects to a database, so any installed dialect plugin can be shown, server or not.
//   example_print_ddl                 # PostgreSQL
//   example_print_ddl sqlite
//   example_print_ddl postgresql+odbc
#include <athanor/athanor.hpp>

#include <iostream>
#include <string>

namespace sa = athanor;

int main(int argc, char** argv) {
    if (argc > 2) {
        std::cerr << "usage: " << argv[0] << " [DIALECT]   (a scheme such as postgresql or sqlite, or a URL)\n";
        return 2;
    }
    const std::string dialect = argc == 2 ? argv[1] : "postgresql";

    sa::MetaData metadata;
    metadata.table("users", sa::Column("id", sa::Integer(), sa::primary_key(), sa::autoincrement()),
                   sa::Column("name", sa::String(50)));
    metadata.table("authors", sa::Column("id", sa::Integer(), sa::primary_key(), sa::autoincrement()),
                   sa::Column("name", sa::String(50), sa::nullable(false)));
    metadata.table("books", sa::Column("id", sa::Integer(), sa::primary_key(), sa::autoincrement()),
                   sa::Column("title", sa::String(100), sa::nullable(false)),
                   sa::Column("author_id", sa::Integer(), sa::ForeignKey("authors.id")));

    try {
        auto mock = sa::create_mock_engine(dialect, [](const sa::MockStatement& statement) {
            std::cout << statement.sql << ";\n\n";
        });
        std::cout << "-- " << mock.dialect().description() << "\n\n";
        metadata.create_all(mock);
    } catch (const sa::Error& e) {
        std::cerr << "example_print_ddl: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
