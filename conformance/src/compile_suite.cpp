// The compile tier: every corpus entry compiled for the dialect under test, held against the
// expected text in <compile-dir>/<dialect>/*.txt. No connection is opened.
//
// Data file format:
//   # comment
//   %paramstyle qmark          placeholders below are written as ? (or: dollar, $1 $2 ...)
//   [entry_name]
//   %source TEXT               where the expected text comes from (required, one or more lines):
//                              a vendor manual section, or SQLAlchemy's compilation of the same
//                              construct (conformance/tools/sqlalchemy_reference.py), and why
//                              the text differs from SQLAlchemy's where it does
//   SELECT ... (one or more lines, up to the next [header])
//   [other_entry]
//   %source ...
//   !CompileError              the dialect must refuse the construct with CompileError
// An entry without a %source line fails its test case: expected text copied from the
// compiler's own output (--dump-compile) would pass whatever the compiler does.
// When the driver's paramstyle differs from the file's, the expected placeholders are
// renumbered into the driver's style (qmark ?, dollar $n, numeric :n, format %s).
#include "compile_suite.hpp"

#include "compile_corpus.hpp"
#include "context.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

namespace cf {
namespace {

namespace but = boost::unit_test;
namespace fs = std::filesystem;
using athanor::sdk::Paramstyle;

struct Expected {
    std::string sql;
    std::string file;
    Paramstyle style = Paramstyle::qmark;
    std::vector<std::string> sources;  // the entry's %source lines
};

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

fs::path corpus_dir() { return fs::path(config().compile_dir) / dialect_name(); }

std::map<std::string, Expected>& expected() {
    static std::map<std::string, Expected> entries;
    return entries;
}
std::vector<std::string>& load_errors() {
    static std::vector<std::string> errors;
    return errors;
}

/// Reads every .txt file of `dir`. Entries of a driver folder (`postgresql+odbc/`) override the
/// dialect folder's: the same SQL flavour may render a construct differently for one driver.
void load_dir(const fs::path& dir, bool overrides) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f);
        std::string line, current;
        Paramstyle style = Paramstyle::qmark;
        std::vector<std::string> body, sources;
        auto flush = [&] {
            if (current.empty()) return;
            std::string sql;
            for (const auto& l : body) sql += (sql.empty() ? "" : "\n") + l;
            sql = trim(sql);
            if (!overrides && expected().count(current))
                load_errors().push_back(f.filename().string() + ": entry [" + current + "] defined twice");
            expected()[current] = {sql, f.filename().string(), style, sources};
            body.clear();
            sources.clear();
        };
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.starts_with("#")) continue;
            if (line.starts_with("%paramstyle ")) {
                auto v = trim(line.substr(12));
                style = v == "dollar" ? Paramstyle::dollar : v == "numeric" ? Paramstyle::numeric
                        : v == "format" ? Paramstyle::format : Paramstyle::qmark;
                continue;
            }
            if (line.starts_with("%source")) {
                auto text = trim(line.substr(7));
                if (current.empty())
                    load_errors().push_back(f.filename().string() + ": %source line before the first [entry]");
                else if (!text.empty())
                    sources.push_back(text);
                continue;
            }
            if (line.starts_with("[") && line.ends_with("]")) {
                flush();
                current = line.substr(1, line.size() - 2);
                continue;
            }
            body.push_back(line);
        }
        flush();
    }
}

void load() {
    load_dir(corpus_dir(), false);
    load_dir(fs::path(config().compile_dir) / (dialect_name() + "+" + driver_name()), true);
}

