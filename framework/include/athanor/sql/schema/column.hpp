// athanor/sql/schema/column.hpp — a table column's definition: name, type, keys, nullability.
//
// Options are passed after the type, in any order; the schema layer will add defaults,
// server defaults, unique/index and comments in the same style.
//
// Usage:
//   using namespace athanor::sql;
//   Column("id", TypeEngine::named("INTEGER"), primary_key());
//   Column("user_id", TypeEngine::named("INTEGER"), ForeignKey("users.id"), nullable(false));
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/type_engine.hpp>

#include <optional>
#include <string>
#include <vector>

namespace athanor::sql {

struct PrimaryKeyOption {};
struct NullableOption {
    bool value = true;
};
struct AutoincrementOption {
    bool value = true;
};

inline PrimaryKeyOption primary_key() { return {}; }
inline NullableOption nullable(bool value = true) { return {value}; }
inline AutoincrementOption autoincrement(bool value = true) { return {value}; }

/// A reference to another table's column, "table.column".
class ATHANOR_API ForeignKey {
public:
    /// Throws ArgumentError unless `target` is "table.column".
    explicit ForeignKey(std::string target);
    const std::string& table() const { return table_; }
    const std::string& column() const { return column_; }
    std::string target() const { return table_ + "." + column_; }

private:
    std::string table_;
    std::string column_;
};

class ATHANOR_API Column {
public:
    template <class... Options>
    Column(std::string name, TypePtr type, Options&&... options) : name_(std::move(name)), type_(std::move(type)) {
        (apply(std::forward<Options>(options)), ...);
    }

    const std::string& name() const { return name_; }
    const TypePtr& type() const { return type_; }
    bool primary_key() const { return primary_key_; }
    /// Primary-key columns are NOT NULL unless said otherwise.
    bool nullable() const { return nullable_.value_or(!primary_key_); }
    /// nullopt: "auto" (a lone integer primary key without a foreign key is autoincrement).
    std::optional<bool> autoincrement() const { return autoincrement_; }
    const std::vector<ForeignKey>& foreign_keys() const { return foreign_keys_; }

private:
    void apply(PrimaryKeyOption) { primary_key_ = true; }
    void apply(NullableOption o) { nullable_ = o.value; }
    void apply(AutoincrementOption o) { autoincrement_ = o.value; }
    void apply(ForeignKey fk) { foreign_keys_.push_back(std::move(fk)); }

    std::string name_;
    TypePtr type_;
    bool primary_key_ = false;
    std::optional<bool> nullable_;
    std::optional<bool> autoincrement_;
    std::vector<ForeignKey> foreign_keys_;
};

}  // namespace athanor::sql
