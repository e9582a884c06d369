// reflection group (see reflection_support.hpp): the get_multi_* calls and table options —
// ComponentReflectionTest's test_get_multi_* (every ObjectKind / ObjectScope / filter_names
// combination over its fixture, plus a temporary table and view), test_get_table_options and
// test_multi_get_table_options*.
//
// Each combination must answer for exactly the fixture's relations it selects (written out
// below, not asked of the Inspector), and for each the same record as the single-table call.
#include "reflection_support.hpp"

#include <athanor/errors.hpp>

#include <set>
#include <tuple>

using namespace athanor::sql;
namespace sa = athanor;
using cf::ComponentTables;

namespace {

using Names = std::set<std::string>;

// ComponentTables plus SQLAlchemy's temporary table and view (where the backend has them).
struct MultiTables : ComponentTables {
    bool temp_tables = cf::has("temporary_tables") && cf::has("temp_table_names");
    bool temp_views = temp_tables && cf::has("temporary_views");
    MultiTables() {
        if (temp_tables)
            s.ddl("CREATE TEMPORARY TABLE " + cf::q("cf_user_tmp") + " (id " + cf::type(ty::Integer()) +
                      " PRIMARY KEY, name " + cf::type(ty::String(50)) + ", foo " + cf::type(ty::Integer()) + ")",
                  "DROP TABLE " + cf::q("cf_user_tmp"));
        if (temp_views)
            s.ddl("CREATE TEMPORARY VIEW " + cf::q("cf_user_tmp_v") + " AS SELECT * FROM " + cf::q("cf_user_tmp"),
                  "DROP VIEW " + cf::q("cf_user_tmp_v"));
    }

    /// The fixture's relations that `options` selects.
    Names expected(const sa::MultiReflectOptions& o) const {
        const bool tables = o.kind != sa::ObjectKind::view;
        const bool views = o.kind != sa::ObjectKind::table && cf::has("views");
        const bool regular = o.scope != sa::ObjectScope::temporary;
        const bool temporary = o.scope != sa::ObjectScope::default_;
        Names out;
        if (regular && tables)
            out.insert({"cf_comment_test", "cf_dingalings", "cf_email_addresses", "cf_no_constraints", "cf_users"});
        if (regular && views) out.insert({"cf_email_addresses_v", "cf_users_v"});
        if (temporary && tables && temp_tables) out.insert("cf_user_tmp");
        if (temporary && views && temp_views) out.insert("cf_user_tmp_v");
        if (o.filter_names) {
            Names kept;
            for (const auto& n : *o.filter_names)
                if (out.count(n)) kept.insert(n);
            return kept;
        }
        return out;
    }

