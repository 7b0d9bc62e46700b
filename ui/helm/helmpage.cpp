// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmpage.h"

#include <codeview.h>

#include <secretkeysmodel.h>

#include <theme.h>

#include <kube/actions/resourcepath.h>
#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <util/async.h>
#include <util/limits.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <optional>
#include <utility>

namespace Orrery {

namespace {

enum ReleaseColumn {
    RName,
    RNamespace,
    RChart,
    RChartVersion,
    RAppVersion,
    RRevision,
    RStatus,
    RUpdated
};
enum HistoryColumn { HRevision, HUpdated, HStatus, HChart, HAppVersion, HDescription };

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QString();
}

} // namespace

HelmPage::HelmPage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("Helm releases"), this))
    , m_status(new QLabel(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_releases(new QTreeWidget(this))
    , m_history(new QTreeWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_values(new CodeView(CodeView::Syntax::Yaml, this))
    , m_manifest(new CodeView(CodeView::Syntax::Yaml, this))
    , m_secretPanel(new QWidget(this))
    , m_secretList(new QListView(m_secretPanel))
    , m_revealButton(new QPushButton(tr("Reveal value"), m_secretPanel))
    , m_secretKeys(new SecretKeysModel(this))
    , m_diffFrom(new QComboBox(this))
    , m_diffTo(new QComboBox(this))
    , m_diffKind(new QComboBox(this))
    , m_diff(new CodeView(CodeView::Syntax::Diff, this))
    , m_rollback(new QPushButton(tr("Roll back to revision…"), this))
    , m_rollbackNote(new QLabel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_status->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addWidget(m_status, 1);
    top->addWidget(m_refresh);

    m_releases->setHeaderLabels({tr("Name"), tr("Namespace"), tr("Chart"), tr("Chart version"),
                                 tr("App version"), tr("Revision"), tr("Status"), tr("Updated")});
    m_releases->setRootIsDecorated(false);
    m_releases->setUniformRowHeights(true);
    m_releases->setAlternatingRowColors(true);

    m_history->setHeaderLabels({tr("Revision"), tr("Updated"), tr("Status"), tr("Chart"),
                                tr("App version"), tr("Description")});
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true);

    m_diffKind->addItem(tr("Manifest"));
    m_diffKind->addItem(tr("Values"));
    auto *diffPage = new QWidget(this);
    auto *diffBar = new QHBoxLayout;
    diffBar->addWidget(new QLabel(tr("From revision"), diffPage));
    diffBar->addWidget(m_diffFrom);
    diffBar->addWidget(new QLabel(tr("to"), diffPage));
    diffBar->addWidget(m_diffTo);
    diffBar->addWidget(m_diffKind);
    diffBar->addStretch(1);
    auto *diffLayout = new QVBoxLayout(diffPage);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->addLayout(diffBar);
    diffLayout->addWidget(m_diff, 1);

    // The manifest with, beside it, the keys of its Secrets and a per-key reveal (as the
    // details pane does for a live Secret).
    auto *manifestPage = new QWidget(this);
    auto *manifestLayout = new QHBoxLayout(manifestPage);
    manifestLayout->setContentsMargins(0, 0, 0, 0);
    manifestLayout->addWidget(m_manifest, 1);
    auto *secretLayout = new QVBoxLayout(m_secretPanel);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    auto *secretLabel
        = new QLabel(tr("Secret values are hidden. Select a key and reveal it; revealed values are "
                        "kept only while this revision is shown."),
                     m_secretPanel);
    secretLabel->setWordWrap(true);
    m_secretList->setObjectName(QStringLiteral("helmSecretKeys"));
    m_secretList->setModel(m_secretKeys);
    m_secretList->setWordWrap(true);
    auto *hideAll = new QPushButton(tr("Hide all"), m_secretPanel);
    secretLayout->addWidget(secretLabel);
    secretLayout->addWidget(m_secretList, 1);
    secretLayout->addWidget(m_revealButton);
    secretLayout->addWidget(hideAll);
    m_secretPanel->setMaximumWidth(280);
    m_secretPanel->hide();
    manifestLayout->addWidget(m_secretPanel);
    connect(m_revealButton, &QPushButton::clicked, this, &HelmPage::revealSelectedKey);
    connect(hideAll, &QPushButton::clicked, m_secretKeys, &SecretKeysModel::hideAll);

    m_tabs->addTab(m_values, tr("Values"));
    m_tabs->addTab(manifestPage, tr("Manifest"));
    m_tabs->addTab(diffPage, tr("Diff"));

    auto *historyPane = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    auto *historyBar = new QHBoxLayout;
    historyBar->addWidget(new QLabel(tr("History"), historyPane));
    historyBar->addStretch(1);
    historyBar->addWidget(m_rollback);
    historyLayout->addLayout(historyBar);
    m_rollbackNote->setObjectName(QStringLiteral("rollbackNote"));
    m_rollbackNote->setWordWrap(true);
    auto paintNote = [this] {
        m_rollbackNote->setStyleSheet(QStringLiteral("QLabel { color: %1; }")
                                          .arg(Theme::instance()->name(Theme::Role::Danger)));
    };
    paintNote();
    connect(Theme::instance(), &Theme::changed, this, [this, paintNote] {
        paintNote();
        for (int i = 0; i < m_releases->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_releases->topLevelItem(i);
            if (item->data(RStatus, Qt::ForegroundRole).isValid())
                item->setForeground(RStatus, themeColor(Theme::Role::Danger));
        }
    });
    m_rollbackNote->hide();
    historyLayout->addWidget(m_rollbackNote);
    historyLayout->addWidget(m_history, 1);

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(historyPane);
    lower->addWidget(m_tabs);
    lower->setStretchFactor(0, 2);
    lower->setStretchFactor(1, 3);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_releases);
    split->addWidget(lower);
    // A cluster has a handful of releases; the history and the texts need the room.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({200, 600});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    m_rollback->setEnabled(false);
    m_rollback->setToolTip(tr("Select a release and the revision to go back to."));

    connect(m_refresh, &QPushButton::clicked, this, &HelmPage::refresh);
    connect(m_releases, &QTreeWidget::itemSelectionChanged, this, &HelmPage::onReleaseSelected);
    connect(m_history, &QTreeWidget::itemSelectionChanged, this, &HelmPage::onRevisionSelected);
    connect(m_diffFrom, &QComboBox::currentIndexChanged, this, &HelmPage::showDiff);
    connect(m_diffTo, &QComboBox::currentIndexChanged, this, &HelmPage::showDiff);
    connect(m_diffKind, &QComboBox::currentIndexChanged, this, &HelmPage::showDiff);
    connect(m_rollback, &QPushButton::clicked, this, &HelmPage::requestRollback);

    m_status->setText(tr("No cluster connected."));
}

HelmPage::~HelmPage() = default;

void HelmPage::setSession(ClusterSession *session)
{
    if (session == m_session && session)
        return;
    ++m_generation; // answers for the previous context are dropped
    m_session = session;
    m_context = session ? session->connection().contextName : QString();
    m_data.clear();
    m_fresh.clear();
    m_selectedNs.clear();
    m_selectedName.clear();
    showReleases();
    m_dirty = true;
    if (!session)
        m_status->setText(tr("No cluster connected."));
    else if (isVisible())
        refresh();
}

void HelmPage::invalidate()
{
    m_dirty = true;
    if (m_session && isVisible())
        refresh();
}

void HelmPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty && m_session)
        refresh();
}

