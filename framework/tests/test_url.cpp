// Url::parse / create / render by SQLAlchemy's rules (reference: sqlalchemy.md section 4.7).
#define BOOST_TEST_MODULE test_url
#include <boost/test/unit_test.hpp>

#include <athanor/url.hpp>
#include <athanor/errors.hpp>

#include <sstream>
#include <string>

using athanor::ArgumentError;
using athanor::Url;

namespace {
std::string parse_error(const std::string& text) {
    try {
        Url::parse(text);
    } catch (const ArgumentError& e) {
        return e.what();
    }
    BOOST_FAIL("expected ArgumentError for " + text);
    return {};
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}
}  // namespace

BOOST_AUTO_TEST_CASE(verified_sqlalchemy_example) {
    auto url = Url::parse(
        "postgresql+psycopg2://us%40er:p%40ss%2Fw+rd@[::1]:5432/db%2Fname?sslmode=require&opt=a&opt=b");
    BOOST_TEST(url.drivername() == "postgresql+psycopg2");
    BOOST_TEST(url.backend_name() == "postgresql");
    BOOST_TEST(url.driver_name() == "psycopg2");
    BOOST_TEST(*url.username() == "us@er");
    BOOST_TEST(*url.password() == "p@ss/w+rd");  // '+' is not a space
    BOOST_TEST(*url.host() == "::1");
    BOOST_TEST(*url.port() == 5432);
    BOOST_TEST(*url.database() == "db/name");
    BOOST_TEST(url.query().size() == 3u);
    BOOST_TEST(*url.query_value("sslmode") == "require");
    BOOST_TEST((url.query_values("opt") == std::vector<std::string>{"a", "b"}));
    BOOST_TEST(*url.query_value("opt") == "b");
    BOOST_TEST(!url.query_value("missing").has_value());
    BOOST_TEST(url.query_values("missing").empty());
}

BOOST_AUTO_TEST_CASE(verified_create_example) {
    auto url = Url::create("mimer", "u", "p@ss:/word", "h", std::nullopt, "d", {{"a", "1"}});
    BOOST_TEST(url.render(false) == "mimer://u:p%40ss%3A%2Fword@h/d?a=1");
    BOOST_TEST(url.render() == "mimer://u:***@h/d?a=1");
    BOOST_TEST(url.driver_name() == "");
    BOOST_TEST((Url::parse(url.render(false)) == url));
}

BOOST_AUTO_TEST_CASE(header_example) {
    auto url = Url::parse("postgresql://scott:ti%40ger@[::1]:5432/test?sslmode=require");
    BOOST_TEST(url.backend_name() == "postgresql");
    BOOST_TEST(*url.password() == "ti@ger");
    BOOST_TEST(*url.host() == "::1");
    BOOST_TEST(url.render() == "postgresql://scott:***@[::1]:5432/test?sslmode=require");
}

BOOST_AUTO_TEST_CASE(sqlite_forms) {
    auto memory = Url::parse("sqlite://");
    BOOST_TEST(memory.drivername() == "sqlite");
    BOOST_TEST(!memory.database().has_value());
    BOOST_TEST(!memory.host().has_value());
    BOOST_TEST(memory.render() == "sqlite://");

    BOOST_TEST(*Url::parse("sqlite:///rel.db").database() == "rel.db");
    BOOST_TEST(!Url::parse("sqlite:///rel.db").host().has_value());
    BOOST_TEST(*Url::parse("sqlite:////abs/path.db").database() == "/abs/path.db");
    BOOST_TEST(*Url::parse("sqlite:///:memory:").database() == ":memory:");
    BOOST_TEST(Url::parse("sqlite:///:memory:").render() == "sqlite:///:memory:");
    BOOST_TEST(Url::parse("sqlite:////abs/path.db").render() == "sqlite:////abs/path.db");
    BOOST_TEST(*Url::parse("sqlite:///").database() == "");
    auto opts = Url::parse("sqlite+pysqlite:///file.db?mode=ro&uri=true");
    BOOST_TEST(opts.driver_name() == "pysqlite");
    BOOST_TEST(*opts.database() == "file.db");
    BOOST_TEST(*opts.query_value("mode") == "ro");
    BOOST_TEST(*Url::parse("sqlite:///my%20file.db").database() == "my file.db");
    BOOST_TEST(*Url::parse("sqlite:///a@b.db").database() == "a@b.db");
}

