// The Mimer SQL connection and cursor: transaction rules and generated keys over ODBC.
#include "mimer_connection.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/driver_util.hpp>
#include <athanor/sdk/text_util.hpp>

#include <algorithm>

namespace athanor::mimer {

namespace {

/// A cursor that runs each statement through the connection's Mimer rules.
class MimerCursor final : public sdk::Cursor {
public:
    MimerCursor(MimerConnection& connection, std::unique_ptr<sdk::Cursor> odbc)
        : connection_(connection), odbc_(std::move(odbc)) {}

    void execute(std::string_view sql, std::span<const Value> params) override {
        const StatementKind kind = statement_kind(sql);
        lastrowid_.reset();
        if (kind == StatementKind::dml && execute_with_key(sql, params)) return;
        connection_.before_statement(kind);
        odbc_->execute(sql, params);
        connection_.after_statement(kind);
        if (kind == StatementKind::dml && odbc_->rowcount() == 1) read_inline_key(sql);
    }

    void executemany(std::string_view sql, sdk::ParameterRows param_sets) override {
        const StatementKind kind = statement_kind(sql);
        lastrowid_.reset();
        connection_.before_statement(kind);
        odbc_->executemany(sql, param_sets);
        connection_.after_statement(kind);
    }

    const std::vector<sdk::ColumnDescription>& description() const override { return odbc_->description(); }
    bool fetch(std::vector<Value>& row) override { return odbc_->fetch(row); }
    std::int64_t rowcount() const override { return odbc_->rowcount(); }
    std::optional<std::int64_t> lastrowid() const override { return lastrowid_; }
    void close() override { odbc_->close(); }

private:
    /// An INSERT that leaves out a column whose default is NEXT VALUE FOR s: the key is drawn
    /// first (SELECT NEXT VALUE FOR s FROM SYSTEM.ONEROW) and inserted as the column's value, so
    /// lastrowid() is the row's key whatever other sessions do. False when that does not apply.
    bool execute_with_key(std::string_view sql, std::span<const Value> params) {
        const auto target = insert_target(sql);
        if (!target) return false;
        const auto sequence = connection_.sequence_default(target->table);
        if (!sequence) return false;
        const auto rewritten = with_prefetched_key(sql, sequence->first);
        if (!rewritten) return false;
        connection_.before_statement(StatementKind::dml);
        const Value key = sdk::query_value(connection_.odbc(), next_value_query(sequence->second));
        std::vector<Value> with_key;
        with_key.reserve(params.size() + 1);
        with_key.push_back(key);
        with_key.insert(with_key.end(), params.begin(), params.end());
        odbc_->execute(*rewritten, with_key);
        connection_.after_statement(StatementKind::dml);
        if (key.kind() == Value::Kind::integer) lastrowid_ = key.as_int();
        return true;
    }

    /// An INSERT whose value for the sequence column is `NEXT VALUE FOR s` itself (a column with
    /// an explicit Sequence): the key is `CURRENT VALUE FOR s`, the value NEXT VALUE gave in this
    /// session. A failure to read it leaves lastrowid() empty; the INSERT has succeeded.
    void read_inline_key(std::string_view sql) {
        const auto target = insert_target(sql);
        if (!target) return;
        const auto sequence = connection_.sequence_default(target->table);
        if (!sequence || !sdk::ascii_icontains(sql, "NEXT VALUE FOR") ||
            !sdk::ascii_icontains(sql, sequence->second.name))
            return;
        try {
            const Value key = sdk::query_value(connection_.odbc(), current_value_query(sequence->second));
            if (key.kind() == Value::Kind::integer) lastrowid_ = key.as_int();
        } catch (const DBAPIError&) {
        }
    }

