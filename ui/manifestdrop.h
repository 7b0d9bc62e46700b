// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QUrl>

#include <functional>

namespace Orrery {

// Manifest files (.yaml, .yml, .json) dropped on a widget go to a handler (the main window's
// "Apply manifests…"); other drops, and every drop while there is no handler, are left to the
// widget. Install with widget->installEventFilter(); the widget must accept drops.
class ManifestDrop : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const QStringList &files)>;

    using QObject::QObject;

    void setHandler(Handler handler) { m_handler = std::move(handler); }

    // The local manifest files among dropped URLs; empty: not a drop for us.
    static QStringList manifestFiles(const QList<QUrl> &urls);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Handler m_handler;
};

} // namespace Orrery