void HelmPage::refresh()
{
    if (!m_session)
        return;
    m_dirty = false;
    m_status->setText(tr("Reading the release Secrets of %1…").arg(m_context));
    fetch(ResourcePath::addQuery(QStringLiteral("/api/v1/secrets"), QStringLiteral("labelSelector"),
                                 QStringLiteral("owner=helm")),
          QString());
}

// `onlyRelease` ("ns/name") set: the answer holds that release's Secrets only (fetched when it
// is selected) and overrides what the full list said about it.
void HelmPage::fetch(const QString &path, const QString &onlyRelease)
{
    fetchPage(path, onlyRelease, QString(), std::make_shared<HelmReleaseList>());
}

// Helm keeps every revision of every release in its own Secret of up to 1 MiB, so the list is
// read in pages of Limits::helmListPageSize (limit/continue), each decoded off the GUI thread;
// `listing` collects the pages (on the GUI thread) until the last one.
void HelmPage::fetchPage(const QString &path, const QString &onlyRelease,
                         const QString &continueToken, std::shared_ptr<HelmReleaseList> listing)
{
    const quint64 generation = m_generation;
    QString pagePath = ResourcePath::addQuery(path, QStringLiteral("limit"),
                                              QString::number(Limits::helmListPageSize));
    if (!continueToken.isEmpty())
        pagePath = ResourcePath::addQuery(pagePath, QStringLiteral("continue"), continueToken);
    m_session->transport()->get(
        pagePath, this,
        [this, generation, path, onlyRelease, listing,
         continued = !continueToken.isEmpty()](const Result<ApiResponse> &response) {
            if (generation != m_generation)
                return;
            auto body = bodyOrError(response, path);
            if (!body && continued && body.error().httpStatus == 410 && !listing->restarted()) {
                // The continue token expired (etcd compacted the list's revision between two
                // pages): start the list over, once, as client-go's pager does (it then lists
                // whole; this list stays paged, so every page stays bounded). The pages read so
                // far belong to the old snapshot and are dropped.
                listing->restart();
                fetchPage(path, onlyRelease, QString(), listing);
                return;
            }
            if (!body) {
                ++m_fetches;
                const Error &e = body.error();
                m_status->setText(e.httpStatus == 403
                                      ? tr("You may not read Secrets here, and Helm keeps its "
                                           "releases in Secrets: %1")
                                            .arg(e.message)
                                      : tr("Cannot read the releases: %1").arg(e.toString()));
                emit loaded();
                return;
            }
            // Every revision is gzip + JSON, manifests included: decode on the pool.
            Async::run(
                this,
                [bytes = *body](const Async::Token &cancel) {
                    return HelmReleaseList::decodePage(bytes, cancel);
                },
                [this, generation, path, onlyRelease, listing](HelmReleaseList page) {
                    if (generation != m_generation)
                        return;
                    const QString next = page.continueToken();
                    listing->merge(std::move(page));
                    if (!next.isEmpty())
                        fetchPage(path, onlyRelease, next, listing);
                    else
                        apply(listing->takeReleases(), onlyRelease, listing->errors());
                });
        });
}

