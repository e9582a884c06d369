// Aligned table output for query results. Values are shown with Value::to_string(), so
// NULL reads "NULL"; line breaks are escaped so that one row stays one line, and for a
// terminal every control character is (terminal_text.hpp).
#include "table_printer.hpp"
#include "terminal_text.hpp"

#include <algorithm>

namespace athanor::cli {

namespace {

std::string single_line(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else out += c;
    }
    return out;
}

bool is_number(const Value& v) {
    auto k = v.kind();
    return k == Value::Kind::integer || k == Value::Kind::floating || k == Value::Kind::decimal;
}

std::string padded(const std::string& text, std::size_t width, bool right) {
    const auto fill = std::string(width - std::min(width, display_width(text)), ' ');
    return right ? fill + text : text + fill;
}

}  // namespace

std::size_t display_width(const std::string& text) {
    // Count bytes that are not UTF-8 continuation bytes (10xxxxxx).
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

TablePrinter::TablePrinter(std::vector<std::string> headers, bool escape)
    : escape_(escape), headers_(std::move(headers)) {}

std::string TablePrinter::cell_text(const std::string& text) const {
    return escape_ ? escape_controls(text) : single_line(text);
}

void TablePrinter::add_row(const std::vector<Value>& values) {
    std::vector<Cell> row;
    row.reserve(values.size());
    for (const auto& v : values) row.push_back({cell_text(v.to_string()), is_number(v)});
    rows_.push_back(std::move(row));
}

void TablePrinter::print(std::ostream& out) const {
    std::vector<std::size_t> widths;
    for (const auto& h : headers_) widths.push_back(display_width(cell_text(h)));
    for (const auto& row : rows_)
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i >= widths.size()) widths.push_back(0);
            widths[i] = std::max(widths[i], display_width(row[i].text));
        }

    std::string rule = "+";
    for (auto w : widths) rule += std::string(w + 2, '-') + "+";

    out << rule << '\n' << '|';
    for (std::size_t i = 0; i < widths.size(); ++i)
        out << ' ' << padded(i < headers_.size() ? cell_text(headers_[i]) : std::string(), widths[i], false) << " |";
    out << '\n' << rule << '\n';
    for (const auto& row : rows_) {
        out << '|';
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const Cell empty;
            const Cell& cell = i < row.size() ? row[i] : empty;
            out << ' ' << padded(cell.text, widths[i], cell.right_aligned) << " |";
        }
        out << '\n';
    }
    if (!rows_.empty()) out << rule << '\n';
    out << '(' << rows_.size() << (rows_.size() == 1 ? " row)" : " rows)") << '\n';
}

}  // namespace athanor::cli
