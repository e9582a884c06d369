// Where the registry looks for plugins and which files it refuses before loading: the search
// path's order (registered folders, ATHANOR_PLUGIN_PATH, the defaults), what discover() reports
// for every candidate, and truncated, foreign, special or endless files refused by the checks.
#define BOOST_TEST_MODULE plugin_search
#include <boost/test/unit_test.hpp>

#include "support/plugin_test_support.hpp"

using namespace plugin_test;
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
