// Prints the size and alignment of every type a plugin inherits from or exchanges with
// libathanor across the plugin boundary; check_abi.py compares them with surface.txt.
#include <athanor/errors.hpp>
#include <athanor/reflected.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/driver.hpp>
#include <athanor/sdk/parameter_rows.hpp>
#include <athanor/sdk/reflector.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/ddl_compiler.hpp>
#include <athanor/sql/identifier_preparer.hpp>
#include <athanor/sql/type_compiler.hpp>
#include <athanor/url.hpp>
#include <athanor/value.hpp>

#include <cstdio>

#define LAYOUT(T) std::printf("layout %s %zu %zu\n", #T, sizeof(T), alignof(T))

int main() {
    using namespace athanor;
    LAYOUT(sdk::Dialect);
    LAYOUT(sdk::DriverConnection);
    LAYOUT(sdk::Cursor);
    LAYOUT(sdk::Reflector);
    LAYOUT(sdk::ColumnDescription);
    LAYOUT(sdk::ParameterRows);
    LAYOUT(sdk::ParameterRow);
    LAYOUT(sql::SqlCompiler);
    LAYOUT(sql::DdlCompiler);
    LAYOUT(sql::TypeCompiler);
    LAYOUT(sql::IdentifierPreparer);
    LAYOUT(Value);
    LAYOUT(Params);
    LAYOUT(Date);
    LAYOUT(Time);
    LAYOUT(DateTime);
    LAYOUT(Decimal);
    LAYOUT(Interval);
    LAYOUT(Url);
    LAYOUT(DBAPIError);
    LAYOUT(ReflectedColumn);
    LAYOUT(ReflectedPrimaryKey);
    LAYOUT(ReflectedForeignKey);
    LAYOUT(ReflectedIndex);
    LAYOUT(ReflectedUniqueConstraint);
    LAYOUT(ReflectedCheckConstraint);
    LAYOUT(ReflectedSequence);
    return 0;
}
