// athanor/engine/result.hpp — rows coming back from a statement.
//
// A Result streams rows from the driver's cursor: iterate it, or use fetchone / fetchmany /
// fetchall, first / one / one_or_none, scalar / scalar_one / scalars, mappings. A Row is a
// tuple of Values with access by index and by column name; `get<T>` converts, and
// `get<std::optional<T>>` maps NULL to nullopt. For DML, rowcount() is the number of rows
// matched (for a statement with RETURNING, known at the latest once every row was read: until
// then a driver may say -1) and inserted_primary_key() the key of the row an INSERT created.
//
// A Result keeps its connection's cursor busy until it is exhausted or closed; first(),
// one(), scalar() and friends close it for you.
//
// Row lifetime when iterating: the iterator owns one Row and the driver fills that same Row
// again for every step (its strings keep their capacity), so `for (const auto& row : result)`
// allocates nothing per row once the buffers have grown. A reference or pointer to `*it` is
// valid until the iterator advances; to keep a row, copy it (`Row kept = row;`) or use
// fetchone()/fetchall(), which hand out independent Rows.
//
// Usage:
//   for (const auto& row : conn.execute(athanor::text("SELECT id, name FROM users")))
//       std::cout << row.get<std::int64_t>("id") << ' ' << row.get<std::string>(1) << '\n';
//   std::int64_t n = conn.execute(athanor::text("SELECT count(*) FROM users")).scalar_one().get<std::int64_t>();
#pragma once

#include <athanor/export.hpp>
#include <athanor/value.hpp>

#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace athanor {

namespace sql {
class Expr;
}

namespace detail {
struct ResultState;
}

/// Column names shared by every row of one result.
class ATHANOR_API ResultMetadata {
public:
    explicit ResultMetadata(std::vector<std::string> keys);
    const std::vector<std::string>& keys() const { return keys_; }
    /// Index of `key`, or throws InvalidRequestError listing the available names.
    std::size_t index_of(std::string_view key) const;
    std::optional<std::size_t> find(std::string_view key) const;

private:
    std::vector<std::string> keys_;
};

class ATHANOR_API Row {
public:
    Row(std::shared_ptr<const ResultMetadata> metadata, std::vector<Value> values);
    /// An empty row with no columns.
    Row();

    std::size_t size() const { return values_.size(); }
    /// By position; throws InvalidRequestError when out of range.
    const Value& operator[](std::size_t index) const;
    /// So that `row[0]` is not ambiguous with the `const char*` overload.
    template <class I>
        requires(std::is_integral_v<I> && !std::is_same_v<I, std::size_t>)
    const Value& operator[](I index) const {
        return (*this)[static_cast<std::size_t>(index)];
    }
    /// By column name (label); throws InvalidRequestError naming the available columns.
    const Value& operator[](std::string_view key) const;
    const Value& operator[](const char* key) const { return (*this)[std::string_view(key)]; }
    /// By column object (SQLAlchemy's row._mapping[table.c.data]): the column or label as
    /// selected, found under the name it has in the SELECT list (its label, else its column
    /// name); the first such column when several share it. InvalidRequestError for an
    /// expression without a name (select it with .label()) or one the result does not have.
    ///   row.at(users.c("name"))
    const Value& at(const sql::Expr& column) const;

    template <class T>
    T get(std::size_t index) const { return (*this)[index].template get<T>(); }
    template <class T>
    T get(std::string_view key) const { return (*this)[key].template get<T>(); }

    const std::vector<std::string>& keys() const { return metadata_->keys(); }
    const std::vector<Value>& values() const { return values_; }
    auto begin() const { return values_.begin(); }
    auto end() const { return values_.end(); }

    bool operator==(const Row& other) const { return values_ == other.values_; }

private:
    friend struct detail::ResultState;  // fills a reused Row in place
    std::shared_ptr<const ResultMetadata> metadata_;
    std::vector<Value> values_;
};

