// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Orrery {

// Subsequence fuzzy matching as in editors' "go to anything": every character of the pattern
// must appear in order in the candidate (case-insensitive). The score rewards consecutive
// runs, matches at word starts ('-', '/', '.', ' ', camelCase) and a match at the beginning,
// so "wfe" ranks "web-frontend" above "workflow-engine".
class FuzzyMatcher
{
public:
    // -1: no match. Higher is better. An empty pattern matches everything with score 0.
    static int score(const QString &pattern, const QString &candidate);
};

} // namespace Orrery
