// SPDX-License-Identifier: GPL-3.0-or-later
#include "kindicons.h"

#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace Orrery {

namespace {

// Renders the SVG itself rather than relying on Qt's SVG icon-engine plugin: the plugin is a
// separate package on some systems, and without it QIcon(":/x.svg") would silently be empty.
// QIcon asks for size * devicePixelRatio, so drawing at the requested size is high-DPI clean.
class SvgIconEngine : public QIconEngine
{
public:
    explicit SvgIconEngine(const QString &path)
        : m_path(path)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(m_path);
        painter->save();
        if (mode == QIcon::Disabled)
            painter->setOpacity(painter->opacity() * 0.4);
        renderer.render(painter, QRectF(rect));
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        if (size.isEmpty())
            return {};
        const QString key = QStringLiteral("orrery-icon:%1:%2x%3:%4")
                                .arg(m_path)
                                .arg(size.width())
                                .arg(size.height())
                                .arg(int(mode));
        QPixmap cached;
        if (QPixmapCache::find(key, &cached))
            return cached;
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        {
            QPainter painter(&pm);
            painter.setRenderHint(QPainter::Antialiasing);
            paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        }
        QPixmapCache::insert(key, pm);
        return pm;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        // Square art: fit the smaller side.
        const int side = qMin(size.width(), size.height());
        return QSize(side, side);
    }

    QIconEngine *clone() const override { return new SvgIconEngine(m_path); }
    QString key() const override { return QStringLiteral("OrrerySvgIconEngine"); }
    bool isNull() override { return !QFile::exists(m_path); }

private:
    QString m_path;
};

QString fileFor(Kind kind)
{
    return QString::fromLatin1(kindInfo(kind).icon);
}

QIcon iconFromPath(const QString &path)
{
    static QHash<QString, QIcon> cache;
    const auto it = cache.constFind(path);
    if (it != cache.constEnd())
        return *it;
    QIcon icon;
    if (QFile::exists(path))
        icon = QIcon(new SvgIconEngine(path));
    cache.insert(path, icon);
    return icon;
}

} // namespace

QString kindIconPath(Kind kind)
{
    return QStringLiteral(":/icons/%1.svg").arg(fileFor(kind));
}

QIcon kindIcon(Kind kind)
{
    return iconFromPath(kindIconPath(kind));
}

QIcon kindIcon(const QString &name)
{
    if (const std::optional<Kind> kind = kindFromName(name))
        return kindIcon(*kind);
    return {};
}

QIcon orreryIcon(const QString &name)
{
    if (name.isEmpty())
        return {};
    return iconFromPath(QStringLiteral(":/icons/%1.svg").arg(name));
}

QIcon applicationIcon()
{
    return orreryIcon(QStringLiteral("orrery"));
}

QPixmap tintedPixmap(const QIcon &icon, const QSize &size, qreal devicePixelRatio,
                     const QColor &colour)
{
    QPixmap pm = icon.pixmap(size, devicePixelRatio);
    if (pm.isNull())
        return pm;
    QPainter p(&pm);
    p.setCompositionMode(QPainter::CompositionMode_SourceIn);
    p.fillRect(QRect(QPoint(0, 0), pm.size()), colour);
    return pm;
}

} // namespace Orrery
