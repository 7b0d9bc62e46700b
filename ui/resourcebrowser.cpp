// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourcebrowser.h"

#include "alertbadgedelegate.h"
#include "errorpresenter.h"
#include "namespacefilter.h"
#include "resourcenavigator.h"
#include "windowstate.h"

#include <ageclock.h>
#include <contextpreferences.h>
#include <messageoverlay.h>
#include <resourcefilterproxymodel.h>
#include <resourcetablemodel.h>
#include <sessionmanager.h>
#include <theme.h>

#include <kube/clustersession.h>
#include <kube/freshness.h>
#include <kube/resourcestore.h>
#include <monitoring/metricspoller.h>
#include <monitoring/metricssnapshot.h>
#include <monitoring/monitoringsource.h>

#include <QApplication>
#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <functional>

namespace Orrery {

namespace {

// Calls `intoRows` on Down, Enter and Return; the key is eaten when it returns true.
class FilterKeys : public QObject
{
public:
    FilterKeys(QObject *parent, std::function<bool()> intoRows)
        : QObject(parent)
        , m_intoRows(std::move(intoRows))
    {
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_Return
                 || key->key() == Qt::Key_Enter)
                && key->modifiers() == Qt::NoModifier)
                return m_intoRows();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<bool()> m_intoRows;
};

// Calls `resized` after the watched widget's size changed.
class ResizeWatcher : public QObject
{
public:
    ResizeWatcher(QObject *parent, std::function<void()> resized)
        : QObject(parent)
        , m_resized(std::move(resized))
    {
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Resize)
            m_resized();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_resized;
};

} // namespace

ResourceBrowser::ResourceBrowser(SessionManager *sessions, ContextPreferences *preferences,
                                 QWidget *parent)
    : QWidget(parent)
    , m_sessions(sessions)
    , m_preferences(preferences)
    , m_ageClock(new AgeClock(this))
{
    buildUi();
    connect(Theme::instance(), &Theme::changed, this, &ResourceBrowser::applyThemeColours);
    applyThemeColours();
    // What the shown context's store and informers say reaches the parts that show it.
    connect(m_preferences, &ContextPreferences::changed, this, [this](const QString &context) {
        if (context == m_context)
            applyMonitoringSettings();
    });
    connect(m_sessions, &SessionManager::healthChanged, this, [this](const QString &context) {
        if (context == m_context)
            updateOverlay();
    });
    connect(m_sessions, &SessionManager::storeChanged, this,
            [this](const QString &context, const ChangeBatch &batch) {
                if (context != m_context)
                    return;
                if (batch.contains(Kind::Namespace))
                    updateNamespaceList();
                emit countsChanged();
            });
}

ResourceBrowser::~ResourceBrowser()
{
    // The sessions may outlive the window; let go of their stores first.
    m_details->setSession(nullptr);
    updateDetailsVisibility();
    m_model->setStore(nullptr);
    delete m_metricsPoller;
    delete m_monitoring;
}

MetricsPoller *ResourceBrowser::metricsPoller() const
{
    return m_metricsPoller;
}

void ResourceBrowser::followMetrics(ClusterSession *session)
{
    if (m_metricsPoller && session && m_metricsPoller->parent() == session)
        return;
    delete m_metricsPoller; // null when its session is already gone
    delete m_monitoring;
    m_metricsPending = false;
    m_pendingMetrics.reset();
    m_model->setMetrics(nullptr);
    m_details->setMetrics(nullptr);
    emit metricsChanged(nullptr);
    m_details->setMonitoringSource(nullptr);
    if (!session || !session->transport()) {
        emit monitoringSourceChanged(nullptr);
        return;
    }
    // Prometheus and Alertmanager: the context's settings, else found among its Services.
    m_monitoring = new MonitoringSource(session, session);
    applyMonitoringSettings();
    m_details->setMonitoringSource(m_monitoring);
    m_metricsPoller = new MetricsPoller(session->transport(), session);
    connect(m_metricsPoller, &MetricsPoller::batchReady, this, [this](const MetricsBatch &batch) {
        const std::shared_ptr<const MetricsSnapshot> snapshot = MetricsSnapshot::fromBatch(batch);
        setTableMetrics(snapshot);
        emit metricsChanged(snapshot);
    });
    m_details->setMetricsHistory(m_metricsPoller);
    m_metricsPoller->start();
    emit monitoringSourceChanged(m_monitoring);
}