/// A row seen as an ordered name -> value mapping (Result::mappings()).
class ATHANOR_API RowMapping {
public:
    explicit RowMapping(Row row) : row_(std::move(row)) {}
    const Value& operator[](std::string_view key) const { return row_[key]; }
    bool contains(std::string_view key) const;
    const std::vector<std::string>& keys() const { return row_.keys(); }
    std::vector<std::pair<std::string, Value>> items() const;
    const Row& row() const { return row_; }

private:
    Row row_;
};

class ATHANOR_API Result {
public:
    Result();  // an empty, closed result
    explicit Result(std::shared_ptr<detail::ResultState> state);
    Result(Result&&) noexcept;
    Result& operator=(Result&&) noexcept;
    ~Result();

    /// True when the statement produces rows (a SELECT, or DML with RETURNING).
    bool returns_rows() const;
    std::vector<std::string> keys() const;

    std::optional<Row> fetchone();
    std::vector<Row> fetchmany(std::size_t n);
    std::vector<Row> fetchall();
    std::vector<Row> all() { return fetchall(); }

    /// The first row or nullopt; closes the result.
    std::optional<Row> first();
    /// Exactly one row, else NoResultFound / MultipleResultsFound; closes the result.
    Row one();
    /// Zero or one row, else MultipleResultsFound; closes the result.
    std::optional<Row> one_or_none();

    /// First column of the first row (NULL when there is no row); closes the result.
    Value scalar();
    /// First column of exactly one row.
    Value scalar_one();
    std::optional<Value> scalar_one_or_none();
    /// Column `index` of every remaining row.
    std::vector<Value> scalars(std::size_t index = 0);
    /// Typed shorthand: `result.scalars_as<std::string>()`.
    template <class T>
    std::vector<T> scalars_as(std::size_t index = 0) {
        std::vector<T> out;
        for (auto& v : scalars(index)) out.push_back(v.template get<T>());
        return out;
    }

    /// Every remaining row as a name -> value mapping.
    std::vector<RowMapping> mappings();

    /// Rows matched by an UPDATE/DELETE, rows inserted by an INSERT; -1 when unknown.
    std::int64_t rowcount() const;
    /// The driver's lastrowid after an INSERT, when it has one.
    std::optional<std::int64_t> lastrowid() const;
    /// For a single-row INSERT compiled from insert(): the new row's primary key, one Value
    /// per primary-key column. Throws InvalidRequestError for other statements.
    std::vector<Value> inserted_primary_key() const;
    /// For executemany of insert(): one primary key per parameter set, in order. Keys the
    /// database generates are only read back for insert().return_defaults(); without it this
    /// throws InvalidRequestError when some row left its key to the database.
    const std::vector<std::vector<Value>>& inserted_primary_key_rows() const;

    /// Releases the cursor and drops unread rows; fetching then throws ResourceClosedError.
    void close();
    /// close() was called (or first() / one() / scalar() ... closed it), as SQLAlchemy's
    /// Result.closed. A statement without rows (an UPDATE, an INSERT without RETURNING) is
    /// soft-closed instead: closed() false, soft_closed() true, and fetching from it throws
    /// ResourceClosedError("This result object does not return rows ...").
    bool closed() const;
    /// The cursor is released and no row is left to fetch (SQLAlchemy's _soft_closed): true
    /// after the last row was read, for every result without rows, and once closed().
    bool soft_closed() const;
    /// The statement was an insert() construct (SQLAlchemy's CursorResult.is_insert).
    bool is_insert() const;

    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = Row;
        using difference_type = std::ptrdiff_t;
        using pointer = const Row*;
        using reference = const Row&;

        iterator() = default;
        explicit iterator(Result* result);
        /// The current row: owned by the iterator and overwritten by the next ++ (see the
        /// file comment); copy it to keep it.
        reference operator*() const { return current_; }
        pointer operator->() const { return &current_; }
        iterator& operator++();
        void operator++(int) { ++*this; }
        bool operator==(const iterator& other) const { return result_ == other.result_; }

    private:
        Result* result_ = nullptr;
        Row current_;  // the reused fetch buffer
    };
    iterator begin() { return iterator(this); }
    iterator end() { return iterator(); }

private:
    /// Fills `row` in place with the next row; false at the end.
    bool fetch_into(Row& row);

    std::shared_ptr<detail::ResultState> state_;
};

}  // namespace athanor
