// name_normalizer.hpp (private to the reflection code) — applies the dialect's name
// normalization (IdentifierPreparer::normalize_name / denormalize_name) to what the Inspector
// sends to and gets back from a Reflector: every name in a reflected record goes through
// normalize_name(), every name handed to the catalog through denormalize_name(). For a dialect
// that does not normalize (Dialect::requires_name_normalize() false) both leave names as they are.
#pragma once

#include <athanor/reflected.hpp>
#include <athanor/sql/identifier_preparer.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace athanor::reflection_detail {

class NameNormalizer {
public:
    /// `preparer` must outlive the normalizer.
    explicit NameNormalizer(const sql::IdentifierPreparer& preparer);

    bool active() const { return active_; }
    /// A name for the catalog ("" stays "": the default schema).
    std::string to_catalog(std::string_view name) const;
    std::vector<std::string> to_catalog(const std::vector<std::string>& names) const;
    MultiReflectOptions to_catalog(const MultiReflectOptions& options) const;

    std::string from_catalog(std::string_view name) const;
    void from_catalog(std::vector<std::string>& names) const;
    void from_catalog(ReflectedColumn& column) const;
    void from_catalog(ReflectedPrimaryKey& pk) const;
    void from_catalog(ReflectedForeignKey& fk) const;
    void from_catalog(ReflectedIndex& index) const;
    void from_catalog(ReflectedUniqueConstraint& uc) const;
    void from_catalog(ReflectedCheckConstraint& cc) const;
    void from_catalog(ReflectedSequence& sequence) const;
    template <class T>
    void from_catalog(std::vector<T>& records) const {
        if (active_)
            for (auto& r : records) from_catalog(r);
    }
    /// Normalizes the keys (relation names) and the records of a get_multi_* answer.
    template <class T>
    void from_catalog(std::map<std::string, T>& by_name) const {
        if (!active_) return;
        std::map<std::string, T> out;
        for (auto& [name, value] : by_name) {
            if constexpr (!std::is_same_v<T, std::optional<std::string>> &&
                          !std::is_same_v<T, std::map<std::string, std::string>>)
                from_catalog(value);
            out.emplace(from_catalog(name), std::move(value));
        }
        by_name = std::move(out);
    }

private:
    const sql::IdentifierPreparer& preparer_;
    bool active_;
};

}  // namespace athanor::reflection_detail