    /// Every kind x scope x filter combination of SQLAlchemy's _multi_combination (the
    /// temporary scope only where temporary relations are listed).
    std::vector<sa::MultiReflectOptions> combinations(bool views_too = true) const {
        std::vector<sa::MultiReflectOptions> out;
        const std::vector<std::string> filter{"cf_comment_test", "cf_users", "cf_does-not-exist", "cf_email_addresses_v",
                                              "cf_user_tmp"};
        for (auto kind : {sa::ObjectKind::table, sa::ObjectKind::view, sa::ObjectKind::any}) {
            if (!views_too && kind != sa::ObjectKind::table) continue;
            for (auto scope : {sa::ObjectScope::default_, sa::ObjectScope::temporary, sa::ObjectScope::any}) {
                if (scope != sa::ObjectScope::default_ && !temp_tables) continue;
                for (bool use_filter : {false, true}) {
                    sa::MultiReflectOptions o;
                    o.kind = kind;
                    o.scope = scope;
                    if (use_filter) o.filter_names = filter;
                    out.push_back(o);
                }
            }
        }
        return out;
    }
};

std::string describe(const sa::MultiReflectOptions& o) {
    const char* kinds[] = {"table", "view", "any"};
    const char* scopes[] = {"default", "temporary", "any"};
    return std::string("kind=") + kinds[static_cast<int>(o.kind)] + " scope=" + scopes[static_cast<int>(o.scope)] +
           (o.filter_names ? " filtered" : "");
}

/// The fields of a column that reflection reports (its generic type is compared by name).
auto column_fields(const sa::ReflectedColumn& c) {
    return std::make_tuple(c.name, c.type_name, c.type ? c.type->name() : std::string(), c.nullable, c.default_,
                           c.autoincrement, c.identity, c.comment, c.computed);
}

bool same_columns(const std::vector<sa::ReflectedColumn>& a, const std::vector<sa::ReflectedColumn>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (column_fields(a[i]) != column_fields(b[i])) return false;
    return true;
}

/// For every combination: the answer's cf_ keys are the expected relations, and each value is
/// what `single` gives for that relation (compared with `same`).
template <class Multi, class Single, class Same>
void check_multi(MultiTables& f, Multi multi, Single single, Same same, bool views_too = true) {
    auto insp = f.inspector();
    for (const auto& o : f.combinations(views_too)) {
        const auto result = multi(insp, o);
        Names keys;
        for (const auto& [name, value] : result)
            if (name.rfind("cf_", 0) == 0) keys.insert(name);
        BOOST_TEST(keys == f.expected(o), boost::test_tools::per_element());
        for (const auto& name : keys)
            BOOST_TEST(same(result.at(name), single(insp, name)), name + " " + describe(o));
    }
}

auto equal = [](const auto& a, const auto& b) { return a == b; };

}  // namespace

BOOST_AUTO_TEST_SUITE(reflection)
BOOST_AUTO_TEST_SUITE(ComponentReflectionTest, CF_REQUIRES("table_reflection"))

