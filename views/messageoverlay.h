// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Orrery {

// A message shown where the data would be, over a table or pane: "You may not list secrets
// in this namespace", "The server cannot be reached", "Loading…". It covers its parent, follows
// its size, and offers at most one action (e.g. "Reconnect"). Hidden means the data is shown.
class MessageOverlay : public QWidget
{
    Q_OBJECT
public:
    enum class Severity { Info, Warning, Error };

    explicit MessageOverlay(QWidget *covered);

    // actionText empty: no button.
    void showMessage(Severity severity, const QString &title, const QString &text,
                     const QString &actionText = {});
    void clear();

    QString title() const;
    QString text() const;

signals:
    void actionTriggered();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyTextColour();
    QWidget *m_covered;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_text;
    QPushButton *m_button;
    Severity m_severity = Severity::Info;
};

} // namespace Orrery
