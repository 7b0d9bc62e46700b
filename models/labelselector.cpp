// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelselector.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Orrery {

namespace {

// Label keys: optional DNS prefix and '/', then a name of alphanumerics, '-', '_', '.'.
bool isValidKey(const QString &key)
{
    static const QRegularExpression re(QStringLiteral(
        "^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$"));
    return re.match(key).hasMatch();
}

bool isValidValue(const QString &value)
{
    static const QRegularExpression re(
        QStringLiteral("^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$"));
    return re.match(value).hasMatch();
}

// Splits on commas that are not inside parentheses ("env in (a,b),app=x").
QStringList splitTopLevel(const QString &text, QString *error)
{
    QStringList parts;
    QString current;
    int depth = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char(')')) {
            if (--depth < 0) {
                *error = QCoreApplication::translate("LabelSelector", "Unbalanced ')'.");
                return {};
            }
        } else if (c == QLatin1Char(',') && depth == 0) {
            parts << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    if (depth != 0) {
        *error = QCoreApplication::translate("LabelSelector", "Missing ')'.");
        return {};
    }
    parts << current.trimmed();
    return parts;
}

} // namespace

LabelSelector LabelSelector::parse(const QString &text)
{
    LabelSelector selector;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return selector;

    QString error;
    const QStringList parts = splitTopLevel(trimmed, &error);
    if (!error.isEmpty()) {
        selector.m_error = error;
        return selector;
    }

    static const QRegularExpression setRe(
        QStringLiteral("^(\\S+)\\s+(in|notin)\\s*\\(([^)]*)\\)$"));
    for (const QString &part : parts) {
        if (part.isEmpty()) {
            selector.m_error = QCoreApplication::translate("LabelSelector", "Empty requirement.");
            return selector;
        }
        Requirement r;
        const auto setMatch = setRe.match(part);
        if (setMatch.hasMatch()) {
            r.key = setMatch.captured(1);
            r.op = setMatch.captured(2) == QLatin1String("in") ? Op::In : Op::NotIn;
            for (const QString &v : setMatch.captured(3).split(QLatin1Char(',')))
                r.values << v.trimmed();
        } else if (const int ne = part.indexOf(QLatin1String("!=")); ne > 0) {
            r.key = part.left(ne).trimmed();
            r.op = Op::NotEquals;
            r.values << part.mid(ne + 2).trimmed();
        } else if (const int eq2 = part.indexOf(QLatin1String("==")); eq2 > 0) {
            r.key = part.left(eq2).trimmed();
            r.op = Op::Equals;
            r.values << part.mid(eq2 + 2).trimmed();
        } else if (const int eq = part.indexOf(QLatin1Char('=')); eq > 0) {
            r.key = part.left(eq).trimmed();
            r.op = Op::Equals;
            r.values << part.mid(eq + 1).trimmed();
        } else if (part.startsWith(QLatin1Char('!'))) {
            r.key = part.mid(1).trimmed();
            r.op = Op::DoesNotExist;
        } else {
            r.key = part;
            r.op = Op::Exists;
        }
        if (!isValidKey(r.key)) {
            selector.m_error
                = QCoreApplication::translate("LabelSelector", "Invalid label key \"%1\".")
                      .arg(r.key);
            return selector;
        }
        for (const QString &v : std::as_const(r.values)) {
            if (!isValidValue(v)) {
                selector.m_error
                    = QCoreApplication::translate("LabelSelector", "Invalid label value \"%1\".")
                          .arg(v);
                return selector;
            }
        }
        selector.m_requirements << r;
    }
    return selector;
}

bool LabelSelector::matches(const QHash<QString, QString> &labels) const
{
    for (const Requirement &r : m_requirements) {
        const auto it = labels.constFind(r.key);
        const bool has = it != labels.constEnd();
        switch (r.op) {
        case Op::Exists:
            if (!has)
                return false;
            break;
        case Op::DoesNotExist:
            if (has)
                return false;
            break;
        case Op::Equals:
            if (!has || *it != r.values.value(0))
                return false;
            break;
        case Op::NotEquals:
            // kubectl semantics: a missing label satisfies "!=".
            if (has && *it == r.values.value(0))
                return false;
            break;
        case Op::In:
            if (!has || !r.values.contains(*it))
                return false;
            break;
        case Op::NotIn:
            if (has && r.values.contains(*it))
                return false;
            break;
        }
    }
    return true;
}

bool LabelSelector::looksLikeSelector(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(=|\\s(in|notin)\\s*\\()"));
    return re.match(text).hasMatch();
}

} // namespace Orrery
