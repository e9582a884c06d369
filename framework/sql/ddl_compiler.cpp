// The generic DDL compiler: standard CREATE/DROP syntax; dialects override the hooks.
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/ddl_compiler.hpp>
#include <athanor/sql/type_compiler.hpp>

#include <algorithm>

namespace athanor::sql {

DdlCompiler::DdlCompiler(const sdk::Dialect& dialect) : dialect_(dialect) {}
DdlCompiler::~DdlCompiler() = default;

SqlCompiler& DdlCompiler::statement_compiler() {
    // Quoting and literals follow the dialect's statement compiler, so both agree.
    if (!statement_compiler_) statement_compiler_ = compiler_for(dialect_);
    return *statement_compiler_;
}

const TypeCompiler& DdlCompiler::type_compiler() {
    if (!type_compiler_) type_compiler_ = type_compiler_for(dialect_);
    return *type_compiler_;
}

std::string DdlCompiler::quote(const std::string& identifier) { return statement_compiler().quote(identifier); }

std::string DdlCompiler::fitted_name(const std::string& name, bool from_convention) {
    return from_convention ? statement_compiler().preparer().truncate(name) : name;
}

void DdlCompiler::set_schema_translate_map(std::shared_ptr<const SchemaTranslateMap> map) {
    schema_translate_map_ = std::move(map);
}

const std::string& DdlCompiler::effective_schema(const std::string& schema) const {
    return translate_schema(schema_translate_map_.get(), schema);
}

std::string DdlCompiler::format_table_name(const std::string& given_schema, const std::string& name) {
    const auto& schema = effective_schema(given_schema);
    return schema.empty() ? quote(name) : quote(schema) + "." + quote(name);
}

std::string DdlCompiler::format_table(const TableNode& table) { return format_table_name(table.schema, table.table_name); }

std::string DdlCompiler::format_sequence(const Sequence& sequence) {
    return format_table_name(sequence.schema(), sequence.name());
}

std::string DdlCompiler::literal(const Value& value) { return statement_compiler().render_literal_value(value); }

void DdlCompiler::unsupported(const std::string& construct) const {
    throw CompileError(construct + " is not supported by dialect " + dialect_.description());
}

namespace {

std::string column_list(DdlCompiler& c, const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += ", ";
        out += c.quote(names[i]);
    }
    return out;
}

bool is_autoincrement_column(const TableNode& table, const Column& column) {
    const auto index = table.autoincrement_index();
    return index && table.primary_key()[*index] == column.name();
}

}  // namespace

// ---- statements ---------------------------------------------------------------------
std::string DdlCompiler::create_table(const TableNode& table, bool if_not_exists) {
    if (if_not_exists && !supports_if_exists()) unsupported("CREATE TABLE IF NOT EXISTS");
    if (table.columns.empty()) throw CompileError("Table '" + table.key() + "' has no columns; CREATE TABLE needs at least one");
    std::string out = "CREATE TABLE ";
    if (if_not_exists) out += "IF NOT EXISTS ";
    out += format_table(table) + " (";
    bool first = true;
    const auto item = [&](const std::string& text) {
        out += first ? "\n\t" : ",\n\t";
        out += text;
        first = false;
    };
    for (const auto& column : table.columns) item(get_column_specification(table, column));
    for (const auto& constraint : table_constraints(table)) item(constraint);
    out += "\n)";
    out += post_create_table(table);
    return out;
}

std::string DdlCompiler::drop_table(const TableNode& table, bool if_exists) {
    if (if_exists && !supports_if_exists()) unsupported("DROP TABLE IF EXISTS");
    return std::string("DROP TABLE ") + (if_exists ? "IF EXISTS " : "") + format_table(table);
}

