// What an execution writes into its ResultState: metadata, processed rows, inserted keys.
#include "execution_result.hpp"

namespace athanor::detail {

std::shared_ptr<const ResultMetadata> metadata_for(const std::vector<sdk::ColumnDescription>& description) {
    thread_local std::shared_ptr<const ResultMetadata> last;
    if (last) {
        const auto& keys = last->keys();
        bool same = keys.size() == description.size();
        for (std::size_t i = 0; same && i < keys.size(); ++i) same = keys[i] == description[i].name;
        if (same) return last;
    }
    std::vector<std::string> keys;
    keys.reserve(description.size());
    for (const auto& column : description) keys.push_back(column.name);
    last = std::make_shared<const ResultMetadata>(std::move(keys));
    return last;
}

std::shared_ptr<const ResultMetadata> metadata_for(const std::vector<sdk::ColumnDescription>& description,
                                                   const sql::CompiledStatement* compiled) {
    if (compiled && compiled->returning_keys.size() == description.size()) {
        bool unnamed = false;
        for (const auto& column : description) unnamed = unnamed || column.name.empty();
        if (unnamed) {
            // The driver described the RETURNING columns without names (psqlODBC, for a
            // statement that returned no row): the compiler knows them.
            std::vector<std::string> keys;
            for (std::size_t i = 0; i < description.size(); ++i)
                keys.push_back(description[i].name.empty() ? compiled->returning_keys[i] : description[i].name);
            return std::make_shared<const ResultMetadata>(std::move(keys));
        }
    }
    return metadata_for(description);
}

const Value* supplied_value(const sql::CompiledStatement& compiled, std::string_view column, const Params& params,
                            const Params* statement_values) {
    if (const Value* v = params.find(column)) return v;
    if (statement_values)
        if (const Value* v = statement_values->find(column)) return v;
    for (const auto& bind : compiled.binds)
        if (bind.key == column && bind.value) return &*bind.value;
    return nullptr;
}

bool is_pk_insert(const sql::CompiledStatement& compiled) {
    return compiled.kind == sql::StatementKind::insert && !compiled.primary_key_columns.empty();
}

void append_primary_key(const sql::CompiledStatement& compiled, const Params& params, const Params* statement_values,
                        std::optional<std::int64_t> lastrowid, const Row* returning, std::vector<Value>& out) {
    for (std::size_t i = 0; i < compiled.primary_key_columns.size(); ++i) {
        const auto& column = compiled.primary_key_columns[i];
        if (returning) {
            // RETURNING lists the key columns; find each by name, else by position.
            const Row& row = *returning;
            std::size_t index = i;
            for (std::size_t k = 0; k < row.keys().size(); ++k)
                if (row.keys()[k] == column) {
                    index = k;
                    break;
                }
            out.push_back(index < row.size() ? row[index] : Value());
            continue;
        }
        const Value* given = supplied_value(compiled, column, params, statement_values);
        if (given && !given->is_null()) {
            out.push_back(*given);
        } else if (compiled.autoincrement_column == i && lastrowid) {
            out.push_back(*lastrowid);
        } else {
            out.push_back(Value());
        }
    }
}

void append_given_keys(const sql::CompiledStatement& compiled, const std::vector<Params>& param_sets,
                       std::size_t first, std::size_t count, const Params* statement_values,
                       std::vector<Value>& out) {
    for (std::size_t r = first; r < first + count; ++r)
        append_primary_key(compiled, param_sets[r], statement_values, {}, nullptr, out);
}

void process_row(const sql::CompiledStatement& compiled, std::vector<Value>& row) {
    const auto& processors = compiled.result_processors;
    for (std::size_t c = 0; c < row.size() && c < processors.size(); ++c)
        if (processors[c]) row[c] = processors[c](std::move(row[c]));
}

std::size_t collect_rows(ResultState& rs, sdk::Cursor& cursor) {
    if (!rs.metadata && !cursor.description().empty()) rs.metadata = metadata_for(cursor.description(), rs.compiled.get());
    std::size_t read = 0;
    Row row;
    while (rs.fetch_into_from(cursor, row)) {
        rs.buffered.push_back(row);
        ++read;
    }
    return read;
}

std::size_t read_key_rows(sdk::Cursor& cursor, const sql::CompiledStatement& compiled,
                          const std::vector<Params>& param_sets, std::size_t first, std::size_t count,
                          const Params* statement_values, std::vector<Value>& out) {
    std::shared_ptr<const ResultMetadata> meta;
    std::vector<Value> fetched;
    std::size_t read = 0;
    while (read < count && cursor.fetch(fetched)) {
        if (!meta) meta = metadata_for(cursor.description());
        process_row(compiled, fetched);
        const Row returning(meta, std::move(fetched));
        append_primary_key(compiled, param_sets[first + read], statement_values, {}, &returning, out);
        ++read;
    }
    return read;
}

void present_no_rows(ResultState& rs) {
    rs.metadata.reset();
    rs.exhausted = true;
    rs.closed = true;
    rs.auto_closed = true;
    rs.closed_reason = "This result object does not return rows. It has been closed automatically.";
}

const char* kind_name(sql::StatementKind kind) {
    switch (kind) {
        case sql::StatementKind::select: return "a SELECT";
        case sql::StatementKind::insert: return "an INSERT without primary-key information";
        case sql::StatementKind::update: return "an UPDATE";
        case sql::StatementKind::delete_: return "a DELETE";
        case sql::StatementKind::ddl: return "a DDL statement";
        case sql::StatementKind::text: return "a text() statement";
        case sql::StatementKind::other: break;
    }
    return "a statement that is not an insert() construct";
}

std::string no_primary_key_reason(const sql::CompiledStatement* compiled, bool many) {
    if (many)
        return "inserted_primary_key is only available for a single-row insert() construct; this result came "
               "from executemany, use inserted_primary_key_rows()";
    std::string what = compiled ? kind_name(compiled->kind) : "exec_driver_sql()";
    return "inserted_primary_key is only available for a single-row insert() construct; this result came from " +
           what;
}

}  // namespace athanor::detail
