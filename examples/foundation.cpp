// The foundation on its own: an engine on the embedded SQLite default, plain SQL with named
// parameters, executemany, commit-as-you-go, explicit transactions with a savepoint, results read
// by name and by index, and what an error looks like.
#include <athanor/athanor.hpp>

#include <cstdint>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace sa = athanor;

int main() {
    std::filesystem::remove("foundation.db");
    auto engine = sa::create_engine("sqlite:///foundation.db", {.echo = true, .hide_parameters = false});

    engine.transaction([](sa::Connection& conn) {
        conn.execute(sa::text("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, fullname TEXT)"));
        conn.execute(sa::text("INSERT INTO users (name, fullname) VALUES (:name, :fullname)"),
                     std::vector<sa::Params>{{{"name", "jack"}, {"fullname", "Jack Jones"}},
                                             {{"name", "wendy"}, {"fullname", "Wendy Williams"}},
                                             {{"name", "mary"}, {"fullname", sa::null}}});
    });

    auto conn = engine.connect();
    {
        auto tx = conn.begin();
        conn.execute(sa::text("INSERT INTO users (name, fullname) VALUES (:name, :fullname)"),
                     {{"name", "fred"}, {"fullname", "Fred Flintstone"}});
        auto savepoint = conn.begin_nested();
        conn.execute(sa::text("DELETE FROM users WHERE name = :name"), {{"name", "jack"}});
        savepoint.rollback();  // jack stays
        tx.commit();
    }

    std::cout << "\nusers:\n";
    for (const auto& row : conn.execute(sa::text("SELECT id, name, fullname FROM users ORDER BY id"))) {
        std::cout << "  " << row.get<std::int64_t>("id") << "  " << row.get<std::string>(1) << "  "
                  << row.get<std::optional<std::string>>("fullname").value_or("(no fullname)") << '\n';
    }
    auto count = conn.execute(sa::text("SELECT count(*) FROM users")).scalar_one().get<std::int64_t>();
    std::cout << "count: " << count << '\n';

    try {
        conn.execute(sa::text("INSERT INTO users (id, name) VALUES (:id, :name)"), {{"id", 1}, {"name", "dup"}});
    } catch (const sa::IntegrityError& e) {
        conn.rollback();
        std::cout << "\nIntegrityError, as expected:\n  " << e.what() << '\n';
    }
    return count == 4 ? 0 : 1;
}
