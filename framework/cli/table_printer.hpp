// table_printer.hpp — renders rows as an aligned ASCII table, the way the `athanor sql`
// command shows query results.
//
// Usage:
//   athanor::cli::TablePrinter table({"id", "name"}, /*escape=*/true);
//   table.add_row({athanor::Value(1), athanor::Value("Alex")});
//   table.print(std::cout);   // +----+------+ / | id | name | / ... / (1 row)
#pragma once

#include <athanor/value.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace athanor::cli {

class TablePrinter {
public:
    /// With `escape`, control characters in headers and cells are shown escaped
    /// (escape_controls); without, only line breaks and tabs are, so one row stays one line.
    explicit TablePrinter(std::vector<std::string> headers, bool escape = false);

    void add_row(const std::vector<Value>& values);

    /// Writes the table followed by "(N rows)".
    void print(std::ostream& out) const;

private:
    struct Cell {
        std::string text;
        bool right_aligned = false;  // numbers line up on the right
    };

    std::string cell_text(const std::string& text) const;

    bool escape_ = false;
    std::vector<std::string> headers_;
    std::vector<std::vector<Cell>> rows_;
};

/// Display width of UTF-8 text in columns (one per code point; good enough for a terminal
/// table of mostly Latin text).
std::size_t display_width(const std::string& text);

}  // namespace athanor::cli
