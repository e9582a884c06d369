// Key functions of the driver SPI: their vtables live in libathanor.
#include <athanor/sdk/driver.hpp>

namespace athanor::sdk {

Cursor::~Cursor() = default;
DriverConnection::~DriverConnection() = default;

}  // namespace athanor::sdk