BOOST_AUTO_TEST_CASE(hosts_users_and_ports) {
    auto a = Url::parse("postgresql://localhost/db");
    BOOST_TEST(*a.host() == "localhost");
    BOOST_TEST(!a.port().has_value());
    BOOST_TEST(!a.username().has_value());
    BOOST_TEST(!a.password().has_value());

    auto b = Url::parse("postgresql://scott@db.example.com:6543");
    BOOST_TEST(*b.username() == "scott");
    BOOST_TEST(!b.password().has_value());
    BOOST_TEST(*b.port() == 6543);
    BOOST_TEST(!b.database().has_value());

    auto c = Url::parse("mimer://u:@h/d");  // empty password is a password
    BOOST_TEST(*c.password() == "");

    auto d = Url::parse("postgresql://user:p@ss@host/db");  // the last '@' ends the user part
    BOOST_TEST(*d.username() == "user");
    BOOST_TEST(*d.password() == "p@ss");
    BOOST_TEST(*d.host() == "host");

    auto e = Url::parse("postgresql://:5432/db");
    BOOST_TEST(!e.host().has_value());
    BOOST_TEST(*e.port() == 5432);

    BOOST_TEST(*Url::parse("pg://h:0").port() == 0);
    BOOST_TEST(*Url::parse("pg://h:65535").port() == 65535);
    BOOST_TEST(!Url::parse("pg://h:/db").port().has_value());
    BOOST_TEST(*Url::parse("pg://[fe80::1%25eth0]:5/x").host() == "fe80::1%eth0");
    BOOST_TEST(*Url::parse("pg://[2001:db8::7]").host() == "2001:db8::7");
    BOOST_TEST(*Url::parse("altibase+odbc://sys:manager@127.0.0.1:20300/mydb").host() == "127.0.0.1");
    BOOST_TEST(*Url::parse("  sqlite:///x.db \n").database() == "x.db");
}

BOOST_AUTO_TEST_CASE(query_strings) {
    auto u = Url::parse("pg://h/d?b=2&a=1&b=3&flag&empty=&sp=a+b&enc=%26%3D&&");
    BOOST_TEST(u.query().size() == 7u);
    BOOST_TEST(u.query()[0].first == "b");  // order as written
    BOOST_TEST(u.query()[1].first == "a");
    BOOST_TEST((u.query_values("b") == std::vector<std::string>{"2", "3"}));
    BOOST_TEST(*u.query_value("flag") == "");
    BOOST_TEST(*u.query_value("empty") == "");
    BOOST_TEST(*u.query_value("sp") == "a b");  // form decoding in the query only
    BOOST_TEST(*u.query_value("enc") == "&=");
    BOOST_TEST(*Url::parse("pg://h?x=1").query_value("x") == "1");
    BOOST_TEST(!Url::parse("pg://h?x=1").database().has_value());
}

BOOST_AUTO_TEST_CASE(copies_with_one_part_changed) {
    auto u = Url::parse("pg://u:p@h/old?a=1");
    auto v = u.with_database(std::string("new"));
    BOOST_TEST(*v.database() == "new");
    BOOST_TEST(*u.database() == "old");
    BOOST_TEST(*v.password() == "p");
    auto w = u.with_query({{"x", "y"}});
    BOOST_TEST(w.render() == "pg://u:***@h/old?x=y");
    BOOST_TEST(!u.with_database(std::nullopt).database().has_value());
}

