// The PostgreSQL plugin's text-format cell decoders (plugins/postgresql/pg_types.cpp): the
// first input byte picks the column type, the rest is the cell. Every cell decodes or throws
// DataError; a cell that decodes to a number, date/time or interval (not the kept text) is
// read back the same from the text the plugin sends for that value.
#include "fuzz_support.hpp"

#include "pg_types.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/parameter_rows.hpp>

#include <array>
#include <span>
#include <string>

namespace pg = athanor::postgresql;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using athanor::fuzz::require;
    if (size == 0) return 0;
    static constexpr std::array<pg::TypeOid, 16> types = {16,   17,   20,   21,   23,   26,   700,  701,
                                                          1700, 1082, 1083, 1266, 1114, 1184, 1186, 25};
    const pg::TypeOid type = types[data[0] % types.size()];
    const auto cell = athanor::fuzz::as_text(data + 1, size - 1);
    athanor::Value value;
    try {
        value = pg::decoder_for(type)(cell.data(), static_cast<int>(cell.size()));
    } catch (const athanor::DataError&) {
        return 0;
    }
    // Booleans go out as "true"/"false" but come back as "t"/"f"; text and bytes are not parsed.
    using Kind = athanor::Value::Kind;
    if (value.is_null() || value.kind() == Kind::text || value.kind() == Kind::bytes || value.kind() == Kind::boolean)
        return 0;
    if (value.kind() == athanor::Value::Kind::floating && value.as_double() != value.as_double()) return 0;  // NaN
    // Encode the decoded value as a parameter and decode the text the plugin would send.
    pg::ParameterBuffer buffer;
    const std::array<athanor::Value, 1> row = {value};
    buffer.encode(athanor::sdk::ParameterRow(std::span<const athanor::Value>(row)));
    require(buffer.count() == 1, "one parameter encoded", cell);
    require(buffer.formats()[0] == 0, "a parsed value is sent in text format", cell);
    const std::string sent = buffer.values()[0];  // text format: NUL-terminated, lengths unused
    athanor::Value again;
    try {
        again = pg::decoder_for(type)(sent.data(), static_cast<int>(sent.size()));
    } catch (const athanor::DataError& e) {
        require(false, ("the text sent for the value does not decode: " + sent + ": " + e.what()).c_str(), cell);
    }
    require(again == value, ("decode(encode(value)) differs: " + sent).c_str(), cell);
    return 0;
}
