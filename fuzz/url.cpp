// Url::parse: every input either parses or throws ArgumentError, and a parsed URL renders
// (password shown) to text that parses back to the same URL and renders the same again.
#include "fuzz_support.hpp"

#include <athanor/url.hpp>
#include <athanor/errors.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using athanor::fuzz::require;
    const auto input = athanor::fuzz::as_text(data, size);
    athanor::Url url;
    try {
        url = athanor::Url::parse(input);
    } catch (const athanor::ArgumentError&) {
        return 0;
    }
    const std::string rendered = url.render(false);
    athanor::Url again;
    try {
        again = athanor::Url::parse(rendered);
    } catch (const athanor::ArgumentError& e) {
        require(false, (std::string("render(false) does not parse: ") + e.what()).c_str(), input);
    }
    require(again == url, "parse(render(false)) differs from the URL", input);
    require(again.render(false) == rendered, "render(false) is not stable", input);
    (void)url.render();  // the masked form must not throw either
    (void)url.backend_name();
    (void)url.driver_name();
    return 0;
}
