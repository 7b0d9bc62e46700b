// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollbackdialog.h"

#include "diffhighlighter.h"

#include <ageformat.h>

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Orrery {

namespace {
constexpr int RevisionRole = Qt::UserRole + 1;
}

RollbackDialog::RollbackDialog(const QString &object, const QList<RevisionEntry> &history,
                               const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_history(history)
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

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_list = new QTreeWidget(splitter);
    m_list->setObjectName(QStringLiteral("revisions"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Revision"), tr("Age"), tr("Images"), tr("Change cause")});
    // Newest first: the revision one usually wants is near the top.
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        const RevisionEntry &e = *it;
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0,
                      e.current ? tr("%1 (current)").arg(e.revision) : QString::number(e.revision));
        item->setData(0, RevisionRole, e.revision);
        item->setText(1, e.created.isValid() ? humanDuration(e.created.secsTo(now)) : QString());
        item->setToolTip(1, e.created.toString(Qt::ISODate));
        item->setText(2, e.images.join(QLatin1String(", ")));
        item->setText(3, e.changeCause);
        if (e.current) {
            QFont f = item->font(0);
            f.setBold(true);
            for (int c = 0; c < 4; ++c)
                item->setFont(c, f);
        }
    }
    for (int c = 0; c < 3; ++c)
        m_list->resizeColumnToContents(c);
    m_diff = new QPlainTextEdit(splitter);
    m_diff->setObjectName(QStringLiteral("templateDiff"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(m_diff->document());
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
    connect(m_list, &QTreeWidget::currentItemChanged, this, &RollbackDialog::onSelectionChanged);

    m_previous->setEnabled(previousRevision() > 0);
    if (!selectRevision(previousRevision()))
        onSelectionChanged();
    resize(820, 600);
}

const RevisionEntry *RollbackDialog::current() const
{
    for (const RevisionEntry &e : m_history)
        if (e.current)
            return &e;
    return nullptr;
}

qint64 RollbackDialog::selectedRevision() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, RevisionRole).toLongLong() : 0;
}

qint64 RollbackDialog::previousRevision() const
{
    // kubectl: the second-highest revision (the highest is the one running).
    QList<qint64> revisions;
    for (const RevisionEntry &e : m_history)
        revisions << e.revision;
    std::sort(revisions.begin(), revisions.end());
    return revisions.size() >= 2 ? revisions.at(revisions.size() - 2) : 0;
}

bool RollbackDialog::selectRevision(qint64 revision)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, RevisionRole).toLongLong() == revision) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

QString RollbackDialog::diffText() const
{
    return m_diff->toPlainText();
}

void RollbackDialog::onSelectionChanged()
{
    const qint64 revision = selectedRevision();
    const RevisionEntry *from = current();
    const RevisionEntry *to = nullptr;
    for (const RevisionEntry &e : m_history)
        if (e.revision == revision)
            to = &e;
    if (!to) {
        m_diff->setPlainText(tr("Select a revision."));
        m_rollback->setEnabled(false);
        return;
    }
    if (!from || from == to) {
        m_diff->setPlainText(from == to ? tr("This is the revision running now.")
                                        : RevisionHistory::renderTemplate(to->podTemplate));
        m_rollback->setEnabled(from != to);
        m_rollback->setText(tr("Roll back to %1\u2026").arg(revision));
        return;
    }
    const QString diff = RevisionHistory::diff(*from, *to);
    m_diff->setPlainText(diff.isEmpty() ? tr("The pod templates are identical: rolling back "
                                             "changes nothing (kubectl skips it).")
                                        : diff);
    m_rollback->setEnabled(true);
    m_rollback->setText(tr("Roll back to %1\u2026").arg(revision));
}

} // namespace Orrery
