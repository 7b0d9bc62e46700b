// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/kubekind.h>

#include <QFrame>

#include <optional>

class QLabel;
class QLineEdit;

namespace Orrery {

class ResourceNavigator;

// ":" as in k9s: a one-line prompt over the window that jumps to a kind or a page by its
// kubectl name, short name, plural or a prefix of them (":deploy", ":po", ":svc",
// ":topology", ":problems"). Enter jumps; a name that matches nothing is said so in the
// prompt, which stays open; Esc closes it.
class KindJump : public QFrame
{
    Q_OBJECT
public:
    KindJump(ResourceNavigator *navigator, QWidget *window);

    struct Target
    {
        std::optional<Kind> kind;
        QString pageId;
        bool isValid() const { return kind.has_value() || !pageId.isEmpty(); }
    };
    // What `text` names ("deploy", ":po", "Topology"); invalid when nothing.
    Target resolve(const QString &text) const;

    void popup();
    QLineEdit *field() const { return m_field; }
    QLabel *message() const { return m_message; }

signals:
    void kindRequested(Orrery::Kind kind);
    void pageRequested(const QString &pageId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void jump();

    ResourceNavigator *m_navigator;
    QLineEdit *m_field;
    QLabel *m_message;
};

} // namespace Orrery
