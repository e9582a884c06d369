// Date/Time/DateTime::parse and Decimal: each input parses or throws DataError, and what
// parses prints (iso(), str()) to text that parses back to the same value.
#include "fuzz_support.hpp"

#include <athanor/errors.hpp>
#include <athanor/value.hpp>

#include <cmath>

namespace {

template <class T>
void round_trip(std::string_view input, const char* what) {
    T value;
    try {
        value = T::parse(input);
    } catch (const athanor::DataError&) {
        return;
    }
    const std::string printed = value.iso();
    T again;
    try {
        again = T::parse(printed);
    } catch (const athanor::DataError&) {
        athanor::fuzz::require(false, (std::string(what) + ": iso() does not parse: " + printed).c_str(), input);
    }
    athanor::fuzz::require(again == value, (std::string(what) + ": parse(iso()) differs: " + printed).c_str(), input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using athanor::fuzz::require;
    const auto input = athanor::fuzz::as_text(data, size);
    round_trip<athanor::Date>(input, "Date");
    round_trip<athanor::Time>(input, "Time");
    round_trip<athanor::DateTime>(input, "DateTime");

    try {
        const athanor::Decimal d(input);
        const athanor::Decimal again(d.str());
        require(again == d, "Decimal(str()) is not canonical", input);
        (void)d.to_double();
        // Value's lenient readers over the same text.
        const athanor::Value v(d);
        (void)v.as_double();
        try {
            (void)v.as_int();
        } catch (const athanor::DataError&) {
        } catch (const athanor::ArgumentError&) {
        }
    } catch (const athanor::DataError&) {
    }
    return 0;
}
