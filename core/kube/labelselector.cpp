// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelselector.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Orrery {

namespace {

QString errorText(const Labels::ParseError &error)
{
    const QString token = QString::fromStdString(error.token);
    switch (error.kind) {
    case Labels::ParseError::Kind::EmptyRequirement:
        return QCoreApplication::translate("LabelSelector", "Empty requirement.");
    case Labels::ParseError::Kind::UnexpectedParen:
        return token == QLatin1String("(")
                   ? QCoreApplication::translate("LabelSelector", "Unexpected '('.")
                   : QCoreApplication::translate("LabelSelector", "Unbalanced ')'.");
    case Labels::ParseError::Kind::MissingParen:
        return QCoreApplication::translate("LabelSelector", "Missing ')'.");
    case Labels::ParseError::Kind::InvalidKey:
        return QCoreApplication::translate("LabelSelector", "Invalid label key \"%1\".").arg(token);
    case Labels::ParseError::Kind::InvalidValue:
        return QCoreApplication::translate("LabelSelector", "Invalid label value \"%1\".")
            .arg(token);
    case Labels::ParseError::Kind::UnexpectedToken: break;
    }
    return QCoreApplication::translate("LabelSelector", "Unexpected \"%1\".").arg(token);
}

} // namespace

LabelSelector LabelSelector::parse(const QString &text)
{
    LabelSelector selector;
    const Labels::ParseResult parsed = Labels::parse(text.toStdString());
    if (parsed.error) {
        selector.m_error = errorText(*parsed.error);
        return selector;
    }
    selector.m_requirements.reserve(qsizetype(parsed.requirements.size()));
    for (const Labels::Requirement &r : parsed.requirements) {
        Requirement q;
        q.key = QString::fromStdString(r.key);
        q.op = r.op;
        for (const std::string &v : r.values)
            q.values << QString::fromStdString(v);
        selector.m_requirements << q;
    }
    return selector;
}

bool LabelSelector::matches(const QHash<QString, QString> &labels) const
{
    for (const Requirement &r : m_requirements) {
        const auto it = labels.constFind(r.key);
        const bool has = it != labels.constEnd();
        if (!Labels::satisfies(r.op, has, has && r.values.contains(*it)))
            return false;
    }
    return true;
}

bool LabelSelector::looksLikeSelector(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(=|\\s(in|notin)\\s*\\()"));
    return re.match(text).hasMatch();
}

} // namespace Orrery
