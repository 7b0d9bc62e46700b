// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollbackdialog.h"

#include <codeview.h>
#include <revisionlistmodel.h>

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace Orrery {

RollbackDialog::RollbackDialog(const QString &object, const QList<RevisionEntry> &history,
                               const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_model(new RevisionListModel(history, now, this))
{
    setObjectName(QStringLiteral("RollbackDialog"));
    setWindowTitle(tr("Roll back %1").arg(object));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Revisions of %1, newest first. The diff shows what changes in "
                                "the pod template when rolling back to the selected revision.")
                                 .arg(object),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    // Which revision "Previous revision" means, with its images: after a rollback it is the
    // revision rolled back from, which surprises (kubectl's rule, kept on purpose).
    m_previousNote = new QLabel(RevisionHistory::previousRevisionNote(history), this);
    m_previousNote->setObjectName(QStringLiteral("previousRevisionNote"));
    m_previousNote->setWordWrap(true);
    m_previousNote->setVisible(!m_previousNote->text().isEmpty());
    layout->addWidget(m_previousNote);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_list = new QTreeView(splitter);
    m_list->setObjectName(QStringLiteral("revisions"));
    m_list->setRootIsDecorated(false);
    m_list->setModel(m_model);
    for (int c = 0; c < RevisionListModel::ChangeCauseColumn; ++c)
        m_list->resizeColumnToContents(c);
    m_diff = new CodeView(CodeView::Syntax::Diff, splitter);
    m_diff->setObjectName(QStringLiteral("templateDiff"));
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_previous = buttons->addButton(tr("Previous revision"), QDialogButtonBox::ActionRole);
    m_previous->setToolTip(tr("Select the revision `kubectl rollout undo` would choose."));
    m_rollback = buttons->addButton(tr("Roll back\u2026"), QDialogButtonBox::AcceptRole);
    m_rollback->setObjectName(QStringLiteral("rollbackButton"));
    connect(m_previous, &QPushButton::clicked, this,
            [this] { selectRevision(previousRevision()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RollbackDialog::onSelectionChanged);

    m_previous->setEnabled(previousRevision() > 0);
    if (!selectRevision(previousRevision()))
        onSelectionChanged();
    resize(820, 600);
}

qint64 RollbackDialog::selectedRevision() const
{
    return m_model->revisionAt(m_list->currentIndex());
}

qint64 RollbackDialog::previousRevision() const
{
    return RevisionHistory::previousRevision(m_model->history());
}

bool RollbackDialog::selectRevision(qint64 revision)
{
    const int row = m_model->rowOf(revision);
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row, 0));
    return true;
}

QString RollbackDialog::diffText() const
{
    return m_diff->toPlainText();
}

void RollbackDialog::onSelectionChanged()
{
    const qint64 revision = selectedRevision();
    const RevisionHistory::Preview preview = RevisionHistory::preview(m_model->history(), revision);
    m_diff->setPlainText(preview.text);
    m_rollback->setEnabled(preview.canRollBack);
    if (preview.found)
        m_rollback->setText(tr("Roll back to %1\u2026").arg(revision));
}

} // namespace Orrery
