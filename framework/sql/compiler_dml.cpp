// The generic SQL compiler's INSERT, UPDATE and DELETE (as SQLAlchemy's crud.py): their
// clauses, RETURNING, ON CONFLICT and the recording of a single-row VALUES tuple that
// executemany can send as insertmanyvalues pages.
#include "compiler_placeholders.hpp"

#include <athanor/errors.hpp>
#include <athanor/sql/compiler.hpp>

#include "compiler_state.hpp"

#include <algorithm>

namespace athanor::sql {

void SqlCompiler::record_insertmanyvalues() {
    // Only when state_->out_ is the whole statement and every placeholder is one of the tuple's, so a
    // page is prefix + k renumbered tuples + suffix and the binds repeat per row.
    if (!state_->values_tuple_ || !state_->positional_ || !state_->ctes_.empty() || state_->options_.literal_binds) return;
    const auto& span = *state_->values_tuple_;
    if (span.binds_before != 0 || span.binds_after != state_->binds_.size() || span.end > state_->out_.size()) return;
    InsertManyValues imv;
    imv.prefix = state_->out_.substr(0, span.begin);
    imv.suffix = state_->out_.substr(span.end);
    if (imv.prefix.find(positional_marker) != std::string::npos ||
        imv.suffix.find(positional_marker) != std::string::npos)
        return;
    imv.tuple_segments.emplace_back();
    for (std::size_t i = span.begin; i < span.end; ++i) {
        if (state_->out_[i] == positional_marker)
            imv.tuple_segments.emplace_back();
        else
            imv.tuple_segments.back() += state_->out_[i];
    }
    if (imv.tuple_segments.size() != state_->binds_.size() + 1) return;
    state_->result_->insertmanyvalues = std::move(imv);
}

void SqlCompiler::set_clause(const NodeAssignments& assignments, const TableNode* table) {
    for (std::size_t i = 0; i < assignments.size(); ++i) {
        if (i) state_->out_ += ", ";
        state_->out_ += quote(assignments[i].first);
        state_->out_ += '=';
        process_coerced(*assignments[i].second, table ? column_type(*table, assignments[i].first) : nullptr,
                        prec::atom);
    }
}

void SqlCompiler::update_from_clause(const std::vector<FromPtr>& extra_froms) {
    state_->out_ += " FROM ";
    from_list(extra_froms);
}

void SqlCompiler::delete_using_clause(const std::vector<FromPtr>& extra_froms) {
    state_->out_ += " USING ";
    from_list(extra_froms);
}

void SqlCompiler::returning_clause(const std::vector<ColumnPtr>& columns) {
    state_->out_ += " RETURNING ";
    comma_list(columns);
}

void SqlCompiler::visit_insert(const InsertNode& node) {
    if (state_->depth_ == 0) {
        state_->result_->kind = StatementKind::insert;
        state_->result_->primary_key_columns = node.table->primary_key();
        // INSERT ... SELECT may insert any number of rows: no generated key is reported for it
        // (SQLAlchemy's inserted_primary_key is (None,) there), neither from lastrowid.
        if (!node.from_select) state_->result_->autoincrement_column = node.table->autoincrement_index();
    }
    ++state_->depth_;
    state_->out_ += "INSERT INTO ";
    process(*node.table);
    if (node.from_select) {
        state_->out_ += " (";
        for (std::size_t i = 0; i < node.select_columns.size(); ++i) {
            if (i) state_->out_ += ", ";
            state_->out_ += quote(node.select_columns[i]);
        }
        state_->out_ += ") ";
        process(*node.from_select);
    } else {
        const auto rows = node.rows();
        if (rows.size() == 1 && rows.front().empty()) {
            state_->out_ += " DEFAULT VALUES";
        } else {
            state_->out_ += " (";
            const auto& first = rows.front();
            for (std::size_t i = 0; i < first.size(); ++i) {
                if (i) state_->out_ += ", ";
                state_->out_ += quote(first[i].first);
            }
            state_->out_ += ") VALUES ";
            // A top-level single-row VALUES without ON CONFLICT (a page of rows could conflict
            // with each other) can be batched by executemany: remember where its tuple is.
            const bool batchable =
                state_->depth_ == 1 && rows.size() == 1 && node.on_conflict == InsertNode::OnConflict::none;
            State::ValuesTupleSpan span{state_->out_.size(), 0, state_->binds_.size(), 0};
            for (std::size_t r = 0; r < rows.size(); ++r) {
                if (r) state_->out_ += ", ";
                state_->out_ += '(';
                for (std::size_t i = 0; i < rows[r].size(); ++i) {
                    if (i) state_->out_ += ", ";
                    process_coerced(*rows[r][i].second, column_type(*node.table, rows[r][i].first));
                }
                state_->out_ += ')';
            }
            if (batchable) {
                span.end = state_->out_.size();
                span.binds_after = state_->binds_.size();
                state_->values_tuple_ = span;
            }
        }
    }
    if (node.on_conflict != InsertNode::OnConflict::none) visit_on_conflict(node);
    if (state_->depth_ == 1) state_->result_->return_defaults = node.return_defaults;
    if (!node.returning.empty()) {
        explicit_returning(node.returning, "INSERT");
    } else if (state_->depth_ == 1 && node.table->implicit_returning && supports_returning() && !node.from_select &&
               node.multi_values.empty() && !state_->result_->primary_key_columns.empty() &&
               ((implicit_returning() && state_->result_->autoincrement_column) || node.return_defaults)) {
        // SQLAlchemy 2.0: RETURNING reads the generated key where the dialect prefers it to
        // lastrowid, and always for return_defaults() (SQLite too, which has both).
        std::vector<ColumnPtr> key;
        for (const auto& name : state_->result_->primary_key_columns)
            key.push_back(node.table->make_column(node.table_from, name));
        set_result_processors(key);
        returning_clause(key);
        state_->result_->returns_primary_key = true;
        state_->result_->returning_keys = state_->result_->primary_key_columns;
    }
    --state_->depth_;
}

void SqlCompiler::visit_on_conflict(const InsertNode& node) {
    if (!supports_on_conflict()) unsupported("INSERT ... ON CONFLICT (on_conflict_do_nothing/do_update)");
    state_->out_ += " ON CONFLICT";
    if (!node.conflict_target.empty()) {
        state_->out_ += " (";
        for (std::size_t i = 0; i < node.conflict_target.size(); ++i) {
            if (i) state_->out_ += ", ";
            state_->out_ += quote(node.conflict_target[i]);
        }
        state_->out_ += ')';
    }
    if (node.on_conflict == InsertNode::OnConflict::do_nothing) {
        state_->out_ += " DO NOTHING";
        return;
    }
    state_->out_ += " DO UPDATE SET ";
    for (std::size_t i = 0; i < node.conflict_set.size(); ++i) {
        if (i) state_->out_ += ", ";
        state_->out_ += quote(node.conflict_set[i].first) + " = ";
        process_coerced(*node.conflict_set[i].second, column_type(*node.table, node.conflict_set[i].first), prec::atom);
    }
    if (node.conflict_where) {
        state_->out_ += " WHERE ";
        process(*node.conflict_where);
    }
}

void SqlCompiler::visit_update(const UpdateNode& node) {
    if (state_->depth_ == 0) state_->result_->kind = StatementKind::update;
    ++state_->depth_;
    const auto assignments = node.assignments();
    if (assignments.empty())
        throw CompileError("UPDATE of '" + node.table->table_name +
                           "' has no column to SET; give values() or parameters named after columns");
    state_->out_ += "UPDATE ";
    process(*node.table);
    // Subqueries in SET and WHERE correlate with the target and with the other tables.
    const auto extra = node.extra_froms(assignments);
    const auto mark = state_->enclosing_froms_.size();
    state_->enclosing_froms_.push_back(node.table.get());
    for (const auto& f : extra) state_->enclosing_froms_.push_back(f.get());
    state_->out_ += " SET ";
    set_clause(assignments, node.table.get());
    if (!extra.empty()) update_from_clause(extra);
    if (node.where) {
        state_->out_ += " WHERE ";
        process(*node.where);
    }
    state_->enclosing_froms_.resize(mark);
    if (!node.returning.empty()) explicit_returning(node.returning, "UPDATE");
    --state_->depth_;
}

void SqlCompiler::explicit_returning(const std::vector<ColumnPtr>& columns, const char* statement) {
    if (!supports_returning()) unsupported(std::string(statement) + " ... RETURNING");
    if (state_->depth_ == 1) {
        set_result_processors(columns);
        state_->result_->explicit_returning = true;  // the caller's rows, unlike the implicit key RETURNING
        state_->result_->returning_keys.clear();
        for (const auto& c : columns) state_->result_->returning_keys.push_back(c->result_name());
    }
    returning_clause(columns);
}

void SqlCompiler::visit_delete(const DeleteNode& node) {
    if (state_->depth_ == 0) state_->result_->kind = StatementKind::delete_;
    ++state_->depth_;
    state_->out_ += "DELETE FROM ";
    process(*node.table);
    const auto extra = node.extra_froms();
    const auto mark = state_->enclosing_froms_.size();
    state_->enclosing_froms_.push_back(node.table.get());
    for (const auto& f : extra) state_->enclosing_froms_.push_back(f.get());
    if (!extra.empty()) delete_using_clause(extra);
    if (node.where) {
        state_->out_ += " WHERE ";
        process(*node.where);
    }
    state_->enclosing_froms_.resize(mark);
    if (!node.returning.empty()) explicit_returning(node.returning, "DELETE");
    --state_->depth_;
}

}  // namespace athanor::sql
