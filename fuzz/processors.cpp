// The type processors that read database text (sql/types_processors.cpp): each converts the
// text or throws DataError; an interval written by Interval::iso() reads back the same.
#include "fuzz_support.hpp"

#include <athanor/errors.hpp>
#include <athanor/sql/types.hpp>

namespace {

namespace p = athanor::sql::processors;

template <class F>
void run(F&& convert) {
    try {
        convert();
    } catch (const athanor::DataError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using athanor::fuzz::require;
    const auto input = athanor::fuzz::as_text(data, size);
    const athanor::Value text{std::string(input)};

    try {
        const auto interval = p::parse_interval(input);
        const auto printed = interval.iso();
        athanor::Interval again;
        try {
            again = p::parse_interval(printed);
        } catch (const athanor::DataError& e) {
            require(false, (std::string("Interval::iso() does not parse: ") + printed + ": " + e.what()).c_str(),
                    input);
        }
        require(again == interval, ("parse_interval(iso()) differs: " + printed).c_str(), input);
    } catch (const athanor::DataError&) {
    }
    run([&] { (void)p::to_bool(text); });
    run([&] { (void)p::to_date(text); });
    run([&] { (void)p::to_time(text); });
    run([&] { (void)p::to_datetime(text); });
    run([&] { (void)p::to_interval(text); });
    run([&] { (void)p::to_decimal(text); });
    run([&] { (void)p::to_decimal(text, 2); });
    run([&] { (void)p::to_double(text); });
    run([&] { (void)p::uuid_to_hex(text); });
    run([&] { (void)p::uuid_to_canonical(text); });
    run([&] { (void)p::json_serialize(text); });
    run([&] { (void)p::json_from_result(text); });
    return 0;
}
