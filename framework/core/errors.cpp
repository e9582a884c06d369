// Key functions of the exception hierarchy (so type_info lives once, in libathanor), the
// DBAPIError message layout, and the SQLSTATE -> exception class mapping.
#include <athanor/errors.hpp>

#include <algorithm>
#include <cctype>

namespace athanor {

Error::Error(const std::string& message) : std::runtime_error(message) {}
Error::~Error() = default;
ArgumentError::~ArgumentError() = default;
NoSuchModuleError::~NoSuchModuleError() = default;
CompileError::~CompileError() = default;
NoSuchTableError::~NoSuchTableError() = default;
InvalidRequestError::~InvalidRequestError() = default;
NoResultFound::~NoResultFound() = default;
MultipleResultsFound::~MultipleResultsFound() = default;
ResourceClosedError::~ResourceClosedError() = default;
TimeoutError::~TimeoutError() = default;
DBAPIError::~DBAPIError() = default;
InterfaceError::~InterfaceError() = default;
DatabaseError::~DatabaseError() = default;
IntegrityError::~IntegrityError() = default;
OperationalError::~OperationalError() = default;
ProgrammingError::~ProgrammingError() = default;
DataError::~DataError() = default;
NotSupportedError::~NotSupportedError() = default;
InternalError::~InternalError() = default;

namespace {
// Long values and long parameter lists are cut so that one error cannot flood a log
// (SQLAlchemy does the same).
constexpr std::size_t max_value_chars = 300;
constexpr std::size_t max_shown_params = 100;

std::string short_repr(const Value& v) {
    std::string r = v.repr();
    if (r.size() <= max_value_chars) return r;
    std::size_t cut = r.size() - max_value_chars;
    return r.substr(0, max_value_chars / 2) + " ... (" + std::to_string(cut) + " characters truncated) ... " +
           r.substr(r.size() - max_value_chars / 2);
}
}  // namespace

DBAPIError::DBAPIError(std::string driver_message, std::string sqlstate, std::optional<std::int64_t> native_code)
    : Error(driver_message),
      driver_message_(std::move(driver_message)),
      sqlstate_(std::move(sqlstate)),
      native_code_(native_code) {
    rebuild_message();
}

void DBAPIError::attach_statement(std::string statement, std::vector<Value> params, bool hide_parameters) {
    statement_ = std::move(statement);
    params_ = std::move(params);
    hide_parameters_ = hide_parameters;
    rebuild_message();
}

void DBAPIError::set_connection_invalidated(bool v) {
    connection_invalidated_ = v;
    rebuild_message();
}

void DBAPIError::rebuild_message() {
    std::string m = driver_message_;
    if (!statement_.empty()) m += "\n[SQL: " + statement_ + "]";
    if (!params_.empty()) {
        if (hide_parameters_) {
            m += "\n[parameters hidden: " + std::to_string(params_.size()) +
                 (params_.size() == 1 ? " value]" : " values]");
        } else {
            m += "\n[parameters: (";
            std::size_t shown = std::min(params_.size(), max_shown_params);
            for (std::size_t i = 0; i < shown; ++i) {
                if (i) m += ", ";
                m += short_repr(params_[i]);
            }
            if (shown < params_.size()) m += ", ... " + std::to_string(params_.size() - shown) + " more";
            m += ")]";
        }
    }
    if (!sqlstate_.empty() || native_code_) {
        m += "\n(";
        if (!sqlstate_.empty()) m += "SQLSTATE " + sqlstate_;
        if (native_code_) m += std::string(sqlstate_.empty() ? "" : ", ") + "code " + std::to_string(*native_code_);
        m += ")";
    }
    if (connection_invalidated_) m += "\n(the connection was invalidated and removed from the pool)";
    full_message_ = std::move(m);
}

void throw_for_sqlstate(std::string message, std::string sqlstate, std::optional<std::int64_t> native_code) {
    std::string s = sqlstate;
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::string cls = s.substr(0, 2);
    auto is = [&](std::initializer_list<const char*> classes) {
        for (const char* c : classes)
            if (cls == c) return true;
        return false;
    };
    // Classes per SQL:2016 / PostgreSQL appendix A, grouped the way PEP 249 drivers
    // (psycopg, pyodbc) group them.
    if (s == "40002") throw IntegrityError(std::move(message), std::move(sqlstate), native_code);  // on commit
    if (is({"23"})) throw IntegrityError(std::move(message), std::move(sqlstate), native_code);
    if (is({"22"})) throw DataError(std::move(message), std::move(sqlstate), native_code);
    if (is({"0A"})) throw NotSupportedError(std::move(message), std::move(sqlstate), native_code);
    // 42 syntax/access, 2x/3x invalid names and specifications, 44 WITH CHECK OPTION.
    if (is({"42", "20", "21", "26", "34", "3D", "3F", "44"}))
        throw ProgrammingError(std::move(message), std::move(sqlstate), native_code);
    // 08 connection, 28 authorization, 40 rollback (deadlock, serialization), 53 resources,
    // 54 limits, 55 object state, 57 operator intervention (incl. 57P shutdown), 58 system,
    // HY T00/T01 ODBC timeouts.
    if (is({"08", "28", "40", "53", "54", "55", "57", "58", "HV"}) || s == "HYT00" || s == "HYT01")
        throw OperationalError(std::move(message), std::move(sqlstate), native_code);
    // 24 cursor state, 25 transaction state, 27, 2B, 2D, 2F, 38, 39, 3B, F0, P0 and XX internal.
    if (is({"24", "25", "27", "2B", "2D", "2F", "38", "39", "3B", "F0", "P0", "XX"}))
        throw InternalError(std::move(message), std::move(sqlstate), native_code);
    // IM: the ODBC driver manager itself (no such DSN, driver not loadable).
    if (is({"IM"})) throw InterfaceError(std::move(message), std::move(sqlstate), native_code);
    throw DatabaseError(std::move(message), std::move(sqlstate), native_code);
}

}  // namespace athanor
