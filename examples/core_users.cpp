// Seed 000 (sqlalchemy-mimer user guide), "Core Example": a users table in a MetaData,
// create_all, two rows inserted with executemany inside engine.transaction(), then every row
// selected and printed as a tuple. Runs on the embedded SQLite default.
#include <athanor/athanor.hpp>

#include <filesystem>
#include <iostream>
#include <string>

namespace sa = athanor;

namespace {
/// A row the way Python prints a tuple: (1, 'Alex')
std::string tuple_repr(const sa::Row& row) {
    std::string out = "(";
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? ", " : "") + row[i].repr();
    return out + ")";
}
}  // namespace

int main(int argc, char** argv) {
    // The seed's SQLite file by default, or the database URL given (mimer://..., postgresql://...).
    const bool own_file = argc < 2;
    if (own_file) std::filesystem::remove("core_users.db");
    auto engine = sa::create_engine(own_file ? std::string("sqlite:///core_users.db") : std::string(argv[1]));

    sa::MetaData metadata;
    auto& users = metadata.table("users",
                                 sa::Column("id", sa::Integer(), sa::primary_key(), sa::autoincrement()),
                                 sa::Column("name", sa::String(50)));
    if (!own_file) metadata.drop_all(engine);  // a rerun on a server starts from empty tables
    metadata.create_all(engine);

    // Insert data
    engine.transaction([&](sa::Connection& conn) {
        conn.execute(users.insert(), std::vector<sa::Params>{{{"name", "Alex"}}, {{"name", "Bob"}}});
    });

    // Query
    auto conn = engine.connect();
    int rows = 0;
    for (const auto& row : conn.execute(sa::select(users))) {
        std::cout << tuple_repr(row) << '\n';
        ++rows;
    }
    return rows == 2 ? 0 : 1;
}
