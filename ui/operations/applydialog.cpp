// SPDX-License-Identifier: GPL-3.0-or-later
#include "applydialog.h"

#include <codeview.h>
#include <theme.h>

#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Orrery {

ApplyDialog::ApplyDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("ApplyDialog"));
    setWindowTitle(tr("Apply manifests"));
    resize(900, 680);

    m_yaml = new QPlainTextEdit(this);
    m_yaml->setObjectName(QStringLiteral("applyYaml"));
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_yaml->setPlaceholderText(
        tr("Paste YAML here (several documents separated by ---), or add files."));

    m_fileList = new QListWidget(this);
    m_fileList->setObjectName(QStringLiteral("applyFiles"));
    m_fileList->setMaximumHeight(70);
    auto *addFilesButton = new QPushButton(tr("Add files\u2026"), this);
    auto *removeFileButton = new QPushButton(tr("Remove file"), this);
    connect(addFilesButton, &QPushButton::clicked, this, &ApplyDialog::chooseFiles);
    connect(removeFileButton, &QPushButton::clicked, this, [this] {
        const int row = m_fileList->currentRow();
        if (row < 0)
            return;
        m_files.removeAt(row);
        delete m_fileList->takeItem(row);
        invalidate();
    });
    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(addFilesButton);
    fileButtons->addWidget(removeFileButton);
    fileButtons->addStretch();
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileList, 1);
    fileRow->addLayout(fileButtons);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("applyMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_summary
        = new QLabel(tr("Check the manifests against the server to see what would change."), this);
    m_summary->setObjectName(QStringLiteral("applySummary"));
    m_summary->setWordWrap(true);
    m_conflict = new QLabel(this);
    m_conflict->setObjectName(QStringLiteral("applyConflict"));
    m_conflict->setWordWrap(true);
    m_conflict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_conflict->hide();

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("applyObjects"));
    m_list->setHeaderLabels({tr("Object"), tr("On the server")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ApplyDialog::showSelected);

    m_diff = new CodeView(CodeView::Syntax::Diff, this);
    m_diff->setObjectName(QStringLiteral("applyDiff"));

    auto *input = new QWidget(this);
    auto *inputLayout = new QVBoxLayout(input);
    inputLayout->setContentsMargins(0, 0, 0, 0);
    inputLayout->addWidget(new QLabel(tr("YAML:"), input));
    inputLayout->addWidget(m_yaml, 1);
    inputLayout->addWidget(new QLabel(tr("Files:"), input));
    inputLayout->addLayout(fileRow);

    auto *result = new QSplitter(Qt::Horizontal, this);
    result->addWidget(m_list);
    result->addWidget(m_diff);
    result->setStretchFactor(1, 2);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(input);
    split->addWidget(result);

    auto *buttons = new QDialogButtonBox(this);
    m_preview = buttons->addButton(tr("Check on server"), QDialogButtonBox::ActionRole);
    m_preview->setObjectName(QStringLiteral("applyCheck"));
    m_apply = buttons->addButton(tr("Apply\u2026"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("applyApply"));
    m_apply->setEnabled(false);
    m_apply->setAutoDefault(false);
    m_force = buttons->addButton(tr("Force (take ownership)\u2026"), QDialogButtonBox::ActionRole);
    m_force->setObjectName(QStringLiteral("applyForceNow"));
    m_force->setAutoDefault(false);
    m_force->hide();
    connect(m_force, &QPushButton::clicked, this, &ApplyDialog::forceRequested);
    auto *close = buttons->addButton(QDialogButtonBox::Close);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_preview, &QPushButton::clicked, this, [this] { emit previewRequested(); });
    // Not QDialog::accept: the dialog stays open until the confirmation is given, so a
    // cancelled confirmation leaves the checked manifests where they were.
    connect(m_apply, &QPushButton::clicked, this, &ApplyDialog::applyRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_conflict);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    connect(m_yaml, &QPlainTextEdit::textChanged, this, &ApplyDialog::invalidate);
    connect(Theme::instance(), &Theme::changed, this, &ApplyDialog::updateColours);
    updateColours();
}

