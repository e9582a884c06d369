// PostgreSQL reflection (see pg_reflection.hpp). Every per-table query finds the relation
// through the same subquery, so "" schema resolution is identical everywhere; names are cast
// to text so the driver hands back plain strings.
#include "pg_reflection.hpp"

#include <athanor/sdk/driver_util.hpp>
#include <athanor/value.hpp>

#include <cctype>

namespace athanor::postgresql {

namespace {

/// The relation's oid: $1 schema ("" = visible on the search_path), $2 name.
const std::string relation =
    "(SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relname = $2::text AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND "
    "CASE WHEN $1::text = '' THEN pg_catalog.pg_table_is_visible(c.oid) ELSE n.nspname = $1::text END)";

/// $1 ("" = current_schema()).
const std::string list_schema = "n.nspname = COALESCE(NULLIF($1::text, ''), current_schema())";

std::string text_of(const Value& v) { return v.is_null() ? std::string() : v.to_string(); }

/// $n -> ? with the values repeated in placeholder order (outside quoted text).
std::string to_qmark(const std::string& sql, const std::vector<Value>& values, std::vector<Value>& out) {
    std::string result;
    bool quoted = false;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'') quoted = !quoted;
        if (!quoted && c == '$' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
            std::size_t j = i + 1;
            std::size_t n = 0;
            while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) n = n * 10 + (sql[j++] - '0');
            out.push_back(values.at(n - 1));
            result += '?';
            i = j - 1;
            continue;
        }
        result += c;
    }
    return result;
}

std::string action(const std::string& code) {
    if (code == "c") return "CASCADE";
    if (code == "n") return "SET NULL";
    if (code == "d") return "SET DEFAULT";
    if (code == "r") return "RESTRICT";
    return "";  // 'a': NO ACTION, the default
}

}  // namespace

PgReflector::Rows PgReflector::query(sdk::DriverConnection& connection, const std::string& sql,
                                     std::string_view schema, std::string_view table) const {
    std::vector<Value> values{Value(std::string(schema)), Value(std::string(table))};
    std::vector<Value> params;
    std::string text = sql;
    if (placeholders_ == sdk::Paramstyle::dollar) {
        const bool uses_table = sql.find("$2") != std::string::npos;
        const bool uses_schema = sql.find("$1") != std::string::npos;
        if (uses_schema || uses_table) params.push_back(values[0]);
        if (uses_table) params.push_back(values[1]);
    } else {
        text = to_qmark(sql, values, params);
    }
    return sdk::query_rows(connection, text, params);
}

std::string PgReflector::default_schema_name(sdk::DriverConnection& connection) {
    const auto rows = query(connection, "SELECT current_schema()::text", {});
    return rows.empty() ? std::string("public") : text_of(rows[0][0]);
}

std::vector<std::string> PgReflector::get_schema_names(sdk::DriverConnection& connection) {
    std::vector<std::string> out;
    for (const auto& row : query(connection,
                                 "SELECT nspname::text FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg~_%' "
                                 "ESCAPE '~' AND nspname <> 'information_schema' ORDER BY nspname",
                                 {}))
        out.push_back(text_of(row[0]));
    return out;
}

std::vector<std::string> PgReflector::get_table_names(sdk::DriverConnection& connection, std::string_view schema) {
    std::vector<std::string> out;
    for (const auto& row : query(connection,
                                 "SELECT c.relname::text FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON "
                                 "n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND " +
                                     list_schema + " ORDER BY c.relname",
                                 schema))
        out.push_back(text_of(row[0]));
    return out;
}

std::vector<std::string> PgReflector::get_view_names(sdk::DriverConnection& connection, std::string_view schema) {
    std::vector<std::string> out;
    for (const auto& row : query(connection,
                                 "SELECT c.relname::text FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON "
                                 "n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND " +
                                     list_schema + " ORDER BY c.relname",
                                 schema))
        out.push_back(text_of(row[0]));
    return out;
}

