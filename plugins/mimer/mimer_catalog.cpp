// Reflection records from Mimer catalog rows.
#include "mimer_catalog.hpp"

#include "mimer_statement.hpp"

#include <athanor/sdk/text_util.hpp>
#include <athanor/sql/types.hpp>

#include <algorithm>
#include <cctype>

namespace athanor::mimer {

namespace {

std::string text(const std::vector<Value>& row, std::size_t i) {
    if (i >= row.size() || row[i].is_null()) return {};
    if (row[i].kind() == Value::Kind::text) return row[i].as_string();
    if (row[i].kind() == Value::Kind::integer) return std::to_string(row[i].as_int());
    return row[i].to_string();
}

std::optional<std::int64_t> integer(const std::vector<Value>& row, std::size_t i) {
    if (i >= row.size() || row[i].is_null()) return std::nullopt;
    if (row[i].kind() == Value::Kind::integer) return row[i].as_int();
    const std::string s = text(row, i);
    if (s.empty()) return std::nullopt;
    try {
        return std::stoll(s);
    } catch (...) {
        return std::nullopt;
    }
}

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
}

/// `DATA_TYPE(n)` / `(p, s)` as the type compiler reads it.
std::string declared_type(const std::vector<Value>& row) {
    const std::string type = sdk::ascii_upper(trimmed(text(row, 1)));
    const auto length = integer(row, 2);
    const auto precision = integer(row, 3);
    const auto scale = integer(row, 4);
    const bool lob = type.find("LARGE OBJECT") != std::string::npos;
    if (length && !lob && type.find("CHAR") != std::string::npos) return type + "(" + std::to_string(*length) + ")";
    if (length && !lob && type.find("BINARY") != std::string::npos) return type + "(" + std::to_string(*length) + ")";
    if ((type == "DECIMAL" || type == "NUMERIC") && precision)
        return type + "(" + std::to_string(*precision) + (scale ? ", " + std::to_string(*scale) : std::string()) + ")";
    return type;
}

/// SQLAlchemy's spelling of a referential action; "" for NO ACTION (the default).
std::string action(const std::string& rule) {
    const std::string upper = sdk::ascii_upper(trimmed(rule));
    return upper.empty() || upper == "NO ACTION" ? std::string() : upper;
}

/// `"c" IS NOT NULL` or `c IS NOT NULL` alone.
bool is_not_null_check(const std::string& clause) {
    std::string s = trimmed(clause);
    while (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = trimmed(s.substr(1, s.size() - 2));
    const std::string upper = sdk::ascii_upper(s);
    const std::string tail = " IS NOT NULL";
    if (upper.size() <= tail.size() || upper.compare(upper.size() - tail.size(), tail.size(), tail) != 0) return false;
    const std::string column = trimmed(s.substr(0, s.size() - tail.size()));
    if (column.size() >= 2 && column.front() == '"' && column.back() == '"') return true;
    return !column.empty() && std::all_of(column.begin(), column.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#';
    });
}

}  // namespace

bool is_system_schema(const std::string& schema) {
    const std::string upper = sdk::ascii_upper(schema);
    return upper == "INFORMATION_SCHEMA" || upper == "SYSTEM" || upper == "MIMER" || upper == "ODBC";
}

std::vector<ReflectedColumn> build_columns(const CatalogRows& rows, const sql::TypeCompiler& types) {
    std::vector<ReflectedColumn> out;
    for (const auto& row : rows) {
        ReflectedColumn c;
        c.name = text(row, 0);
        const std::string data_type = sdk::ascii_upper(trimmed(text(row, 1)));
        const std::string udt = sdk::ascii_upper(text(row, 7)) + "." + sdk::ascii_upper(text(row, 8));
        if (data_type == "USER-DEFINED" && udt == "BUILTIN.UUID") {
            c.type = types::Uuid();
            c.type_name = "BUILTIN.UUID";
        } else {
            c.type_name = declared_type(row);
            c.type = types.from_database_type(c.type_name);
            // An INTEGER(p) of more than 10 digits holds BIGINT values, of at most 5 SMALLINT ones.
            if (data_type == "INTEGER")
                if (const auto precision = integer(row, 3)) {
                    if (*precision > 10) c.type = athanor::types::BigInteger();
                    else if (*precision <= 5) c.type = athanor::types::SmallInteger();
                }
        }
        c.nullable = sdk::ascii_upper(trimmed(text(row, 5))) != "NO";
        if (row.size() > 6 && !row[6].is_null()) {
            c.default_ = trimmed(text(row, 6));
            c.autoincrement = sequence_of_default(*c.default_).has_value();
        }
        out.push_back(std::move(c));
    }
    return out;
}