void HelmPage::apply(ByNamespace releases, const QString &onlyRelease, const QStringList &errors)
{
    const QString onlyNamespace = onlyRelease.section(QLatin1Char('/'), 0, 0);
    ++m_fetches;
    if (onlyRelease.isEmpty()) {
        m_data = std::move(releases);
        m_fresh.clear();
    } else {
        // One release's Secrets (fetched on selection): they override that release only.
        m_fresh.insert(onlyRelease, releases.value(onlyNamespace));
    }
    int count = 0;
    for (const HelmReleases &r : std::as_const(m_data))
        count += int(r.latest().size());
    QString text = tr("%n release(s) in %1", nullptr, count).arg(m_context);
    if (!errors.isEmpty())
        text += QLatin1String(" — ")
                + tr("%n revision(s) could not be decoded: %1", nullptr, int(errors.size()))
                      .arg(errors.first());
    m_status->setText(text);
    showReleases();
    emit loaded();
}

void HelmPage::showReleases()
{
    const QString keepNs = m_selectedNs;
    const QString keepName = m_selectedName;
    const QSignalBlocker blocker(m_releases);
    m_releases->clear();
    QTreeWidgetItem *selected = nullptr;
    for (auto it = m_data.cbegin(); it != m_data.cend(); ++it) {
        for (HelmRelease r : it.value().latest()) {
            const auto fresh = m_fresh.constFind(it.key() + QLatin1Char('/') + r.name);
            if (fresh != m_fresh.cend() && !fresh->history(r.name).isEmpty())
                r = fresh->history(r.name).last();
            auto *item = new QTreeWidgetItem(m_releases);
            item->setText(RName, r.name);
            item->setText(RNamespace, it.key());
            item->setText(RChart, r.chartName);
            item->setText(RChartVersion, r.chartVersion);
            item->setText(RAppVersion, r.appVersion);
            item->setText(RRevision, QString::number(r.version));
            item->setText(RStatus, r.status);
            item->setText(RUpdated, timeText(r.lastDeployed));
            item->setData(RName, Qt::UserRole, it.key());
            if (r.status == QLatin1String("failed")
                || r.status.startsWith(QLatin1String("pending")))
                item->setForeground(RStatus, themeColor(Theme::Role::Danger));
            if (r.name == keepName && it.key() == keepNs)
                selected = item;
        }
    }
    for (int c = 0; c < m_releases->columnCount(); ++c)
        m_releases->resizeColumnToContents(c);
    if (selected)
        selected->setSelected(true);
    showHistory();
}

void HelmPage::onReleaseSelected()
{
    const QList<QTreeWidgetItem *> items = m_releases->selectedItems();
    if (items.isEmpty()) {
        m_selectedNs.clear();
        m_selectedName.clear();
        showHistory();
        return;
    }
    m_selectedNs = items.first()->data(RName, Qt::UserRole).toString();
    m_selectedName = items.first()->text(RName);
    showHistory();
    // The history shown comes from the page's last list; read this release's Secrets again so
    // a rollback or upgrade done meanwhile (by Orrery or helm) shows up.
    if (m_session)
        fetch(ResourcePath::addQuery(ResourcePath::forKind(Kind::Secret, m_selectedNs),
                                     QStringLiteral("labelSelector"),
                                     QStringLiteral("owner=helm,name=") + m_selectedName),
              m_selectedNs + QLatin1Char('/') + m_selectedName);
}