std::string DdlCompiler::create_index(const Index& index, bool if_not_exists) {
    if (if_not_exists && !supports_if_exists()) unsupported("CREATE INDEX IF NOT EXISTS");
    if (index.name.empty()) throw CompileError("an Index on table '" + index.table + "' has no name; give it one");
    if (index.table.empty()) throw CompileError("Index '" + index.name + "' belongs to no table; pass it to a Table");
    std::string out = index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
    if (if_not_exists) out += "IF NOT EXISTS ";
    out += quote(fitted_name(index.name, index.name_from_convention)) + " ON " +
           format_table_name(index.schema, index.table) + " (" +
           column_list(*this, index.columns) + ")";
    if (!index.include.empty()) {
        if (!supports_index_include()) unsupported("INCLUDE columns on an index (Index '" + index.name + "')");
        out += " INCLUDE (" + column_list(*this, index.include) + ")";
    }
    return out;
}

std::string DdlCompiler::drop_index(const Index& index, bool if_exists) {
    if (if_exists && !supports_if_exists()) unsupported("DROP INDEX IF EXISTS");
    if (index.name.empty()) throw CompileError("an Index on table '" + index.table + "' has no name; give it one");
    return std::string("DROP INDEX ") + (if_exists ? "IF EXISTS " : "") +
           format_table_name(index.schema, fitted_name(index.name, index.name_from_convention));
}

std::string DdlCompiler::create_sequence(const Sequence& sequence, bool if_not_exists) {
    if (!supports_sequences()) unsupported("CREATE SEQUENCE");
    if (if_not_exists && !supports_if_exists()) unsupported("CREATE SEQUENCE IF NOT EXISTS");
    return std::string("CREATE SEQUENCE ") + (if_not_exists ? "IF NOT EXISTS " : "") + format_sequence(sequence) +
           sequence_options(sequence);
}

std::string DdlCompiler::drop_sequence(const Sequence& sequence, bool if_exists) {
    if (!supports_sequences()) unsupported("DROP SEQUENCE");
    if (if_exists && !supports_if_exists()) unsupported("DROP SEQUENCE IF EXISTS");
    return std::string("DROP SEQUENCE ") + (if_exists ? "IF EXISTS " : "") + format_sequence(sequence);
}

std::string DdlCompiler::create_schema(const std::string& name, bool if_not_exists) {
    if (!supports_schemas()) unsupported("CREATE SCHEMA");
    if (if_not_exists && !supports_if_exists()) unsupported("CREATE SCHEMA IF NOT EXISTS");
    return std::string("CREATE SCHEMA ") + (if_not_exists ? "IF NOT EXISTS " : "") + quote(name);
}

std::string DdlCompiler::drop_schema(const std::string& name, bool if_exists, bool cascade) {
    if (!supports_schemas()) unsupported("DROP SCHEMA");
    if (if_exists && !supports_if_exists()) unsupported("DROP SCHEMA IF EXISTS");
    return std::string("DROP SCHEMA ") + (if_exists ? "IF EXISTS " : "") +
           quote(name) + (cascade ? " CASCADE" : "");
}

std::string DdlCompiler::set_table_comment(const TableNode& table) {
    if (!supports_comments()) unsupported("COMMENT ON TABLE");
    return "COMMENT ON TABLE " + format_table(table) + " IS " +
           (table.comment.empty() ? std::string("NULL") : literal(table.comment));
}

std::string DdlCompiler::set_column_comment(const TableNode& table, const Column& column) {
    if (!supports_comments()) unsupported("COMMENT ON COLUMN");
    return "COMMENT ON COLUMN " + format_table(table) + "." + quote(column.name()) + " IS " +
           (column.comment().empty() ? std::string("NULL") : literal(column.comment()));
}

std::vector<std::string> DdlCompiler::comment_statements(const TableNode& table) {
    std::vector<std::string> out;
    if (!supports_comments() || inline_comments()) return out;
    if (!table.comment.empty()) out.push_back(set_table_comment(table));
    for (const auto& c : table.columns)
        if (!c.comment().empty()) out.push_back(set_column_comment(table, c));
    return out;
}

std::vector<AuxiliaryDdl> DdlCompiler::pre_create_statements(const TableNode&) { return {}; }
std::vector<AuxiliaryDdl> DdlCompiler::post_drop_statements(const TableNode&) { return {}; }

