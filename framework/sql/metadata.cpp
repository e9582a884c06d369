// MetaData: table registry, foreign-key dependency order, create_all / drop_all (written once,
// against DdlRunner; a Connection is wrapped in a runner that executes on it).
#include <athanor/engine/connection.hpp>
#include <athanor/engine/engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/ddl.hpp>
#include <athanor/sql/ddl_compiler.hpp>
#include <athanor/sql/schema/ddl_runner.hpp>
#include <athanor/sql/schema/metadata.hpp>
#include <athanor/sql/text.hpp>


#include <algorithm>

namespace athanor::sql {

MetaData::MetaData() = default;
MetaData::MetaData(NamingConvention naming_convention, std::string schema)
    : naming_convention_(std::move(naming_convention)), schema_(std::move(schema)) {}

Table& MetaData::add_table(std::string name, TableArgs args) {
    if (args.options.schema.empty()) args.options.schema = schema_;
    auto node = std::make_shared<const TableNode>(std::move(name), std::move(args), naming_convention_);
    if (contains(node->key()))
        throw ArgumentError("Table '" + node->key() +
                            "' is already defined in this MetaData; look it up with metadata.table(\"" + node->key() +
                            "\") instead of defining it again");
    tables_.emplace_back(std::move(node));
    return tables_.back();
}

bool MetaData::contains(std::string_view name) const {
    return std::any_of(tables_.begin(), tables_.end(), [&](const Table& t) { return t.table().key() == name; });
}

const Table& MetaData::table(std::string_view name) const {
    for (const auto& t : tables_)
        if (t.table().key() == name) return t;
    std::string known;
    for (const auto& t : tables_) known += (known.empty() ? "" : ", ") + t.table().key();
    throw NoSuchTableError("MetaData has no table '" + std::string(name) + "'; " +
                           (known.empty() ? std::string("it has no tables") : "its tables are: " + known));
}

Table& MetaData::table(std::string_view name) { return const_cast<Table&>(std::as_const(*this).table(name)); }

const Sequence& MetaData::sequence(Sequence sequence) {
    for (const auto& s : sequences_)
        if (s.name() == sequence.name() && s.schema() == sequence.schema())
            throw ArgumentError("Sequence '" + sequence.name() + "' is already defined in this MetaData");
    sequences_.push_back(std::move(sequence));
    return sequences_.back();
}

std::vector<Table> MetaData::tables() const {
    // Kahn's algorithm, taking the earliest-defined ready table each time so the order is
    // stable; references to tables outside this MetaData and self-references do not count.
    const std::size_t n = tables_.size();
    std::vector<std::vector<std::size_t>> depends(n);
    const auto index_of = [&](const std::string& ref, const TableNode& from) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < n; ++i) {
            const auto& t = tables_[i].table();
            if (t.key() == ref || (ref.find('.') == std::string::npos && t.table_name == ref && t.schema == from.schema))
                return i;
        }
        return std::nullopt;
    };
    for (std::size_t i = 0; i < n; ++i)
        for (const auto& ref : tables_[i].table().referred_tables())
            if (auto j = index_of(ref, tables_[i].table()); j && *j != i) depends[i].push_back(*j);

    std::vector<Table> out;
    std::vector<char> done(n, 0);
    while (out.size() < n) {
        bool progressed = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (done[i]) continue;
            if (std::all_of(depends[i].begin(), depends[i].end(), [&](std::size_t j) { return done[j]; })) {
                done[i] = 1;
                out.push_back(tables_[i]);
                progressed = true;
                break;
            }
        }
        if (!progressed) {
            std::string cycle;
            for (std::size_t i = 0; i < n; ++i)
                if (!done[i]) cycle += (cycle.empty() ? "" : ", ") + tables_[i].table().key();
            throw ArgumentError("foreign keys form a cycle between the tables " + cycle +
                                "; they cannot be created or dropped in dependency order. Give one foreign key of "
                                "the cycle ForeignKeyOptions{.name = ..., .use_alter = true}: it is then added by "
                                "ALTER TABLE after the tables and dropped before them");
        }
    }
    return out;
}

DdlRunner::~DdlRunner() = default;

std::shared_ptr<const SchemaTranslateMap> DdlRunner::schema_translate_map() const { return nullptr; }