std::vector<ReflectedSequence> PgReflector::get_sequences(sdk::DriverConnection& connection, std::string_view schema) {
    std::vector<ReflectedSequence> out;
    const auto rows = query(
        connection,
        "SELECT c.relname::text, s.seqstart, s.seqincrement, COALESCE(tc.relname::text, ''), "
        "COALESCE(ta.attname::text, '') FROM pg_catalog.pg_class c "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid "
        "LEFT JOIN pg_catalog.pg_depend d ON d.objid = c.oid AND d.classid = 'pg_catalog.pg_class'::regclass "
        "AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i') "
        "LEFT JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid "
        "LEFT JOIN pg_catalog.pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid "
        "WHERE c.relkind = 'S' AND " + list_schema + " ORDER BY c.relname",
        schema);
    for (const auto& row : rows)
        out.push_back({text_of(row[0]), row[1].as_int(), row[2].as_int(), text_of(row[3]), text_of(row[4])});
    return out;
}

bool PgReflector::has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) {
    return !query(connection, "SELECT 1 WHERE " + relation + " IS NOT NULL", schema, table).empty();
}

std::vector<ReflectedColumn> PgReflector::get_columns(sdk::DriverConnection& connection, std::string_view table,
                                                      std::string_view schema) {
    const auto rows = query(connection,
                            "SELECT a.attname::text, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                            "pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, "
                            "pg_catalog.col_description(a.attrelid, a.attnum), a.attgenerated::text, "
                            // The collation only where it differs from the type's default.
                            "(SELECT co.collname::text FROM pg_catalog.pg_collation co, pg_catalog.pg_type ty "
                            "WHERE co.oid = a.attcollation AND ty.oid = a.atttypid AND a.attcollation <> ty.typcollation) "
                            "FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d "
                            "ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                            "WHERE a.attrelid = " + relation + " AND a.attnum > 0 AND NOT a.attisdropped "
                            "ORDER BY a.attnum",
                            schema, table);
    std::vector<ReflectedColumn> out;
    for (const auto& row : rows) {
        ReflectedColumn c;
        c.name = text_of(row[0]);
        c.type_name = text_of(row[1]);
        c.nullable = !row[2].as_bool();
        if (text_of(row[6]) == "s") {
            // A stored generated column: pg_attrdef holds its expression, not a default.
            c.computed = ReflectedComputed{text_of(row[3]), true};
        } else if (!row[3].is_null()) {
            c.default_ = text_of(row[3]);
        }
        const auto identity = text_of(row[4]);
        if (identity == "a") c.identity = "always";
        if (identity == "d") c.identity = "by default";
        c.autoincrement = !c.identity.empty() || (c.default_ && c.default_->rfind("nextval(", 0) == 0);
        if (!row[5].is_null()) c.comment = text_of(row[5]);
        if (!row[7].is_null()) c.collation = text_of(row[7]);
        out.push_back(std::move(c));
    }
    return out;
}

ReflectedPrimaryKey PgReflector::get_pk_constraint(sdk::DriverConnection& connection, std::string_view table,
                                                   std::string_view schema) {
    ReflectedPrimaryKey out;
    for (const auto& row : query(connection,
                                 "SELECT con.conname::text, a.attname::text FROM pg_catalog.pg_constraint con "
                                 "CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) "
                                 "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
                                 "WHERE con.conrelid = " + relation + " AND con.contype = 'p' ORDER BY k.ord",
                                 schema, table)) {
        out.name = text_of(row[0]);
        out.constrained_columns.push_back(text_of(row[1]));
    }
    return out;
}

