// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/kubekind.h>

#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;

namespace Orrery {

class ContextPreferences;
class ProblemMonitor;
class ProblemTableModel;

// The "Problems" page: what needs a person in the active context (or, with "All contexts",
// in every connected one), critical first: failing or stalled rollouts with the reason, crash
// loops, image pulls, unschedulable pods, failing autoscalers, nodes not ready, failed Jobs.
// Double-click (or Enter) opens the object.
class ProblemsPage : public QWidget
{
    Q_OBJECT
public:
    ProblemsPage(ProblemMonitor *monitor, ContextPreferences *preferences,
                 QWidget *parent = nullptr);

    void setContext(const QString &context);
    void setAllContexts(bool all);

    QTableView *tableView() const { return m_table; }
    ProblemTableModel *model() const { return m_model; }
    QCheckBox *allContextsBox() const { return m_allContexts; }
    QLabel *summary() const { return m_summary; }

signals:
    void objectRequested(const QString &context, Orrery::Kind kind, const QString &ns,
                         const QString &name);

private:
    void updateSummary();
    void open(const QModelIndex &index);

    ProblemMonitor *m_monitor;
    ContextPreferences *m_preferences;
    ProblemTableModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_empty;
    QCheckBox *m_allContexts;
};

} // namespace Orrery
