// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/problemdetector.h>

#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;
class QSystemTrayIcon;
class QTimer;

namespace Orrery {

class ContextPreferences;
class ProblemMonitor;

// Announces a rollout that fails or stalls on a watched (connected) context: the desktop's
// notification through the system tray when there is one, else a banner at the top right of
// the window. Clicking either opens the Deployment. Several failures while a banner is up are
// summed up in it ("and 2 more").
class ProblemNotifier : public QFrame
{
    Q_OBJECT
public:
    ProblemNotifier(ProblemMonitor *monitor, ContextPreferences *preferences, QWidget *window);
    ~ProblemNotifier() override;

    // False: announce in the window even when a tray exists (tests, screenshots).
    void setUseSystemTray(bool use);
    // The last announcement's title and text (what the tray or the banner showed).
    QString title() const { return m_lastTitle; }
    QString text() const { return m_lastText; }
    int announced() const { return m_announced; }

signals:
    void objectRequested(const QString &context, Orrery::Kind kind, const QString &ns,
                         const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void announce(const QString &context, const Problem &problem);
    void place();
    void openLast();
    void applyTheme();

    ContextPreferences *m_preferences;
    bool m_useTray = true;
    QPointer<QSystemTrayIcon> m_tray;
    QLabel *m_titleLabel;
    QLabel *m_textLabel;
    QTimer *m_hideTimer;
    QString m_lastTitle, m_lastText;
    QString m_context;
    Problem m_problem;
    int m_announced = 0;
    int m_unseen = 0; // announcements while the banner is up
    bool m_applyingTheme = false;
};

} // namespace Orrery
