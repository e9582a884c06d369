// text(): the `:name` scanner never fails on any SQL, every paramstyle binds what it found
// (each occurrence in positional styles, each distinct name once in the named style), and
// without a `\:` escape the named-style rendering is the input itself.
#include "fuzz_support.hpp"

#include <athanor/sql/compiled.hpp>
#include <athanor/sql/default_dialect.hpp>
#include <athanor/sql/text.hpp>

#include <set>

namespace {

class StyleDialect : public athanor::sql::DefaultDialect {
public:
    explicit StyleDialect(athanor::sdk::Paramstyle style) : style_(style) {}
    athanor::sdk::Paramstyle paramstyle() const override { return style_; }

private:
    athanor::sdk::Paramstyle style_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using athanor::fuzz::require;
    using athanor::sdk::Paramstyle;
    const auto input = athanor::fuzz::as_text(data, size);
    const auto clause = athanor::text(std::string(input));
    const auto& names = clause.parameter_names();
    for (const auto& name : names) require(!name.empty(), "an empty parameter name", input);
    const std::set<std::string> distinct(names.begin(), names.end());

    for (auto style : {Paramstyle::qmark, Paramstyle::numeric, Paramstyle::dollar, Paramstyle::format,
                       Paramstyle::named}) {
        const StyleDialect dialect(style);
        const auto compiled = clause.compile(dialect);
        if (style == Paramstyle::named) {
            require(compiled->binds.size() == distinct.size(), "named style binds a name twice", input);
            if (input.find('\\') == std::string_view::npos)
                require(compiled->sql == input, "named style changed the SQL", input);
        } else {
            require(compiled->binds.size() == names.size(), "positional style lost an occurrence", input);
            for (std::size_t i = 0; i < names.size(); ++i)
                require(compiled->binds[i].key == names[i], "positional binds out of order", input);
        }
    }
    return 0;
}
