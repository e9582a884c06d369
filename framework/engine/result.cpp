// Result, Row, ResultMetadata, RowMapping. A Result streams from its driver cursor through one
// reused fetch buffer; the cursor is released as soon as the rows run out or the result is
// closed, and the owning ConnectionState closes it before returning its connection to the pool.
#include "result_state.hpp"
#include "connection_state.hpp"

#include <athanor/errors.hpp>
#include <athanor/sql/expression.hpp>

namespace athanor {

// --- ResultMetadata ----------------------------------------------------------------------

ResultMetadata::ResultMetadata(std::vector<std::string> keys) : keys_(std::move(keys)) {}

std::optional<std::size_t> ResultMetadata::find(std::string_view key) const {
    for (std::size_t i = 0; i < keys_.size(); ++i)
        if (keys_[i] == key) return i;
    return std::nullopt;
}

std::size_t ResultMetadata::index_of(std::string_view key) const {
    if (auto index = find(key)) return *index;
    std::string available;
    for (const auto& k : keys_) available += (available.empty() ? "'" : ", '") + k + "'";
    throw InvalidRequestError("Could not locate column in row for column '" + std::string(key) +
                              "'; the row has columns: " + (available.empty() ? std::string("(none)") : available));
}

// --- Row ---------------------------------------------------------------------------------

namespace {
/// Shared by every row built without column names, so an empty Row allocates nothing.
const std::shared_ptr<const ResultMetadata>& no_columns() {
    static const auto empty = std::make_shared<const ResultMetadata>(std::vector<std::string>{});
    return empty;
}
}  // namespace

Row::Row(std::shared_ptr<const ResultMetadata> metadata, std::vector<Value> values)
    : metadata_(metadata ? std::move(metadata) : no_columns()), values_(std::move(values)) {}

Row::Row() : metadata_(no_columns()) {}

const Value& Row::operator[](std::size_t index) const {
    if (index >= values_.size())
        throw InvalidRequestError("Row index " + std::to_string(index) + " is out of range; the row has " +
                                  std::to_string(values_.size()) + " column(s)");
    return values_[index];
}

const Value& Row::operator[](std::string_view key) const {
    const std::size_t index = metadata_->index_of(key);
    return (*this)[index];
}

const Value& Row::at(const sql::Expr& column) const {
    const auto& node = column.node();
    const std::string name = node ? node->result_name() : std::string();
    if (name.empty())
        throw InvalidRequestError("this expression has no name in the SELECT list; give it one with .label() and "
                                  "look the row up by that name");
    return (*this)[std::string_view(name)];
}

// --- RowMapping --------------------------------------------------------------------------

bool RowMapping::contains(std::string_view key) const {
    for (const auto& k : row_.keys())
        if (k == key) return true;
    return false;
}

std::vector<std::pair<std::string, Value>> RowMapping::items() const {
    std::vector<std::pair<std::string, Value>> out;
    const auto& keys = row_.keys();
    out.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size() && i < row_.size(); ++i) out.emplace_back(keys[i], row_[i]);
    return out;
}

// --- ResultState -------------------------------------------------------------------------

namespace detail {

void ResultState::release_cursor() {
    if (!cursor) return;
    try {
        cursor->close();
    } catch (...) {
        // Closing a finished statement has nothing left to report.
    }
    cursor.reset();
}

void ResultState::recycle_cursor() {
    if (cursor && connection && !connection->closed && connection->lease && !connection->spare_cursor) {
        connection->spare_cursor = std::move(cursor);
        return;
    }
    release_cursor();
}

std::string ResultState::primary_key_unavailable_message() const {
    if (!primary_key_unavailable.empty() || !primary_key_source) return primary_key_unavailable;
    return std::string("inserted_primary_key is only available for a single-row insert() construct; this result "
                       "came from ") +
           primary_key_source;
}

bool ResultState::fetch_into(Row& row) {
    if (next_buffered < buffered.size()) {
        row = std::move(buffered[next_buffered++]);
        if (next_buffered == buffered.size() && !cursor) {
            buffered.clear();
            next_buffered = 0;
            exhausted = true;
        }
        return true;
    }
    if (!cursor) {
        exhausted = true;
        return false;
    }
    bool more = false;
    try {
        more = fetch_into_from(*cursor, row);
    } catch (DBAPIError& e) {
        if (connection)
            connection->handle_dbapi_error(e, statement_sql(), params);
        else
            e.attach_statement(statement_sql(), params, true);
        throw;
    }
    if (more) {
        ++rows_read;
    } else {
        if (dml_returning_rows && rowcount < 0) {
            const std::int64_t count = cursor->rowcount();
            rowcount = count >= 0 ? count : rows_read;
        }
        recycle_cursor();
        exhausted = true;
    }
    return more;
}

bool ResultState::fetch_into_from(sdk::Cursor& from, Row& row) {
    if (!from.fetch(row.values_)) return false;
    const auto& names = metadata ? metadata : no_columns();
    if (row.metadata_ != names) row.metadata_ = names;
    // Most statements have no result processors at all (the vector is empty).
    if (compiled && !compiled->result_processors.empty()) {
        const auto& processors = compiled->result_processors;
        auto& values = row.values_;
        for (std::size_t i = 0; i < values.size() && i < processors.size(); ++i)
            if (processors[i]) values[i] = processors[i](std::move(values[i]));
    }
    return true;
}

const std::vector<std::vector<Value>>& ResultState::primary_key_rows() {
    if (!key_rows) {
        key_rows.emplace();
        if (key_width > 0) {
            key_rows->reserve(inserted_keys.size() / key_width);
            for (std::size_t i = 0; i + key_width <= inserted_keys.size(); i += key_width)
                key_rows->emplace_back(inserted_keys.begin() + static_cast<std::ptrdiff_t>(i),
                                       inserted_keys.begin() + static_cast<std::ptrdiff_t>(i + key_width));
        }
    }
    return *key_rows;
}

std::optional<Row> ResultState::next_row() {
    std::optional<Row> row(std::in_place);
    if (!fetch_into(*row)) return std::nullopt;
    return row;
}

}  // namespace detail