bool ApplyDialog::event(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateColours();
    return QDialog::event(event);
}

void ApplyDialog::updateColours()
{
    const Theme *theme = Theme::instance();
    m_message->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }")
                                 .arg(theme->name(Theme::Role::Danger)));
    m_conflict->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; padding: 6px; }")
            .arg(theme->name(Theme::Role::WarningFill), theme->name(Theme::Role::Text),
                 theme->name(Theme::Role::Warning)));
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const ObjectPreview o = m_objects.value(i);
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (o.blocking)
            item->setForeground(1, themeColor(Theme::Role::Danger));
        else if (o.conflict)
            item->setForeground(1, themeColor(Theme::Role::Warning));
        else
            item->setData(1, Qt::ForegroundRole, QVariant());
    }
}

QString ApplyDialog::conflictText() const
{
    return m_conflict->isHidden() ? QString() : m_conflict->text();
}

void ApplyDialog::addFiles(const QStringList &paths)
{
    for (const QString &p : paths) {
        if (m_files.contains(p))
            continue;
        m_files << p;
        m_fileList->addItem(QFileInfo(p).fileName());
        m_fileList->item(m_fileList->count() - 1)->setToolTip(p);
    }
    invalidate();
}

void ApplyDialog::setYaml(const QString &text)
{
    m_yaml->setPlainText(text);
}

QString ApplyDialog::yamlText() const
{
    return m_yaml->toPlainText();
}

void ApplyDialog::chooseFiles()
{
    auto *chooser = new QFileDialog(this, tr("Manifests to apply"));
    chooser->setFileMode(QFileDialog::ExistingFiles);
    chooser->setNameFilters({tr("YAML manifests (*.yaml *.yml *.json)"), tr("All files (*)")});
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::filesSelected, this, &ApplyDialog::addFiles);
    chooser->open();
}

void ApplyDialog::invalidate()
{
    ++m_generation;
    m_apply->setEnabled(false);
    m_force->hide();
    m_conflict->hide();
    m_message->hide();
    m_objects.clear();
    m_list->clear();
    m_diff->clear();
    m_summary->setText(tr("Check the manifests against the server to see what would change."));
}

void ApplyDialog::setBusy(const QString &text)
{
    m_message->hide();
    m_apply->setEnabled(false);
    m_force->hide();
    m_conflict->hide();
    m_summary->setText(text);
}

void ApplyDialog::showError(const QString &text)
{
    m_apply->setEnabled(false);
    m_force->hide();
    m_conflict->hide();
    m_objects.clear();
    m_list->clear();
    m_diff->clear();
    m_message->setText(text);
    m_message->show();
    m_summary->setText(tr("Nothing was sent to the cluster."));
}

void ApplyDialog::setPreview(const QList<ObjectPreview> &objects, const QString &summary)
{
    m_objects = objects;
    m_list->clear();
    for (const ObjectPreview &o : objects)
        new QTreeWidgetItem(m_list, {o.title, o.status});
    updateColours();
    m_summary->setText(summary);
    m_message->hide();
    const ApplyOperation::Verdict verdict = ApplyOperation::verdict(objects);
    m_conflict->setText(verdict.conflictText);
    m_conflict->setVisible(verdict.conflicted);
    m_force->setVisible(verdict.conflicted);
    m_force->setEnabled(verdict.conflicted && !verdict.blocked);
    m_apply->setEnabled(!verdict.blocked && !verdict.conflicted);
    m_apply->setToolTip(verdict.conflicted
                            ? tr("The server reported conflicts: see Force (take ownership).")
                            : QString());
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

void ApplyDialog::showSelected()
{
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    m_diff->setPlainText(row >= 0 ? m_objects.value(row).details : QString());
}

QString ApplyDialog::errorText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString ApplyDialog::summaryText() const
{
    return m_summary->text();
}

int ApplyDialog::objectCount() const
{
    return int(m_objects.size());
}

QString ApplyDialog::diffText() const
{
    return m_diff->toPlainText();
}

} // namespace Orrery
