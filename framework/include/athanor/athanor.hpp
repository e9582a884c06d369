// athanor/athanor.hpp — everything an application needs, in one include.
//
// Usage:
//   #include <athanor/athanor.hpp>
//   namespace sa = athanor;
//   auto engine = sa::create_engine("sqlite:///demo.db");
//   auto conn = engine.connect();
//   for (const auto& row : conn.execute(sa::text("SELECT 1 AS one")))
//       std::cout << row.get<int>("one") << '\n';
#pragma once

#include <athanor/errors.hpp>
#include <athanor/value.hpp>
#include <athanor/engine/connection.hpp>
#include <athanor/engine/engine.hpp>
#include <athanor/engine/mock_engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/engine/pool.hpp>
#include <athanor/engine/result.hpp>
#include <athanor/url.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/text.hpp>
