// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QWidget>

class QLabel;

namespace Orrery {

// The coloured strip across the top of the window naming the active context, so nobody
// types into production by mistake. A protected context is red with a lock and "PROTECTED",
// whatever colour the user chose; the demo cluster says so too. A context whose cluster skips
// TLS verification carries a second badge saying so, protected or not.
class ContextStrip : public QWidget
{
    Q_OBJECT
public:
    explicit ContextStrip(QWidget *parent = nullptr);

    void setContext(const QString &displayName, const QString &contextName, const QColor &colour,
                    bool isProtected, bool isDemo = false);
    void clearContext();
    // kubeconfig insecure-skip-tls-verify for the shown context; cleared by clearContext().
    void setTlsVerificationOff(bool off);

    QString text() const;
    bool isProtectedShown() const { return m_protected; }
    bool isTlsWarningShown() const;
    QColor colour() const { return m_colour; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateTextColour();

    QLabel *m_lock;
    QLabel *m_label;
    QLabel *m_badge;
    QLabel *m_tlsBadge;
    QColor m_colour;
    bool m_protected = false;
};

} // namespace Orrery
