// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <labels.h>

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Orrery {

// A Kubernetes label selector in its text form, as `kubectl get -l` accepts it:
// "app=web,tier!=db", "env in (prod,staging)", "env notin (dev)", "gpu", "!legacy".
// Requirements are ANDed. An empty selector matches everything. Parsing and the matching rule
// are the API server's (Labels, shared with the simulator); this class adds Qt types and
// translated errors for the table and topology filters.
class LabelSelector
{
public:
    using Op = Labels::Operator;
    struct Requirement
    {
        QString key;
        Op op = Op::Exists;
        QStringList values;
    };

    LabelSelector() = default;

    // Returns an invalid selector (isValid() false, errorString() set) on a syntax error.
    static LabelSelector parse(const QString &text);

    bool isValid() const { return m_error.isEmpty(); }
    bool isEmpty() const { return m_requirements.isEmpty(); }
    QString errorString() const { return m_error; }
    const QList<Requirement> &requirements() const { return m_requirements; }

    bool matches(const QHash<QString, QString> &labels) const;

    // True when `text` looks like a selector rather than free text (contains '=', '!=',
    // " in (" or " notin ("): the table filter uses it to choose how to read the search box.
    static bool looksLikeSelector(const QString &text);

private:
    QList<Requirement> m_requirements;
    QString m_error;
};

} // namespace Orrery