void ResourceBrowser::setTableMetrics(std::shared_ptr<const MetricsSnapshot> snapshot)
{
    if (window()->isVisible() && !isVisible()) {
        m_pendingMetrics = std::move(snapshot);
        m_metricsPending = true;
        return;
    }
    m_metricsPending = false;
    m_pendingMetrics.reset();
    m_model->setMetrics(snapshot);
    m_details->setMetrics(std::move(snapshot));
}

void ResourceBrowser::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_metricsPending)
        setTableMetrics(std::move(m_pendingMetrics));
}

void ResourceBrowser::setAlerts(std::shared_ptr<const AlertsState> alerts)
{
    m_model->setAlerts(alerts);
    m_details->setAlerts(std::move(alerts));
}

void ResourceBrowser::applyMonitoringSettings()
{
    if (!m_monitoring)
        return;
    const Result<MonitoringTarget> prometheus
        = MonitoringTarget::parse(m_preferences->prometheusSetting(m_context));
    const Result<MonitoringTarget> alertmanager
        = MonitoringTarget::parse(m_preferences->alertmanagerSetting(m_context));
    // The Preferences refuse what does not parse; a hand-edited setting that does not is
    // ignored (discovery runs instead).
    m_monitoring->setSettings(prometheus.ok() ? prometheus.value() : MonitoringTarget(),
                              alertmanager.ok() ? alertmanager.value() : MonitoringTarget());
}

