// athanor/errors.hpp — the one exception hierarchy (after SQLAlchemy's and PEP 249's).
//
//   Error
//   ├── ArgumentError          bad input to an API call (malformed URL, wrong type asked of a Value)
//   ├── NoSuchModuleError      a dialect plugin was not found or could not be loaded
//   ├── CompileError           a construct the dialect cannot render
//   ├── NoSuchTableError       reflection of a table that does not exist
//   ├── InvalidRequestError    the call is wrong for the object's state
//   │   ├── NoResultFound, MultipleResultsFound (Result::one() and friends)
//   │   └── ResourceClosedError (a closed Result / Connection / Transaction was used)
//   ├── TimeoutError           the pool had no connection within pool_timeout
//   └── DBAPIError             raised by a driver; carries statement, parameters, SQLSTATE, code
//       ├── InterfaceError
//       └── DatabaseError
//           ├── IntegrityError, OperationalError, ProgrammingError,
//           └── DataError, NotSupportedError, InternalError
//
// All key functions live in libathanor, so an exception thrown inside a plugin stays valid
// wherever it is caught.
//
// Usage:
//   try { conn.execute(athanor::text("INSERT INTO t VALUES (1)")); }
//   catch (const athanor::IntegrityError& e) {
//       std::cerr << e.what() << " sqlstate=" << e.sqlstate() << '\n';
//   }
#pragma once

#include <athanor/export.hpp>
#include <athanor/value.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace athanor {

class ATHANOR_API Error : public std::runtime_error {
public:
    explicit Error(const std::string& message);
    ~Error() override;
};

class ATHANOR_API ArgumentError : public Error {
public:
    using Error::Error;
    ~ArgumentError() override;
};

class ATHANOR_API NoSuchModuleError : public Error {
public:
    using Error::Error;
    ~NoSuchModuleError() override;
};

class ATHANOR_API CompileError : public Error {
public:
    using Error::Error;
    ~CompileError() override;
};

class ATHANOR_API NoSuchTableError : public Error {
public:
    using Error::Error;
    ~NoSuchTableError() override;
};

class ATHANOR_API InvalidRequestError : public Error {
public:
    using Error::Error;
    ~InvalidRequestError() override;
};

class ATHANOR_API NoResultFound : public InvalidRequestError {
public:
    using InvalidRequestError::InvalidRequestError;
    ~NoResultFound() override;
};

class ATHANOR_API MultipleResultsFound : public InvalidRequestError {
public:
    using InvalidRequestError::InvalidRequestError;
    ~MultipleResultsFound() override;
};

class ATHANOR_API ResourceClosedError : public InvalidRequestError {
public:
    using InvalidRequestError::InvalidRequestError;
    ~ResourceClosedError() override;
};

class ATHANOR_API TimeoutError : public Error {
public:
    using Error::Error;
    ~TimeoutError() override;
};

/// Base of every error a driver reports. A driver throws it with the driver's own message,
/// SQLSTATE and native code; the Connection then attaches the statement and parameters.
class ATHANOR_API DBAPIError : public Error {
public:
    /// `sqlstate` is the five-character SQLSTATE, or "" when the driver has none.
    DBAPIError(std::string driver_message, std::string sqlstate = {}, std::optional<std::int64_t> native_code = {});
    ~DBAPIError() override;

    const char* what() const noexcept override { return full_message_.c_str(); }

    const std::string& driver_message() const { return driver_message_; }
    const std::string& sqlstate() const { return sqlstate_; }
    std::optional<std::int64_t> native_code() const { return native_code_; }
    const std::string& statement() const { return statement_; }
    /// The bound values, unmasked (the program owns them); only the message masks them.
    const std::vector<Value>& params() const { return params_; }
    /// True when the connection was found dead and dropped from the pool.
    bool connection_invalidated() const { return connection_invalidated_; }

    /// Called by the framework on its way out: records the statement and parameters and
    /// rebuilds what(), laid out like SQLAlchemy's:
    ///   <driver message>
    ///   [SQL: <statement>]
    ///   [parameters: (1, 'Alex')]          or  [parameters hidden: 2 values]
    ///   (SQLSTATE 23505, code 19)
    /// Lines without content are left out; long values are truncated in the message only.
    void attach_statement(std::string statement, std::vector<Value> params, bool hide_parameters);
    void set_connection_invalidated(bool v);

private:
    void rebuild_message();

    std::string driver_message_;
    std::string sqlstate_;
    std::optional<std::int64_t> native_code_;
    std::string statement_;
    std::vector<Value> params_;
    bool hide_parameters_ = true;
    bool connection_invalidated_ = false;
    std::string full_message_;
};

#define ATHANOR_DECLARE_DBAPI_ERROR(Name, Base)  \
    class ATHANOR_API Name : public Base {       \
    public:                                      \
        using Base::Base;                        \
        ~Name() override;                        \
    };

ATHANOR_DECLARE_DBAPI_ERROR(InterfaceError, DBAPIError)
ATHANOR_DECLARE_DBAPI_ERROR(DatabaseError, DBAPIError)
ATHANOR_DECLARE_DBAPI_ERROR(IntegrityError, DatabaseError)
ATHANOR_DECLARE_DBAPI_ERROR(OperationalError, DatabaseError)
ATHANOR_DECLARE_DBAPI_ERROR(ProgrammingError, DatabaseError)
ATHANOR_DECLARE_DBAPI_ERROR(DataError, DatabaseError)
ATHANOR_DECLARE_DBAPI_ERROR(NotSupportedError, DatabaseError)
ATHANOR_DECLARE_DBAPI_ERROR(InternalError, DatabaseError)

#undef ATHANOR_DECLARE_DBAPI_ERROR

/// Throws the DBAPIError subclass that PEP 249 drivers associate with a SQLSTATE class
/// (case-insensitive): 23 and 40002 -> IntegrityError; 22 -> DataError; 0A -> NotSupportedError;
/// 42, 20, 21, 26, 34, 3D, 3F, 44 -> ProgrammingError; 08, 28, 40, 53, 54, 55, 57 (incl. 57P),
/// 58, HV, HYT00, HYT01 -> OperationalError; 24, 25, 27, 2B, 2D, 2F, 38, 39, 3B, F0, P0, XX ->
/// InternalError; IM (ODBC driver manager) -> InterfaceError; anything else, "" included ->
/// DatabaseError. For drivers that report SQLSTATE (libpq, ODBC).
[[noreturn]] ATHANOR_API void throw_for_sqlstate(std::string message, std::string sqlstate,
                                                 std::optional<std::int64_t> native_code = {});

}  // namespace athanor