BOOST_FIXTURE_TEST_CASE(test_get_multi_columns, MultiTables, CF_SA("test_reflection.py::ComponentReflectionTest::test_get_multi_columns")) {
    check_multi(
        *this, [](sa::Inspector& i, const sa::MultiReflectOptions& o) { return i.get_multi_columns(o); },
        [](sa::Inspector& i, const std::string& t) { return i.get_columns(t); }, same_columns,
        cf::has("view_column_reflection"));
}
BOOST_FIXTURE_TEST_CASE(test_get_multi_pk_constraint, MultiTables, *boost::unit_test::precondition(cf::Requires{{"primary_key_constraint_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_multi_pk_constraint")) {
    // Views have no keys: the single call would raise for a view with no columns, so tables only.
    check_multi(
        *this, [](sa::Inspector& i, const sa::MultiReflectOptions& o) { return i.get_multi_pk_constraint(o); },
        [](sa::Inspector& i, const std::string& t) { return i.get_pk_constraint(t); }, equal, false);
    auto pks = inspector().get_multi_pk_constraint();
    BOOST_TEST(pks.at("cf_users").constrained_columns == std::vector<std::string>{"user_id"});
    BOOST_TEST(pks.at("cf_no_constraints").constrained_columns.empty());
}
BOOST_FIXTURE_TEST_CASE(test_get_multi_foreign_keys, MultiTables, *boost::unit_test::precondition(cf::Requires{{"foreign_key_constraint_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_multi_foreign_keys")) {
    check_multi(
        *this, [](sa::Inspector& i, const sa::MultiReflectOptions& o) { return i.get_multi_foreign_keys(o); },
        [](sa::Inspector& i, const std::string& t) { return i.get_foreign_keys(t); }, equal, false);
    BOOST_TEST(inspector().get_multi_foreign_keys().at("cf_dingalings").size() == 2u);
}
BOOST_FIXTURE_TEST_CASE(test_get_multi_indexes, MultiTables, *boost::unit_test::precondition(cf::Requires{{"index_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_multi_indexes")) {
    check_multi(
        *this, [](sa::Inspector& i, const sa::MultiReflectOptions& o) { return i.get_multi_indexes(o); },
        [](sa::Inspector& i, const std::string& t) { return i.get_indexes(t); }, equal, false);
    const auto users = inspector().get_multi_indexes().at("cf_users");
    BOOST_TEST_REQUIRE(users.size() == 1u);
    BOOST_TEST(users[0].name == "cf_users_t_idx");
}
BOOST_FIXTURE_TEST_CASE(test_get_multi_unique_constraints, MultiTables, *boost::unit_test::precondition(cf::Requires{{"unique_constraint_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_multi_unique_constraints")) {
    check_multi(
        *this, [](sa::Inspector& i, const sa::MultiReflectOptions& o) { return i.get_multi_unique_constraints(o); },
        [](sa::Inspector& i, const std::string& t) { return i.get_unique_constraints(t); }, equal, false);
    BOOST_TEST(inspector().get_multi_unique_constraints().at("cf_dingalings").size() == 2u);
}
BOOST_FIXTURE_TEST_CASE(test_get_multi_check_constraints, MultiTables, *boost::unit_test::precondition(cf::Requires{{"check_constraint_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_multi_check_constraints")) {
    check_multi(
        *this, [](sa::Inspector& i, const sa::MultiReflectOptions& o) { return i.get_multi_check_constraints(o); },
        [](sa::Inspector& i, const std::string& t) { return i.get_check_constraints(t); }, equal, false);
    const auto checks = inspector().get_multi_check_constraints().at("cf_dingalings");
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(checks[0].name == "cf_address_id_gt_zero");
}
BOOST_FIXTURE_TEST_CASE(test_get_multi_table_comment, MultiTables, *boost::unit_test::precondition(cf::Requires{{"comment_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_multi_table_comment")) {
    check_multi(
        *this, [](sa::Inspector& i, const sa::MultiReflectOptions& o) { return i.get_multi_table_comment(o); },
        [](sa::Inspector& i, const std::string& t) {
            // A relation without a comment: the single call raises only when it is missing.
            try {
                return i.get_table_comment(t);
            } catch (const sa::NoSuchTableError&) {
                return std::optional<std::string>("<missing>");
            }
        },
        equal, false);
    const auto comments = inspector().get_multi_table_comment();
    BOOST_TEST(comments.at("cf_comment_test").value_or("<none>") == "the test % ' \" \\ table comment");
    BOOST_TEST(!comments.at("cf_users").has_value());
}

// ---- table options ------------------------------------------------------------------------------
BOOST_FIXTURE_TEST_CASE(test_get_table_options, ComponentTables, CF_SA("test_reflection.py::ComponentReflectionTest::test_get_table_options")) {
    auto insp = inspector();
    if (cf::has("reflect_table_options")) {
        // Plain tables: every option is at its default, and defaults are left out.
        BOOST_TEST(insp.get_table_options("cf_users").empty());
        BOOST_TEST(insp.get_table_options("cf_no_constraints").empty());
    } else {
        BOOST_CHECK_THROW(insp.get_table_options("cf_users"), sa::NotSupportedError);
    }
}
BOOST_FIXTURE_TEST_CASE(test_multi_get_table_options, ComponentTables, CF_SA("test_reflection.py::ComponentReflectionTest::test_multi_get_table_options")) {
    auto insp = inspector();
    if (!cf::has("reflect_table_options")) {
        BOOST_CHECK_THROW(insp.get_multi_table_options(), sa::NotSupportedError);
        return;
    }
    const auto multi = insp.get_multi_table_options();
    std::map<std::string, std::map<std::string, std::string>> expected;
    for (const auto& t : insp.get_table_names()) expected[t] = insp.get_table_options(t);
    BOOST_TEST((multi == expected));
}
BOOST_FIXTURE_TEST_CASE(test_multi_get_table_options_tables, MultiTables, *boost::unit_test::precondition(cf::Requires{{"reflect_table_options"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_multi_get_table_options_tables")) {
    check_multi(
        *this, [](sa::Inspector& i, const sa::MultiReflectOptions& o) { return i.get_multi_table_options(o); },
        [](sa::Inspector& i, const std::string& t) { return i.get_table_options(t); }, equal, false);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
