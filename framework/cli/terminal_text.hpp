// terminal_text.hpp — how the `athanor` tool writes text that comes from data, files or a
// server (cell values, names, comments, manifest fields, error messages). Written to a
// terminal such text could move the cursor, clear the screen or retitle the window, so there
// control characters are shown escaped; written elsewhere it stays exact.
//
// Usage:
//   athanor::cli::OutputStyle style{athanor::cli::OutputStyle::decide(mode, STDOUT_FILENO)};
//   out << style.show(value_text);        // "a\x1b[2Jb" shown as a\x1b[2Jb on a terminal
#pragma once

#include <string>
#include <string_view>

namespace athanor::cli {

/// Control characters shown visibly, for a terminal: C0 as \n \r \t or \xNN (ESC is \x1b),
/// DEL as \x7f, C1 (U+0080..U+009F) as \u0080..\u009f and bytes that are not UTF-8 as \xNN.
/// Everything else, including backslashes and printable UTF-8, passes unchanged. With
/// `keep_newlines`, \n stays a line break (for multi-line error messages).
std::string escape_controls(std::string_view text, bool keep_newlines = false);

/// The same for JSON text: the JSON writer already escapes C0; DEL and C1 become \u007f /
/// \u0080.., bytes that are not UTF-8 become \ufffd, so the output stays valid JSON.
std::string escape_controls_in_json(std::string_view json);

/// Whether text is escaped: the --escape / --raw options, or by default whether the output
/// is a terminal.
struct OutputStyle {
    enum class Mode { automatic, escape, raw };

    /// Escapes for Mode::escape, never for Mode::raw, else when `fd` is a terminal.
    static bool decide(Mode mode, int fd);

    bool escape = false;

    /// `text` as it is written: escaped or exact.
    std::string show(std::string_view text) const { return escape ? escape_controls(text) : std::string(text); }
};

}  // namespace athanor::cli
