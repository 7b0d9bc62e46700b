// SPDX-License-Identifier: GPL-3.0-or-later
#include "silencedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Orrery {

namespace {

enum MatcherColumn { UseColumn, NameColumn, OperatorColumn, ValueColumn };

} // namespace

SilenceDialog::SilenceDialog(const Alert &alert, const QString &createdBy, QWidget *parent)
    : QDialog(parent)
    , m_alert(alert)
    , m_matchers(new QTableWidget(this))
    , m_duration(new QComboBox(this))
    , m_comment(new QLineEdit(this))
    , m_createdBy(new QLineEdit(createdBy, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Silence %1").arg(alert.name()));
    setObjectName(QStringLiteral("silenceDialog"));
    auto *intro = new QLabel(
        tr("Alertmanager mutes every alert whose labels match all the checked matchers. "
           "Uncheck a label to silence more alerts (for example every pod of a workload)."),
        this);
    intro->setWordWrap(true);

    const Silence proposed
        = Silence::forAlert(alert, QDateTime::currentDateTimeUtc(), 3600, createdBy, QString());
    m_matchers->setColumnCount(4);
    m_matchers->setHorizontalHeaderLabels({QString(), tr("Label"), QString(), tr("Value")});
    m_matchers->setRowCount(int(proposed.matchers.size()));
    m_matchers->verticalHeader()->hide();
    m_matchers->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_matchers->horizontalHeader()->setSectionResizeMode(UseColumn, QHeaderView::ResizeToContents);
    m_matchers->horizontalHeader()->setSectionResizeMode(OperatorColumn,
                                                         QHeaderView::ResizeToContents);
    m_matchers->setColumnWidth(NameColumn, 180);
    for (int r = 0; r < proposed.matchers.size(); ++r) {
        const SilenceMatcher &m = proposed.matchers[r];
        auto *use = new QTableWidgetItem;
        use->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        use->setCheckState(Qt::Checked);
        m_matchers->setItem(r, UseColumn, use);
        auto *name = new QTableWidgetItem(m.name);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_matchers->setItem(r, NameColumn, name);
        auto *op = new QTableWidgetItem(QStringLiteral("="));
        op->setFlags(Qt::ItemIsEnabled);
        m_matchers->setItem(r, OperatorColumn, op);
        m_matchers->setItem(r, ValueColumn, new QTableWidgetItem(m.value));
    }
    m_matchers->setMinimumHeight(200);

    const std::pair<qint64, QString> durations[]
        = {{15 * 60, tr("15 minutes")}, {3600, tr("1 hour")}, {2 * 3600, tr("2 hours")},
           {4 * 3600, tr("4 hours")},   {86400, tr("1 day")}, {7 * 86400, tr("1 week")}};
    for (const auto &[seconds, label] : durations)
        m_duration->addItem(label, seconds);
    m_duration->setCurrentIndex(1);
    m_comment->setPlaceholderText(tr("Why (required by Alertmanager), e.g. \"load test, "
                                     "ticket OPS-12\""));
    m_createdBy->setPlaceholderText(tr("Your name"));

    auto *form = new QFormLayout;
    form->addRow(tr("Duration:"), m_duration);
    form->addRow(tr("Comment:"), m_comment);
    form->addRow(tr("Created by:"), m_createdBy);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Silence…"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_matchers, 1);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    resize(620, 460);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_comment, &QLineEdit::textChanged, this, &SilenceDialog::updateOk);
    connect(m_createdBy, &QLineEdit::textChanged, this, &SilenceDialog::updateOk);
    connect(m_matchers, &QTableWidget::itemChanged, this, &SilenceDialog::updateOk);
    updateOk();
}

SilenceDialog::~SilenceDialog() = default;

qint64 SilenceDialog::durationSeconds() const
{
    return m_duration->currentData().toLongLong();
}

Silence SilenceDialog::silence(const QDateTime &now) const
{
    Silence s = Silence::forAlert(m_alert, now, durationSeconds(), m_createdBy->text().trimmed(),
                                  m_comment->text().trimmed());
    s.matchers.clear();
    for (int r = 0; r < m_matchers->rowCount(); ++r) {
        if (m_matchers->item(r, UseColumn)->checkState() != Qt::Checked)
            continue;
        SilenceMatcher m;
        m.name = m_matchers->item(r, NameColumn)->text();
        m.value = m_matchers->item(r, ValueColumn)->text();
        s.matchers << m;
    }
    return s;
}

void SilenceDialog::updateOk()
{
    bool anyMatcher = false;
    for (int r = 0; r < m_matchers->rowCount(); ++r)
        anyMatcher = anyMatcher || m_matchers->item(r, UseColumn)->checkState() == Qt::Checked;
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(anyMatcher && !m_comment->text().trimmed().isEmpty()
                     && !m_createdBy->text().trimmed().isEmpty());
}

} // namespace Orrery
