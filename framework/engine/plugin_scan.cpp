// Scanning the plugin search path. Each problem becomes a PluginStatus error rather than an
// exception, so one broken plugin never hides the others.
#include "engine/plugin_scan.hpp"
#include "engine/plugin_file_check.hpp"

#include <athanor/errors.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace athanor::detail {

namespace fs = std::filesystem;

namespace {

bool starts_with_prefix(const std::string& name) {
    return name.rfind(plugin_file_prefix, 0) == 0;
}

PluginCandidate from_manifest(const fs::path& manifest_path) {
    PluginCandidate c;
    c.status.path = manifest_path;
    try {
        c.status.manifest = PluginManifest::read(manifest_path);
        c.manifest_read = true;
    } catch (const NoSuchModuleError& e) {
        c.status.error = e.what();
        return c;
    }
    const auto& library = c.status.manifest.library_path;
    const auto problem = detail::regular_file_problem(library);
    if (problem == "it does not exist")
        c.status.error = "library file missing: " + library.string() + " is named by the manifest " +
                         manifest_path.string() + " but does not exist; rebuild or reinstall the plugin";
    else if (!problem.empty())
        c.status.error = library.string() + " is refused: " + problem + "; a plugin library must be a regular file";
    return c;
}

PluginCandidate orphan_library(const fs::path& library_path) {
    PluginCandidate c;
    c.status.path = library_path;
    c.status.manifest.library = library_path.filename().string();
    c.status.manifest.library_path = library_path;
    auto manifest_path = library_path;
    manifest_path.replace_extension(".json");
    c.status.manifest.manifest_path = manifest_path;
    c.status.error = "manifest missing: " + library_path.string() + " has no " +
                     manifest_path.filename().string() +
                     " beside it; the manifest is read before any plugin code runs, so the plugin "
                     "cannot be used without it (athanor_add_dialect_plugin() writes it)";
    return c;
}

// A library whose same-named manifest names another library file: it is never loaded.
PluginCandidate unnamed_library(const fs::path& library_path, const fs::path& manifest_path) {
    auto c = orphan_library(library_path);
    c.status.error = "library not used: " + library_path.string() + " is not the library its manifest " +
                     manifest_path.string() + " names (\"library\" there is another file); rename the file or "
                     "correct the manifest's \"library\" field";
    return c;
}

std::string describe(const std::vector<PluginCandidate>& candidates) {
    if (candidates.empty()) return "no plugin files";
    std::string out = std::to_string(candidates.size()) + (candidates.size() == 1 ? " plugin file: " : " plugin files: ");
    bool first = true;
    for (const auto& c : candidates) {
        if (!first) out += ", ";
        first = false;
        out += c.status.path.filename().string();
        if (!c.status.ok()) out += " (unusable)";
    }
    return out;
}

PluginEntryScan scan_file(const fs::path& file) {
    PluginEntryScan scan;
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        PluginCandidate c;
        c.status.path = file;
        c.status.error = "registered plugin file " + file.string() + " does not exist";
        scan.candidates.push_back(std::move(c));
        scan.summary = "does not exist";
        return scan;
    }
    if (file.extension() == ".json") {
        scan.candidates.push_back(from_manifest(file));
    } else {
        auto manifest_path = file;
        manifest_path.replace_extension(".json");
        if (fs::exists(manifest_path, ec))
            scan.candidates.push_back(from_manifest(manifest_path));
        else
            scan.candidates.push_back(orphan_library(file));
    }
    scan.summary = describe(scan.candidates);
    return scan;
}

PluginEntryScan scan_folder(const fs::path& folder) {
    PluginEntryScan scan;
    std::error_code ec;
    if (!fs::exists(folder, ec)) {
        scan.summary = "does not exist";
        return scan;
    }
    if (!fs::is_directory(folder, ec)) {
        scan.summary = "is not a folder";
        return scan;
    }
    std::vector<fs::path> manifests;
    std::vector<fs::path> libraries;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (!starts_with_prefix(name)) continue;
        if (it->path().extension() == ".json") manifests.push_back(it->path());
        else if (it->path().extension() == ".so") libraries.push_back(it->path());
    }
    if (ec) {
        scan.summary = "cannot be listed: " + ec.message();
        return scan;
    }
    // Directory order is arbitrary; sorted order makes "first match wins" predictable.
    std::sort(manifests.begin(), manifests.end());
    std::sort(libraries.begin(), libraries.end());

    // Every library file is accounted for: named by a manifest, spoken for by an unreadable
    // manifest of its own name (whose error is the reason), or reported as unusable.
    std::set<fs::path> covered;
    std::map<fs::path, fs::path> misnamed;  // library -> the same-named manifest naming another file
    for (const auto& m : manifests) {
        auto c = from_manifest(m);
        auto same_stem = m;
        same_stem.replace_extension(".so");
        if (!c.manifest_read) covered.insert(same_stem);
        else if (c.status.manifest.library_path != same_stem) misnamed.emplace(same_stem, m);
        if (c.manifest_read) covered.insert(c.status.manifest.library_path);
        scan.candidates.push_back(std::move(c));
    }
    for (const auto& lib : libraries) {
        if (covered.count(lib)) continue;
        auto m = misnamed.find(lib);
        scan.candidates.push_back(m == misnamed.end() ? orphan_library(lib) : unnamed_library(lib, m->second));
    }
    scan.summary = describe(scan.candidates);
    return scan;
}

}  // namespace

std::string canonical_key(const fs::path& path) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(path, ec);
    return ec ? path.lexically_normal().string() : canonical.string();
}

PluginEntryScan scan_plugin_entry(const PluginSearchEntry& entry) {
    std::error_code ec;
    if (fs::is_regular_file(entry.path, ec) || (entry.origin == "registered" && entry.path.has_extension() &&
                                                (entry.path.extension() == ".so" || entry.path.extension() == ".json")))
        return scan_file(entry.path);
    return scan_folder(entry.path);
}

}  // namespace athanor::detail