// Placeholders of `sql` written in `from`, rewritten in `to`; text in '...' is left alone.
std::string restyle(const std::string& sql, Paramstyle from, Paramstyle to) {
    if (from == to) return sql;
    std::string out;
    int n = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        char c = sql[i];
        if (c == '\'') quoted = !quoted;
        bool is_ph = false;
        std::size_t len = 1;
        if (!quoted) {
            if (from == Paramstyle::qmark && c == '?') is_ph = true;
            if ((from == Paramstyle::dollar && c == '$') || (from == Paramstyle::numeric && c == ':')) {
                std::size_t j = i + 1;
                while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) ++j;
                if (j > i + 1) is_ph = true, len = j - i;
            }
            if (from == Paramstyle::format && c == '%' && i + 1 < sql.size() && sql[i + 1] == 's') is_ph = true, len = 2;
        }
        if (!is_ph) {
            out += c;
            continue;
        }
        ++n;
        switch (to) {
            case Paramstyle::qmark: out += '?'; break;
            case Paramstyle::dollar: out += "$" + std::to_string(n); break;
            case Paramstyle::numeric: out += ":" + std::to_string(n); break;
            case Paramstyle::format: out += "%s"; break;
            case Paramstyle::named: out += "?"; break;
        }
        i += len - 1;
    }
    return out;
}

void check_entry(const CorpusEntry& entry) {
    auto it = expected().find(entry.name);
    if (it == expected().end())
        BOOST_FAIL("no expected SQL for corpus entry [" << entry.name << "] (" << entry.description << ") in "
                                                        << corpus_dir().string() << "/*.txt");
    const auto& dialect = engine().dialect();
    const Expected& e = it->second;
    if (e.sources.empty())
        BOOST_FAIL("[" << entry.name << "] (" << e.file << ") has no %source line: cite the vendor manual section "
                   "or SQLAlchemy's compilation of the construct the expected text was taken from");
    if (e.sql.starts_with("!CompileError")) {
        bool refused = false;
        std::string got;
        try {
            got = entry.render(dialect);
        } catch (const athanor::CompileError&) {
            refused = true;
        }
        BOOST_TEST(refused, "[" << entry.name << "] (" << e.file << ") must raise CompileError on "
                                << dialect.description() << " but compiled to: " << got);
        return;
    }
    if (dialect.paramstyle() == Paramstyle::named && e.style != Paramstyle::named)
        BOOST_FAIL("[" << entry.name << "]: the expected text is written in another paramstyle than the "
                                        "driver's named style; add a data file for this driver");
    const std::string want = restyle(e.sql, e.style, dialect.paramstyle());
    const std::string got = entry.render(dialect);
    BOOST_TEST(got == want, "[" << entry.name << "] (" << e.file << ") on " << dialect.description()
                                << "\n  expected: " << want << "\n  actual:   " << got);
}

void check_no_stale_entries() {
    for (const auto& err : load_errors()) BOOST_ERROR(err);
    std::set<std::string> names;
    for (const auto& e : compile_corpus()) names.insert(e.name);
    for (const auto& [name, e] : expected())
        BOOST_TEST(names.count(name) == 1u, e.file << ": [" << name << "] names no corpus entry");
}

struct HasCorpus {
    boost::test_tools::assertion_result operator()(but::test_unit_id) const {
        if (fs::is_directory(corpus_dir())) return true;
        boost::test_tools::assertion_result r(false);
        r.message() << "compile: no expected SQL for dialect " << dialect_name() << " (no folder "
                    << corpus_dir().string() << "; corpora root from " << config().compile_dir_origin << ")";
        return r;
    }
};

}  // namespace

void register_compile_suite() {
    load();
    auto* suite = BOOST_TEST_SUITE("compile");
    suite->add_precondition(HasCorpus{});
    for (const auto& entry : compile_corpus()) {
        const CorpusEntry* p = &entry;
        suite->add(but::make_test_case([p] { check_entry(*p); }, entry.name, __FILE__, __LINE__));
    }
    suite->add(but::make_test_case(&check_no_stale_entries, "data_files_name_known_entries", __FILE__, __LINE__));
    but::framework::master_test_suite().add(suite);
}

/// Prints the dialect's SQL for every corpus entry in the data-file format, to diff against
/// expected files written from the vendor's manual or a reference implementation; never to
/// fill them in (it prints no %source lines, so a file copied from it fails).
void dump_compile(std::ostream& out) {
    const auto& d = engine().dialect();
    out << "# compile corpus as " << d.description() << " emits it\n";
    for (const auto& entry : compile_corpus()) {
        out << "[" << entry.name << "]\n";
        try {
            out << entry.render(d) << "\n";
        } catch (const athanor::CompileError&) {
            out << "!CompileError\n";
        }
    }
}

}  // namespace cf