QList<HelmRelease> HelmPage::currentHistory() const
{
    if (m_selectedName.isEmpty())
        return {};
    const auto fresh = m_fresh.constFind(m_selectedNs + QLatin1Char('/') + m_selectedName);
    if (fresh != m_fresh.cend())
        return fresh->history(m_selectedName);
    return m_data.value(m_selectedNs).history(m_selectedName);
}

void HelmPage::showHistory()
{
    const QList<HelmRelease> history = currentHistory();
    const QTreeWidgetItem *old = m_history->currentItem();
    int keepRevision
        = old && !m_history->selectedItems().isEmpty() ? old->text(HRevision).toInt() : 0;
    {
        const QSignalBlocker blocker(m_history);
        m_history->clear();
        QTreeWidgetItem *selected = nullptr;
        // Newest first, like the release list's "current revision" reading.
        for (auto it = history.crbegin(); it != history.crend(); ++it) {
            auto *item = new QTreeWidgetItem(m_history);
            item->setText(HRevision, QString::number(it->version));
            item->setText(HUpdated, timeText(it->lastDeployed));
            item->setText(HStatus, it->status);
            item->setText(HChart, it->chart());
            item->setText(HAppVersion, it->appVersion);
            item->setText(HDescription, it->description);
            if (it->version == keepRevision)
                selected = item;
        }
        for (int c = 0; c < m_history->columnCount(); ++c)
            m_history->resizeColumnToContents(c);
        if (!selected && !history.isEmpty())
            selected = m_history->topLevelItem(0);
        if (selected) {
            m_history->setCurrentItem(selected);
            selected->setSelected(true);
        }
    }
    {
        const QSignalBlocker a(m_diffFrom);
        const QSignalBlocker b(m_diffTo);
        const int from = m_diffFrom->currentData().toInt();
        const int to = m_diffTo->currentData().toInt();
        m_diffFrom->clear();
        m_diffTo->clear();
        for (const HelmRelease &r : history) {
            m_diffFrom->addItem(QString::number(r.version), r.version);
            m_diffTo->addItem(QString::number(r.version), r.version);
        }
        // Default: the previous revision against the current one.
        const int fromIndex = m_diffFrom->findData(from);
        const int toIndex = m_diffTo->findData(to);
        m_diffFrom->setCurrentIndex(fromIndex >= 0 ? fromIndex : qMax(0, int(history.size()) - 2));
        m_diffTo->setCurrentIndex(toIndex >= 0 ? toIndex : int(history.size()) - 1);
    }
    onRevisionSelected();
    showDiff();
}

void HelmPage::onRevisionSelected()
{
    const QList<HelmRelease> history = currentHistory();
    const QList<QTreeWidgetItem *> items = m_history->selectedItems();
    const int revision = items.isEmpty() ? 0 : items.first()->text(HRevision).toInt();
    const HelmRelease *release = nullptr;
    for (const HelmRelease &r : history)
        if (r.version == revision)
            release = &r;
    m_values->setPlainText(release ? HelmReleases::valuesYaml(*release) : QString());
    // Secret values hidden by the shared rule; the keys go to the reveal panel, which forgets
    // any revealed value now (setKeys).
    m_revealSource = release ? release->manifest : QString();
    showManifest();
    const int current = history.isEmpty() ? 0 : history.last().version;
    const bool candidate = release && release->version != current;
    const QString tip = !release     ? tr("Select a release and the revision to go back to.")
                        : !candidate ? tr("Revision %1 is the current one.").arg(current)
                                     : tr("Roll %1 back to revision %2 (as helm rollback)")
                                           .arg(m_selectedName)
                                           .arg(release->version);
    m_rollback->setEnabled(candidate);
    m_rollback->setText(candidate ? tr("Roll back to revision %1…").arg(release->version)
                                  : tr("Roll back to revision…"));
    m_rollback->setToolTip(tip);
    m_rollbackNote->hide();
    m_rollbackNote->clear();
    const quint64 generation = ++m_checkGeneration;
    if (!candidate || !m_rollbackCheck)
        return;
    // Permission first: disabled until the server said yes (SelfSubjectAccessReview).
    m_rollback->setEnabled(false);
    m_rollback->setToolTip(tr("Checking permission…"));
    m_rollbackCheck(history.last(), *release, this, [this, generation, tip](const QString &denial) {
        if (generation != m_checkGeneration)
            return; // another revision was selected meanwhile
        m_rollback->setEnabled(denial.isEmpty());
        m_rollback->setToolTip(denial.isEmpty() ? tip : denial);
        m_rollbackNote->setText(denial);
        m_rollbackNote->setVisible(!denial.isEmpty());
    });
}

