// Escaping control characters for a terminal. UTF-8 is decoded only far enough to tell a C1
// control (U+0080..U+009F, which some terminals act on like ESC [) from printable text and to
// find bytes that are not UTF-8 at all (a lone 0x9B is CSI to an 8-bit terminal).
#include "terminal_text.hpp"

#include <unistd.h>

#include <cstdio>

namespace athanor::cli {

namespace {

// Length of the well-formed UTF-8 sequence at text[i], or 0 if it is not one.
std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;          // no overlong forms
        else if (lead == 0xED) high = 0x9F;    // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        else if (lead == 0xF4) high = 0x8F;    // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    return length;
}

std::string hex_escape(const char* format, unsigned value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

}  // namespace

std::string escape_controls(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) {
            if (c == '\n') out += keep_newlines ? "\n" : "\\n";
            else if (c == '\r') out += "\\r";
            else if (c == '\t') out += "\\t";
            else out += hex_escape("\\x%02x", c);
            ++i;
        } else if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
        } else if (const auto length = utf8_length(text, i); length == 0) {
            out += hex_escape("\\x%02x", c);
            ++i;
        } else if (c == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            out += hex_escape("\\u%04x", static_cast<unsigned char>(text[i + 1]));
            i += 2;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

std::string escape_controls_in_json(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    for (std::size_t i = 0; i < json.size();) {
        const auto c = static_cast<unsigned char>(json[i]);
        if (c == 0x7F) {
            out += "\\u007f";
            ++i;
        } else if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
        } else if (const auto length = utf8_length(json, i); length == 0) {
            out += "\\ufffd";
            ++i;
        } else if (c == 0xC2 && static_cast<unsigned char>(json[i + 1]) <= 0x9F) {
            out += hex_escape("\\u%04x", static_cast<unsigned char>(json[i + 1]));
            i += 2;
        } else {
            out.append(json.substr(i, length));
            i += length;
        }
    }
    return out;
}

bool OutputStyle::decide(Mode mode, int fd) {
    if (mode == Mode::escape) return true;
    if (mode == Mode::raw) return false;
    return ::isatty(fd) == 1;
}

}  // namespace athanor::cli
