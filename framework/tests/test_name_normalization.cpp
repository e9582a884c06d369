// Name normalization for databases that fold unquoted names to UPPER case
// (Dialect::requires_name_normalize(), IdentifierPreparer::normalize_name / denormalize_name):
// SQLAlchemy's rule on an upper-folding test dialect, and no change on one that folds to lower.
#define BOOST_TEST_MODULE test_name_normalization
#include <boost/test/unit_test.hpp>

#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/identifier_preparer.hpp>

#include <string>

namespace {

class FoldingDialect final : public athanor::sdk::Dialect {
public:
    explicit FoldingDialect(bool upper) : upper_(upper) {}
    std::string name() const override { return "folding"; }
    std::string driver() const override { return "none"; }
    athanor::sdk::Paramstyle paramstyle() const override { return athanor::sdk::Paramstyle::qmark; }
    std::unique_ptr<athanor::sdk::DriverConnection> connect(const athanor::Url&) override { return nullptr; }
    bool requires_name_normalize() const override { return upper_; }

private:
    bool upper_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(upper_folding)

BOOST_AUTO_TEST_CASE(all_upper_names_are_reported_lower_case) {
    FoldingDialect dialect(true);
    athanor::sql::IdentifierPreparer p(dialect);
    BOOST_TEST(p.normalize_name("USERS") == "users");
    BOOST_TEST(p.normalize_name("USER_ID_2") == "user_id_2");
    BOOST_TEST(p.normalize_name("$X") == "$X");  // "$x" is no ordinary name (it would need quoting)
}

BOOST_AUTO_TEST_CASE(names_that_need_quoting_keep_their_case) {
    FoldingDialect dialect(true);
    athanor::sql::IdentifierPreparer p(dialect);
    BOOST_TEST(p.normalize_name("MixedCase") == "MixedCase");   // created quoted, mixed case
    BOOST_TEST(p.normalize_name("users") == "users");           // created quoted, lower case
    BOOST_TEST(p.normalize_name("SELECT") == "SELECT");         // "select" is reserved
    BOOST_TEST(p.normalize_name("MY TABLE") == "MY TABLE");     // "my table" needs quotes
    BOOST_TEST(p.normalize_name("12") == "12");                 // no letters: nothing to fold
    BOOST_TEST(p.normalize_name("測試") == "測試");
}

BOOST_AUTO_TEST_CASE(denormalize_is_the_inverse_for_ordinary_names) {
    FoldingDialect dialect(true);
    athanor::sql::IdentifierPreparer p(dialect);
    BOOST_TEST(p.denormalize_name("users") == "USERS");
    BOOST_TEST(p.denormalize_name("MixedCase") == "MixedCase");
    BOOST_TEST(p.denormalize_name("select") == "select");  // reserved: stays quoted, in lower case
    BOOST_TEST(p.denormalize_name("my table") == "my table");
    for (const std::string name : {"users", "user_id_2", "MixedCase", "UPPER_ONLY_QUOTED", "measure 1"})
        BOOST_TEST(p.normalize_name(p.denormalize_name(name)) == (name == "UPPER_ONLY_QUOTED" ? "upper_only_quoted" : name),
                   name);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(lower_folding_dialects_leave_names_alone) {
    FoldingDialect dialect(false);
    athanor::sql::IdentifierPreparer p(dialect);
    for (const std::string name : {"USERS", "users", "MixedCase", "SELECT"}) {
        BOOST_TEST(p.normalize_name(name) == name);
        BOOST_TEST(p.denormalize_name(name) == name);
    }
}
