// Naming conventions: %(token)s templates filled from the constraint's table and columns.
#include <athanor/errors.hpp>
#include <athanor/sql/schema/naming_convention.hpp>

namespace athanor::sql {

namespace {

/// column_0_name, column_0N_name, column_0_N_name (and _label / _key, referred_ variants).
bool column_token(const std::string& token, const NamingContext& ctx, std::string& out) {
    std::string rest = token;
    bool referred = false;
    if (rest.rfind("referred_", 0) == 0) {
        referred = true;
        rest = rest.substr(9);
    }
    if (rest.rfind("column_0", 0) != 0) return false;
    rest = rest.substr(8);
    std::string separator;
    bool all = false;
    if (rest.rfind("N_", 0) == 0) {
        all = true;
        rest = rest.substr(1);
    } else if (rest.rfind("_N_", 0) == 0) {
        all = true;
        separator = "_";
        rest = rest.substr(2);
    }
    const bool label = rest == "_label";
    if (rest != "_name" && rest != "_key" && !label) return false;
    if (label && referred) return false;
    const auto& cols = referred ? ctx.referred_columns : ctx.columns;
    if (cols.empty())
        throw ArgumentError("naming convention token %(" + token + ")s cannot be used here: the constraint on table '" +
                            ctx.table_name + "' has no columns");
    const auto one = [&](const std::string& c) { return label ? ctx.table_name + "_" + c : c; };
    out = one(cols.front());
    if (all)
        for (std::size_t i = 1; i < cols.size(); ++i) out += separator + one(cols[i]);
    return true;
}

std::string token_value(const std::string& token, const NamingContext& ctx) {
    if (token == "table_name") return ctx.table_name;
    if (token == "referred_table_name") {
        if (ctx.referred_table_name.empty())
            throw ArgumentError("naming convention token %(referred_table_name)s applies to foreign keys only (table '" +
                                ctx.table_name + "')");
        return ctx.referred_table_name;
    }
    if (token == "constraint_name") {
        if (ctx.constraint_name.empty())
            throw ArgumentError("naming convention for a constraint on table '" + ctx.table_name +
                                "' uses %(constraint_name)s, so the constraint must be named explicitly");
        return ctx.constraint_name;
    }
    std::string out;
    if (column_token(token, ctx, out)) return out;
    throw ArgumentError("unknown naming convention token %(" + token +
                        ")s; known: table_name, constraint_name, referred_table_name, column_0_name, "
                        "column_0_label, column_0_key, column_0N_name, column_0_N_name, referred_column_0_name");
}

}  // namespace

std::string convention_name(const NamingConvention& convention, const std::string& key,
                            const std::string& explicit_name, const NamingContext& context) {
    auto it = convention.find(key);
    if (it == convention.end()) return explicit_name;
    const std::string& tpl = it->second;
    if (!explicit_name.empty() && tpl.find("%(constraint_name)s") == std::string::npos) return explicit_name;
    std::string out;
    for (std::size_t i = 0; i < tpl.size();) {
        if (tpl.compare(i, 2, "%(") == 0) {
            const auto close = tpl.find(")s", i + 2);
            if (close == std::string::npos)
                throw ArgumentError("naming convention '" + tpl + "' for \"" + key + "\" has an unterminated %(token)s");
            out += token_value(tpl.substr(i + 2, close - i - 2), context);
            i = close + 2;
        } else {
            out += tpl[i++];
        }
    }
    return out;
}

}  // namespace athanor::sql
