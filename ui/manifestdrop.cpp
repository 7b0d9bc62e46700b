// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifestdrop.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>

namespace Orrery {

QStringList ManifestDrop::manifestFiles(const QList<QUrl> &urls)
{
    QStringList files;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
        if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml")
            || suffix == QLatin1String("json"))
            files << url.toLocalFile();
    }
    return files;
}

bool ManifestDrop::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_handler)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::DragEnter) {
        auto *drag = static_cast<QDragEnterEvent *>(event);
        if (drag->mimeData()->hasUrls() && !manifestFiles(drag->mimeData()->urls()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList files
            = drop->mimeData()->hasUrls() ? manifestFiles(drop->mimeData()->urls()) : QStringList();
        if (!files.isEmpty()) {
            drop->acceptProposedAction();
            m_handler(files);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Orrery