void ResourceBrowser::buildUi()
{
    auto *pageLayout = new QVBoxLayout(this);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);

    auto *toolbar = new QWidget(this);
    auto *toolbarLayout = new QHBoxLayout(toolbar);
    toolbarLayout->setContentsMargins(10, 6, 10, 6);
    m_kindTitle = new QLabel(toolbar);
    QFont titleFont = m_kindTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_kindTitle->setFont(titleFont);
    m_namespaceFilter = new NamespaceFilter(toolbar);
    m_filter = new QLineEdit(toolbar);
    m_filter->setPlaceholderText(
        tr("Filter by name, or a label selector like app=web,tier!=db  (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(320);
    m_filterError = new QLabel(toolbar);
    m_listLabel = new QLabel(toolbar);
    m_listLabel->setObjectName(QStringLiteral("listProgressLabel"));
    m_listLabel->hide();
    toolbarLayout->addWidget(m_kindTitle);
    toolbarLayout->addSpacing(12);
    toolbarLayout->addWidget(m_listLabel);
    toolbarLayout->addSpacing(12);
    toolbarLayout->addWidget(m_namespaceFilter);
    toolbarLayout->addWidget(m_filter, 1);
    toolbarLayout->addWidget(m_filterError);
    pageLayout->addWidget(toolbar);

    // A thin bar under the toolbar while the kind's list is under way: how far it is, or
    // busy when the server did not say how many remain.
    m_listBar = new QProgressBar(this);
    m_listBar->setObjectName(QStringLiteral("listProgressBar"));
    m_listBar->setTextVisible(false);
    m_listBar->setFixedHeight(4);
    m_listBar->hide();
    pageLayout->addWidget(m_listBar);

    m_staleBanner = new QLabel(this);
    m_staleBanner->setWordWrap(true);
    m_staleBanner->hide();
    pageLayout->addWidget(m_staleBanner);

    m_tableSplitter = new QSplitter(Qt::Horizontal, this);
    m_tableSplitter->setChildrenCollapsible(false);
    m_table = new QTableView(m_tableSplitter);
    m_model = new ResourceTableModel(Kind::Pod, this);
    m_model->setAgeClock(m_ageClock);
    m_proxy = new ResourceFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    // The status bar's count follows the rows themselves: the store's change signal can reach
    // this browser before the table model has applied the same batch (a count one page behind
    // while a list fills).
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ResourceBrowser::countsChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ResourceBrowser::countsChanged);
    m_proxy->setGroupEvents(true); // the Events page: repeats as one row, as in the details pane
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new AlertBadgeDelegate(m_table)); // the Name cell's alert badge
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    // Uniform row heights: the view never asks the model for size hints, which keeps 10,000
    // rows smooth.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_overlay = new MessageOverlay(m_table);
    m_details = new DetailsPane(m_tableSplitter);
    m_tableSplitter->addWidget(m_table);
    m_tableSplitter->addWidget(m_details);
    m_tableSplitter->setStretchFactor(0, 3);
    m_tableSplitter->setStretchFactor(1, 2);
    m_tableSplitter->setSizes({720, 480});
    m_details->setMinimumWidth(300);
    // The STATUS column kept in view when the table narrows (a small window, a wider pane).
    m_table->viewport()->installEventFilter(
        new ResizeWatcher(this, [this] { keepStatusInView(); }));
    pageLayout->addWidget(m_tableSplitter, 1);

    connect(m_namespaceFilter, &NamespaceFilter::selectionChanged, this,
            [this](const QStringList &namespaces) {
                if (!m_context.isEmpty())
                    m_preferences->setNamespaces(m_context, namespaces);
                applyNamespaces(namespaces);
                emit countsChanged();
                updateOverlay();
            });
    // Down or Enter in the filter move into the rows, as in k9s: the first row is selected
    // when none is.
    m_filter->installEventFilter(new FilterKeys(this, [this] {
        if (m_proxy->rowCount() == 0)
            return false;
        if (!m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_proxy->index(0, 0));
        m_table->setFocus();
        return true;
    }));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        const bool ok = m_proxy->setFilterString(text);
        m_filterError->setText(ok ? QString() : m_proxy->filterError());
        m_filterInvalid = !ok;
        updateFilterStyle();
        emit countsChanged();
        updateOverlay();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ResourceBrowser::onCurrentRowChanged);
    connect(m_table, &QWidget::customContextMenuRequested, this, &ResourceBrowser::showContextMenu);
    connect(m_table, &QTableView::activated, this, [this] {
        // Enter: into the details, ready for Ctrl+1..4 or reading.
        m_details->setFocus();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_columnsFitted)
            fitColumns();
        updateOverlay();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_columnsFitted = false;
        layoutColumns();
    });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ResourceBrowser::updateOverlay);
    connect(m_model, &ResourceTableModel::batchAboutToBeApplied, this,
            &ResourceBrowser::rememberTopRow);
    connect(m_model, &ResourceTableModel::batchApplied, this, &ResourceBrowser::restoreTopRow);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ResourceBrowser::updateOverlay);
    connect(m_overlay, &MessageOverlay::actionTriggered, this, [this] {
        if (!m_context.isEmpty())
            emit reconnectRequested();
    });
    connect(m_details, &DetailsPane::objectLinkActivated, this,
            [this](Kind kind, const QString &ns, const QString &name) {
                rememberPosition();
                if (!selectObject(kind, ns, name))
                    emit objectNotFound(kind, name);
            });
}

QString ResourceBrowser::kindPlural(Kind kind)
{
    return ResourceNavigator::pluralName(kind).toLower();
}

void ResourceBrowser::applyNamespaces(const QStringList &namespaces)
{
    m_proxy->setNamespaces(namespaces);
    // One namespace: its column only repeats the filter.
    const int nsColumn = m_model->namespaceColumn();
    if (nsColumn >= 0)
        m_table->setColumnHidden(nsColumn, namespaces.size() == 1);
}

void ResourceBrowser::showContext(const QString &context, ClusterSession *session)
{
    if (!m_context.isEmpty())
        m_kinds.insert(m_context, m_kind);
    m_context = context;
    m_session = session;
    m_history.clear();
    m_details->setSession(session);
    updateDetailsVisibility();
    followMetrics(session);
    m_kind = m_kinds.value(context, Kind::Pod);
    m_model->setSource(session ? session->store() : nullptr, m_kind);
    followStore(session);
    const QStringList namespaces = m_preferences->namespaces(context);
    updateNamespaceList();
    m_namespaceFilter->setSelected(namespaces);
    applyNamespaces(namespaces);
    m_kindTitle->setText(ResourceNavigator::pluralName(m_kind));
    updateStaleBanner();
    updateOverlay();
}

