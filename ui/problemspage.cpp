// SPDX-License-Identifier: GPL-3.0-or-later
#include "problemspage.h"

#include <contextpreferences.h>
#include <problemmonitor.h>
#include <problemtablemodel.h>
#include <theme.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <functional>

namespace Orrery {

namespace {

// The severity cell in the theme's danger or warning colour.
class SeverityDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto severity
            = Problem::Severity(index.data(ProblemTableModel::SeverityRole).toInt());
        option->palette.setColor(QPalette::Text, themeColor(severity == Problem::Severity::Critical
                                                                ? Theme::Role::Danger
                                                                : Theme::Role::Warning));
    }
};

// Enter opens the current row, as a double-click does.
class EnterOpens : public QObject
{
public:
    EnterOpens(QTableView *table, std::function<void(const QModelIndex &)> open)
        : QObject(table)
        , m_table(table)
        , m_open(std::move(open))
    {
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return false;
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && m_table->currentIndex().isValid()) {
            m_open(m_table->currentIndex());
            return true;
        }
        return false;
    }

private:
    QTableView *m_table;
    std::function<void(const QModelIndex &)> m_open;
};

} // namespace

ProblemsPage::ProblemsPage(ProblemMonitor *monitor, ContextPreferences *preferences,
                           QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_preferences(preferences)
    , m_model(new ProblemTableModel(monitor, preferences, this))
{
    setObjectName(QStringLiteral("problemsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QWidget(this);
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(10, 6, 10, 6);
    auto *title = new QLabel(tr("Problems"), bar);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_summary = new QLabel(bar);
    m_allContexts = new QCheckBox(tr("All connected contexts"), bar);
    m_allContexts->setToolTip(tr("Show the problems of every connected context, not only the "
                                 "active one"));
    barLayout->addWidget(title);
    barLayout->addSpacing(12);
    barLayout->addWidget(m_summary, 1);
    barLayout->addWidget(m_allContexts);
    layout->addWidget(bar);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setItemDelegateForColumn(ProblemTableModel::Severity, new SeverityDelegate(m_table));
    m_table->setColumnHidden(ProblemTableModel::Context, true);
    m_table->installEventFilter(new EnterOpens(m_table, [this](const QModelIndex &i) { open(i); }));
    layout->addWidget(m_table, 1);
    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty, 1);

    connect(m_table, &QTableView::doubleClicked, this, &ProblemsPage::open);
    connect(m_allContexts, &QCheckBox::toggled, this, &ProblemsPage::setAllContexts);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProblemsPage::updateSummary);
    auto *tick = new QTimer(this);
    tick->setInterval(5000);
    connect(tick, &QTimer::timeout, m_model, &ProblemTableModel::tick);
    tick->start();
    updateSummary();
}

void ProblemsPage::setContext(const QString &context)
{
    m_model->setScope(context);
    updateSummary();
}

void ProblemsPage::setAllContexts(bool all)
{
    if (m_allContexts->isChecked() != all)
        m_allContexts->setChecked(all); // comes back here through toggled()
    m_table->setColumnHidden(ProblemTableModel::Context, !all);
    m_model->setAllContexts(all);
    updateSummary();
}

void ProblemsPage::updateSummary()
{
    int critical = 0;
    for (int i = 0; i < m_model->rowCount(); ++i)
        critical += m_model->row(i).problem.severity == Problem::Severity::Critical ? 1 : 0;
    const int total = m_model->totalCount();
    QString text
        = total == 0 ? QString() : tr("%n problem(s), %1 critical", nullptr, total).arg(critical);
    if (total > m_model->rowCount())
        text += QLatin1Char(' ') + tr("(the first %1 listed)").arg(m_model->rowCount());
    m_summary->setText(text);
    const QString where = m_model->isAllContexts()
                              ? tr("any connected context")
                              : (m_preferences && !m_model->scope().isEmpty()
                                     ? m_preferences->displayName(m_model->scope())
                                     : m_model->scope());
    m_empty->setText(m_model->scope().isEmpty() && !m_model->isAllContexts()
                         ? tr("Connect to a context to see its problems.")
                         : tr("No problems in %1: no failing rollouts, crash loops, image pull "
                              "errors, unschedulable pods, failing autoscalers, nodes not ready "
                              "or failed jobs.")
                               .arg(where));
    m_table->setVisible(total > 0);
    m_empty->setVisible(total == 0);
    m_table->resizeColumnsToContents();
}

void ProblemsPage::open(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const auto &row = m_model->row(index.row());
    emit objectRequested(row.context, row.problem.kind, row.problem.namespaceName,
                         row.problem.name);
}

} // namespace Orrery