// --- Result ------------------------------------------------------------------------------

namespace {

detail::ResultState& rows_state(const std::shared_ptr<detail::ResultState>& state) {
    if (!state) throw ResourceClosedError("This result object is closed (an empty Result)");
    if (!state->metadata)
        throw ResourceClosedError("This result object does not return rows. It has been closed automatically.");
    if (state->closed)
        throw ResourceClosedError(state->closed_reason.empty() ? "This result object is closed" : state->closed_reason);
    if (state->connection && state->connection->closed && !state->exhausted)
        throw ResourceClosedError("This result's Connection is closed; fetch rows before closing it");
    return *state;
}

}  // namespace

Result::Result() = default;
Result::Result(std::shared_ptr<detail::ResultState> state) : state_(std::move(state)) {}
Result::Result(Result&&) noexcept = default;
Result& Result::operator=(Result&&) noexcept = default;
Result::~Result() = default;

bool Result::returns_rows() const { return state_ && state_->metadata; }

std::vector<std::string> Result::keys() const {
    if (!state_ || !state_->metadata) return {};
    return state_->metadata->keys();
}

std::optional<Row> Result::fetchone() { return rows_state(state_).next_row(); }

bool Result::fetch_into(Row& row) { return rows_state(state_).fetch_into(row); }

std::vector<Row> Result::fetchmany(std::size_t n) {
    auto& st = rows_state(state_);
    std::vector<Row> rows;
    rows.reserve(n);
    while (rows.size() < n) {
        auto row = st.next_row();
        if (!row) break;
        rows.push_back(std::move(*row));
    }
    return rows;
}

std::vector<Row> Result::fetchall() {
    auto& st = rows_state(state_);
    std::vector<Row> rows;
    while (auto row = st.next_row()) rows.push_back(std::move(*row));
    return rows;
}

std::optional<Row> Result::first() {
    auto& st = rows_state(state_);
    auto row = st.next_row();
    close();
    return row;
}

Row Result::one() {
    auto row = one_or_none();
    if (!row) throw NoResultFound("No row was found when one was required");
    return std::move(*row);
}

std::optional<Row> Result::one_or_none() {
    auto& st = rows_state(state_);
    auto row = st.next_row();
    const bool more = row && st.next_row().has_value();
    close();
    if (more) throw MultipleResultsFound("Multiple rows were found when exactly one was required");
    return row;
}

Value Result::scalar() {
    auto row = first();
    if (!row || row->size() == 0) return Value();
    return (*row)[0];
}

Value Result::scalar_one() { return one()[0]; }

std::optional<Value> Result::scalar_one_or_none() {
    auto row = one_or_none();
    if (!row) return std::nullopt;
    return (*row)[0];
}

std::vector<Value> Result::scalars(std::size_t index) {
    auto& st = rows_state(state_);
    if (index >= st.metadata->keys().size())
        throw InvalidRequestError("scalars(" + std::to_string(index) + "): the result has only " +
                                  std::to_string(st.metadata->keys().size()) + " column(s)");
    std::vector<Value> out;
    while (auto row = st.next_row()) out.push_back((*row)[index]);
    return out;
}

std::vector<RowMapping> Result::mappings() {
    std::vector<RowMapping> out;
    for (auto& row : fetchall()) out.emplace_back(std::move(row));
    return out;
}

std::int64_t Result::rowcount() const { return state_ ? state_->rowcount : -1; }

std::optional<std::int64_t> Result::lastrowid() const {
    if (!state_) return std::nullopt;
    return state_->lastrowid;
}

std::vector<Value> Result::inserted_primary_key() const {
    if (!state_)
        throw InvalidRequestError("inserted_primary_key is only available for a single-row insert() construct; "
                                  "this is an empty Result");
    if (!state_->has_inserted_primary_key) throw InvalidRequestError(state_->primary_key_unavailable_message());
    return state_->inserted_keys;
}

const std::vector<std::vector<Value>>& Result::inserted_primary_key_rows() const {
    static const std::vector<std::vector<Value>> none;
    if (state_ && state_->keys_not_fetched)
        throw InvalidRequestError(
            "inserted_primary_key_rows: executemany fetched no generated keys; use "
            "insert().return_defaults() to have every row's key read back (row by row or through RETURNING)");
    return state_ ? state_->primary_key_rows() : none;
}

void Result::close() {
    if (!state_) return;
    state_->release_cursor();
    state_->buffered.clear();
    state_->next_buffered = 0;
    if (!state_->closed) {
        state_->closed = true;
        state_->closed_reason.clear();
    }
    state_->auto_closed = false;
}

bool Result::closed() const { return !state_ || (state_->closed && !state_->auto_closed); }

bool Result::soft_closed() const {
    return !state_ || state_->closed || (state_->exhausted && !state_->cursor && state_->buffered.size() <= state_->next_buffered);
}

bool Result::is_insert() const {
    return state_ && state_->compiled && state_->compiled->kind == sql::StatementKind::insert;
}

Result::iterator::iterator(Result* result) : result_(result) { ++*this; }

Result::iterator& Result::iterator::operator++() {
    if (!result_) return *this;
    // The same Row every step: the driver overwrites its cells in place.
    if (!result_->fetch_into(current_)) result_ = nullptr;
    return *this;
}

}  // namespace athanor
