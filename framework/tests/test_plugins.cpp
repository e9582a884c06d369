// Plugin discovery and loading against real plugins, good and broken, built by
// tests/broken_plugins: what the user sees when each way of failing happens.
#define BOOST_TEST_MODULE plugins
#include <boost/test/unit_test.hpp>

#include "support/plugin_test_support.hpp"

using namespace plugin_test;

BOOST_AUTO_TEST_SUITE(manifest)

BOOST_AUTO_TEST_CASE(reads_a_valid_manifest) {
    auto m = PluginManifest::read(broken("good") / "libathanor_dialect_testgood.json");
    BOOST_TEST(m.name == "testgood");
    BOOST_TEST(m.version == "1.2.3");
    BOOST_TEST(m.sdk_abi == static_cast<unsigned>(ATHANOR_SDK_ABI_VERSION));
    BOOST_TEST(m.default_driver == "fake");
    BOOST_TEST(m.description == "test plugin without a database");
    BOOST_TEST(m.library_path == broken("good") / "libathanor_dialect_testgood.so");
    BOOST_TEST(m.serves("testgood"));
    BOOST_TEST(m.serves("testgood+fake"));
    BOOST_TEST(!m.serves("testgood+odbc"));
    BOOST_TEST(!m.serves("testgoo"));
    BOOST_TEST(m.has_capability("returning"));
    BOOST_TEST(m.has_capability("sequences"));
    BOOST_TEST(!m.has_capability("savepoints"));
}

