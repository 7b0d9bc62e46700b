// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/actions/revisionhistory.h>

#include <QDateTime>
#include <QDialog>
#include <QList>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace Orrery {

class RevisionListModel;

// `kubectl rollout history` as a list (revision, age, images, change cause) with the pod
// template diff between the current revision and the selected one. Accepting asks for a
// rollback to the selected revision; "Previous revision" selects what `rollout undo` picks.
class RollbackDialog : public QDialog
{
    Q_OBJECT
public:
    RollbackDialog(const QString &object, const QList<RevisionEntry> &history, const QDateTime &now,
                   QWidget *parent = nullptr);

    qint64 selectedRevision() const;
    // The revision `kubectl rollout undo` without --to-revision would choose, 0 when none.
    qint64 previousRevision() const;
    bool selectRevision(qint64 revision);
    QString diffText() const;

    QTreeView *revisionList() const { return m_list; }
    QLabel *previousRevisionNote() const { return m_previousNote; }
    QPushButton *rollbackButton() const { return m_rollback; }

private:
    void onSelectionChanged();

    RevisionListModel *m_model;
    QTreeView *m_list;
    QPlainTextEdit *m_diff;
    QPushButton *m_rollback;
    QPushButton *m_previous;
    QLabel *m_previousNote;
};

} // namespace Orrery
