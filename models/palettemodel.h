// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QSortFilterProxyModel>
#include <QVariant>

namespace Orrery {

// One thing the command palette can jump to.
struct PaletteEntry
{
    enum class Type { Kind, Resource, Context, Action, Page };
    Type type = Type::Resource;
    QString title;         // "web-7d9c", "Pods", "prod-eu"
    QString subtitle;      // "Pod · shop", "Workloads", "Context · cluster eu-1"
    QString context;       // the context a resource or kind belongs to
    QString namespaceName; // a resource's namespace
    QVariant payload;      // Kind, object key, context name, action id, page id
};

// The palette's candidates. Rebuilt when the palette opens (a snapshot: the palette is short
// lived, and a live-updating list under the user's cursor would only confuse).
class PaletteModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles : int {
        TypeRole = Qt::UserRole + 1,
        SubtitleRole,
        PayloadRole,
        ContextRole,
        ScoreRole
    };

    explicit PaletteModel(QObject *parent = nullptr);

    void setEntries(QList<PaletteEntry> entries);
    const PaletteEntry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<PaletteEntry> m_entries;
};

// Fuzzy filter and rank: entries whose title (or "subtitle title") matches the pattern as a
// subsequence, best score first; kinds and contexts win ties over resources.
class PaletteFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PaletteFilterProxyModel(QObject *parent = nullptr);

    void setPattern(const QString &pattern);
    QString pattern() const { return m_pattern; }
    int score(int sourceRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_pattern;
    mutable QHash<int, int> m_scores; // source row → score for the current pattern
};

} // namespace Orrery
