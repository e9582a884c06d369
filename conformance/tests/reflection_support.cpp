// What the reflection group's files share (see reflection_support.hpp).
#include "reflection_support.hpp"

#include <algorithm>
#include <cctype>

using namespace athanor::sql;
namespace sa = athanor;

namespace cf {

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<std::string> cf_only(std::vector<std::string> names) {
    std::erase_if(names, [](const std::string& n) { return n.rfind("cf_", 0) != 0; });
    std::sort(names.begin(), names.end());
    return names;
}

const sa::ReflectedColumn& column_named(const std::vector<sa::ReflectedColumn>& columns, const std::string& name) {
    for (const auto& c : columns)
        if (c.name == name) return c;
    BOOST_FAIL("no reflected column named " + name);
    return columns.front();
}

std::vector<std::string> column_names(const std::vector<sa::ReflectedColumn>& columns) {
    std::vector<std::string> out;
    for (const auto& c : columns) out.push_back(c.name);
    return out;
}

std::string normalize_sql(const std::string& sql) {
    std::string out;
    for (char ch : sql)
        if (!std::isspace(static_cast<unsigned char>(ch)) && ch != '(' && ch != ')')
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

namespace {

// SQLAlchemy's define_reflected_tables for one schema ("" = the default one).
void define_reflected_tables(MetaData& m, const std::string& schema) {
    const std::string prefix = schema.empty() ? "" : schema + ".";
    const TableOptions in_schema{.schema = schema};
    m.table("cf_users", Column("user_id", ty::Integer(), primary_key()),
            Column("test1", ty::String(5), nullable(false)), Column("test2", ty::Float(), nullable(false)),
            Column("parent_user_id", ty::Integer(), ForeignKey(prefix + "cf_users.user_id", {.name = "cf_user_id_fk"})),
            Index("cf_users_t_idx", {"test1", "test2"}), in_schema);
    m.table("cf_email_addresses", Column("address_id", ty::Integer()),
            Column("remote_user_id", ty::Integer(), ForeignKey(prefix + "cf_users.user_id")),
            Column("email_address", ty::String(20), index()),
            PrimaryKeyConstraint({"address_id"}, "cf_email_ad_pk"), in_schema);
    m.table("cf_dingalings", Column("dingaling_id", ty::Integer(), primary_key()),
            Column("address_id", ty::Integer(),
                   ForeignKey(prefix + "cf_email_addresses.address_id", {.name = "cf_zz_email_add_id_fg"})),
            Column("id_user", ty::Integer(), ForeignKey(prefix + "cf_users.user_id")),
            Column("data", ty::String(30), unique()),
            CheckConstraint("address_id > 0 AND address_id < 1000", "cf_address_id_gt_zero"),
            UniqueConstraint({"address_id", "dingaling_id"}, "cf_zz_dingalings_multiple"), in_schema);
    m.table("cf_comment_test", Column("id", ty::Integer(), primary_key(), comment("id comment")),
            Column("data", ty::String(20), comment("data % comment")),
            Column("d2", ty::String(20), comment("Comment types type speedily ' \" \\ '' Fun!")),
            Column("d3", ty::String(42), comment("Comment\nwith\rescapes")),
            TableOptions{.schema = schema, .comment = "the test % ' \" \\ table comment"});
    m.table("cf_no_constraints", Column("data", ty::String(20)),
            TableOptions{.schema = schema, .comment = "no\nconstraints\rhas\fescaped\vcomment"});
}

std::string qualified(const std::string& schema, const std::string& name) {
    return schema.empty() ? cf::q(name) : cf::q(schema) + "." + cf::q(name);
}

}  // namespace

ComponentTables::ComponentTables() {
    schemas.push_back("");
    if (cf::has("schemas")) schemas.push_back(cf::test_schema());
    for (const auto& schema : schemas) define_reflected_tables(s.metadata, schema);
    s.create_all();
    if (cf::has("views"))
        for (const auto& schema : schemas)
            for (const std::string table : {"cf_users", "cf_email_addresses"}) {
                const auto view = qualified(schema, table + "_v");
                s.ddl("CREATE VIEW " + view + " AS SELECT * FROM " + qualified(schema, table), "DROP VIEW " + view);
            }
}

}  // namespace cf
