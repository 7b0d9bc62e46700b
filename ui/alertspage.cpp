// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertspage.h"

#include <alertsmodel.h>

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace Orrery {

AlertsPage::AlertsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new AlertsModel(this))
    , m_tree(new QTreeView(this))
    , m_stack(new QStackedWidget(this))
    , m_status(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_silence(new QPushButton(tr("Silence…"), this))
    , m_expire(new QPushButton(tr("Expire silence"), this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
{
    setObjectName(QStringLiteral("alertsPage"));
    auto *title = new QLabel(tr("Alerts"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_silence->setToolTip(tr("Silence the selected alert in Alertmanager (matchers prefilled "
                             "from its labels)"));
    m_expire->setToolTip(tr("Expire the silences that mute the selected alert"));

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addSpacing(12);
    top->addWidget(m_status, 1);
    top->addWidget(m_silence);
    top->addWidget(m_expire);
    top->addWidget(m_refresh);

    m_tree->setModel(m_model);
    m_tree->setObjectName(QStringLiteral("alertsTree"));
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setWordWrap(false);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(AlertsModel::SummaryColumn, QHeaderView::Stretch);
    m_tree->setColumnWidth(AlertsModel::NameColumn, 300);
    m_tree->setColumnWidth(AlertsModel::StartedColumn, 80);
    m_tree->setColumnWidth(AlertsModel::ObjectColumn, 260);
    m_tree->setColumnWidth(AlertsModel::RunbookColumn, 220);
    m_tree->setColumnWidth(AlertsModel::StateColumn, 90);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("alertsEmpty"));
    m_empty->setMargin(24);
    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);

    m_empty->setText(tr("Reading Alertmanager…"));
    m_stack->setCurrentWidget(m_empty);

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        updateButtons();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AlertsPage::updateButtons);
    connect(m_tree, &QTreeView::clicked, this, [](const QModelIndex &index) {
        if (index.column() != AlertsModel::RunbookColumn)
            return;
        const QUrl url(index.data(AlertsModel::RunbookRole).toString());
        if (url.isValid()
            && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
            QDesktopServices::openUrl(url);
    });
    connect(m_tree, &QTreeView::activated, this, &AlertsPage::onActivated);
    connect(m_silence, &QPushButton::clicked, this, [this] {
        if (const std::optional<Alert> alert = currentAlert())
            emit silenceRequested(*alert);
    });
    connect(m_expire, &QPushButton::clicked, this, [this] {
        if (const std::optional<Alert> alert = currentAlert(); alert && alert->isSilenced())
            emit expireRequested(alert->silencedBy, *alert);
    });
    connect(m_refresh, &QPushButton::clicked, this, &AlertsPage::refreshRequested);
    updateButtons();
}

AlertsPage::~AlertsPage() = default;

void AlertsPage::setHint(const QString &hint)
{
    if (hint == m_hint)
        return;
    m_hint = hint;
    setState(m_state);
}

void AlertsPage::setEmptyText(const QString &text)
{
    m_empty->setText(m_hint.isEmpty() ? text : text + QStringLiteral("\n\n") + m_hint);
    m_stack->setCurrentWidget(m_empty);
}

void AlertsPage::setState(std::shared_ptr<const AlertsState> state)
{
    m_state = state;
    const QString selected = m_tree->currentIndex().data(AlertsModel::FingerprintRole).toString();
    m_model->setState(state);
    if (!selected.isEmpty())
        selectAlert(selected);
    if (!state) {
        m_status->clear();
        setEmptyText(tr("Reading Alertmanager…"));
        return;
    }
    if (state->unavailable) {
        m_status->setText(tr("No alerts"));
        setEmptyText(tr("No alerts can be shown: %1").arg(state->unavailable->text()));
        updateButtons();
        return;
    }
    int firing = 0;
    int silenced = 0;
    for (const Alert &a : state->index.alerts()) {
        if (a.isSilenced())
            ++silenced;
        else if (a.state != Alert::State::Suppressed)
            ++firing;
    }
    m_status->setText(tr("%n firing", nullptr, firing) + QStringLiteral(" · ")
                      + tr("%n silenced", nullptr, silenced) + QStringLiteral(" · ")
                      + tr("from %1, updated %2")
                            .arg(state->source, state->polledAt.toLocalTime().toString(
                                                    QStringLiteral("HH:mm:ss"))));
    if (state->index.alerts().isEmpty()) {
        setEmptyText(tr("No alert is firing."));
    } else {
        m_stack->setCurrentWidget(m_tree);
    }
    updateButtons();
}

std::optional<Alert> AlertsPage::currentAlert() const
{
    const QModelIndex index = m_tree->currentIndex();
    const Alert *alert = m_model->alertAt(index.siblingAtColumn(0));
    return alert ? std::optional<Alert>(*alert) : std::nullopt;
}

bool AlertsPage::selectAlert(const QString &fingerprint)
{
    const QModelIndex index = m_model->indexOf(fingerprint);
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void AlertsPage::updateButtons()
{
    const std::optional<Alert> alert = currentAlert();
    m_silence->setEnabled(alert.has_value());
    m_expire->setEnabled(alert && alert->isSilenced());
}

void AlertsPage::onActivated(const QModelIndex &index)
{
    if (index.column() == AlertsModel::RunbookColumn)
        return;
    const QString key = index.siblingAtColumn(0).data(AlertsModel::ObjectKeyRole).toString();
    if (!key.isEmpty() && !key.startsWith(QLatin1String("namespace/")))
        emit objectRequested(key);
}

} // namespace Orrery
