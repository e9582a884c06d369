// Parameter sets bound to positional values for executemany, without copies where possible.
#include "parameter_binding.hpp"

#include <athanor/errors.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

namespace athanor::detail {

namespace {

/// Key equality without a call to memcmp for the short keys parameter sets use: two 8-byte
/// loads cover keys of 8 to 16 bytes.
inline bool same_key(const std::string& a, const std::string& b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    if (n < 8 || n > 16) return a == b;
    std::uint64_t x, y, u, v;
    std::memcpy(&x, a.data(), 8);
    std::memcpy(&y, b.data(), 8);
    std::memcpy(&u, a.data() + n - 8, 8);
    std::memcpy(&v, b.data() + n - 8, 8);
    return x == y && u == v;
}

const Value* lookup_bind_slow(const sql::BindParameter& b, const Params& params, const Params* statement_values,
                              std::size_t& slot);

/// The value `b` takes from one parameter set: the set's own entry, else the statement's
/// values(), else the bind's literal value; nullptr when missing. `slot` remembers where b's key
/// sat in the previous set: the sets of one executemany() nearly always share their key order,
/// so a row costs one key compare per bind instead of a scan; a set in another order falls back
/// to the scan and re-learns the slot.
inline const Value* lookup_bind(const sql::BindParameter& b, const Params& params, const Params* statement_values,
                                std::size_t& slot) {
    const auto& items = params.items();
    if (slot < items.size() && same_key(items[slot].first, b.key)) return &items[slot].second;
    return lookup_bind_slow(b, params, statement_values, slot);
}

const Value* lookup_bind_slow(const sql::BindParameter& b, const Params& params, const Params* statement_values,
                              std::size_t& slot) {
    const auto& items = params.items();
    for (std::size_t k = 0; k < items.size(); ++k)
        if (items[k].first == b.key) {
            slot = k;
            return &items[k].second;
        }
    if (statement_values)
        if (const Value* v = statement_values->find(b.key)) return v;
    if (b.value) return &*b.value;
    return nullptr;
}

/// A long list of parameter sets was built long before it is sent, so its entries sit in
/// memory, not in cache: asking for the entries of a set a few rows ahead overlaps those reads
/// instead of waiting for each in turn.
constexpr std::size_t prefetch_distance = 8;

void prefetch_entries(const Params& params) {
    const auto* bytes = reinterpret_cast<const char*>(params.items().data());
    const std::size_t size = params.size() * sizeof(Params::Item);
    for (std::size_t offset = 0; offset < size; offset += 64) __builtin_prefetch(bytes + offset);
}

bool has_processor(const sql::BindParameter& b) { return static_cast<bool>(b.processor); }

}  // namespace

void bind_into(const sql::CompiledStatement& compiled, const Params& params, const Params* statement_values,
               std::vector<Value>& out, std::vector<std::size_t>& slots) {
    const auto& binds = compiled.binds;
    out.resize(binds.size());
    slots.resize(binds.size(), static_cast<std::size_t>(-1));
    for (std::size_t i = 0; i < binds.size(); ++i) {
        const auto& b = binds[i];
        const Value* v = lookup_bind(b, params, statement_values, slots[i]);
        if (!v) {
            out = compiled.bind(params, statement_values);  // throws ArgumentError naming the key
            return;
        }
        if (b.processor)
            out[i] = b.processor(*v);
        else
            out[i] = *v;
    }
}

std::vector<std::vector<Value>> bind_all(const sql::CompiledStatement& compiled, const std::vector<Params>& param_sets,
                                         const Params* statement_values) {
    std::vector<std::vector<Value>> rows;
    rows.reserve(param_sets.size());
    for (const auto& params : param_sets) rows.push_back(compiled.bind(params, statement_values));
    return rows;
}

std::vector<std::vector<Value>> prebind_processed(const sql::CompiledStatement& compiled,
                                                  const std::vector<Params>& param_sets,
                                                  const Params* statement_values) {
    if (std::none_of(compiled.binds.begin(), compiled.binds.end(), has_processor)) return {};
    return bind_all(compiled, param_sets, statement_values);
}

BoundBatch::BoundBatch(const sql::CompiledStatement& compiled, const std::vector<Params>& param_sets,
                       const Params* statement_values)
    : rows(param_sets.size()), width(compiled.binds.size()) {
    const auto& binds = compiled.binds;
    const auto with_processor = static_cast<std::size_t>(std::count_if(binds.begin(), binds.end(), has_processor));
    processed.reserve(with_processor * rows);
    cells.resize(rows * width);
    std::vector<std::size_t> slots(width, static_cast<std::size_t>(-1));
    for (std::size_t r = 0; r < rows; ++r) {
        if (r + prefetch_distance < rows) prefetch_entries(param_sets[r + prefetch_distance]);
        const Params& params = param_sets[r];
        const Value** row = cells.data() + r * width;
        for (std::size_t i = 0; i < width; ++i) {
            const auto& b = binds[i];
            const Value* v = lookup_bind(b, params, statement_values, slots[i]);
            if (!v) {
                compiled.bind(params, statement_values);  // throws ArgumentError naming the key
                throw InternalError("bind parameter '" + b.key + "' has no value");
            }
            if (b.processor) {
                processed.push_back(b.processor(*v));
                v = &processed.back();
            }
            row[i] = v;
        }
    }
}

}  // namespace athanor::detail
