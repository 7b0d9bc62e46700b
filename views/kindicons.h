// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/kubekind.h>

#include <QIcon>
#include <QString>

namespace Orrery {

// The SVG icon set in resources/icons: one flat rounded tile per kind in the kind's hue with a
// white glyph, so it reads on light and dark backgrounds alike. Icons are built from the SVG at
// the size and device pixel ratio asked for (high-DPI clean) and cached per name.
QIcon kindIcon(Kind kind);
// "Deployment", "deployments" or "Pod"; an unknown kind gives a null icon.
QIcon kindIcon(const QString &kindName);
// Non-kind icons by file name: "context", "topology", "runbook", "helmrelease", "auditlog",
// "orrery" (the application icon). A missing name gives a null icon.
QIcon orreryIcon(const QString &name);
// The application (window) icon: a sun with an orbit.
QIcon applicationIcon();
// `icon` drawn in one colour (its alpha kept), e.g. the lock in white on the protected strip.
QPixmap tintedPixmap(const QIcon &icon, const QSize &size, qreal devicePixelRatio,
                     const QColor &colour);
// The resource path of a kind's icon (":/icons/pod.svg"), for rich text.
QString kindIconPath(Kind kind);

} // namespace Orrery
