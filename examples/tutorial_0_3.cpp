// Seed 003 (SQLAlchemy 0.3 tutorial), its Core part: metadata, CREATE TABLE with echo, the
// generic form of an insert, single and multiple inserts, select with and without WHERE,
// fetchone/fetchall, rows by name, by index and by column, a column subset, then a second
// table with a foreign key and the join whose ON clause comes from it.
#include <athanor/athanor.hpp>

#include <filesystem>
#include <iostream>
#include <string>

namespace sa = athanor;

namespace {
std::string tuple_repr(const sa::Row& row) {
    std::string out = "(";
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? ", " : "") + row[i].repr();
    return out + ")";
}
std::string list_repr(const std::vector<sa::Row>& rows) {
    std::string out = "[";
    for (std::size_t i = 0; i < rows.size(); ++i) out += (i ? ", " : "") + tuple_repr(rows[i]);
    return out + "]";
}
}  // namespace

int main() {
    std::filesystem::remove("tutorial.db");
    auto engine = sa::create_engine("sqlite:///tutorial.db", {.echo = true, .hide_parameters = false});
    sa::MetaData metadata;

    // Creating a Table
    auto& users_table = metadata.table("users", sa::Column("user_id", sa::Integer(), sa::primary_key()),
                                       sa::Column("user_name", sa::String(40)),
                                       sa::Column("password", sa::String(10)));
    metadata.create_all(engine);

    // Inserting Rows: the string form of an insert is a generic SQL representation
    auto i = users_table.insert();
    std::cout << i << '\n';
    auto conn = engine.connect();
    conn.execute(i, {{"user_name", "Mary"}, {"password", "secure"}});
    conn.commit();
    conn.execute(i, std::vector<sa::Params>{{{"user_name", "Tom"}}, {{"user_name", "Fred"}}, {{"user_name", "Harry"}}});
    conn.commit();

    // Selecting
    auto s = sa::select(users_table);
    std::cout << s << '\n';
    auto r = conn.execute(s);
    std::cout << tuple_repr(*r.fetchone()) << '\n';
    std::cout << list_repr(r.fetchall()) << '\n';

    r = conn.execute(sa::select(users_table).where(users_table.c("user_name") == "Harry"));
    auto row = *r.fetchone();
    r.close();
    std::cout << tuple_repr(row) << '\n';

    // Working with Rows: by name, by index, and by a column's name
    std::cout << "[";
    for (std::size_t k = 0; k < row.keys().size(); ++k) std::cout << (k ? ", " : "") << "'" << row.keys()[k] << "'";
    std::cout << "]\n";
    std::cout << "(" << row["user_id"].repr() << ", " << row[1].repr() << ", " << row["password"].repr() << ")\n";

    for (const auto& subset : conn.execute(sa::select(users_table.c("user_id"), users_table.c("user_name"))))
        std::cout << tuple_repr(subset) << '\n';

    // Table Relationships
    auto& email_addresses_table =
        metadata.table("email_addresses", sa::Column("address_id", sa::Integer(), sa::primary_key()),
                       sa::Column("email_address", sa::String(100), sa::nullable(false)),
                       sa::Column("user_id", sa::Integer(), sa::ForeignKey("users.user_id")));
    conn.commit();
    metadata.create_all(engine);
    conn.execute(email_addresses_table.insert(),
                 std::vector<sa::Params>{{{"email_address", "tom@tom.com"}, {"user_id", 2}},
                                         {{"email_address", "mary@mary.com"}, {"user_id", 1}}});
    conn.commit();

    // The ON clause comes from the foreign key; both tables' columns are selected.
    auto all_columns = [&] { return sa::select(users_table, email_addresses_table); };
    // The seed prints Mary's row first: SQLite scanned users first there. Without ORDER BY the
    // order is the planner's choice (today's SQLite scans email_addresses first), so it is asked for.
    auto joined = conn.execute(all_columns().join(email_addresses_table).order_by(users_table.c("user_id"))).fetchall();
    std::cout << list_repr(joined) << '\n';
    // An explicit ON clause (a FROM object prints as part of a statement).
    std::cout << all_columns().join(email_addresses_table,
                                    sa::and_(users_table.c("user_id") == email_addresses_table.c("user_id"),
                                             users_table.c("password") == email_addresses_table.c("email_address")))
              << '\n';
    return joined.size() == 2 ? 0 : 1;
}