    MimerConnection& connection_;
    std::unique_ptr<sdk::Cursor> odbc_;
    std::optional<std::int64_t> lastrowid_;
};

}  // namespace

MimerConnection::MimerConnection(std::unique_ptr<sdk::DriverConnection> odbc) : odbc_(std::move(odbc)) {}

MimerConnection::~MimerConnection() = default;

std::unique_ptr<sdk::Cursor> MimerConnection::cursor() { return std::make_unique<MimerCursor>(*this, odbc_->cursor()); }

void MimerConnection::begin() {
    odbc_->begin();
    end_transaction();
}

void MimerConnection::commit() {
    odbc_->commit();
    end_transaction();
}

void MimerConnection::rollback() {
    odbc_->rollback();
    end_transaction();
}

void MimerConnection::end_transaction() {
    transaction_started_ = false;
    holds_dml_ = false;
}

void MimerConnection::set_autocommit(bool on) {
    odbc_->set_autocommit(on);
    end_transaction();
}

bool MimerConnection::autocommit() const { return odbc_->autocommit(); }
bool MimerConnection::ping() { return odbc_->ping(); }
void MimerConnection::close() { odbc_->close(); }
bool MimerConnection::closed() const { return odbc_->closed(); }

void MimerConnection::before_statement(StatementKind kind) {
    if (odbc_->autocommit()) return;
    if (kind == StatementKind::ddl && holds_dml_)
        throw InvalidRequestError(
            "Mimer SQL runs a DDL statement (CREATE, DROP, ALTER, COMMENT, GRANT, REVOKE) only as the sole statement "
            "of its transaction, and this transaction already holds INSERT/UPDATE/DELETE statements: call commit() "
            "or rollback() first, or run the DDL on a connection with isolation level AUTOCOMMIT");
    if (!transaction_started_ && !isolation_.empty()) {
        // Marked first: the SET TRANSACTION below goes through this connection's cursors too.
        transaction_started_ = true;
        auto cursor = odbc_->cursor();
        cursor->execute("SET TRANSACTION ISOLATION LEVEL " + isolation_, {});
        cursor->close();
    }
    transaction_started_ = true;
}

void MimerConnection::after_statement(StatementKind kind) {
    if (odbc_->autocommit()) return;
    if (kind == StatementKind::dml) holds_dml_ = true;
    if (kind == StatementKind::ends_transaction) end_transaction();  // a COMMIT/ROLLBACK sent as SQL
    if (kind == StatementKind::ddl) {
        // Mimer commits a DDL statement by itself; committing here keeps the driver's view of the
        // transaction the same, and the next statement starts a new transaction.
        odbc_->commit();
        end_transaction();
    }
}

std::optional<std::pair<std::string, QualifiedName>> MimerConnection::sequence_default(const QualifiedName& table) {
    const auto key = std::make_pair(table.schema, table.name);
    if (auto found = sequences_.find(key); found != sequences_.end()) return found->second;
    // Names compared without regard to case, as Mimer compares identifiers.
    const std::string sql =
        "SELECT COLUMN_NAME, COLUMN_DEFAULT, TABLE_SCHEMA FROM INFORMATION_SCHEMA.COLUMNS WHERE UPPER(TABLE_NAME) = "
        "UPPER(?) AND UPPER(TABLE_SCHEMA) = " +
        std::string(table.schema.empty() ? "UPPER(CURRENT_SCHEMA)" : "UPPER(?)") + " ORDER BY ORDINAL_POSITION";
    std::vector<Value> params{Value(table.name)};
    if (!table.schema.empty()) params.emplace_back(table.schema);
    std::optional<std::pair<std::string, QualifiedName>> result;
    std::vector<std::vector<Value>> rows;
    try {
        // Through this connection, so the transaction's SET TRANSACTION comes first.
        rows = sdk::query_rows(*this, sql, params);
    } catch (const DBAPIError&) {
        // No readable catalog (no privilege, not Mimer's): no generated keys for this table.
    }
    for (const auto& row : rows) {
        if (row.size() < 3 || row[1].kind() != Value::Kind::text) continue;
        if (auto sequence = sequence_of_default(row[1].as_string())) {
            // An unqualified sequence in a default lives in the table's schema.
            if (sequence->schema.empty() && row[2].kind() == Value::Kind::text) sequence->schema = row[2].as_string();
            result = std::make_pair(row[0].as_string(), *sequence);
            break;
        }
    }
    sequences_.emplace(key, result);
    return result;
}

}  // namespace athanor::mimer