void ResourceBrowser::setSession(ClusterSession *session)
{
    if (session == m_session)
        return;
    m_session = session;
    m_details->setSession(session);
    updateDetailsVisibility();
    followMetrics(session);
    m_model->setSource(session ? session->store() : nullptr, m_kind);
    followStore(session);
    updateNamespaceList();
    updateStaleBanner();
    updateOverlay();
}

void ResourceBrowser::setKindFor(const QString &context, Kind kind)
{
    m_kinds.insert(context, kind);
}

void ResourceBrowser::selectKind(Kind kind)
{
    if (kind == m_kind && m_model->store() == (m_session ? m_session->store() : nullptr)) {
        emit kindChanged(kind);
        return;
    }
    saveColumns(); // the layout of the kind we leave
    m_kind = kind;
    m_model->setSource(m_session ? m_session->store() : nullptr, kind);
    m_kindTitle->setText(ResourceNavigator::pluralName(kind));
    const int nsColumn = m_model->namespaceColumn();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_table->setColumnHidden(c, c == nsColumn && m_proxy->namespaces().size() == 1);
    // By name; a layout saved for this kind brings its own sort column.
    m_table->sortByColumn(0, Qt::AscendingOrder);
    layoutColumns();
    m_details->setObject({});
    updateDetailsVisibility();
    updateOverlay();
    updateStaleBanner();
    updateListProgress();
    emit kindChanged(kind);
}

bool ResourceBrowser::selectObject(Kind kind, const QString &ns, const QString &name)
{
    if (kind != m_kind)
        selectKind(kind);
    const int sourceRow = m_model->rowOf(KubeObject::makeKey(ns, name));
    if (sourceRow < 0)
        return false;
    QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!proxyIndex.isValid()) {
        // Hidden by the filter or namespace choice: widen them rather than fail.
        m_filter->clear();
        if (!ns.isEmpty() && !m_proxy->namespaces().isEmpty()
            && !m_proxy->namespaces().contains(ns))
            m_namespaceFilter->setSelected({});
        proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    if (!proxyIndex.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(proxyIndex, QItemSelectionModel::ClearAndSelect
                                                               | QItemSelectionModel::Rows);
    m_table->scrollTo(proxyIndex, QAbstractItemView::PositionAtCenter);
    return true;
}

bool ResourceBrowser::selectObject(Kind kind, const QString &key)
{
    const bool namespaced = key.contains(QLatin1Char('/'));
    return selectObject(kind, namespaced ? key.section(QLatin1Char('/'), 0, 0) : QString(),
                        namespaced ? key.section(QLatin1Char('/'), 1) : key);
}

KubeObjectPtr ResourceBrowser::selectedObject() const
{
    const QModelIndex source = m_proxy->mapToSource(m_table->selectionModel()->currentIndex());
    return source.isValid() ? m_model->objectAt(source) : KubeObjectPtr();
}

void ResourceBrowser::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void ResourceBrowser::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

void ResourceBrowser::focusTable()
{
    m_table->setFocus();
}

void ResourceBrowser::showDetailsTab(DetailsPane::Tab tab)
{
    m_details->showTab(tab);
}

int ResourceBrowser::detailsTab() const
{
    const auto *tabs = m_details->findChild<QTabWidget *>(QString(), Qt::FindDirectChildrenOnly);
    return tabs ? tabs->currentIndex() : -1;
}

void ResourceBrowser::setObjectActionsProvider(DetailsPane::ActionsProvider provider)
{
    m_actionsProvider = provider;
    m_details->setActionsProvider(std::move(provider));
}

void ResourceBrowser::rememberPosition()
{
    const KubeObjectPtr current = m_details->object();
    m_history.append({m_kind, current ? current->key() : QString()});
    if (m_history.size() > 50)
        m_history.removeFirst();
}

void ResourceBrowser::goBack()
{
    if (m_details->isAncestorOf(QApplication::focusWidget())) {
        m_table->setFocus();
        return;
    }
    if (m_history.isEmpty()) {
        if (!m_filter->text().isEmpty() && m_filter->hasFocus())
            m_filter->clear();
        m_table->setFocus();
        return;
    }
    const auto [kind, key] = m_history.takeLast();
    if (key.isEmpty())
        selectKind(kind);
    else
        selectObject(kind, key);
    m_table->setFocus();
}

void ResourceBrowser::updateDetailsVisibility()
{
    // An empty details pane would only take the table's room (at 928 px, all but NAME and
    // READY): it collapses while nothing is selected and comes back, at its size, with a row.
    m_details->setVisible(bool(m_details->object()));
}

void ResourceBrowser::onCurrentRowChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const QModelIndex source = m_proxy->mapToSource(current);
    m_details->setObject(source.isValid() ? m_model->objectAt(source) : KubeObjectPtr());
    updateDetailsVisibility();
}

