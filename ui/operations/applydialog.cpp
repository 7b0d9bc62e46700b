// SPDX-License-Identifier: GPL-3.0-or-later
#include "applydialog.h"

#include "diffhighlighter.h"

#include <theme.h>

#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
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
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_yaml = new QPlainTextEdit(this);
    m_yaml->setObjectName(QStringLiteral("applyYaml"));
    m_yaml->setFont(mono);
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

    m_diff = new QPlainTextEdit(this);
    m_diff->setObjectName(QStringLiteral("applyDiff"));
    m_diff->setReadOnly(true);
    m_diff->setFont(mono);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    new DiffHighlighter(m_diff->document());

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

QList<ApplyDialog::Source> ApplyDialog::sources(QString *error) const
{
    QList<Source> out;
    if (!m_yaml->toPlainText().trimmed().isEmpty())
        out << Source{tr("pasted YAML"), m_yaml->toPlainText().toUtf8()};
    for (const QString &path : m_files) {
        // Manifests are small text files; reading them here is as quick as a keystroke.
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = tr("Cannot read %1: %2").arg(path, f.errorString());
            return {};
        }
        out << Source{path, f.readAll()};
    }
    if (out.isEmpty() && error)
        *error = tr("Nothing to apply: paste YAML or add files.");
    return out;
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
    bool blocked = objects.isEmpty();
    QStringList conflicts;
    int others = 0;
    for (const ObjectPreview &o : objects) {
        new QTreeWidgetItem(m_list, {o.title, o.status});
        blocked = blocked || o.blocking;
        if (o.conflict)
            conflicts << tr("%1: %2").arg(o.title, o.details);
        else
            ++others;
    }
    updateColours();
    m_summary->setText(summary);
    m_message->hide();
    // A plain apply would send the objects in order and stop at the first conflict, leaving
    // the others half applied: with a conflict in the dry run, only a forced apply is offered,
    // and the text says what it does.
    const bool conflicted = !conflicts.isEmpty();
    if (conflicted) {
        QString text = tr("Conflicts with another field manager in %n object(s): the server would "
                          "refuse the apply.",
                          nullptr, int(conflicts.size()))
                       + QLatin1Char('\n') + conflicts.join(QLatin1Char('\n')) + QLatin1Char('\n');
        text
            += blocked
                   ? tr("Nothing can be applied until the refused objects are fixed.")
                   : tr("Apply is disabled: it would apply %n other object(s) and then fail on the "
                        "conflicts. Force (take ownership) applies all %1 objects and makes orrery "
                        "the "
                        "manager of the conflicting fields, with the values of these manifests; or "
                        "edit "
                        "the manifests (drop those fields, or set them to the live values) and "
                        "check again.",
                        nullptr, others)
                         .arg(objects.size());
        m_conflict->setText(text);
    }
    m_conflict->setVisible(conflicted);
    m_force->setVisible(conflicted);
    m_force->setEnabled(conflicted && !blocked);
    m_apply->setEnabled(!blocked && !conflicted);
    m_apply->setToolTip(
        conflicted ? tr("The server reported conflicts: see Force (take ownership).") : QString());
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