void HelmPage::showManifest()
{
    const quint64 generation = ++m_manifestGeneration;
    m_revealKeys.clear();
    m_secretKeys->setKeys({});
    m_secretPanel->setVisible(false);
    m_manifest->setPlainText(QString());
    if (m_revealSource.isEmpty())
        return;
    // The manifest is YAML: its Secrets are found and their values hidden on a worker, never
    // on the GUI thread.
    using Shown = std::pair<QList<ManifestRedaction::SecretKey>, QString>;
    ++m_decoding;
    Async::run(
        this,
        [manifest = m_revealSource]() -> Shown {
            return {ManifestRedaction::secretKeys(manifest),
                    ManifestRedaction::hideSecretValues(manifest)};
        },
        [this, generation](const Shown &shown) {
            --m_decoding;
            if (generation != m_manifestGeneration)
                return; // another revision was selected meanwhile
            m_revealKeys = shown.first;
            QStringList labels;
            for (const ManifestRedaction::SecretKey &k : std::as_const(m_revealKeys))
                labels << k.label();
            m_secretKeys->setKeys(labels);
            m_secretPanel->setVisible(!labels.isEmpty());
            m_manifest->setPlainText(shown.second);
        });
}

void HelmPage::showDiff()
{
    const QList<HelmRelease> history = currentHistory();
    const int from = m_diffFrom->currentData().toInt();
    const int to = m_diffTo->currentData().toInt();
    const HelmRelease *a = nullptr;
    const HelmRelease *b = nullptr;
    for (const HelmRelease &r : history) {
        if (r.version == from)
            a = &r;
        if (r.version == to)
            b = &r;
    }
    const quint64 generation = ++m_diffGeneration;
    if (!a || !b) {
        m_diff->setPlainText(QString());
        return;
    }
    // Comparing manifests parses both (YAML, Secrets compared value by value): on a worker.
    ++m_decoding;
    Async::run(
        this,
        [from = *a, to = *b, manifests = m_diffKind->currentIndex() == 0] {
            return manifests ? HelmReleases::manifestDiff(from, to)
                             : HelmReleases::valuesDiff(from, to);
        },
        [this, generation, from, to](const QString &diff) {
            --m_decoding;
            if (generation != m_diffGeneration)
                return; // other revisions were chosen meanwhile
            m_diff->setPlainText(
                diff.isEmpty() ? tr("Revisions %1 and %2 do not differ.").arg(from).arg(to) : diff);
        });
}

void HelmPage::revealSelectedKey()
{
    const int row = m_secretList->currentIndex().row();
    if (row < 0 || row >= m_revealKeys.size())
        return;
    const ManifestRedaction::SecretKey key = m_revealKeys[row];
    const quint64 generation = m_manifestGeneration;
    // Read out of the YAML on a worker; dropped when another revision is shown meanwhile.
    ++m_decoding;
    Async::run(
        this,
        [source = m_revealSource, key] { return ManifestRedaction::secretValue(source, key); },
        [this, generation, label = key.label()](const std::optional<QString> &value) {
            --m_decoding;
            if (generation == m_manifestGeneration)
                m_secretKeys->reveal(label, value.value_or(tr("<no value>")));
        });
}

void HelmPage::requestRollback()
{
    const QList<QTreeWidgetItem *> items = m_history->selectedItems();
    if (items.isEmpty() || m_selectedName.isEmpty())
        return;
    emit rollbackRequested(m_context, m_selectedNs, m_selectedName,
                           items.first()->text(HRevision).toInt());
}

bool HelmPage::selectRelease(const QString &ns, const QString &name)
{
    for (int i = 0; i < m_releases->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_releases->topLevelItem(i);
        if (item->text(RName) == name && item->text(RNamespace) == ns) {
            m_releases->clearSelection();
            m_releases->setCurrentItem(item);
            item->setSelected(true);
            return true;
        }
    }
    return false;
}

bool HelmPage::selectRevision(int revision)
{
    for (int i = 0; i < m_history->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_history->topLevelItem(i);
        if (item->text(HRevision).toInt() == revision) {
            m_history->clearSelection();
            m_history->setCurrentItem(item);
            item->setSelected(true);
            return true;
        }
    }
    return false;
}

} // namespace Orrery