void ResourceBrowser::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid() || !m_actionsProvider)
        return;
    // The menu acts on the row under the cursor, so make it the selection first (as file
    // managers do): the details pane then shows what the action will touch.
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                          | QItemSelectionModel::Rows);
    const KubeObjectPtr object = selectedObject();
    if (!object)
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("tableContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setToolTipsVisible(true);
    menu->addActions(m_actionsProvider(object, menu));
    if (menu->isEmpty()) {
        delete menu;
        return;
    }
    menu->popup(m_table->viewport()->mapToGlobal(pos));
}

QString ResourceBrowser::countText() const
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    // "%Ln": the locale's digits, and the plural form that fits the count ("1 node").
    return shown == total ? kindCount(m_kind, total)
                          : tr("%1 of %2").arg(QLocale().toString(shown), kindCount(m_kind, total));
}

void ResourceBrowser::updateNamespaceList()
{
    QStringList names;
    if (m_session) {
        for (const KubeObjectPtr &ns : m_session->store()->objects(Kind::Namespace))
            names << ns->name;
    }
    m_namespaceFilter->setNamespaces(names);
}

void ResourceBrowser::updateStaleBanner()
{
    // The banner over the table speaks for the kind on screen.
    const QString text = m_session
                             ? Freshness::staleBanner(m_session->health(m_kind), kindPlural(m_kind),
                                                      QDateTime::currentDateTimeUtc())
                             : QString();
    m_staleBanner->setText(text);
    m_staleBanner->setVisible(!text.isEmpty());
}

void ResourceBrowser::updateOverlay()
{
    const QString what = kindPlural(m_kind);
    if (m_context.isEmpty()) {
        m_overlay->showMessage(MessageOverlay::Severity::Info, tr("No cluster selected"),
                               tr("Choose a context on the left to connect."));
        return;
    }
    const std::optional<Error> discoveryError = m_sessions->discoveryError(m_context);
    if (!m_session) {
        if (discoveryError)
            ErrorPresenter::showInOverlay(m_overlay, *discoveryError, what, tr("Try Again"));
        else
            m_overlay->showMessage(MessageOverlay::Severity::Info, tr("Not connected"),
                                   tr("This context is disconnected."), tr("Connect"));
        return;
    }
    if (discoveryError && m_model->rowCount() == 0) {
        ErrorPresenter::showInOverlay(m_overlay, *discoveryError, what, tr("Reconnect"));
        return;
    }
    const WatchHealth h = m_session->health(m_kind);
    if (h.state == WatchHealth::State::Error && h.lastError && m_model->rowCount() == 0) {
        ErrorPresenter::showInOverlay(m_overlay, *h.lastError, what, tr("Reconnect"));
        return;
    }
    if (m_model->rowCount() == 0 && !m_session->store()->hasSynced(m_kind)) {
        m_overlay->showMessage(MessageOverlay::Severity::Info, tr("Loading %1…").arg(what),
                               QString());
        return;
    }
    if (m_proxy->rowCount() == 0) {
        QString detail;
        if (!m_proxy->filterString().trimmed().isEmpty())
            detail
                = tr("Nothing matches the filter \"%1\".").arg(m_proxy->filterString().trimmed());
        else if (!m_proxy->namespaces().isEmpty())
            detail = tr("There are none in the selected namespaces (%1).")
                         .arg(m_proxy->namespaces().join(QStringLiteral(", ")));
        else
            detail = tr("The cluster has none.");
        m_overlay->showMessage(MessageOverlay::Severity::Info, tr("No %1").arg(what), detail);
        return;
    }
    m_overlay->clear();
}