std::vector<ReflectedForeignKey> PgReflector::get_foreign_keys(sdk::DriverConnection& connection,
                                                               std::string_view table, std::string_view schema) {
    const auto rows = query(
        connection,
        "SELECT con.conname::text, la.attname::text, "
        "CASE WHEN $1::text = '' AND rn.nspname = current_schema() THEN '' ELSE rn.nspname::text END, "
        "rc.relname::text, ra.attname::text, con.confupdtype::text, con.confdeltype::text, "
        "con.condeferrable, con.condeferred, con.confmatchtype::text "
        "FROM pg_catalog.pg_constraint con "
        "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(lnum, rnum, ord) "
        "JOIN pg_catalog.pg_attribute la ON la.attrelid = con.conrelid AND la.attnum = k.lnum "
        "JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid "
        "JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
        "JOIN pg_catalog.pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.rnum "
        "WHERE con.conrelid = " + relation + " AND con.contype = 'f' ORDER BY con.conname, k.ord",
        schema, table);
    std::vector<ReflectedForeignKey> out;
    for (const auto& row : rows) {
        const auto name = text_of(row[0]);
        if (out.empty() || out.back().name != name) {
            ReflectedForeignKey fk;
            fk.name = name;
            fk.referred_schema = text_of(row[2]);
            fk.referred_table = text_of(row[3]);
            if (const auto a = action(text_of(row[5])); !a.empty()) fk.options["onupdate"] = a;
            if (const auto a = action(text_of(row[6])); !a.empty()) fk.options["ondelete"] = a;
            // pg_constraint: condeferrable / condeferred, confmatchtype f(ull) p(artial) s(imple,
            // the default, not reported).
            if (row[7].as_bool()) fk.options["deferrable"] = "true";
            if (row[8].as_bool()) fk.options["initially"] = "DEFERRED";
            if (const auto m = text_of(row[9]); m == "f") fk.options["match"] = "FULL";
            else if (m == "p") fk.options["match"] = "PARTIAL";
            out.push_back(std::move(fk));
        }
        out.back().constrained_columns.push_back(text_of(row[1]));
        out.back().referred_columns.push_back(text_of(row[4]));
    }
    return out;
}

std::vector<ReflectedIndex> PgReflector::get_indexes(sdk::DriverConnection& connection, std::string_view table,
                                                     std::string_view schema) {
    // One row per index column: key columns (ord <= indnkeyatts) then INCLUDE columns; an
    // expression key has attnum 0 and its text from pg_get_indexdef(oid, ord, true).
    const auto rows = query(
        connection,
        "SELECT ic.relname::text, i.indisunique, COALESCE(a.attname::text, ''), k.ord <= i.indnkeyatts, "
        "pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true), "
        "CASE WHEN k.ord <= i.indnkeyatts THEN i.indoption[k.ord - 1] ELSE 0 END "
        "FROM pg_catalog.pg_index i "
        "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
        "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
        "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0 "
        "WHERE i.indrelid = " + relation + " AND NOT EXISTS "
        "(SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid "
        "AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')) "
        "ORDER BY ic.relname, k.ord",
        schema, table);
    std::vector<ReflectedIndex> out;
    for (const auto& row : rows) {
        const auto name = text_of(row[0]);
        if (out.empty() || out.back().name != name) {
            ReflectedIndex index;
            index.name = name;
            index.unique = row[1].as_bool();
            out.push_back(std::move(index));
        }
        auto& index = out.back();
        const auto column = text_of(row[2]);
        if (!row[3].as_bool()) {
            index.include_columns.push_back(column);
            continue;
        }
        const auto expression = column.empty() ? text_of(row[4]) : column;
        index.column_names.push_back(column);
        index.expressions.push_back(expression);
        // indoption bit 0: DESC; bit 1: NULLS FIRST (the default for DESC, so only its absence is said).
        const auto option = row[5].as_int();
        std::vector<std::string> sorting;
        if (option & 1) {
            sorting.push_back("desc");
            if (!(option & 2)) sorting.push_back("nulls_last");
        } else if (option & 2) {
            sorting.push_back("nulls_first");
        }
        if (!sorting.empty()) index.column_sorting[expression] = std::move(sorting);
    }
    return out;
}

std::vector<ReflectedUniqueConstraint> PgReflector::get_unique_constraints(sdk::DriverConnection& connection,
                                                                           std::string_view table,
                                                                           std::string_view schema) {
    std::vector<ReflectedUniqueConstraint> out;
    for (const auto& row : query(connection,
                                 "SELECT con.conname::text, a.attname::text FROM pg_catalog.pg_constraint con "
                                 "CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) "
                                 "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
                                 "WHERE con.conrelid = " + relation + " AND con.contype = 'u' ORDER BY con.conname, k.ord",
                                 schema, table)) {
        const auto name = text_of(row[0]);
        if (out.empty() || out.back().name != name) {
            ReflectedUniqueConstraint uc;
            uc.name = name;
            out.push_back(std::move(uc));
        }
        out.back().column_names.push_back(text_of(row[1]));
    }
    return out;
}

