// conformance/tests/select_support.hpp — what the select cases share the select cases share (see test_select.cpp, test_select_limit.cpp).
//
// SomeTableFixture is SQLAlchemy's FetchLimitOffsetTest table some_table(id, x, y) with its five
// rows, created and committed; a case's fixture derives from it and adds its readers:
//   struct SomeTable : cf::SomeTableFixture { Ints ids(const Select& q) {...} };
#pragma once

#include "context.hpp"

#include <vector>

namespace cf {

struct SomeTableFixture {
    cf::Session s;
    athanor::sql::Table& t = s.metadata.table(
        "cf_some_table",
        athanor::sql::Column("id", ty::Integer(), athanor::sql::primary_key(), athanor::sql::autoincrement(false)),
        athanor::sql::Column("x", ty::Integer()), athanor::sql::Column("y", ty::Integer()));
    SomeTableFixture() {
        s.create_all();
        s.conn.execute(t.insert(), std::vector<athanor::Params>{{{"id", 1}, {"x", 1}, {"y", 2}}, {{"id", 2}, {"x", 2}, {"y", 3}},
                                                                {{"id", 3}, {"x", 3}, {"y", 4}}, {{"id", 4}, {"x", 4}, {"y", 5}},
                                                                {{"id", 5}, {"x", 4}, {"y", 6}}});
        s.conn.commit();
    }
};

}  // namespace cf