namespace {

/// create_all / drop_all on a Connection: each statement executed on it, checkfirst answered
/// by the Connection's own driver connection (so an open transaction sees its own DDL).
class ConnectionDdlRunner final : public DdlRunner {
public:
    explicit ConnectionDdlRunner(Connection& connection) : connection_(connection) {
        if (connection.closed())
            throw ResourceClosedError("create_all/drop_all need an open Connection; this one is closed");
    }
    const sdk::Dialect& dialect() const override { return connection_.dialect(); }
    void run(const DdlElement& ddl) override { connection_.execute(ddl); }
    void run_sql(const std::string& sql) override { connection_.exec_driver_sql(sql); }
    bool has_table(const TableNode& table) override {
        return connection_.dialect().has_table(connection_.driver_connection(), table.table_name,
                                               connection_.effective_schema(table.schema));
    }
    bool exists(const std::string& exists_query) override {
        return !connection_.exec_driver_sql(exists_query).all().empty();
    }
    std::shared_ptr<const SchemaTranslateMap> schema_translate_map() const override {
        return connection_.schema_translate_map();
    }

private:
    Connection& connection_;
};

/// The DDL compiler for what create_all/drop_all render themselves (auxiliary objects, comments,
/// ALTER TABLE foreign keys), under the runner's schema_translate_map as its statements are.
std::shared_ptr<DdlCompiler> ddl_compiler_of(const DdlRunner& runner) {
    auto ddl = ddl_compiler_for(runner.dialect());
    ddl->set_schema_translate_map(runner.schema_translate_map());
    return ddl;
}

/// Column sequences of `table` the dialect will create (none where sequences are ignored).
std::vector<Sequence> column_sequences(const TableNode& table) {
    std::vector<Sequence> out;
    for (const auto& c : table.columns)
        if (c.sequence()) out.push_back(*c.sequence());
    return out;
}

/// Runs a dialect's auxiliary DDL once per create_all/drop_all (`done` holds what ran), asking
/// its exists query first under checkfirst.
void run_auxiliary(DdlRunner& runner, const AuxiliaryDdl& aux, bool checkfirst, bool creating,
                   std::vector<std::string>& done) {
    if (std::find(done.begin(), done.end(), aux.sql) != done.end()) return;
    done.push_back(aux.sql);
    if (checkfirst && !aux.exists_query.empty()) {
        const bool exists = runner.exists(aux.exists_query);
        if (exists == creating) return;
    }
    runner.run_sql(aux.sql);
}

}  // namespace

void MetaData::create_all(DdlRunner& runner, bool checkfirst) const {
    const auto ordered = tables();  // fails on a cycle before anything is executed
    auto ddl = ddl_compiler_of(runner);
    const bool sequences = ddl->supports_sequences();
    const bool if_not_exists = checkfirst && ddl->supports_if_exists();
    if (sequences)
        for (const auto& s : sequences_) runner.run(CreateSequence(s, if_not_exists));
    std::vector<std::string> done;
    std::vector<const TableNode*> created;
    for (const auto& table : ordered) {
        const auto& node = table.table();
        if (checkfirst && runner.has_table(node)) continue;
        for (const auto& aux : ddl->pre_create_statements(node)) run_auxiliary(runner, aux, checkfirst, true, done);
        if (sequences)
            for (const auto& s : column_sequences(node)) runner.run(CreateSequence(s, if_not_exists));
        runner.run(CreateTable(table));
        for (const auto& ix : node.indexes) runner.run(CreateIndex(ix));
        for (const auto& sql : ddl->comment_statements(node)) runner.run_sql(sql);
        created.push_back(&node);
    }
    // Foreign keys that close a cycle, once every table they refer to exists.
    if (ddl->supports_alter())
        for (const auto* node : created)
            for (const auto& fk : node->foreign_key_constraints)
                if (fk.options().use_alter) runner.run_sql(ddl->add_foreign_key(*node, fk));
}

void MetaData::drop_all(DdlRunner& runner, bool checkfirst) const {
    auto ordered = tables();
    std::reverse(ordered.begin(), ordered.end());
    auto ddl = ddl_compiler_of(runner);
    const bool sequences = ddl->supports_sequences();
    const bool if_exists = checkfirst && ddl->supports_if_exists();
    std::vector<Table> existing;
    for (const auto& table : ordered)
        if (!checkfirst || runner.has_table(table.table())) existing.push_back(table);
    // Foreign keys that close a cycle go first, so the tables can be dropped in order.
    if (ddl->supports_alter())
        for (const auto& table : existing)
            for (const auto& fk : table.table().foreign_key_constraints)
                if (fk.options().use_alter) runner.run_sql(ddl->drop_foreign_key(table.table(), fk));
    for (const auto& table : existing) {
        const auto& node = table.table();
        runner.run(DropTable(table));
        if (sequences)
            for (const auto& s : column_sequences(node)) runner.run(DropSequence(s, if_exists));
    }
    // After every table, since several tables may share one object (a named enum type).
    std::vector<std::string> done;
    for (const auto& table : ordered)
        for (const auto& aux : ddl->post_drop_statements(table.table()))
            run_auxiliary(runner, aux, checkfirst, false, done);
    if (sequences)
        for (auto it = sequences_.rbegin(); it != sequences_.rend(); ++it) runner.run(DropSequence(*it, if_exists));
}

void MetaData::create_all(Connection& connection, bool checkfirst) const {
    ConnectionDdlRunner runner(connection);
    create_all(runner, checkfirst);
}

void MetaData::drop_all(Connection& connection, bool checkfirst) const {
    ConnectionDdlRunner runner(connection);
    drop_all(runner, checkfirst);
}

void MetaData::create_all(Engine& engine, bool checkfirst) const {
    engine.transaction([&](Connection& connection) { create_all(connection, checkfirst); });
}

void MetaData::drop_all(Engine& engine, bool checkfirst) const {
    engine.transaction([&](Connection& connection) { drop_all(connection, checkfirst); });
}

}  // namespace athanor::sql