BOOST_AUTO_TEST_CASE(render_masks_and_round_trips) {
    const char* urls[] = {
        "postgresql+psycopg2://us%40er:p%40ss%2Fw+rd@[::1]:5432/db%2Fname?sslmode=require&opt=a&opt=b",
        "sqlite://",
        "sqlite:///",
        "sqlite:///rel.db",
        "sqlite:////abs/path.db",
        "sqlite:///:memory:",
        "mimer://u:@h/d",
        "pg://@h",
        "pg://h:0/d?x=&y=a+b",
        "pg://[fe80::1%25eth0]:5/x",
        "pg://user:p@ss@host/db",
        "sqlite:///my%20file%3F.db",
    };
    for (const char* text : urls) {
        auto url = Url::parse(text);
        BOOST_TEST((Url::parse(url.render(false)) == url), text << " -> " << url.render(false));
        BOOST_TEST((Url::parse(url.render(true)).password() == (url.password() ? std::optional<std::string>("***")
                                                                              : std::nullopt)),
                   text);
    }
    // Raw parts with every awkward character survive a round trip.
    auto awkward = Url::create("postgresql+libpq", "a:b@c/d?e f%+", "p@ss:/w?rd#%&=+ ü", "db.example.com", 5432,
                               "name with/slash?and%percent", {{"k&=", "v&= +%"}, {"k&=", "second"}});
    std::string rendered = awkward.render(false);
    BOOST_TEST((Url::parse(rendered) == awkward), rendered);
    BOOST_TEST(!contains(awkward.render(), "p@ss"));
    BOOST_TEST(contains(awkward.render(), ":***@db.example.com:5432/"));
    auto v6 = Url::create("pg", std::nullopt, std::nullopt, "::1", 1, std::nullopt);
    BOOST_TEST(v6.render() == "pg://[::1]:1");
    BOOST_TEST((Url::parse(v6.render()) == v6));
}

BOOST_AUTO_TEST_CASE(malformed_urls_throw_argument_error) {
    struct Case {
        const char* url;
        const char* says;
    };
    const Case cases[] = {
        {"", "expected dialect"},
        {"postgresql", "expected dialect"},
        {"postgresql:/localhost/db", "expected dialect"},
        {"://localhost/db", "empty"},
        {"post gres://h/d", "letters, digits"},
        {"pg-sql://h/d", "letters, digits"},
        {"+odbc://h/d", "dialect+driver"},
        {"mimer+://h/d", "dialect+driver"},
        {"pg://h:abc/d", "port"},
        {"pg://h:65536/d", "port"},
        {"pg://h:-1/d", "port"},
        {"pg://h:5432x/d", "port"},
        {"pg://h: 5432/d", "port"},
        {"pg://[::1/d", "']'"},
        {"pg://[::1]x/d", "':port'"},
        {"pg://[]/d", "empty"},
        {"pg://h]/d", "IPv6"},
        {"pg://u:p%zz@h/d", "percent escape"},
        {"pg://h/d%4", "percent escape"},
        {"pg://h/d?a=%", "percent escape"},
        {"pg://h/d?=x", "no key"},
    };
    for (const auto& c : cases) {
        std::string msg = parse_error(c.url);
        BOOST_TEST(contains(msg, c.says), c.url << " -> " << msg);
        BOOST_TEST(contains(msg, "Could not parse database URL"), msg);
    }
    BOOST_CHECK_THROW(Url::create(""), ArgumentError);
    BOOST_CHECK_THROW(Url::create("a b"), ArgumentError);
}

BOOST_AUTO_TEST_CASE(errors_never_show_the_password) {
    for (const char* text : {"pg://scott:tiger@h:99999/d", "pg://scott:tiger@[::1/d", "pg://scott:ti%zzger@h/d",
                             "pg-x://scott:tiger@h/d", "pg:scott:tiger@h/d", "pg://scott:ti/ger@h/d"}) {
        std::string msg = parse_error(text);
        BOOST_TEST(!contains(msg, "tiger"), msg);
        BOOST_TEST(!contains(msg, "ti%zzger"), msg);
        BOOST_TEST(contains(msg, "***"), msg);
    }
    // An unencoded '/' in the password splits the URL early; the message says what to do.
    BOOST_TEST(contains(parse_error("pg://scott:ti/ger@h/d"), "percent-encode"));
}

