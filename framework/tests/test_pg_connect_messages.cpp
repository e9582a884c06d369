// PostgreSQL connection-failure messages keep libpq's text intact: the password is never in
// it, so nothing is searched and replaced there, and a password that also occurs elsewhere in
// the message (one letter, or the user's own name) neither mangles nor reveals anything.
// Needs the throwaway server (ATHANOR_TEST_PG_URL); skipped without it.
#define BOOST_TEST_MODULE test_pg_connect_messages
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/url.hpp>
#include <athanor/errors.hpp>

#include <string>

namespace sa = athanor;
using athanor::test::contains;
using athanor::test::expect_error;

namespace {

/// The message of connecting to the test server as its user with `password`.
std::string failure_with_password(const std::string& password) {
    const sa::Url good = sa::Url::parse(athanor::test::pg_url());
    auto engine = athanor::test::engine(
        sa::Url::create("postgresql", good.username(), password, good.host(), good.port(), good.database())
            .render(false));
    return expect_error<sa::OperationalError>([&] { engine.connect(); }).what();
}

std::string user() { return sa::Url::parse(athanor::test::pg_url()).username().value_or(""); }

}  // namespace

BOOST_AUTO_TEST_SUITE(live, *boost::unit_test::precondition(athanor::test::HavePgServer()))

BOOST_AUTO_TEST_CASE(a_one_letter_password_leaves_the_message_readable) {
    const std::string what = failure_with_password("a");
    BOOST_TEST_INFO(what);
    BOOST_TEST(contains(what, "password authentication failed for user \"" + user() + "\""));
    BOOST_TEST(contains(what, "check the host, port, user, password and database"));
    BOOST_TEST(!contains(what, "***"));
}

BOOST_AUTO_TEST_CASE(a_password_equal_to_the_user_name_does_not_hide_the_user) {
    // Masking the user name would tell the reader that it is the password.
    const std::string what = failure_with_password(user() + "-nope");
    BOOST_TEST_INFO(what);
    BOOST_TEST(contains(what, "as user '" + user() + "'"));
    const std::string same = failure_with_password(user());
    BOOST_TEST_INFO(same);
    if (contains(same, "password authentication failed")) {  // the test role's password is not its name
        BOOST_TEST(contains(same, "as user '" + user() + "'"));
        BOOST_TEST(contains(same, "for user \"" + user() + "\""));
        BOOST_TEST(!contains(same, "***"));
    }
}

BOOST_AUTO_TEST_CASE(the_password_is_never_in_the_message) {
    const std::string secret = "Wr0ng-Secret-Pw-x9";
    const std::string what = failure_with_password(secret);
    BOOST_TEST(!contains(what, secret));
    BOOST_TEST(!contains(what, "Wr0ng"));
    // Given as a query key instead: the same.
    const sa::Url good = sa::Url::parse(athanor::test::pg_url());
    auto keyed = athanor::test::engine(
        sa::Url::create("postgresql", good.username(), std::nullopt, good.host(), good.port(), good.database(),
                        {{"password", secret}})
            .render(false));
    const std::string keyed_what = expect_error<sa::OperationalError>([&] { keyed.connect(); }).what();
    BOOST_TEST(!contains(keyed_what, secret));
    BOOST_TEST(contains(keyed_what, "password authentication failed"));
}

BOOST_AUTO_TEST_CASE(a_nul_in_a_connection_value_is_refused_before_connecting) {
    // libpq reads C strings: "athanor_test%00other" would connect to database athanor_test.
    const sa::Url good = sa::Url::parse(athanor::test::pg_url());
    for (const std::string& url :
         {sa::Url::create("postgresql", good.username(), good.password(), good.host(), good.port(),
                          good.database().value_or("") + std::string(1, '\0') + "other")
              .render(false),
          sa::Url::create("postgresql", good.username().value_or("") + std::string(1, '\0') + "x", good.password(),
                          good.host(), good.port(), good.database())
              .render(false)}) {
        auto engine = athanor::test::engine(url);
        const auto e = expect_error<sa::ArgumentError>([&] { engine.connect(); });
        BOOST_TEST(contains(e.what(), "NUL byte"));
    }
}

BOOST_AUTO_TEST_SUITE_END()
