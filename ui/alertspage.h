// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <monitoring/alert.h>

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace Orrery {

class AlertsModel;
struct AlertsState;

// The "Alerts" page: the active context's Alertmanager alerts grouped by severity and
// namespace (AlertsModel), live as the AlertsPoller reads them; the runbook link opens in
// the browser, a double click shows the attached object. "Silence…" asks for a silence
// prefilled from the selected alert, "Expire silence" ends the silences muting it; both go
// through the window's confirmation and operations path (app/alertswiring.cpp). Without an
// Alertmanager (or when it cannot be read) the page says why, in AlertsUnavailable's words.
class AlertsPage : public QWidget
{
    Q_OBJECT
public:
    explicit AlertsPage(QWidget *parent = nullptr);
    ~AlertsPage() override;

    void setState(std::shared_ptr<const AlertsState> state);
    // A sentence shown under the reason when there is no alert to list (the demo says which
    // monitoring servers it runs or misses); empty: none.
    void setHint(const QString &hint);

    AlertsModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *emptyLabel() const { return m_empty; }
    QPushButton *silenceButton() const { return m_silence; }
    QPushButton *expireButton() const { return m_expire; }
    // The alert of the current row (nullopt on a group row or without selection).
    std::optional<Alert> currentAlert() const;
    bool selectAlert(const QString &fingerprint);

signals:
    void silenceRequested(const Orrery::Alert &alert);
    void expireRequested(const QStringList &silenceIds, const Orrery::Alert &alert);
    void objectRequested(const QString &key); // "pod/NS/NAME"
    void refreshRequested();

private:
    void updateButtons();
    void setEmptyText(const QString &text);
    void onActivated(const QModelIndex &index);

    AlertsModel *m_model;
    QTreeView *m_tree;
    QStackedWidget *m_stack;
    QLabel *m_status;
    QLabel *m_empty;
    QString m_hint;
    std::shared_ptr<const AlertsState> m_state;
    QPushButton *m_silence;
    QPushButton *m_expire;
    QPushButton *m_refresh;
};

} // namespace Orrery
