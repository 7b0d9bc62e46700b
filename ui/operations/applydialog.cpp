// SPDX-License-Identifier: GPL-3.0-or-later
#include "applydialog.h"

#include "diffhighlighter.h"

#include <QDialogButtonBox>
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
    m_yaml->setPlaceholderText(tr("Paste YAML here (several documents separated by ---), or add files."));

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
    m_summary = new QLabel(tr("Check the manifests against the server to see what would change."), this);
    m_summary->setObjectName(QStringLiteral("applySummary"));
    m_summary->setWordWrap(true);

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
    auto *close = buttons->addButton(QDialogButtonBox::Close);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_preview, &QPushButton::clicked, this, [this] {
        emit previewRequested();
    });
    // Not QDialog::accept: the dialog stays open until the confirmation is given, so a
    // cancelled confirmation leaves the checked manifests where they were.
    connect(m_apply, &QPushButton::clicked, this, &ApplyDialog::applyRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    connect(m_yaml, &QPlainTextEdit::textChanged, this, &ApplyDialog::invalidate);
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
    m_summary->setText(text);
}

void ApplyDialog::showError(const QString &text)
{
    m_apply->setEnabled(false);
    m_objects.clear();
    m_list->clear();
    m_diff->clear();
    m_message->setText(text);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #b00020; font-weight: bold; }"));
    m_message->show();
    m_summary->setText(tr("Nothing was sent to the cluster."));
}

void ApplyDialog::setPreview(const QList<ObjectPreview> &objects, const QString &summary)
{
    m_objects = objects;
    m_list->clear();
    bool blocked = objects.isEmpty();
    for (const ObjectPreview &o : objects) {
        auto *item = new QTreeWidgetItem(m_list, {o.title, o.status});
        if (o.blocking) {
            item->setForeground(1, QColor(0xb0, 0x00, 0x20));
            blocked = true;
        }
    }
    m_summary->setText(summary);
    m_message->hide();
    m_apply->setEnabled(!blocked);
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