BOOST_AUTO_TEST_CASE(render_masks_secret_query_keys) {
    // Passwords given as query keys (libpq's password/sslpassword, ODBC's PWD) in any case.
    auto url = Url::parse("pg://u@h/d?sslmode=require&password=s3cr3t&SSLPassword=k3yp4ss&PWD=pw9zz&passfile=/p");
    const std::string shown = url.render();
    BOOST_TEST(shown == "pg://u@h/d?sslmode=require&password=***&SSLPassword=***&PWD=***&passfile=%2Fp");
    std::ostringstream printed;
    printed << url;
    BOOST_TEST(printed.str() == shown);
    // The rendering that keeps secrets (to reconnect) still round-trips.
    BOOST_TEST(contains(url.render(false), "password=s3cr3t"));
    BOOST_TEST((Url::parse(url.render(false)) == url));
}

BOOST_AUTO_TEST_CASE(render_masks_passwords_inside_odbc_connect) {
    // PWD= and PASSWORD= values (any case, spaces around the key, {}-quoted with }} inside,
    // or an unclosed '{' that runs to the end) become ***; everything else stays as written.
    auto url = Url::create("mssql+odbc", std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                           {{"odbc_connect", "DSN=x;UID=scott;PWD=t1ger9;Database=d"},
                            {"ODBC_CONNECT", " pwd = {br;ace}}d=q} ; Password=pl41n;Server=s"},
                            {"odbc_connect", "Driver=D;PWD={unclosed;x=1"},
                            {"odbc_connect", "DSN=y;Trusted_Connection=yes;"}});
    const std::string shown = url.render();
    BOOST_TEST_INFO(shown);
    for (const char* secret : {"t1ger9", "br", "ace", "pl41n", "unclosed"}) BOOST_TEST(!contains(shown, secret), secret);
    const auto masked = Url::parse(shown);
    BOOST_TEST(masked.query()[0].second == "DSN=x;UID=scott;PWD=***;Database=d");
    BOOST_TEST(masked.query()[1].second == " pwd =***; Password=***;Server=s");
    BOOST_TEST(masked.query()[2].second == "Driver=D;PWD=***");
    BOOST_TEST(masked.query()[3].second == "DSN=y;Trusted_Connection=yes;");
    BOOST_TEST(contains(shown, "PWD%3D***%3BDatabase"));  // the mask itself stays readable
    BOOST_TEST((Url::parse(url.render(false)) == url));
}

BOOST_AUTO_TEST_CASE(parse_errors_mask_the_password_where_it_stands) {
    // The password is masked in place: a one-letter password does not mangle the message.
    std::string msg = parse_error("pg://scott:t@h:99999/d?x=1");
    BOOST_TEST(contains(msg, "'pg://scott:***@h:99999/d?x=1'"), msg);
    msg = parse_error("pg://scott@h/d%zz");
    BOOST_TEST(contains(msg, "'pg://scott@h/d%zz'"), msg);
    // Secret query keys are masked too, whatever else is wrong with the URL.
    msg = parse_error("pg://u@h/d?Password=s3cr3t&sslpassword=k3y&x=%zz&odbc_connect=DSN%3Dq%3BPWD%3Dpw7");
    BOOST_TEST(!contains(msg, "s3cr3t"), msg);
    BOOST_TEST(!contains(msg, "k3y"), msg);
    BOOST_TEST(!contains(msg, "pw7"), msg);
    BOOST_TEST(contains(msg, "Password=***&sslpassword=***&x=%zz"), msg);
    // A '@' or '?' inside one secret does not expose part of it or of another.
    msg = parse_error("pg://h:5/d?password=a1@b2&x=%zz");
    BOOST_TEST(!contains(msg, "b2"), msg);
    BOOST_TEST(!contains(msg, "a1"), msg);
    msg = parse_error("pg://u:p1?password=q2@h/d%zz");
    BOOST_TEST(!contains(msg, "p1"), msg);
    BOOST_TEST(!contains(msg, "q2"), msg);
}
