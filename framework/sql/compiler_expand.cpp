// The generic SQL compiler's post-compile step: a statement whose compiled form keeps expanding
// IN lists and literal_execute binds as markers, rendered for the values of one execution.
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

/// The list a named expanding bind takes: the caller's, else the statement's, else its own.
const ListParam& list_for(const BindParameter& b, const Params& params, const Params* statement_values) {
    if (const ListParam* list = params.find_list(b.key)) return *list;
    if (params.find(b.key))
        throw ArgumentError("the expanding bind parameter '" + b.key +
                            "' takes a list of values: give it with Params::set_list() or Params::set_tuples()");
    if (statement_values)
        if (const ListParam* list = statement_values->find_list(b.key)) return *list;
    if (b.default_list) return *b.default_list;
    throw ArgumentError("A list of values is required for the expanding bind parameter '" + b.key +
                        "' (Params::set_list() or Params::set_tuples())");
}

Value processed(const Processor& processor, const Value& value) {
    return processor && !value.is_null() ? processor(value) : value;
}

}  // namespace

std::string SqlCompiler::render_template(const CompiledStatement& compiled, const Params* params,
                                         const Params* statement_values, std::vector<BindParameter>* binds) {
    const bool positional = dialect_.paramstyle() != sdk::Paramstyle::named;
    std::string sql;
    sql.reserve(compiled.expanding_template.size() + 32);
    std::size_t next_bind = 0;  // positional: every bind in order; named: the expanding ones
    std::size_t position = 0;
    const auto next = [&]() -> std::size_t {
        if (!positional)
            while (next_bind < compiled.binds.size() && !compiled.binds[next_bind].expanding) ++next_bind;
        if (next_bind >= compiled.binds.size()) throw CompileError("post-compile template and binds disagree");
        return next_bind++;
    };
    // What each expanding bind (by index into compiled.binds) expanded to.
    std::vector<std::vector<BindParameter>> expanded(binds ? compiled.binds.size() : 0);
    std::vector<std::size_t> groups;  // where each open `x IN (...)` group starts in `sql`
    bool last_empty = false;          // the latest expanding list had no values
    const auto placeholder = [&](std::size_t index, std::string key, Value value, const Processor& processor) {
        sql += bind_placeholder(safe_bind_name(key), ++position);
        if (binds) expanded[index].push_back(BindParameter{std::move(key), std::move(value), processor, false});
    };
    for (char c : compiled.expanding_template) {
        if (c == positional_marker) {
            const BindParameter& b = compiled.binds[next()];
            sql += bind_placeholder(safe_bind_name(b.key), ++position);
        } else if (c == group_open_marker) {
            groups.push_back(sql.size());
        } else if (c == group_close_marker) {
            const std::size_t at = groups.back();
            groups.pop_back();
            if (params && last_empty) {
                sql.insert(at, 1, '(');
                sql += ')';
            }
        } else if (c == expanding_marker) {
            const std::size_t index = next();
            const BindParameter& b = compiled.binds[index];
            if (!params) {
                sql += "__[POSTCOMPILE_" + safe_bind_name(b.key) + "]";
                continue;
            }
            last_empty = false;
            switch (b.post_compile) {
                case BindParameter::PostCompile::statement_values: {
                    std::size_t n = expanding_count(b.key, *params);
                    if (statement_values) n = std::max(n, expanding_count(b.key, *statement_values));
                    if (n == 0)
                        throw ArgumentError("no values for the IN list '" + b.key + "' (expected " + b.key + "_1, " +
                                            b.key + "_2, ...)");
                    for (std::size_t i = 1; i <= n; ++i) {
                        if (i > 1) sql += ", ";
                        sql += bind_placeholder(safe_bind_name(b.key + "_" + std::to_string(i)), ++position);
                        if (binds)
                            expanded[index].push_back(
                                BindParameter{b.key + "_" + std::to_string(i), std::nullopt, b.processor, false});
                    }
                    break;
                }
                case BindParameter::PostCompile::scalar: {
                    const Value* v = params->find(b.key);
                    if (!v && statement_values) v = statement_values->find(b.key);
                    if (!v && b.value) v = &*b.value;
                    if (!v) throw ArgumentError("A value is required for bind parameter '" + b.key + "'");
                    sql += render_literal_value(processed(b.processor, *v));
                    break;
                }
                case BindParameter::PostCompile::list: {
                    const ListParam& list = list_for(b, *params, statement_values);
                    const std::size_t n = list.size();
                    if (n == 0) {
                        sql += b.empty_set;
                        last_empty = true;
                        break;
                    }
                    const std::size_t width = list.tuples ? list.width : 0;
                    if (!b.any_shape && width != b.tuple_width)
                        throw ArgumentError(
                            "the expanding bind parameter '" + b.key + "' is compared with " +
                            (b.tuple_width ? "tuples of " + std::to_string(b.tuple_width) + " values"
                                           : std::string("a single value")) +
                            " but was given " +
                            (width ? "tuples of " + std::to_string(width) + " values (Params::set_tuples())"
                                   : std::string("scalars (Params::set_list())")));
                    if (b.any_shape && !b.element_processors.empty() && width != b.element_processors.size())
                        throw ArgumentError("the expanding bind parameter '" + b.key + "' has " +
                                            std::to_string(b.element_processors.size()) +
                                            " tuple types but was given " +
                                            (width ? "tuples of " + std::to_string(width) + " values"
                                                   : std::string("scalars")));
                    for (std::size_t i = 0; i < n; ++i) {
                        if (i) sql += ", ";
                        const std::string element = b.key + "_" + std::to_string(i + 1);
                        if (width == 0) {
                            if (b.literal_execute)
                                sql += render_literal_value(processed(b.processor, list.values[i]));
                            else
                                placeholder(index, element, list.values[i], b.processor);
                            continue;
                        }
                        sql += '(';
                        for (std::size_t j = 0; j < width; ++j) {
                            if (j) sql += ", ";
                            const Value& value = list.values[i * width + j];
                            static const Processor none;
                            const Processor& processor =
                                j < b.element_processors.size() ? b.element_processors[j] : none;
                            if (b.literal_execute)
                                sql += render_literal_value(processed(processor, value));
                            else
                                placeholder(index, element + "_" + std::to_string(j + 1), value, processor);
                        }
                        sql += ')';
                    }
                    break;
                }
            }
        } else {
            sql += c;
        }
    }
    if (binds) {
        binds->clear();
        for (std::size_t i = 0; i < compiled.binds.size(); ++i) {
            if (!compiled.binds[i].expanding) {
                binds->push_back(compiled.binds[i]);
                continue;
            }
            for (auto& e : expanded[i]) binds->push_back(std::move(e));
        }
    }
    return sql;
}

std::shared_ptr<CompiledStatement> SqlCompiler::expand(const CompiledStatement& compiled, const Params& params,
                                                       const Params* statement_values) {
    auto out = std::make_shared<CompiledStatement>(compiled);
    out->expanding_template.clear();
    out->sql = render_template(compiled, &params, statement_values, &out->binds);
    return out;
}

}  // namespace athanor::sql
