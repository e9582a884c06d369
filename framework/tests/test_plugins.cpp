// Plugin discovery and loading against real plugins, good and broken, built by
// tests/broken_plugins: what the user sees when each way of failing happens.
#define BOOST_TEST_MODULE plugins
#include <boost/test/unit_test.hpp>

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/url.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/plugin.hpp>
#include <athanor/sql/text.hpp>

#include <atomic>
#include <barrier>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using athanor::NoSuchModuleError;
using athanor::PluginManifest;
using athanor::PluginRegistry;
using athanor::Url;

namespace {

fs::path broken(const std::string& folder) {
    return fs::path(ATHANOR_TEST_BROKEN_PLUGIN_DIR) / folder;
}

// A registry that sees only the given broken_plugins folders, in order.
std::unique_ptr<PluginRegistry> registry_of(std::initializer_list<const char*> folders) {
    auto registry = std::make_unique<PluginRegistry>(PluginRegistry::Options{false, false});
    for (const char* f : folders) registry->add_search_path(broken(f));
    return registry;
}

// The message of the NoSuchModuleError that loading `url` must throw.
std::string load_failure(const PluginRegistry& registry, const std::string& url) {
    try {
        registry.load(Url::parse(url));
    } catch (const NoSuchModuleError& e) {
        return e.what();
    }
    BOOST_FAIL("loading " << url << " did not throw NoSuchModuleError");
    return {};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

#define CHECK_CONTAINS(text, part) BOOST_CHECK_MESSAGE(contains(text, part), "expected \"" << (part) << "\" in:\n" << (text))

// What every failure message must show: the scheme, each folder tried (numbered, with its
// origin) and the installed dialects.
void check_common(const std::string& message, const std::string& scheme, std::initializer_list<const char*> folders) {
    CHECK_CONTAINS(message, "scheme '" + scheme + "'");
    CHECK_CONTAINS(message, "paths tried");
    int n = 0;
    for (const char* f : folders) {
        const auto line = std::to_string(++n) + ". " + broken(f).string() + " (registered)";
        CHECK_CONTAINS(message, line);
    }
    CHECK_CONTAINS(message, "installed dialects:");
    CHECK_CONTAINS(message, "testgood 1.2.3 schemes [testgood, testgood+fake");
    CHECK_CONTAINS(message, (broken("good") / "libathanor_dialect_testgood.so").string());
}

std::map<std::string, athanor::PluginStatus> statuses_by_file(const std::vector<athanor::PluginStatus>& statuses) {
    std::map<std::string, athanor::PluginStatus> out;
    for (const auto& s : statuses) out[s.path.filename().string()] = s;
    return out;
}

// Scoped ATHANOR_PLUGIN_PATH for the tests that exercise the environment.
struct PluginPathVariable {
    explicit PluginPathVariable(const std::string& value) { ::setenv("ATHANOR_PLUGIN_PATH", value.c_str(), 1); }
    ~PluginPathVariable() { ::unsetenv("ATHANOR_PLUGIN_PATH"); }
};

// A folder of its own under TMPDIR for plugin files a test makes, removed afterwards.
struct ScratchFolder {
    explicit ScratchFolder(const std::string& tag)
        : path(fs::temp_directory_path() / ("athanor_plugins_" + tag + "_" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path path;
};

// Writes a valid manifest for libathanor_dialect_<name>.so serving the schemes <name> and <name>+fake.
void write_manifest(const fs::path& folder, const std::string& name) {
    std::ofstream(folder / ("libathanor_dialect_" + name + ".json"))
        << "{\"name\": \"" << name << "\", \"sdk_abi\": " << ATHANOR_SDK_ABI_VERSION
        << ", \"library\": \"libathanor_dialect_" << name << ".so\", \"schemes\": [\"" << name << "\", \""
        << name << "+fake\"]}";
}

// A copy of the good plugin's library under the name libathanor_dialect_<name>.so, with its manifest.
fs::path copy_good_plugin(const fs::path& folder, const std::string& name) {
    const auto library = folder / ("libathanor_dialect_" + name + ".so");
    fs::copy_file(broken("good") / "libathanor_dialect_testgood.so", library);
    write_manifest(folder, name);
    return library;
}

// Whether the process has `library` mapped (dlopen'ed).
bool is_mapped(const fs::path& library) {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line))
        if (contains(line, library.string())) return true;
    return false;
}

}  // namespace

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

// Files that would crash, hang or exhaust the loader are refused before dlopen sees them.
BOOST_AUTO_TEST_SUITE(refused_files)

BOOST_AUTO_TEST_CASE(truncated_library_is_refused_not_mapped) {
    ScratchFolder folder("truncated");
    const auto full_size = fs::file_size(broken("good") / "libathanor_dialect_testgood.so");
    // Cut in the middle, by one byte (only the section header table at the end is incomplete)
    // and just past the program headers (the first loadable segment ends past the end of the file).
    const std::tuple<const char*, std::uintmax_t, const char*> cuts[] = {
        {"testhalf", full_size / 2, "truncated"},
        {"testshort", full_size - 1, "truncated: its section header table"},
        {"testsegment", 4097, "truncated: its segment 0 "}};
    for (const auto& [name, size, reason] : cuts) {
        const auto library = copy_good_plugin(folder.path, name);
        fs::resize_file(library, size);
        PluginRegistry registry(PluginRegistry::Options{false, false});
        registry.add_search_path(folder.path);
        auto message = load_failure(registry, std::string(name) + "://");
        CHECK_CONTAINS(message, "cannot be loaded");
        CHECK_CONTAINS(message, library.string() + " is refused: it is " + reason);
        BOOST_TEST(!is_mapped(library));
        auto statuses = statuses_by_file(registry.discover(true));
        CHECK_CONTAINS(statuses["libathanor_dialect_" + std::string(name) + ".json"].error, "truncated");
        fs::remove(library);
        fs::remove(folder.path / ("libathanor_dialect_" + std::string(name) + ".json"));
    }
}

BOOST_AUTO_TEST_CASE(library_that_is_not_a_regular_file_is_refused) {
    ScratchFolder folder("special_library");
    write_manifest(folder.path, "testfifolib");
    BOOST_REQUIRE(::mkfifo((folder.path / "libathanor_dialect_testfifolib.so").c_str(), 0600) == 0);
    write_manifest(folder.path, "testdevlib");
    fs::create_symlink("/dev/zero", folder.path / "libathanor_dialect_testdevlib.so");
    fs::create_directory(folder.path / "libathanor_dialect_testdirlib.so");
    write_manifest(folder.path, "testdirlib");
    PluginRegistry registry(PluginRegistry::Options{false, false});
    registry.add_search_path(folder.path);
    CHECK_CONTAINS(load_failure(registry, "testfifolib://"), "is not a regular file (a FIFO)");
    CHECK_CONTAINS(load_failure(registry, "testdevlib://"), "is not a regular file (a character device)");
    CHECK_CONTAINS(load_failure(registry, "testdirlib://"), "is not a regular file (a directory)");
}

BOOST_AUTO_TEST_CASE(library_for_another_machine_or_not_shared_is_refused) {
    ScratchFolder folder("foreign");
    // The good plugin with its ELF class byte flipped to 32-bit, and with its type set to an executable.
    const auto foreign = copy_good_plugin(folder.path, "testelf32");
    const auto executable = copy_good_plugin(folder.path, "testexec");
    {
        std::fstream f(foreign, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4);
        f.put(1);  // ELFCLASS32
    }
    {
        std::fstream f(executable, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(16);
        f.put(2);  // ET_EXEC (little-endian e_type)
        f.put(0);
    }
    PluginRegistry registry(PluginRegistry::Options{false, false});
    registry.add_search_path(folder.path);
    CHECK_CONTAINS(load_failure(registry, "testelf32://"), "32-bit ELF");
    CHECK_CONTAINS(load_failure(registry, "testexec://"), "not a shared object");
    BOOST_TEST(!is_mapped(foreign));
    BOOST_TEST(!is_mapped(executable));
}

BOOST_AUTO_TEST_CASE(manifest_that_is_a_fifo_or_an_endless_device_is_refused) {
    ScratchFolder folder("special_manifest");
    const auto fifo = folder.path / "libathanor_dialect_testfifo.json";
    BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto zero = folder.path / "libathanor_dialect_testzero.json";
    fs::create_symlink("/dev/zero", zero);
    const auto random = folder.path / "libathanor_dialect_testrandom.json";
    fs::create_symlink("/dev/urandom", random);
    // A regular manifest larger than any real one.
    const auto huge = folder.path / "libathanor_dialect_testhuge.json";
    {
        std::ofstream out(huge);
        out << "{\"name\": \"" << std::string(2u << 20, 'x') << "\"}";
    }

    auto refusal = [](const fs::path& file) -> std::string {
        try {
            PluginManifest::read(file);
        } catch (const NoSuchModuleError& e) {
            return e.what();
        }
        BOOST_FAIL("reading " << file << " did not throw NoSuchModuleError");
        return {};
    };
    auto fifo_message = refusal(fifo);
    CHECK_CONTAINS(fifo_message, fifo.string());
    CHECK_CONTAINS(fifo_message, "is not a regular file (a FIFO)");
    CHECK_CONTAINS(refusal(zero), "is not a regular file (a character device)");
    CHECK_CONTAINS(refusal(random), "is not a regular file (a character device)");
    CHECK_CONTAINS(refusal(huge), "larger than");

    // Discovery lists each as unusable instead of hanging or running out of memory.
    PluginRegistry registry(PluginRegistry::Options{false, false});
    registry.add_search_path(folder.path);
    registry.add_search_path(broken("good"));
    auto statuses = statuses_by_file(registry.discover(true));
    BOOST_TEST(statuses.size() == 5u);
    CHECK_CONTAINS(statuses["libathanor_dialect_testfifo.json"].error, "a FIFO");
    CHECK_CONTAINS(statuses["libathanor_dialect_testzero.json"].error, "a character device");
    BOOST_TEST(statuses["libathanor_dialect_testgood.json"].ok());
    CHECK_CONTAINS(load_failure(registry, "testfifo://"), "no plugin serves scheme 'testfifo'");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(search)

BOOST_AUTO_TEST_CASE(environment_entries_in_order_and_empty_ones_ignored) {
    PluginPathVariable env("/nonexistent/a::" + broken("good").string() + ":");
    PluginRegistry registry(PluginRegistry::Options{true, false});
    registry.add_search_path(broken("abi_mismatch"));
    auto path = registry.search_path();
    BOOST_REQUIRE_EQUAL(path.size(), 3u);
    BOOST_TEST(path[0].path == broken("abi_mismatch"));
    BOOST_TEST(path[0].origin == "registered");
    BOOST_TEST(path[1].path == fs::path("/nonexistent/a"));
    BOOST_TEST(path[1].origin == "ATHANOR_PLUGIN_PATH");
    BOOST_TEST(path[2].path == broken("good"));
    BOOST_TEST(path[2].origin == "ATHANOR_PLUGIN_PATH");

    // The environment alone is enough to find a plugin, and a missing folder is reported.
    BOOST_TEST(registry.load(Url::parse("testgood://")).dialect->name() == "testgood");
    auto message = load_failure(registry, "nosuch://");
    CHECK_CONTAINS(message, "2. /nonexistent/a (ATHANOR_PLUGIN_PATH): does not exist");
}

BOOST_AUTO_TEST_CASE(registered_folder_beats_the_environment) {
    // A second copy of the good plugin in a folder of its own.
    auto copy = fs::temp_directory_path() / ("athanor_plugin_copy_" + std::to_string(::getpid()));
    fs::remove_all(copy);
    fs::create_directories(copy);
    for (const char* file : {"libathanor_dialect_testgood.so", "libathanor_dialect_testgood.json"})
        fs::copy_file(broken("good") / file, copy / file);

    PluginPathVariable env(broken("good").string());
    PluginRegistry from_env(PluginRegistry::Options{true, false});
    BOOST_TEST(from_env.load(Url::parse("testgood://")).manifest->library_path ==
               broken("good") / "libathanor_dialect_testgood.so");

    PluginRegistry registered(PluginRegistry::Options{true, false});
    registered.add_search_path(copy);
    auto loaded = registered.load(Url::parse("testgood://"));
    BOOST_TEST(loaded.manifest->library_path == copy / "libathanor_dialect_testgood.so");
    BOOST_TEST(loaded.dialect->name() == "testgood");
    // The library stays loaded; removing its files does not affect the process.
    fs::remove_all(copy);
}

BOOST_AUTO_TEST_CASE(default_folders_come_last) {
    PluginPathVariable env(broken("good").string());
    PluginRegistry registry;  // environment and default folders
    auto path = registry.search_path();
    BOOST_REQUIRE_GE(path.size(), 4u);
    BOOST_TEST(path[0].origin == "ATHANOR_PLUGIN_PATH");
    BOOST_TEST(path[1].origin == "libathanor folder");
    // The folder really is the one libathanor was loaded from.
    bool has_library = false;
    for (const auto& entry : fs::directory_iterator(path[1].path))
        has_library = has_library || entry.path().filename().string().rfind("libathanor.so", 0) == 0;
    BOOST_TEST(has_library);
    BOOST_TEST(path[2].path == path[1].path / "athanor" / "dialects");
    BOOST_TEST(path.back().origin == "install folder");
    BOOST_TEST(contains(path.back().path.string(), "athanor/dialects"));
}

BOOST_AUTO_TEST_CASE(discover_reports_every_candidate) {
    auto registry = registry_of({"good", "abi_mismatch", "not_shared_object", "missing_library", "no_manifest",
                                 "bad_manifest", "missing_client"});
    auto quick = statuses_by_file(registry->discover(false));
    BOOST_TEST(quick.size() == 10u);
    BOOST_TEST(quick["libathanor_dialect_testgood.json"].ok());
    BOOST_TEST(quick["libathanor_dialect_testgood.json"].manifest.version == "1.2.3");
    CHECK_CONTAINS(quick["libathanor_dialect_testabi.json"].error, "built for SDK ABI 999");
    CHECK_CONTAINS(quick["libathanor_dialect_testmissing.json"].error, "library file missing");
    CHECK_CONTAINS(quick["libathanor_dialect_testnomanifest.so"].error, "manifest missing");
    CHECK_CONTAINS(quick["libathanor_dialect_testbadjson.json"].error, "not valid JSON");
    CHECK_CONTAINS(quick["libathanor_dialect_testbadfield.json"].error, "missing required field \"schemes\"");
    CHECK_CONTAINS(quick["libathanor_dialect_testbadtype.json"].error, "\"sdk_abi\"");
    // Without loading, what only the loader can tell is not known yet.
    BOOST_TEST(quick["libathanor_dialect_testabiexport.json"].ok());
    BOOST_TEST(quick["libathanor_dialect_testjunk.json"].ok());
    BOOST_TEST(quick["libathanor_dialect_testnoclient.json"].ok());

    auto loaded = statuses_by_file(registry->discover(true));
    BOOST_TEST(loaded.size() == 10u);
    BOOST_TEST(loaded["libathanor_dialect_testgood.json"].ok());
    CHECK_CONTAINS(loaded["libathanor_dialect_testabiexport.json"].error, "reports SDK ABI 999");
    const auto& junk = loaded["libathanor_dialect_testjunk.json"].error;
    BOOST_CHECK_MESSAGE(contains(junk, "invalid ELF header") || contains(junk, "file too short"), junk);
    CHECK_CONTAINS(loaded["libathanor_dialect_testnoclient.json"].error, "cannot open shared object file");
    CHECK_CONTAINS(loaded["libathanor_dialect_testmissing.json"].error, "library file missing");
}

// A library without its manifest, on ATHANOR_PLUGIN_PATH or registered as a file, is listed
// with the reason it cannot be used, and none of its code runs.
BOOST_AUTO_TEST_CASE(library_without_manifest_on_the_search_path_says_which_manifest_is_missing) {
    ScratchFolder folder("lonely");
    const auto lonely = folder.path / "libathanor_dialect_lonely.so";
    fs::copy_file(broken("good") / "libathanor_dialect_testgood.so", lonely);
    copy_good_plugin(folder.path, "buddy");
    const std::string reason = "manifest missing: " + lonely.string() + " has no libathanor_dialect_lonely.json beside it";

    PluginPathVariable env(folder.path.string());
    PluginRegistry registry(PluginRegistry::Options{true, false});
    for (bool load : {false, true}) {
        auto statuses = statuses_by_file(registry.discover(load));
        BOOST_TEST(statuses.size() == 2u);
        BOOST_TEST(statuses["libathanor_dialect_buddy.json"].ok());
        BOOST_TEST(!statuses["libathanor_dialect_lonely.so"].ok());
        BOOST_TEST(statuses["libathanor_dialect_lonely.so"].path == lonely);
        CHECK_CONTAINS(statuses["libathanor_dialect_lonely.so"].error, reason);
    }
    auto message = load_failure(registry, "lonely://");
    CHECK_CONTAINS(message, "no plugin serves scheme 'lonely'");
    CHECK_CONTAINS(message, "1. " + folder.path.string() + " (ATHANOR_PLUGIN_PATH): 2 plugin files: "
                            "libathanor_dialect_buddy.json, libathanor_dialect_lonely.so (unusable)");
    CHECK_CONTAINS(message, reason);
    BOOST_TEST(!is_mapped(lonely));

    PluginRegistry by_file(PluginRegistry::Options{false, false});
    by_file.register_plugin(lonely);
    auto statuses = by_file.discover(true);
    BOOST_REQUIRE_EQUAL(statuses.size(), 1u);
    CHECK_CONTAINS(statuses[0].error, reason);
    BOOST_TEST(!is_mapped(lonely));
}

// A library beside a manifest of its own name that names another library file is never loaded;
// it is listed with that reason instead of being passed over in silence.
BOOST_AUTO_TEST_CASE(library_its_same_named_manifest_does_not_name_is_reported) {
    ScratchFolder folder("misnamed");
    for (const char* name : {"alpha", "beta"})
        fs::copy_file(broken("good") / "libathanor_dialect_testgood.so", folder.path / ("libathanor_dialect_" + std::string(name) + ".so"));
    std::ofstream(folder.path / "libathanor_dialect_alpha.json")
        << "{\"name\": \"alpha\", \"sdk_abi\": " << ATHANOR_SDK_ABI_VERSION
        << ", \"library\": \"libathanor_dialect_beta.so\", \"schemes\": [\"alpha\"]}";

    PluginRegistry registry(PluginRegistry::Options{false, false});
    registry.add_search_path(folder.path);
    auto statuses = statuses_by_file(registry.discover(false));
    BOOST_TEST(statuses.size() == 2u);
    BOOST_TEST(statuses["libathanor_dialect_alpha.json"].ok());
    BOOST_TEST(statuses["libathanor_dialect_alpha.json"].manifest.library_path == folder.path / "libathanor_dialect_beta.so");
    CHECK_CONTAINS(statuses["libathanor_dialect_alpha.so"].error,
                   "library not used: " + (folder.path / "libathanor_dialect_alpha.so").string() +
                       " is not the library its manifest " + (folder.path / "libathanor_dialect_alpha.json").string() +
                       " names");
    // The library the manifest names serves the scheme.
    BOOST_TEST(registry.load(Url::parse("alpha://")).manifest->library_path == folder.path / "libathanor_dialect_beta.so");
}

BOOST_AUTO_TEST_CASE(the_same_folder_twice_is_searched_once) {
    auto registry = registry_of({"good", "good"});
    BOOST_TEST(registry->discover().size() == 1u);
    CHECK_CONTAINS(load_failure(*registry, "nosuch://"), "2. " + broken("good").string() +
                                                             " (registered): already searched above");
}

BOOST_AUTO_TEST_SUITE_END()
