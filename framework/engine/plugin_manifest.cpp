// PluginManifest: reading and validating a plugin's sidecar JSON manifest. No plugin code
// runs here, so a broken plugin can be described before anyone tries to load it.
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/errors.hpp>

#include "engine/plugin_file_check.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

namespace athanor {

namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& problem) {
    throw NoSuchModuleError("plugin manifest " + file.string() + ": " + problem);
}

const char* json_type_name(const json& value) {
    return value.type_name();
}

std::string required_string(const json& doc, const char* key, const std::filesystem::path& file) {
    auto it = doc.find(key);
    if (it == doc.end()) fail(file, std::string("missing required field \"") + key + "\"");
    if (!it->is_string())
        fail(file, std::string("field \"") + key + "\" must be a string, not " + json_type_name(*it));
    auto value = it->get<std::string>();
    if (value.empty()) fail(file, std::string("field \"") + key + "\" must not be empty");
    return value;
}

std::string optional_string(const json& doc, const char* key, const std::filesystem::path& file) {
    auto it = doc.find(key);
    if (it == doc.end() || it->is_null()) return {};
    if (!it->is_string())
        fail(file, std::string("field \"") + key + "\" must be a string, not " + json_type_name(*it));
    return it->get<std::string>();
}

std::vector<std::string> string_list(const json& doc, const char* key, bool required,
                                     const std::filesystem::path& file) {
    auto it = doc.find(key);
    if (it == doc.end() || (!required && it->is_null())) {
        if (required) fail(file, std::string("missing required field \"") + key + "\"");
        return {};
    }
    if (!it->is_array())
        fail(file, std::string("field \"") + key + "\" must be an array of strings, not " + json_type_name(*it));
    std::vector<std::string> out;
    for (const auto& item : *it) {
        if (!item.is_string())
            fail(file, std::string("field \"") + key + "\" must hold only strings, found " +
                           json_type_name(item) + " " + item.dump());
        out.push_back(item.get<std::string>());
    }
    if (required && out.empty()) fail(file, std::string("field \"") + key + "\" must not be empty");
    return out;
}

unsigned required_abi(const json& doc, const std::filesystem::path& file) {
    auto it = doc.find("sdk_abi");
    if (it == doc.end()) fail(file, "missing required field \"sdk_abi\"");
    if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<long long>() >= 0))
        fail(file, std::string("field \"sdk_abi\" must be a non-negative integer, not ") + json_type_name(*it) +
                       " " + it->dump());
    auto value = it->get<unsigned long long>();
    if (value > std::numeric_limits<unsigned>::max()) fail(file, "field \"sdk_abi\" is out of range: " + it->dump());
    return static_cast<unsigned>(value);
}

}  // namespace

bool PluginManifest::has_capability(std::string_view flag) const {
    return std::find(capabilities.begin(), capabilities.end(), flag) != capabilities.end();
}

bool PluginManifest::serves(std::string_view drivername) const {
    return std::find(schemes.begin(), schemes.end(), drivername) != schemes.end();
}

PluginManifest PluginManifest::read(const std::filesystem::path& manifest_path) {
    // Never blocks on a FIFO nor reads an endless device: a manifest is a small regular file.
    std::string text;
    if (auto problem = detail::read_small_regular_file(manifest_path, detail::max_manifest_bytes, text);
        !problem.empty())
        fail(manifest_path, (problem == "it does not exist" ? "cannot be opened for reading: " : "refused: ") + problem);

    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) {
        // parse_error, and out_of_range for a number too large for any JSON number type.
        fail(manifest_path, std::string("not valid JSON: ") + e.what());
    }
    if (!doc.is_object()) fail(manifest_path, std::string("must be a JSON object, not ") + json_type_name(doc));

    PluginManifest m;
    try {
        m.name = required_string(doc, "name", manifest_path);
        m.sdk_abi = required_abi(doc, manifest_path);
        m.library = required_string(doc, "library", manifest_path);
        m.schemes = string_list(doc, "schemes", true, manifest_path);
        m.version = optional_string(doc, "version", manifest_path);
        m.default_driver = optional_string(doc, "default_driver", manifest_path);
        m.capabilities = string_list(doc, "capabilities", false, manifest_path);
        m.description = optional_string(doc, "description", manifest_path);
    } catch (const json::exception& e) {
        fail(manifest_path, e.what());
    }
    if (std::filesystem::path(m.library).has_parent_path())
        fail(manifest_path, "field \"library\" must be a bare file name beside the manifest, not \"" + m.library + "\"");
    m.manifest_path = manifest_path;
    m.library_path = manifest_path.parent_path() / m.library;
    return m;
}

}  // namespace athanor
