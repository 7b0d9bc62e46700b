// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Orrery::Labels {

// Kubernetes label selectors as apimachinery's pkg/labels reads and applies them: the text
// form of `kubectl get -l` and of the labelSelector query parameter ("app=web,tier!=db",
// "env in (prod,staging)", "env notin (dev)", "gpu", "!legacy"), and the matching rule the
// API server and the controllers apply, shared by metav1.LabelSelector's matchExpressions.
// Requirements are ANDed; no requirement matches everything. (The numeric "<" and ">" that
// apimachinery accepts for node affinity are not read: no label selector uses them.)

enum class Operator { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };

struct Requirement
{
    std::string key;
    Operator op = Operator::Exists;
    std::vector<std::string> values; // one for Equals/NotEquals, none for (Does Not)Exists

    bool operator==(const Requirement &) const = default;
};

struct ParseError
{
    enum class Kind {
        EmptyRequirement, // ",," or a trailing ","
        UnexpectedParen,  // a ")" that closes nothing, or a "(" where none belongs
        MissingParen,     // the text ends inside "(...)"
        InvalidKey,       // token: the key
        InvalidValue,     // token: the value
        UnexpectedToken,  // token: what was found
    };
    Kind kind = Kind::UnexpectedToken;
    std::string token;
    std::string message; // in apimachinery's words, for an API Status (English, untranslated)
};

struct ParseResult
{
    std::vector<Requirement> requirements;
    std::optional<ParseError> error;

    bool ok() const { return !error.has_value(); }
};

// labels.Parse: the whole text or an error. Blank text is no requirement at all.
ParseResult parse(std::string_view text);

// validation.IsQualifiedName: an optional DNS subdomain prefix and "/", then a name of at most
// 63 alphanumerics, '-', '_' and '.', starting and ending with an alphanumeric.
bool isValidKey(std::string_view key);
// validation.IsValidLabelValue: empty, or at most 63 of the name characters above.
bool isValidValue(std::string_view value);

// Requirement.Matches, the one rule: `hasLabel` is whether the object carries the key, and
// `valueListed` whether its value is among the requirement's values. A missing label satisfies
// "!=" and "notin".
constexpr bool satisfies(Operator op, bool hasLabel, bool valueListed)
{
    switch (op) {
    case Operator::Equals:
    case Operator::In: return hasLabel && valueListed;
    case Operator::NotEquals:
    case Operator::NotIn: return !hasLabel || !valueListed;
    case Operator::Exists: return hasLabel;
    case Operator::DoesNotExist: return !hasLabel;
    }
    return false;
}

// For any labels container: `valueOf(key)` returns std::optional<std::string_view>, empty when
// the object does not carry the key.
template <typename Lookup>
bool matches(const std::vector<Requirement> &requirements, Lookup &&valueOf)
{
    for (const Requirement &r : requirements) {
        const std::optional<std::string_view> value = valueOf(r.key);
        bool listed = false;
        if (value) {
            for (const std::string &v : r.values)
                listed = listed || v == *value;
        }
        if (!satisfies(r.op, value.has_value(), listed))
            return false;
    }
    return true;
}

// metav1.LabelSelectorRequirement's operator names: "In", "NotIn", "Exists", "DoesNotExist".
// Empty for anything else (the API server rejects other operators).
std::optional<Operator> operatorFromName(std::string_view name);

// Requirement.String(): "app=web", "tier!=db", "env in (a,b)", "env notin (a)", "gpu", "!gpu".
std::string toString(const Requirement &requirement);
// The requirements joined with ",".
std::string toString(const std::vector<Requirement> &requirements);

} // namespace Orrery::Labels
