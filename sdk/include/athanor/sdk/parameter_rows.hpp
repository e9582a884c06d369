// athanor/sdk/parameter_rows.hpp — the parameter sets handed to Cursor::executemany().
//
// A ParameterRows is a read-only view of `size()` parameter sets of equal width; each set is a
// ParameterRow of positional values. The framework builds it over the application's own values
// (a table of pointers into the caller's Params), so a batch reaches the driver without a copy
// of every value; it can also view rows of values (std::vector<std::vector<Value>>), which is
// what tests and hand-written callers pass. The values stay valid until executemany() returns,
// so a driver may bind them without copying (SQLite's SQLITE_STATIC, ODBC's column arrays are
// filled from them directly).
//
// Example (inside a plugin):
//   void MyCursor::executemany(std::string_view sql, athanor::sdk::ParameterRows sets) {
//       prepare(sql);
//       for (const athanor::sdk::ParameterRow row : sets) {
//           for (std::size_t i = 0; i < row.size(); ++i) bind(i + 1, row[i]);
//           step();
//       }
//   }
#pragma once

#include <athanor/value.hpp>

#include <cstddef>
#include <iterator>
#include <span>
#include <type_traits>
#include <vector>

namespace athanor::sdk {

namespace detail {
/// Forward iterator over anything indexed by position (a row's values, the sets of a batch).
template <class Container, class Reference>
class IndexIterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::remove_cvref_t<Reference>;
    using difference_type = std::ptrdiff_t;
    using reference = Reference;
    IndexIterator() = default;
    IndexIterator(const Container* container, std::size_t i) : container_(container), i_(i) {}
    Reference operator*() const { return (*container_)[i_]; }
    IndexIterator& operator++() {
        ++i_;
        return *this;
    }
    IndexIterator operator++(int) {
        IndexIterator old = *this;
        ++i_;
        return old;
    }
    bool operator==(const IndexIterator& other) const { return i_ == other.i_; }

private:
    const Container* container_ = nullptr;
    std::size_t i_ = 0;
};
}  // namespace detail

/// One parameter set: `size()` positional values, over contiguous values or over a table of
/// pointers. A view: it owns nothing.
class ParameterRow {
public:
    ParameterRow() = default;
    ParameterRow(std::span<const Value> values) : values_(values.data()), size_(values.size()) {}
    ParameterRow(const std::vector<Value>& values) : values_(values.data()), size_(values.size()) {}
    /// `size` pointers, each to a value.
    ParameterRow(const Value* const* cells, std::size_t size) : cells_(cells), size_(size) {}

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const Value& operator[](std::size_t i) const { return cells_ ? *cells_[i] : values_[i]; }

    using iterator = detail::IndexIterator<ParameterRow, const Value&>;
    iterator begin() const { return {this, 0}; }
    iterator end() const { return {this, size_}; }

private:
    const Value* values_ = nullptr;
    const Value* const* cells_ = nullptr;
    std::size_t size_ = 0;
};

/// The parameter sets of one executemany(). Rows of values may differ in width (the driver
/// reports the mismatch); a pointer table has one width for every row.
class ParameterRows {
public:
    ParameterRows() = default;
    ParameterRows(std::span<const std::vector<Value>> rows) : rows_(rows.data()), size_(rows.size()) {}
    ParameterRows(const std::vector<std::vector<Value>>& rows) : rows_(rows.data()), size_(rows.size()) {}
    /// `rows` sets of `width` values: `cells[r * width + i]` points to value i of set r.
    ParameterRows(const Value* const* cells, std::size_t rows, std::size_t width)
        : cells_(cells), size_(rows), width_(width) {}

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    ParameterRow operator[](std::size_t r) const {
        if (rows_) return ParameterRow(rows_[r]);
        return ParameterRow(cells_ + r * width_, width_);
    }
    ParameterRow front() const { return (*this)[0]; }

    using iterator = detail::IndexIterator<ParameterRows, ParameterRow>;
    iterator begin() const { return {this, 0}; }
    iterator end() const { return {this, size_}; }

private:
    const std::vector<Value>* rows_ = nullptr;
    const Value* const* cells_ = nullptr;
    std::size_t size_ = 0;
    std::size_t width_ = 0;
};

}  // namespace athanor::sdk