void ResourceBrowser::followStore(ClusterSession *session)
{
    if (m_listConnection)
        disconnect(m_listConnection);
    if (session)
        m_listConnection = connect(session->store(), &ResourceStore::listProgressChanged, this,
                                   [this](Kind kind) {
                                       if (kind == m_kind)
                                           updateListProgress();
                                   });
    updateListProgress();
}

void ResourceBrowser::updateListProgress()
{
    const ResourceStore::ListProgress progress
        = m_session ? m_session->store()->listProgress(m_kind) : ResourceStore::ListProgress{};
    if (!progress.listing) {
        m_listLabel->hide();
        m_listBar->hide();
        return;
    }
    // A relist (after an expired watch, a wake-up) keeps the rows: it refreshes them.
    const bool refreshing = m_session->store()->hasSynced(m_kind);
    const QString what = kindPlural(m_kind);
    const QString listed = QLocale().toString(progress.listed);
    QString text;
    if (progress.expected > 0) {
        const int expected = int(std::min<qint64>(progress.expected, INT_MAX));
        text = refreshing
                   ? tr("Refreshing %1… %2 of about %Ln", nullptr, expected).arg(what, listed)
                   : tr("Loading %1… %2 of about %Ln", nullptr, expected).arg(what, listed);
        m_listBar->setRange(0, expected);
        m_listBar->setValue(int(std::min<qint64>(progress.listed, expected)));
    } else {
        const int count = int(std::min<qint64>(progress.listed, INT_MAX));
        text = refreshing ? tr("Refreshing %1… %Ln so far", nullptr, count).arg(what)
                          : tr("Loading %1… %Ln so far", nullptr, count).arg(what);
        m_listBar->setRange(0, 0); // busy: the server did not say how many remain
    }
    m_listLabel->setText(text);
    m_listLabel->show();
    m_listBar->show();
}

void ResourceBrowser::rememberTopRow()
{
    m_topRowKey.clear();
    // At the very top the table shows the first rows in sort order, whatever arrives.
    if (m_table->verticalScrollBar()->value() == 0)
        return;
    const QModelIndex top = m_table->indexAt(QPoint(0, 0));
    if (!top.isValid())
        return;
    const QModelIndex source = m_proxy->mapToSource(top);
    if (source.isValid())
        m_topRowKey = m_model->keyAt(source.row());
}

void ResourceBrowser::restoreTopRow()
{
    if (m_topRowKey.isEmpty())
        return;
    const int row = m_model->rowOf(m_topRowKey);
    m_topRowKey.clear();
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid() && m_table->indexAt(QPoint(0, 0)).row() != index.row())
        m_table->scrollTo(index, QAbstractItemView::PositionAtTop);
}

void ResourceBrowser::layoutColumns()
{
    if (!restoreColumns() && m_model->rowCount() > 0)
        fitColumns();
    const int nsColumn = m_model->namespaceColumn();
    if (nsColumn >= 0)
        m_table->setColumnHidden(nsColumn, m_proxy->namespaces().size() == 1);
}

bool ResourceBrowser::restoreColumns()
{
    if (!m_state)
        return false;
    const QByteArray state = m_state->columns(m_model->kind());
    if (state.isEmpty() || !m_table->horizontalHeader()->restoreState(state))
        return false;
    m_columnsFitted = true;
    return true;
}

void ResourceBrowser::saveColumns()
{
    // Only a layout that was fitted to rows (or restored, or changed by hand since): the
    // header-only widths of an empty table would freeze too narrow.
    if (m_state && m_columnsFitted && m_model->columnCount() > 0)
        m_state->setColumns(m_model->kind(), m_table->horizontalHeader()->saveState());
}

