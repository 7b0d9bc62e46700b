// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTreeView>

namespace Orrery {

class ContextPreferences;
class ContextTreeModel;

// The clusters-and-contexts tree on the left. Clicking a context makes it the active one
// (connecting it when needed); the context menu connects, disconnects and edits the
// per-context preferences (display name, colour, protected mark), which live in QSettings.
class ClusterSidebar : public QTreeView
{
    Q_OBJECT
public:
    ClusterSidebar(ContextTreeModel *model, ContextPreferences *preferences,
                   QWidget *parent = nullptr);

    void setActiveContext(const QString &context);

signals:
    void contextActivated(const QString &context);
    void connectRequested(const QString &context);
    void disconnectRequested(const QString &context);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QString contextAt(const QModelIndex &index) const;

    ContextTreeModel *m_model;
    ContextPreferences *m_preferences;
};

} // namespace Orrery
