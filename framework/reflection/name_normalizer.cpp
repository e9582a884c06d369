// NameNormalizer: every name field of the reflected records, through the preparer's
// normalize_name(); names sent to the catalog through denormalize_name().
#include "name_normalizer.hpp"

#include <athanor/sdk/dialect.hpp>

namespace athanor::reflection_detail {

NameNormalizer::NameNormalizer(const sql::IdentifierPreparer& preparer)
    : preparer_(preparer), active_(preparer.dialect().requires_name_normalize()) {}

std::string NameNormalizer::to_catalog(std::string_view name) const {
    if (!active_ || name.empty()) return std::string(name);
    return preparer_.denormalize_name(name);
}

std::vector<std::string> NameNormalizer::to_catalog(const std::vector<std::string>& names) const {
    std::vector<std::string> out;
    out.reserve(names.size());
    for (const auto& n : names) out.push_back(to_catalog(n));
    return out;
}

MultiReflectOptions NameNormalizer::to_catalog(const MultiReflectOptions& options) const {
    MultiReflectOptions out = options;
    out.schema = to_catalog(options.schema);
    if (options.filter_names) out.filter_names = to_catalog(*options.filter_names);
    return out;
}

std::string NameNormalizer::from_catalog(std::string_view name) const {
    if (!active_ || name.empty()) return std::string(name);
    return preparer_.normalize_name(name);
}

void NameNormalizer::from_catalog(std::vector<std::string>& names) const {
    if (!active_) return;
    for (auto& n : names) n = from_catalog(n);
}

void NameNormalizer::from_catalog(ReflectedColumn& column) const { column.name = from_catalog(column.name); }

void NameNormalizer::from_catalog(ReflectedPrimaryKey& pk) const {
    pk.name = from_catalog(pk.name);
    from_catalog(pk.constrained_columns);
}

void NameNormalizer::from_catalog(ReflectedForeignKey& fk) const {
    fk.name = from_catalog(fk.name);
    from_catalog(fk.constrained_columns);
    fk.referred_schema = from_catalog(fk.referred_schema);
    fk.referred_table = from_catalog(fk.referred_table);
    from_catalog(fk.referred_columns);
}

void NameNormalizer::from_catalog(ReflectedIndex& index) const {
    index.name = from_catalog(index.name);
    from_catalog(index.column_names);
    from_catalog(index.include_columns);
    // Expressions are SQL text, not names: only the entries that are key column names change.
    for (std::size_t i = 0; i < index.expressions.size() && i < index.column_names.size(); ++i)
        if (!index.column_names[i].empty()) index.expressions[i] = index.column_names[i];
    std::map<std::string, std::vector<std::string>> sorting;
    for (auto& [key, how] : index.column_sorting) sorting.emplace(from_catalog(key), std::move(how));
    index.column_sorting = std::move(sorting);
}

void NameNormalizer::from_catalog(ReflectedUniqueConstraint& uc) const {
    uc.name = from_catalog(uc.name);
    from_catalog(uc.column_names);
}

void NameNormalizer::from_catalog(ReflectedCheckConstraint& cc) const { cc.name = from_catalog(cc.name); }

void NameNormalizer::from_catalog(ReflectedSequence& sequence) const {
    sequence.name = from_catalog(sequence.name);
    sequence.owner_table = from_catalog(sequence.owner_table);
    sequence.owner_column = from_catalog(sequence.owner_column);
}

}  // namespace athanor::reflection_detail