BOOST_AUTO_TEST_CASE(each_problem_names_the_file_and_the_field) {
    auto problem = [](const fs::path& file) {
        try {
            PluginManifest::read(file);
        } catch (const NoSuchModuleError& e) {
            std::string message = e.what();
            CHECK_CONTAINS(message, file.string());
            return message;
        }
        BOOST_FAIL("reading " << file << " did not throw");
        return std::string();
    };
    CHECK_CONTAINS(problem(broken("bad_manifest") / "libathanor_dialect_testbadjson.json"), "not valid JSON");
    CHECK_CONTAINS(problem(broken("bad_manifest") / "libathanor_dialect_testbadfield.json"),
                   "missing required field \"schemes\"");
    auto wrong_type = problem(broken("bad_manifest") / "libathanor_dialect_testbadtype.json");
    CHECK_CONTAINS(wrong_type, "\"sdk_abi\" must be a non-negative integer");
    CHECK_CONTAINS(wrong_type, "string");
    CHECK_CONTAINS(problem(broken("bad_manifest") / "libathanor_dialect_nonexistent.json"), "cannot be opened");
    // A number too large for JSON's number types is refused like any other invalid JSON (the
    // parser reports it as out_of_range, not parse_error; found by fuzz_manifest).
    ScratchFolder folder("huge_number");
    const fs::path huge = folder.path / "libathanor_dialect_huge.json";
    std::ofstream(huge) << R"({"name": "huge", "sdk_abi": 2222222244444444444444440E000052530226})";
    CHECK_CONTAINS(problem(huge), "not valid JSON");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(loading)

BOOST_AUTO_TEST_CASE(loads_a_good_plugin_and_runs_its_code) {
    auto registry = registry_of({"good"});
    auto loaded = registry->load(Url::parse("testgood://"));
    BOOST_REQUIRE(loaded.dialect);
    BOOST_TEST(loaded.dialect->name() == "testgood");
    BOOST_TEST(loaded.dialect->driver() == "fake");
    BOOST_TEST(loaded.dialect->description() == "testgood+fake");
    BOOST_TEST(loaded.manifest->name == "testgood");
    BOOST_TEST(loaded.manifest->library_path == broken("good") / "libathanor_dialect_testgood.so");
    // An exception thrown by plugin code is caught by its libathanor type.
    BOOST_CHECK_THROW(loaded.dialect->connect(Url::parse("testgood://")), athanor::NotSupportedError);

    auto explicit_driver = registry->load(Url::parse("testgood+fake://host/db"));
    BOOST_TEST(explicit_driver.dialect->driver() == "fake");
}

BOOST_AUTO_TEST_CASE(a_registered_plugin_file_is_found) {
    PluginRegistry registry(PluginRegistry::Options{false, false});
    registry.register_plugin(broken("good") / "libathanor_dialect_testgood.so");
    BOOST_TEST(registry.load(Url::parse("testgood://")).dialect->name() == "testgood");

    PluginRegistry missing(PluginRegistry::Options{false, false});
    missing.register_plugin(broken("good") / "libathanor_dialect_nothere.so");
    auto statuses = missing.discover();
    BOOST_REQUIRE_EQUAL(statuses.size(), 1u);
    CHECK_CONTAINS(statuses[0].error, "does not exist");
}

BOOST_AUTO_TEST_CASE(loading_twice_returns_the_same_library) {
    auto registry = registry_of({"good"});
    auto first = registry->load(Url::parse("testgood://"));
    auto second = registry->load(Url::parse("testgood+fake://"));
    BOOST_TEST(first.manifest.get() == second.manifest.get());
    BOOST_TEST(first.dialect.get() != second.dialect.get());  // a new dialect per load, one library

    // Residency is process-wide: another registry reuses the library already loaded.
    auto other = registry_of({"good"});
    BOOST_TEST(other->load(Url::parse("testgood://")).manifest.get() == first.manifest.get());

    // And the library is mapped into the process, from one file.
    std::ifstream maps("/proc/self/maps");
    std::string line;
    std::set<std::string> inodes;
    const auto library = (broken("good") / "libathanor_dialect_testgood.so").string();
    while (std::getline(maps, line))
        if (contains(line, library)) {
            std::istringstream fields(line);
            std::string range, perms, offset, device, inode;
            fields >> range >> perms >> offset >> device >> inode;
            inodes.insert(device + ":" + inode);
        }
    BOOST_TEST(inodes.size() == 1u);
}

BOOST_AUTO_TEST_CASE(concurrent_first_loads_from_eight_threads) {
    // A copy of the good plugin under a name no other case uses: no earlier test in this
    // process can have loaded it, so the threads race on the first dlopen() itself.
    ScratchFolder folder("race");
    const auto library = copy_good_plugin(folder.path, "testrace");
    BOOST_REQUIRE(!is_mapped(library));
    auto registry = std::make_unique<PluginRegistry>(PluginRegistry::Options{false, false});
    registry->add_search_path(broken("bad_manifest"));
    registry->add_search_path(folder.path);

    constexpr int thread_count = 8;
    std::barrier start(thread_count);
    std::vector<const PluginManifest*> manifests(thread_count);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t)
        threads.emplace_back([&, t] {
            start.arrive_and_wait();  // every thread calls load() at once
            for (int i = 0; i < 25; ++i) {
                try {
                    auto loaded = registry->load(Url::parse(i % 2 ? "testrace://" : "testrace+fake://"));
                    if (!loaded.dialect || loaded.dialect->name() != "testgood") ++failures;
                    if (i == 0) manifests[t] = loaded.manifest.get();
                    else if (manifests[t] != loaded.manifest.get()) ++failures;
                } catch (...) {
                    ++failures;
                }
            }
        });
    for (auto& t : threads) t.join();
    BOOST_TEST(failures.load() == 0);
    BOOST_REQUIRE(manifests[0] != nullptr);
    for (auto* m : manifests) BOOST_TEST(m == manifests[0]);  // one resident library for all
    BOOST_TEST(manifests[0]->library_path == library);
    BOOST_TEST(is_mapped(library));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(failures)

BOOST_AUTO_TEST_CASE(unknown_scheme_lists_installed_schemes) {
    auto registry = registry_of({"good", "bad_manifest"});
    auto message = load_failure(*registry, "nosuchdb+driver://user:secret@host/db");
    check_common(message, "nosuchdb+driver", {"good", "bad_manifest"});
    CHECK_CONTAINS(message, "no plugin serves scheme 'nosuchdb+driver'");
    CHECK_CONTAINS(message, "installed schemes: testgood, testgood+fake");
    // Unreadable manifests are reported, the password is not.
    CHECK_CONTAINS(message, "not valid JSON");
    BOOST_TEST(!contains(message, "secret"));
}

BOOST_AUTO_TEST_CASE(empty_search_path_says_so) {
    PluginRegistry registry(PluginRegistry::Options{false, false});
    auto message = load_failure(registry, "testgood://");
    CHECK_CONTAINS(message, "no plugin serves scheme 'testgood'");
    CHECK_CONTAINS(message, "the search path is empty");
    CHECK_CONTAINS(message, "ATHANOR_PLUGIN_PATH");
}

BOOST_AUTO_TEST_CASE(abi_mismatch_in_the_manifest) {
    auto registry = registry_of({"good", "abi_mismatch"});
    auto message = load_failure(*registry, "testabi://");
    check_common(message, "testabi", {"good", "abi_mismatch"});
    CHECK_CONTAINS(message, "built for SDK ABI 999");
    CHECK_CONTAINS(message, "implements SDK ABI " + std::to_string(ATHANOR_SDK_ABI_VERSION));
    CHECK_CONTAINS(message, (broken("abi_mismatch") / "libathanor_dialect_testabi.json").string());
}

BOOST_AUTO_TEST_CASE(abi_mismatch_in_the_exported_version) {
    auto registry = registry_of({"good", "abi_mismatch"});
    auto message = load_failure(*registry, "testabiexport://");
    check_common(message, "testabiexport", {"good", "abi_mismatch"});
    CHECK_CONTAINS(message, "reports SDK ABI 999 from athanor_plugin_abi_version()");
    CHECK_CONTAINS(message, "manifest claims ABI " + std::to_string(ATHANOR_SDK_ABI_VERSION));
    // The refusal is remembered, and stays the same on the next attempt.
    CHECK_CONTAINS(load_failure(*registry, "testabiexport://"), "reports SDK ABI 999");
}

BOOST_AUTO_TEST_CASE(not_a_shared_object) {
    auto registry = registry_of({"good", "not_shared_object"});
    auto message = load_failure(*registry, "testjunk://");
    check_common(message, "testjunk", {"good", "not_shared_object"});
    CHECK_CONTAINS(message, "cannot be loaded");
    CHECK_CONTAINS(message, (broken("not_shared_object") / "libathanor_dialect_testjunk.so").string());
    BOOST_CHECK_MESSAGE(contains(message, "invalid ELF header") || contains(message, "file too short"),
                        "expected the dlerror text in:\n" << message);
}

BOOST_AUTO_TEST_CASE(library_file_missing) {
    auto registry = registry_of({"good", "missing_library"});
    auto message = load_failure(*registry, "testmissing://");
    check_common(message, "testmissing", {"good", "missing_library"});
    CHECK_CONTAINS(message, "library file missing: " +
                                (broken("missing_library") / "libathanor_dialect_testmissing.so").string());
}

BOOST_AUTO_TEST_CASE(library_without_manifest) {
    auto registry = registry_of({"good", "no_manifest"});
    auto message = load_failure(*registry, "testnomanifest://");
    check_common(message, "testnomanifest", {"good", "no_manifest"});
    CHECK_CONTAINS(message, "no plugin serves scheme 'testnomanifest'");
    CHECK_CONTAINS(message, "manifest missing: " +
                                (broken("no_manifest") / "libathanor_dialect_testnomanifest.so").string());
}

BOOST_AUTO_TEST_CASE(broken_manifests) {
    auto registry = registry_of({"good", "bad_manifest"});
    auto bad_json = load_failure(*registry, "testbadjson://");
    check_common(bad_json, "testbadjson", {"good", "bad_manifest"});
    CHECK_CONTAINS(bad_json, "libathanor_dialect_testbadjson.json looks like the plugin for it but is unusable");
    CHECK_CONTAINS(bad_json, "not valid JSON");

    auto bad_field = load_failure(*registry, "testbadfield://");
    check_common(bad_field, "testbadfield", {"good", "bad_manifest"});
    CHECK_CONTAINS(bad_field, (broken("bad_manifest") / "libathanor_dialect_testbadfield.json").string());
    CHECK_CONTAINS(bad_field, "missing required field \"schemes\"");
}

BOOST_AUTO_TEST_CASE(client_library_missing) {
    auto registry = registry_of({"good", "missing_client"});
    auto message = load_failure(*registry, "testnoclient://");
    check_common(message, "testnoclient", {"good", "missing_client"});
    CHECK_CONTAINS(message, (broken("missing_client") / "libathanor_dialect_testnoclient.so").string());
    CHECK_CONTAINS(message, "libathanor_test_client.so: cannot open shared object file");
    CHECK_CONTAINS(message, "add its folder to LD_LIBRARY_PATH");
}

BOOST_AUTO_TEST_CASE(factory_failures_become_no_such_module) {
    auto registry = registry_of({"good"});
    auto thrown = load_failure(*registry, "testgood+boom://");
    CHECK_CONTAINS(thrown, "scheme 'testgood+boom'");
    CHECK_CONTAINS(thrown, "its factory threw: simulated factory failure for driver 'boom'");

    CHECK_CONTAINS(load_failure(*registry, "testgood+null://"), "its factory returned no dialect");
    // Even the framework's own error types thrown by a plugin come back as NoSuchModuleError.
    CHECK_CONTAINS(load_failure(*registry, "testgood+other://"), "knows only the driver 'fake', not 'other'");
}

BOOST_AUTO_TEST_SUITE_END()


// A plugin earlier on the search path that lists a scheme another plugin serves takes it
// over; that is allowed, but never silent.
BOOST_AUTO_TEST_SUITE(shadowing)

// A copy of the real SQLite plugin claiming "sqlite" from a folder searched first.
fs::path copy_sqlite_plugin(const fs::path& folder) {
    const auto library = folder / "libathanor_dialect_sqliteshadow.so";
    fs::copy_file(fs::path(ATHANOR_TEST_PLUGIN_DIR) / "libathanor_dialect_sqlite.so", library);
    std::ofstream(folder / "libathanor_dialect_sqliteshadow.json")
        << "{\"name\": \"sqliteshadow\", \"sdk_abi\": " << ATHANOR_SDK_ABI_VERSION
        << ", \"library\": \"libathanor_dialect_sqliteshadow.so\", \"schemes\": [\"sqlite\"]}";
    return library;
}

fs::path builtin_sqlite() {
    return fs::weakly_canonical(fs::path(ATHANOR_TEST_PLUGIN_DIR) / "libathanor_dialect_sqlite.so");
}

BOOST_AUTO_TEST_CASE(discover_says_who_serves_and_who_is_shadowed) {
    ScratchFolder folder("shadow_discover");
    const auto library = copy_sqlite_plugin(folder.path);
    PluginRegistry registry(PluginRegistry::Options{false, true});
    registry.add_search_path(folder.path);
    const athanor::PluginStatus* shadowing = nullptr;
    const athanor::PluginStatus* builtin = nullptr;
    const auto statuses = registry.discover();
    for (const auto& s : statuses) {
        if (s.manifest.name == "sqliteshadow") shadowing = &s;
        if (s.manifest.name == "sqlite") builtin = &s;
    }
    BOOST_REQUIRE(shadowing);
    BOOST_REQUIRE(builtin);
    BOOST_REQUIRE_EQUAL(shadowing->shadows.size(), 1u);
    BOOST_TEST(shadowing->shadows[0].scheme == "sqlite");
    BOOST_TEST(fs::weakly_canonical(shadowing->shadows[0].plugin) == builtin_sqlite());
    BOOST_TEST(shadowing->shadowed_by.empty());
    BOOST_REQUIRE_EQUAL(builtin->shadowed_by.size(), 1u);  // sqlite+sqlite3 is still its own
    BOOST_TEST(builtin->shadowed_by[0].scheme == "sqlite");
    BOOST_TEST(builtin->shadowed_by[0].plugin == library);
    BOOST_TEST(builtin->shadows.empty());

    auto loaded = registry.load(Url::parse("sqlite://"));
    BOOST_TEST(loaded.manifest->library_path == library);
    BOOST_REQUIRE_EQUAL(loaded.shadowed.size(), 1u);
    BOOST_TEST(fs::weakly_canonical(loaded.shadowed[0]) == builtin_sqlite());
    auto own = registry.load(Url::parse("sqlite+sqlite3://"));
    BOOST_TEST(fs::weakly_canonical(own.manifest->library_path) == builtin_sqlite());
    BOOST_TEST(own.shadowed.empty());
}

BOOST_AUTO_TEST_CASE(echo_log_names_the_plugin_file_and_what_it_shadows) {
    ScratchFolder folder("shadow_echo");
    const auto library = copy_sqlite_plugin(folder.path);
    PluginRegistry registry(PluginRegistry::Options{false, true});
    registry.add_search_path(folder.path);
    std::vector<std::string> lines;
    athanor::EngineOptions options;
    options.echo = true;
    options.log_sink = [&](std::string_view line) { lines.emplace_back(line); };
    options.registry = &registry;

    auto engine = athanor::create_engine("sqlite://", options);
    BOOST_REQUIRE(!lines.empty());
    const auto created = lines.front();
    CHECK_CONTAINS(created, "Engine created for sqlite://");
    CHECK_CONTAINS(created, "plugin " + library.string() + ", shadowing ");
    const auto shadowed_at = created.find(", shadowing ");
    BOOST_REQUIRE(shadowed_at != std::string::npos);
    const auto rest = created.substr(shadowed_at + 12);
    BOOST_TEST(fs::weakly_canonical(rest.substr(0, rest.find(','))) == builtin_sqlite());
    // The engine really runs on the plugin that took the scheme over.
    BOOST_TEST(engine.connect().execute(athanor::text("SELECT 41 + 1")).scalar().to_string() == "42");

    // Without a shadowing plugin the line names the built-in file and shadows nothing.
    lines.clear();
    PluginRegistry plain(PluginRegistry::Options{false, true});
    options.registry = &plain;
    auto builtin = athanor::create_engine("sqlite://", options);
    BOOST_REQUIRE(!lines.empty());
    CHECK_CONTAINS(lines.front(), "plugin ");
    CHECK_CONTAINS(lines.front(), "libathanor_dialect_sqlite.so, ");
    BOOST_TEST(!contains(lines.front(), "shadowing"));
}

BOOST_AUTO_TEST_SUITE_END()
