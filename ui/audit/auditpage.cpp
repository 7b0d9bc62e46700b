// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditpage.h"

#include "audittablemodel.h"

#include <audit/auditlog.h>
#include <theme.h>
#include <util/async.h>

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace Orrery {

namespace {

// A failed or unknown outcome in the theme's danger colour, read at paint time so the table
// follows a switch of look. The model only says which outcomes failed (OutcomeFailedRole).
class AuditResultDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(AuditTableModel::OutcomeFailedRole).toBool())
            option->palette.setColor(QPalette::Text, themeColor(Theme::Role::Danger));
    }
};

} // namespace

AuditPage::AuditPage(const QString &directory, QWidget *parent)
    : QWidget(parent)
    , m_directory(directory)
    , m_model(new AuditTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_openFolder(new QPushButton(tr("Open folder"), this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_debounce(new QTimer(this))
{
    auto *title = new QLabel(tr("Audit log"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_filter->setPlaceholderText(tr("Filter by context, user, verb, object, change or result"));
    m_filter->setClearButtonEnabled(true);
    m_openFolder->setToolTip(QDir::toNativeSeparators(m_directory));

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addWidget(m_filter, 1);
    top->addWidget(m_openFolder);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(AuditTableModel::SummaryColumn,
                                                      QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);
    m_table->setItemDelegateForColumn(AuditTableModel::ResultColumn,
                                      new AuditResultDelegate(m_table));

    m_status->setText(
        tr("Every write Orrery sends is recorded here, dry runs and failures included."));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_openFolder, &QPushButton::clicked, this, &AuditPage::openFolder);

    // Writes come in bursts (a runbook, a Helm rollback): one read per burst.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &AuditPage::reload);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_debounce,
            qOverload<>(&QTimer::start));

    watchFiles();
    reload();
}

AuditPage::~AuditPage() = default;

// The directory tells about rotation and the first write; the current file about appends.
// A rotated file is a new inode, so the watch is renewed on every reload.
void AuditPage::watchFiles()
{
    QDir().mkpath(m_directory);
    if (!m_watcher->directories().contains(m_directory))
        m_watcher->addPath(m_directory);
    const QString current = QDir(m_directory).filePath(QStringLiteral("audit.jsonl"));
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (QFile::exists(current))
        m_watcher->addPath(current);
}

void AuditPage::reload()
{
    watchFiles();
    const quint64 generation = ++m_generation;
    const QString directory = m_directory;
    // Up to six 5 MB files: parse them on the pool.
    Async::run(
        this, [directory] { return AuditLog::read(directory); },
        [this, generation](const QList<AuditEntry> &entries) {
            if (generation != m_generation)
                return;
            m_model->setEntries(entries);
            ++m_reloads;
            m_status->setText(tr("%n write(s) recorded in %1", nullptr, int(entries.size()))
                                  .arg(QDir::toNativeSeparators(m_directory)));
            emit reloaded();
        });
}

void AuditPage::openFolder()
{
    QDir().mkpath(m_directory);
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_directory));
}

} // namespace Orrery