ReflectedPrimaryKey build_primary_key(const CatalogRows& rows) {
    ReflectedPrimaryKey pk;
    for (const auto& row : rows) {
        if (pk.name.empty()) pk.name = text(row, 0);
        pk.constrained_columns.push_back(text(row, 1));
    }
    return pk;
}

std::vector<ReflectedForeignKey> build_foreign_keys(const CatalogRows& rows, const std::string& default_schema) {
    std::vector<ReflectedForeignKey> out;
    for (const auto& row : rows) {
        const std::string name = text(row, 0);
        if (out.empty() || out.back().name != name) {
            ReflectedForeignKey fk;
            fk.name = name;
            const std::string schema = text(row, 2);
            // A key to the same schema as the reflected one reports no referred schema.
            if (!sdk::ascii_iequals(schema, default_schema)) fk.referred_schema = schema;
            fk.referred_table = text(row, 3);
            if (const auto a = action(text(row, 5)); !a.empty()) fk.options["onupdate"] = a;
            if (const auto a = action(text(row, 6)); !a.empty()) fk.options["ondelete"] = a;
            out.push_back(std::move(fk));
        }
        out.back().constrained_columns.push_back(text(row, 1));
        out.back().referred_columns.push_back(text(row, 4));
    }
    return out;
}

std::vector<ReflectedUniqueConstraint> build_unique_constraints(const CatalogRows& rows) {
    std::vector<ReflectedUniqueConstraint> out;
    for (const auto& row : rows) {
        const std::string name = text(row, 0);
        if (out.empty() || out.back().name != name) out.push_back({name, {}});
        out.back().column_names.push_back(text(row, 1));
    }
    return out;
}

std::vector<ReflectedCheckConstraint> build_check_constraints(const CatalogRows& rows) {
    std::vector<ReflectedCheckConstraint> out;
    for (const auto& row : rows) {
        const std::string clause = trimmed(text(row, 1));
        if (is_not_null_check(clause)) continue;
        out.push_back({text(row, 0), clause});
    }
    return out;
}

std::vector<ReflectedIndex> build_indexes(const CatalogRows& rows) {
    std::vector<ReflectedIndex> out;
    for (const auto& row : rows) {
        const std::string name = text(row, 0);
        if (out.empty() || out.back().name != name) {
            ReflectedIndex index;
            index.name = name;
            index.unique = sdk::ascii_upper(trimmed(text(row, 1))) == "YES";
            out.push_back(std::move(index));
        }
        out.back().column_names.push_back(text(row, 2));
    }
    return out;
}

std::vector<ReflectedSequence> build_sequences(const CatalogRows& rows) {
    std::vector<ReflectedSequence> out;
    for (const auto& row : rows) {
        ReflectedSequence s;
        s.name = text(row, 0);
        s.start = integer(row, 1);
        s.increment = integer(row, 2);
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const ReflectedSequence& a, const ReflectedSequence& b) { return a.name < b.name; });
    return out;
}

std::vector<std::string> build_schema_names(const CatalogRows& rows) {
    std::vector<std::string> out;
    for (const auto& row : rows) {
        const std::string name = text(row, 0);
        if (!name.empty() && !is_system_schema(name)) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> build_names(const CatalogRows& rows) {
    std::vector<std::string> out;
    for (const auto& row : rows) out.push_back(text(row, 0));
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace athanor::mimer
