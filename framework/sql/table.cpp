// Table, Column options and constraints: column options are folded into table-level
// constraints here so the DDL compiler and create_all see one list.
#include <athanor/errors.hpp>
#include <athanor/sdk/text_util.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/dml.hpp>
#include <athanor/sql/expression.hpp>
#include <athanor/sql/schema/metadata.hpp>
#include <athanor/sql/schema/table.hpp>
#include <athanor/sql/text.hpp>

#include <algorithm>
#include <cctype>

namespace athanor::sql {

namespace {

/// Normalises an ON DELETE / ON UPDATE action; throws for anything else (it is spliced into DDL).
std::string checked_action(const std::string& action, const char* which, const std::string& target) {
    if (action.empty()) return action;
    std::string u = sdk::ascii_upper(action);
    static const char* const allowed[] = {"CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"};
    for (const char* a : allowed)
        if (u == a) return u;
    throw ArgumentError(std::string("ForeignKey to '") + target + "': " + which + " '" + action +
                        "' is not one of CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION");
}

/// Normalises INITIALLY and MATCH (upper case) and throws for anything else, as for the actions.
void check_deferral_and_match(ForeignKeyOptions& o, const std::string& target) {
    const auto pick = [&](std::string& v, std::initializer_list<const char*> allowed, const char* which) {
        if (v.empty()) return;
        const std::string u = sdk::ascii_upper(v);
        for (const char* a : allowed)
            if (u == a) {
                v = u;
                return;
            }
        std::string list;
        for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        throw ArgumentError(std::string("ForeignKey to '") + target + "': " + which + " '" + v + "' is not one of " + list);
    };
    pick(o.initially, {"DEFERRED", "IMMEDIATE"}, "initially");
    pick(o.match, {"FULL", "PARTIAL", "SIMPLE"}, "match");
}

/// "schema.table.column" -> ("schema.table", "column").
std::pair<std::string, std::string> split_target(const std::string& target, const char* construct) {
    const auto dot = target.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == target.size())
        throw ArgumentError(std::string(construct) + " target '" + target + "' must be written \"table.column\"");
    return {target.substr(0, dot), target.substr(dot + 1)};
}

/// The table part of "schema.table" (what naming conventions call referred_table_name).
std::string bare_table(const std::string& qualified) {
    const auto dot = qualified.rfind('.');
    return dot == std::string::npos ? qualified : qualified.substr(dot + 1);
}

}  // namespace

// ---- Column options -------------------------------------------------------------------
ColumnDefault default_expression(const Expr& expression) {
    return {ColumnDefault::Kind::expression, Value(), {}, expression.node()};
}

ServerDefault server_default(const TextClause& sql_text) { return {true, sql_text.text(), Value()}; }

ForeignKey::ForeignKey(std::string target, ForeignKeyOptions options) : options_(std::move(options)) {
    std::tie(table_, column_) = split_target(target, "ForeignKey");
    options_.ondelete = checked_action(options_.ondelete, "ondelete", target);
    options_.onupdate = checked_action(options_.onupdate, "onupdate", target);
    check_deferral_and_match(options_, target);
}

ForeignKeyConstraint::ForeignKeyConstraint(std::vector<std::string> columns, std::vector<std::string> referred,
                                           ForeignKeyOptions options)
    : columns_(std::move(columns)), options_(std::move(options)) {
    if (columns_.empty()) throw ArgumentError("ForeignKeyConstraint needs at least one column");
    if (columns_.size() != referred.size())
        throw ArgumentError("ForeignKeyConstraint has " + std::to_string(columns_.size()) + " columns but " +
                            std::to_string(referred.size()) + " referred columns; give one \"table.column\" per column");
    for (const auto& r : referred) {
        auto [table, column] = split_target(r, "ForeignKeyConstraint");
        if (referred_table_.empty())
            referred_table_ = table;
        else if (table != referred_table_)
            throw ArgumentError("ForeignKeyConstraint refers to both '" + referred_table_ + "' and '" + table +
                                "'; all referred columns must belong to one table");
        referred_columns_.push_back(column);
    }
    options_.ondelete = checked_action(options_.ondelete, "ondelete", referred.front());
    options_.onupdate = checked_action(options_.onupdate, "onupdate", referred.front());
    check_deferral_and_match(options_, referred.front());
}

Sequence::Sequence(std::string name, SequenceOptions options) : name_(std::move(name)), options_(std::move(options)) {
    if (name_.empty()) throw ArgumentError("a Sequence needs a name");
}

