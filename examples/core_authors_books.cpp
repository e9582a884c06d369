// Seed 001 (introducing sqlalchemy-mimer), "SQLAlchemy Core Example": authors and books with a
// foreign key and autoincrementing keys, created with create_all, filled in one transaction,
// then queried with a JOIN and printed as "<title> by <name>". echo logs the SQL to stderr.
#include <athanor/athanor.hpp>

#include <filesystem>
#include <iostream>
#include <string>

namespace sa = athanor;

int main(int argc, char** argv) {
    // The seed's SQLite file by default, or the database URL given (mimer://..., postgresql://...).
    const bool own_file = argc < 2;
    if (own_file) std::filesystem::remove("core_authors_books.db");
    auto engine = sa::create_engine(own_file ? std::string("sqlite:///core_authors_books.db") : std::string(argv[1]), {.echo = true});

    sa::MetaData metadata;
    auto& authors = metadata.table("authors",
                                   sa::Column("id", sa::Integer(), sa::primary_key(), sa::autoincrement()),
                                   sa::Column("name", sa::String(50), sa::nullable(false)));
    auto& books = metadata.table("books",
                                 sa::Column("id", sa::Integer(), sa::primary_key(), sa::autoincrement()),
                                 sa::Column("title", sa::String(100), sa::nullable(false)),
                                 sa::Column("author_id", sa::Integer(), sa::ForeignKey("authors.id")));

    // Create tables
    if (!own_file) metadata.drop_all(engine);  // a rerun on a server starts from empty tables
    metadata.create_all(engine);

    int printed = 0;
    engine.transaction([&](sa::Connection& conn) {
        // Insert sample data
        conn.execute(authors.insert(),
                     std::vector<sa::Params>{{{"name", "Isaac Asimov"}}, {{"name", "Arthur C. Clarke"}}});
        conn.execute(books.insert(), std::vector<sa::Params>{{{"title", "Foundation"}, {"author_id", 1}},
                                                             {{"title", "2001: A Space Odyssey"}, {"author_id", 2}}});

        // Query with a JOIN
        auto stmt = sa::select(books.c("title"), authors.c("name"))
                        .join(authors, books.c("author_id") == authors.c("id"));
        for (const auto& row : conn.execute(stmt)) {
            std::cout << row.get<std::string>("title") << " by " << row.get<std::string>("name") << '\n';
            ++printed;
        }
    });
    return printed == 2 ? 0 : 1;
}
