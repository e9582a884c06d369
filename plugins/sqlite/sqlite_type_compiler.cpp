// SQLite's type compiler: text storage for the types SQLite lacks, affinity-rule reflection.
#include "sqlite_type_compiler.hpp"

#include <athanor/sdk/text_util.hpp>
#include <athanor/sql/types.hpp>

#include <string>

namespace athanor::sqlite {

namespace procs = sql::processors;

sql::Processor SqliteTypeCompiler::bind_processor(const sql::TypeEngine& type) const {
    switch (type.kind()) {
        case sql::TypeKind::boolean: return procs::bool_to_int;
        case sql::TypeKind::date:
            // A date-time bound to a Date column keeps its date part, as SQLAlchemy does.
            return [](Value v) { return procs::to_iso_text(procs::datetime_to_date(std::move(v))); };
        case sql::TypeKind::time:
        case sql::TypeKind::interval: return procs::to_iso_text;
        case sql::TypeKind::datetime:
            return [](Value v) {
                if (v.kind() == Value::Kind::date) v = procs::to_datetime(std::move(v));
                return procs::to_iso_text(std::move(v));
            };
        default: return TypeCompiler::bind_processor(type);
    }
}

sql::TypePtr SqliteTypeCompiler::from_database_type(std::string_view name) const {
    if (auto t = sql::generic_type_from_name(name)) return t;
    // SQLite's column affinity rules (https://sqlite.org/datatype3.html, 3.1), in order.
    const std::string upper = sdk::ascii_upper(name);
    const auto has = [&](const char* s) { return upper.find(s) != std::string::npos; };
    if (has("INT")) return types::Integer();
    if (has("CHAR") || has("CLOB") || has("TEXT")) return types::Text();
    if (has("BLOB") || upper.find_first_not_of(' ') == std::string::npos) return types::LargeBinary();
    if (has("REAL") || has("FLOA") || has("DOUB")) return types::Float();
    return types::Numeric();
}

}  // namespace athanor::sqlite