// ---- TableNode ----------------------------------------------------------------------
TableNode::TableNode(std::string name, std::vector<Column> columns, std::string schema)
    : table_name(std::move(name)), schema(std::move(schema)) {
    TableArgs args;
    args.columns = std::move(columns);
    build(std::move(args), NamingConvention{});
}

TableNode::TableNode(std::string name, TableArgs args, const NamingConvention& convention)
    : table_name(std::move(name)), schema(args.options.schema) {
    build(std::move(args), convention);
}

void TableNode::build(TableArgs args, const NamingConvention& convention) {
    if (table_name.empty()) throw ArgumentError("a Table needs a name");
    columns = std::move(args.columns);
    comment = std::move(args.options.comment);
    dialect_options = std::move(args.options.dialect_options);
    implicit_returning = args.options.implicit_returning;
    for (std::size_t i = 0; i < columns.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (columns[i].name() == columns[j].name())
                throw ArgumentError("Table '" + table_name + "' has two columns named '" + columns[i].name() + "'");

    const auto require = [&](const std::vector<std::string>& names, const char* construct) {
        if (names.empty()) throw ArgumentError(std::string(construct) + " on table '" + table_name + "' names no columns");
        for (const auto& n : names)
            if (!find(n)) {
                std::string all;
                for (const auto& c : columns) all += (all.empty() ? "" : ", ") + c.name();
                throw ArgumentError(std::string(construct) + " on table '" + table_name + "' names column '" + n +
                                    "', which the table does not have; its columns are: " + all);
            }
    };
    const auto context = [&](const std::vector<std::string>& cols, std::string name) {
        NamingContext ctx;
        ctx.table_name = table_name;
        ctx.columns = cols;
        ctx.constraint_name = std::move(name);
        return ctx;
    };

    // Primary key: the constraint's column order wins, else columns marked primary_key().
    if (args.primary_key) {
        require(args.primary_key->columns, "PrimaryKeyConstraint");
        primary_key_constraint = *args.primary_key;
        for (auto& c : columns)
            if (std::find(primary_key_constraint.columns.begin(), primary_key_constraint.columns.end(), c.name()) !=
                primary_key_constraint.columns.end())
                c.primary_key_ = true;
    } else {
        for (const auto& c : columns)
            if (c.primary_key()) primary_key_constraint.columns.push_back(c.name());
    }
    if (!primary_key_constraint.columns.empty()) {
        auto& pk = primary_key_constraint;
        const auto name = convention_name(convention, "pk", pk.name, context(pk.columns, pk.name));
        pk.name_from_convention = name != pk.name;
        pk.name = name;
    }

    // Foreign keys: one constraint per column ForeignKey, then the table-level ones.
    for (const auto& c : columns)
        for (const auto& fk : c.foreign_keys())
            foreign_key_constraints.emplace_back(std::vector<std::string>{c.name()}, std::vector<std::string>{fk.target()},
                                                 fk.options());
    for (auto& fk : args.foreign_keys) {
        require(fk.columns(), "ForeignKeyConstraint");
        foreign_key_constraints.push_back(std::move(fk));
    }
    for (auto& fk : foreign_key_constraints) {
        auto ctx = context(fk.columns(), fk.name());
        ctx.referred_table_name = bare_table(fk.referred_table());
        ctx.referred_columns = fk.referred_columns();
        const auto name = convention_name(convention, "fk", fk.name(), ctx);
        fk.set_name(name, name != fk.name());
    }

    for (const auto& c : columns)
        if (c.unique()) unique_constraints.emplace_back(std::vector<std::string>{c.name()});
    for (auto& uq : args.unique_constraints) {
        require(uq.columns, "UniqueConstraint");
        unique_constraints.push_back(std::move(uq));
    }
    for (auto& uq : unique_constraints) {
        const auto name = convention_name(convention, "uq", uq.name, context(uq.columns, uq.name));
        uq.name_from_convention = name != uq.name;
        uq.name = name;
    }

    for (auto& ck : args.check_constraints) {
        if (ck.sqltext.empty()) throw ArgumentError("CheckConstraint on table '" + table_name + "' has no condition");
        const auto name = convention_name(convention, "ck", ck.name, context({}, ck.name));
        ck.name_from_convention = name != ck.name;
        ck.name = name;
        check_constraints.push_back(std::move(ck));
    }

    // Indexes: column index() first (unique() with index() makes a unique index, as in SQLAlchemy).
    NamingConvention with_default = convention;
    with_default.emplace("ix", "ix_%(column_0_label)s");
    for (const auto& c : columns)
        if (c.index()) indexes.emplace_back("", std::vector<std::string>{c.name()}, UniqueOption{c.unique()});
    for (auto& ix : args.indexes) {
        require(ix.columns, "Index");
        indexes.push_back(std::move(ix));
    }
    for (auto& ix : indexes) {
        const auto name = convention_name(with_default, "ix", ix.name, context(ix.columns, ix.name));
        ix.name_from_convention = name != ix.name;
        ix.name = name;
        ix.table = table_name;
        ix.schema = schema;
    }
    // A column with both unique() and index() is covered by its unique index.
    std::erase_if(unique_constraints, [&](const UniqueConstraint& uq) {
        return uq.columns.size() == 1 && find(uq.columns.front())->index() && find(uq.columns.front())->unique();
    });
}

void TableNode::accept(SqlCompiler& c) const { c.visit_table(*this); }
void TableNode::walk(Walker& w) const {
    w.token("tbl");
    if (!schema.empty()) w.token(schema);
    w.token(table_name);
    // A table dropped and recreated under the same name may type its columns differently, and
    // the column types choose an INSERT/UPDATE's bind processors: they are part of the shape.
    for (const auto& c : columns) {
        if (c.type()) w.type(*c.type());
        // An INSERT renders (and binds) the client-side defaults: a table recreated with other
        // defaults is another shape.
        if (c.default_value().kind == ColumnDefault::Kind::value) w.token("def:" + c.default_value().value.repr());
        else if (c.has_default()) w.token("def:" + std::to_string(static_cast<int>(c.default_value().kind)));
    }
    if (!implicit_returning) w.token("no_implicit_returning");
}
std::vector<std::string> TableNode::column_names() const {
    std::vector<std::string> names;
    names.reserve(columns.size());
    for (const auto& c : columns) names.push_back(c.name());
    return names;
}
const Column* TableNode::find(const std::string& column) const {
    for (const auto& c : columns)
        if (c.name() == column) return &c;
    return nullptr;
}
TypePtr TableNode::column_type(const std::string& column) const {
    const auto* c = find(column);
    return c ? c->type() : nullptr;
}
ColumnPtr TableNode::make_column(const FromPtr& self, const std::string& column) const {
    const auto* c = find(column);
    if (!c) return FromClause::make_column(self, column);  // throws, naming the columns
    return std::make_shared<ColumnNode>(self, column, c->type(), c);
}
void TableNode::base_tables(const FromPtr& self, std::vector<std::pair<const TableNode*, FromPtr>>& out) const {
    out.emplace_back(this, self);
}
std::vector<std::string> TableNode::primary_key() const { return primary_key_constraint.columns; }

std::optional<std::size_t> TableNode::autoincrement_index() const {
    const auto& pk = primary_key_constraint.columns;
    for (std::size_t i = 0; i < pk.size(); ++i)
        if (find(pk[i])->autoincrement() == true) return i;
    if (pk.size() != 1) return std::nullopt;
    const Column& c = *find(pk.front());
    if (c.autoincrement() == false || !c.foreign_keys().empty() || c.has_default()) return std::nullopt;
    for (const auto& fk : foreign_key_constraints)
        if (std::find(fk.columns().begin(), fk.columns().end(), c.name()) != fk.columns().end()) return std::nullopt;
    if (c.server_default()) return std::nullopt;
    if (!c.type() || c.type()->affinity() != TypeAffinity::integer) return std::nullopt;
    return 0;
}

std::string TableNode::dialect_option(const std::string& key) const {
    auto it = dialect_options.find(key);
    return it == dialect_options.end() ? std::string() : it->second;
}

std::vector<std::string> TableNode::referred_tables() const {
    std::vector<std::string> out;
    for (const auto& fk : foreign_key_constraints) {
        if (fk.options().use_alter) continue;  // created after the tables: no ordering needed
        const auto& t = fk.referred_table();
        if (t == table_name || t == key()) continue;
        if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    return out;
}

// ---- Table --------------------------------------------------------------------------
Table::Table(std::string name, std::vector<Column> columns, std::string schema)
    : Table(std::make_shared<const TableNode>(std::move(name), std::move(columns), std::move(schema))) {}

Table::Table(std::string name, MetaData& metadata, TableArgs args)
    : Table(metadata.add_table(std::move(name), std::move(args))) {}

Insert Table::insert() const { return Insert(*this); }
Update Table::update() const { return Update(*this); }
Delete Table::delete_() const { return Delete(*this); }

}  // namespace athanor::sql
