// The generic SQL compiler's expanding IN post-compile: a statement compiled with
// keep_expanding rendered for the values of one execution.
#include "compiler_placeholders.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/compiler.hpp>

#include "compiler_state.hpp"

#include <algorithm>

namespace athanor::sql {

namespace {

/// The highest n for which `key`_n is in `values` (0 when none): how many values an
/// expanding bind has. One pass over the entries, not a lookup per n.
std::size_t expanding_count(const std::string& key, const Params& values) {
    std::size_t highest = 0;
    for (const auto& [name, value] : values) {
        if (name.size() <= key.size() + 1 || name.compare(0, key.size(), key) != 0 || name[key.size()] != '_') continue;
        std::size_t n = 0;
        bool digits = true;
        for (std::size_t i = key.size() + 1; i < name.size() && digits; ++i) {
            digits = name[i] >= '0' && name[i] <= '9';
            n = n * 10 + static_cast<std::size_t>(name[i] - '0');
        }
        if (digits) highest = std::max(highest, n);
    }
    return highest;
}

}  // namespace

std::string SqlCompiler::render_template(const CompiledStatement& compiled, const Params* params,
                                         const Params* statement_values, std::vector<std::size_t>* counts) {
    const bool positional = dialect_.paramstyle() != sdk::Paramstyle::named;
    std::string sql;
    sql.reserve(compiled.expanding_template.size() + 32);
    std::size_t next_bind = 0;  // positional: every bind in order; named: the expanding ones
    std::size_t position = 0;
    const auto next = [&]() -> const BindParameter& {
        if (!positional)
            while (next_bind < compiled.binds.size() && !compiled.binds[next_bind].expanding) ++next_bind;
        return compiled.binds.at(next_bind++);
    };
    for (char c : compiled.expanding_template) {
        if (c == positional_marker) {
            sql += bind_placeholder(safe_bind_name(next().key), ++position);
        } else if (c == expanding_marker) {
            const BindParameter& b = next();
            if (!params) {
                sql += "__[POSTCOMPILE_" + safe_bind_name(b.key) + "]";
                continue;
            }
            std::size_t n = expanding_count(b.key, *params);
            if (statement_values) n = std::max(n, expanding_count(b.key, *statement_values));
            if (n == 0)
                throw ArgumentError("no values for the IN list '" + b.key + "' (expected " + b.key + "_1, " + b.key +
                                    "_2, ...)");
            for (std::size_t i = 1; i <= n; ++i) {
                if (i > 1) sql += ", ";
                sql += bind_placeholder(safe_bind_name(b.key + "_" + std::to_string(i)), ++position);
            }
            if (counts) counts->push_back(n);
        } else {
            sql += c;
        }
    }
    return sql;
}

std::shared_ptr<CompiledStatement> SqlCompiler::expand(const CompiledStatement& compiled, const Params& params,
                                                       const Params* statement_values) {
    auto out = std::make_shared<CompiledStatement>(compiled);
    out->expanding_template.clear();
    std::vector<std::size_t> counts;
    out->sql = render_template(compiled, &params, statement_values, &counts);
    // The binds in the same order, each expanding one replaced by one bind per value (the k-th
    // expanding bind is the k-th marker rendered, in either paramstyle).
    out->binds.clear();
    std::size_t k = 0;
    for (const auto& b : compiled.binds) {
        if (!b.expanding) {
            out->binds.push_back(b);
            continue;
        }
        for (std::size_t i = 1; i <= counts.at(k); ++i)
            out->binds.push_back(BindParameter{b.key + "_" + std::to_string(i), std::nullopt, b.processor, false});
        ++k;
    }
    return out;
}

}  // namespace athanor::sql
