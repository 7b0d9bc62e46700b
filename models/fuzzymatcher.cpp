// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzymatcher.h"

namespace Orrery {

namespace {

bool isWordStart(const QString &s, int i)
{
    if (i == 0)
        return true;
    const QChar prev = s.at(i - 1);
    const QChar c = s.at(i);
    if (prev == QLatin1Char('-') || prev == QLatin1Char('/') || prev == QLatin1Char('.')
        || prev == QLatin1Char(' ') || prev == QLatin1Char('_') || prev == QLatin1Char(':'))
        return true;
    return prev.isLower() && c.isUpper();
}

} // namespace

int FuzzyMatcher::score(const QString &pattern, const QString &candidate)
{
    if (pattern.isEmpty())
        return 0;
    // Greedy forward scan, preferring word starts: look ahead for the next pattern character
    // at a word start before settling for the first occurrence. Good enough for a palette and
    // linear in the candidate length.
    int score = 0;
    int pos = 0;
    int previous = -2;
    for (int p = 0; p < pattern.size(); ++p) {
        const QChar pc = pattern.at(p).toLower();
        int found = -1;
        int wordStart = -1;
        for (int i = pos; i < candidate.size(); ++i) {
            if (candidate.at(i).toLower() != pc)
                continue;
            if (found < 0)
                found = i;
            if (i == previous + 1) { // keep a consecutive run going
                wordStart = -1;
                found = i;
                break;
            }
            if (isWordStart(candidate, i)) {
                wordStart = i;
                break;
            }
        }
        if (found < 0)
            return -1;
        const int at = (wordStart >= 0 && found != previous + 1) ? wordStart : found;
        score += 1;
        if (at == previous + 1)
            score += 5;
        if (isWordStart(candidate, at))
            score += 8;
        if (at == 0)
            score += 6;
        previous = at;
        pos = at + 1;
    }
    // Shorter candidates win ties: "pods" before "poddisruptionbudgets".
    score -= candidate.size() / 8;
    if (candidate.compare(pattern, Qt::CaseInsensitive) == 0)
        score += 50;
    else if (candidate.startsWith(pattern, Qt::CaseInsensitive))
        score += 20;
    return score;
}

} // namespace Orrery