// ---- hooks --------------------------------------------------------------------------
std::string DdlCompiler::get_column_specification(const TableNode& table, const Column& column) {
    std::string out = quote(column.name()) + " " + type_ddl(table, column) + default_clause(column);
    if (column.computed()) out.append(" ").append(computed_clause(table, column));
    const bool identity = column.identity() && supports_identity_columns();
    if (identity) out.append(" ").append(identity_clause(*column.identity()));
    if (!column.nullable() && !identity) out += " NOT NULL";
    const auto& pk = table.primary_key_constraint;
    if (primary_key_inline(table) && pk.columns.size() == 1 && pk.columns.front() == column.name())
        out.append(" ").append(constraint_preamble(fitted_name(pk.name, pk.name_from_convention))).append("PRIMARY KEY");
    if (is_autoincrement_column(table, column)) out += autoincrement_clause(table, column);
    if (supports_comments() && inline_comments() && !column.comment().empty()) out += inline_comment(column.comment());
    return out;
}

std::string DdlCompiler::type_ddl(const TableNode& table, const Column& column) {
    if (!column.type()) throw CompileError("column '" + table.table_name + "." + column.name() + "' has no type");
    std::string out = type_compiler().process(*column.type());
    // The collation goes after the type, delimited as an identifier (PostgreSQL's "POSIX"
    // needs the quotes; SQLite accepts them).
    if (!column.type()->collation().empty()) out += " COLLATE " + dialect_.quote_identifier(column.type()->collation());
    return out;
}

std::string DdlCompiler::default_clause(const Column& column) {
    const auto& d = column.server_default();
    if (!d) return "";
    if (d->is_text) return " DEFAULT " + d->text;
    // The value as the column stores it (SQLite keeps booleans as 0/1, dates as ISO text).
    Value value = d->value;
    if (column.type() && !value.is_null())
        if (auto processor = column.type()->bind_processor(type_compiler())) value = processor(std::move(value));
    return " DEFAULT " + literal(value);
}

std::string DdlCompiler::computed_clause(const TableNode&, const Column& column) {
    const auto& computed = *column.computed();
    std::string out = "GENERATED ALWAYS AS (" + computed.sqltext + ")";
    if (computed.persisted) out += *computed.persisted ? " STORED" : " VIRTUAL";
    return out;
}

namespace {
// MINVALUE ... CYCLE, shared by CREATE SEQUENCE and an identity's sequence options: each
// option with a leading space.
std::string bounds_and_cache(const std::optional<std::int64_t>& minvalue, const std::optional<std::int64_t>& maxvalue,
                             bool nominvalue, bool nomaxvalue, const std::optional<std::int64_t>& cache, bool cycle) {
    std::string out;
    if (minvalue) out += " MINVALUE " + std::to_string(*minvalue);
    else if (nominvalue) out += " NO MINVALUE";
    if (maxvalue) out += " MAXVALUE " + std::to_string(*maxvalue);
    else if (nomaxvalue) out += " NO MAXVALUE";
    if (cache) out += " CACHE " + std::to_string(*cache);
    if (cycle) out += " CYCLE";
    return out;
}
}  // namespace

std::string DdlCompiler::identity_clause(const Identity& identity) {
    std::string out = identity.always ? "GENERATED ALWAYS AS IDENTITY" : "GENERATED BY DEFAULT AS IDENTITY";
    std::string options;
    if (identity.start) options += " START WITH " + std::to_string(*identity.start);
    if (identity.increment) options += " INCREMENT BY " + std::to_string(*identity.increment);
    options += bounds_and_cache(identity.minvalue, identity.maxvalue, identity.nominvalue, identity.nomaxvalue,
                                identity.cache, identity.cycle);
    if (!options.empty()) out.append(" (").append(options.substr(1)).append(")");
    return out;
}

std::string DdlCompiler::autoincrement_clause(const TableNode&, const Column&) { return ""; }

bool DdlCompiler::primary_key_inline(const TableNode&) const { return false; }

std::string DdlCompiler::post_create_table(const TableNode&) { return ""; }