std::vector<ReflectedCheckConstraint> PgReflector::get_check_constraints(sdk::DriverConnection& connection,
                                                                         std::string_view table,
                                                                         std::string_view schema) {
    std::vector<ReflectedCheckConstraint> out;
    for (const auto& row : query(connection,
                                 "SELECT con.conname::text, pg_catalog.pg_get_constraintdef(con.oid, true) "
                                 "FROM pg_catalog.pg_constraint con WHERE con.conrelid = " + relation +
                                     " AND con.contype = 'c' ORDER BY con.conname",
                                 schema, table)) {
        // "CHECK (cond)" or "CHECK (cond) NOT VALID" -> "cond"
        std::string def = text_of(row[1]);
        if (def.rfind("CHECK (", 0) == 0) {
            const auto close = def.rfind(')');
            def = def.substr(7, close == std::string::npos ? std::string::npos : close - 7);
        }
        ReflectedCheckConstraint cc;
        cc.name = text_of(row[0]);
        cc.sqltext = def;
        out.push_back(std::move(cc));
    }
    return out;
}

std::optional<std::string> PgReflector::get_table_comment(sdk::DriverConnection& connection, std::string_view table,
                                                          std::string_view schema) {
    const auto rows = query(connection, "SELECT pg_catalog.obj_description(" + relation + ", 'pg_class')", schema, table);
    if (rows.empty() || rows[0][0].is_null()) return std::nullopt;
    return text_of(rows[0][0]);
}

std::vector<std::string> PgReflector::get_temp_table_names(sdk::DriverConnection& connection) {
    return temp_names(connection, "'r', 'p'");
}

std::vector<std::string> PgReflector::get_temp_view_names(sdk::DriverConnection& connection) {
    return temp_names(connection, "'v'");
}

std::vector<std::string> PgReflector::temp_names(sdk::DriverConnection& connection, const std::string& relkinds) const {
    std::vector<std::string> out;
    for (const auto& row : query(connection,
                                 "SELECT c.relname::text FROM pg_catalog.pg_class c WHERE c.relkind IN (" + relkinds +
                                     ") AND c.relnamespace = pg_catalog.pg_my_temp_schema() ORDER BY c.relname",
                                 {}))
        out.push_back(text_of(row[0]));
    return out;
}

std::optional<std::string> PgReflector::get_view_definition(sdk::DriverConnection& connection, std::string_view view,
                                                            std::string_view schema) {
    const auto rows = query(connection,
                            "SELECT pg_catalog.pg_get_viewdef(c.oid, true) FROM pg_catalog.pg_class c "
                            "WHERE c.oid = " + relation + " AND c.relkind IN ('v', 'm')",
                            schema, view);
    if (rows.empty() || rows[0][0].is_null()) return std::nullopt;
    return text_of(rows[0][0]);
}

std::map<std::string, std::string> PgReflector::get_table_options(sdk::DriverConnection& connection,
                                                                  std::string_view table, std::string_view schema) {
    // Storage parameters (WITH (...)), a tablespace other than the database's default, the
    // PARTITION BY key and the parents of INHERITS, each only when set.
    const auto rows = query(
        connection,
        "SELECT array_to_string(c.reloptions, ', '), ts.spcname::text, "
        "CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END, "
        "(SELECT string_agg(p.relname::text, ', ' ORDER BY h.inhseqno) FROM pg_catalog.pg_inherits h "
        "JOIN pg_catalog.pg_class p ON p.oid = h.inhparent WHERE h.inhrelid = c.oid AND NOT c.relispartition) "
        "FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = c.reltablespace "
        "WHERE c.oid = " + relation,
        schema, table);
    std::map<std::string, std::string> out;
    if (rows.empty()) return out;
    const char* keys[] = {"postgresql_with", "postgresql_tablespace", "postgresql_partition_by",
                          "postgresql_inherits"};
    for (std::size_t i = 0; i < 4; ++i)
        if (!rows[0][i].is_null() && !text_of(rows[0][i]).empty()) out[keys[i]] = text_of(rows[0][i]);
    return out;
}

}  // namespace athanor::postgresql