void ResourceBrowser::fitColumns()
{
    // Sized to the rows on screen (not all 10,000), clamped so one long message or image
    // list cannot push everything else out of view.
    m_columnsFitted = m_model->rowCount() > 0;
    QHeaderView *header = m_table->horizontalHeader();
    header->setResizeContentsPrecision(50);
    for (int c = 0; c < m_model->columnCount(); ++c) {
        m_table->resizeColumnToContents(c);
        m_table->setColumnWidth(c, qBound(60, m_table->columnWidth(c) + 12, 420));
    }
    const int statusColumn = m_model->columnOf([](const KindColumn &column) {
        return column.role == KindColumn::Role::Status && qstrcmp(column.id, "status") == 0;
    });
    if (statusColumn < 0)
        return;
    // A status changes after the fit (Running, then CrashLoopBackOff in bold red): its
    // column is wide enough for the longest reasons kubectl prints, in bold.
    QFont bold = m_table->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int statusWidth = 0;
    for (const char *reason : {
             "CrashLoopBackOff",
             "ImagePullBackOff",
             "ContainerCreating",
         })
        statusWidth = qMax(statusWidth, metrics.horizontalAdvance(QLatin1String(reason)));
    statusWidth = qMin(statusWidth + 24, 420);
    if (m_table->columnWidth(statusColumn) < statusWidth)
        m_table->setColumnWidth(statusColumn, statusWidth);
    keepStatusInView();
}

void ResourceBrowser::keepStatusInView()
{
    const int statusColumn = m_model->columnOf([](const KindColumn &column) {
        return column.role == KindColumn::Role::Status && qstrcmp(column.id, "status") == 0;
    });
    if (statusColumn < 0 || !m_columnsFitted)
        return;
    // At small widths the status stays in view before the secondary columns: the name, then
    // the namespace (the columns before it that can be wide) give up room, elided, down to
    // 120 and 70 px.
    QHeaderView *header = m_table->horizontalHeader();
    const int available = m_table->viewport()->width();
    if (available <= 0)
        return;
    int excess
        = header->sectionPosition(statusColumn) + header->sectionSize(statusColumn) - available;
    const std::pair<int, int> shrinkable[]
        = {{m_model->nameColumn(), 120}, {m_model->namespaceColumn(), 70}};
    for (const auto &[column, minimum] : shrinkable) {
        if (excess <= 0)
            break;
        if (column < 0 || m_table->isColumnHidden(column)
            || header->visualIndex(column) > header->visualIndex(statusColumn))
            continue;
        const int width = m_table->columnWidth(column);
        const int shrunk = qMax(minimum, width - excess);
        if (shrunk < width) {
            m_table->setColumnWidth(column, shrunk);
            excess -= width - shrunk;
        }
    }
}

void ResourceBrowser::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyThemeColours();
}

void ResourceBrowser::applyThemeColours()
{
    if (m_applyingTheme)
        return;
    m_applyingTheme = true;
    const auto c = [](Theme::Role role) { return themeColor(role).name(); };
    m_filterError->setStyleSheet(QStringLiteral("color:%1;").arg(c(Theme::Role::Danger)));
    // The list's progress: the theme's accent on its border colour, flat (no frame at 4 px).
    m_listBar->setStyleSheet(QStringLiteral("QProgressBar{border:none;background:%1;}"
                                            "QProgressBar::chunk{background:%2;}")
                                 .arg(c(Theme::Role::Border), c(Theme::Role::Accent)));
    m_staleBanner->setStyleSheet(
        QStringLiteral("background:%1;color:%2;font-weight:bold;padding:6px 12px;")
            .arg(c(Theme::Role::Danger), c(Theme::Role::OnDanger)));
    m_table->setStyleSheet(QStringLiteral("QTableView{selection-background-color:%1;selection-"
                                          "color:%2;alternate-background-color:%3;}"
                                          "QHeaderView::section{background:%4;color:%5;font-weight:"
                                          "bold;font-size:8pt;border:none;"
                                          "border-bottom:1px solid %6;padding:4px 6px;}")
                               .arg(c(Theme::Role::Selection), c(Theme::Role::SelectionText),
                                    c(Theme::Role::AlternateBase), c(Theme::Role::HeaderBackground),
                                    c(Theme::Role::HeaderText), c(Theme::Role::Border)));
    updateFilterStyle();
    m_applyingTheme = false;
}

void ResourceBrowser::updateFilterStyle()
{
    m_filter->setStyleSheet(m_filterInvalid ? QStringLiteral("QLineEdit{border:1px solid %1;}")
                                                  .arg(themeColor(Theme::Role::Danger).name())
                                            : QString());
}

} // namespace Orrery