std::vector<std::string> DdlCompiler::table_constraints(const TableNode& table) {
    std::vector<std::string> out;
    if (!table.primary_key_constraint.columns.empty() &&
        !(primary_key_inline(table) && table.primary_key_constraint.columns.size() == 1))
        out.push_back(primary_key_constraint(table));
    for (const auto& fk : table.foreign_key_constraints)
        if (!fk.options().use_alter || !supports_alter()) out.push_back(foreign_key_constraint(table, fk));
    for (const auto& uq : table.unique_constraints) out.push_back(unique_constraint(table, uq));
    for (const auto& ck : table.check_constraints) out.push_back(check_constraint(table, ck));
    return out;
}

std::string DdlCompiler::primary_key_constraint(const TableNode& table) {
    const auto& pk = table.primary_key_constraint;
    return constraint_preamble(fitted_name(pk.name, pk.name_from_convention)) + "PRIMARY KEY (" + column_list(*this, pk.columns) + ")";
}

std::string DdlCompiler::foreign_key_constraint(const TableNode&, const ForeignKeyConstraint& fk) {
    const auto& referred = fk.referred_table();
    const auto dot = referred.rfind('.');
    const std::string target = dot == std::string::npos
                                   ? format_table_name("", referred)
                                   : format_table_name(referred.substr(0, dot), referred.substr(dot + 1));
    return constraint_preamble(fitted_name(fk.name(), fk.name_from_convention())) + "FOREIGN KEY(" + column_list(*this, fk.columns()) + ") REFERENCES " +
           target + " (" + column_list(*this, fk.referred_columns()) + ")" + foreign_key_actions(fk);
}

std::string DdlCompiler::add_foreign_key(const TableNode& table, const ForeignKeyConstraint& fk) {
    if (!supports_alter()) unsupported("ALTER TABLE ... ADD CONSTRAINT");
    if (fk.name().empty())
        throw CompileError("the use_alter foreign key of '" + table.key() + "' (" + fk.referred_table() +
                           ") needs a name to be added and dropped by ALTER TABLE; give ForeignKeyOptions::name or a "
                           "naming convention");
    return "ALTER TABLE " + format_table(table) + " ADD " + foreign_key_constraint(table, fk);
}

std::string DdlCompiler::drop_foreign_key(const TableNode& table, const ForeignKeyConstraint& fk) {
    if (!supports_alter()) unsupported("ALTER TABLE ... DROP CONSTRAINT");
    if (fk.name().empty())
        throw CompileError("the use_alter foreign key of '" + table.key() + "' (" + fk.referred_table() +
                           ") needs a name to be dropped by ALTER TABLE");
    return "ALTER TABLE " + format_table(table) + " DROP CONSTRAINT " +
           quote(fitted_name(fk.name(), fk.name_from_convention()));
}

std::string DdlCompiler::foreign_key_actions(const ForeignKeyConstraint& fk) {
    std::string out;
    // The actions were checked against the SQL keywords when the constraint was made.
    if (!fk.options().ondelete.empty()) out += " ON DELETE " + fk.options().ondelete;
    if (!fk.options().onupdate.empty()) out += " ON UPDATE " + fk.options().onupdate;
    return out;
}

std::string DdlCompiler::unique_constraint(const TableNode&, const UniqueConstraint& uq) {
    return constraint_preamble(fitted_name(uq.name, uq.name_from_convention)) + "UNIQUE (" + column_list(*this, uq.columns) + ")";
}

std::string DdlCompiler::check_constraint(const TableNode&, const CheckConstraint& ck) {
    return constraint_preamble(fitted_name(ck.name, ck.name_from_convention)) + "CHECK (" + ck.sqltext + ")";
}

std::string DdlCompiler::constraint_preamble(const std::string& name) {
    return name.empty() ? std::string() : "CONSTRAINT " + quote(name) + " ";
}

std::string DdlCompiler::inline_comment(const std::string& comment) { return " COMMENT " + literal(comment); }

std::string DdlCompiler::sequence_options(const Sequence& sequence) {
    const auto& o = sequence.options();
    std::string out;
    if (o.increment) out += " INCREMENT BY " + std::to_string(*o.increment);
    if (o.start) out += " START WITH " + std::to_string(*o.start);
    return out + bounds_and_cache(o.minvalue, o.maxvalue, false, false, o.cache, o.cycle);
}

}  // namespace athanor::sql
