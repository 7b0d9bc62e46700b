// SPDX-License-Identifier: GPL-3.0-or-later
#include "contextstrip.h"

#include "kindicons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace Orrery {

namespace {
// The strip is painted in the context's own colour (the user's choice) or the protected red in
// both looks: it is an identity surface, not a themed one. The red is the light look's Danger,
// strong enough for white text; the text colour is chosen per background so a pale user colour
// still gets readable dark text.
const QColor s_protectedRed(0xc6, 0x28, 0x28);
const QColor s_noContext(0x60, 0x6b, 0x78);

QColor textOn(const QColor &background)
{
    // Perceived lightness (Rec. 709 weights); above the middle, dark text reads better.
    const double y
        = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return y > 0.6 ? QColor(0x1b, 0x1e, 0x23) : QColor(Qt::white);
}
} // namespace

ContextStrip::ContextStrip(QWidget *parent)
    : QWidget(parent)
    , m_lock(new QLabel(this))
    , m_label(new QLabel(this))
    , m_badge(new QLabel(this))
    , m_tlsBadge(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 4, 12, 4);
    // A drawn lock rather than the emoji: not every desktop has an emoji font.
    m_lock->setFixedSize(16, 16);
    m_lock->setAccessibleName(tr("Protected"));
    m_lock->hide();
    layout->addWidget(m_lock);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_badge);
    m_tlsBadge->setObjectName(QStringLiteral("tlsInsecureBadge"));
    m_tlsBadge->setText(tr("TLS NOT VERIFIED"));
    m_tlsBadge->setToolTip(tr("The kubeconfig sets insecure-skip-tls-verify for this cluster: the "
                              "server's identity is not checked."));
    m_tlsBadge->hide();
    layout->addWidget(m_tlsBadge);
    setFixedHeight(30);
    clearContext();
}

void ContextStrip::setContext(const QString &displayName, const QString &contextName,
                              const QColor &colour, bool isProtected, bool isDemo)
{
    m_protected = isProtected;
    m_colour = isProtected ? s_protectedRed : colour;
    QString text = displayName;
    if (displayName != contextName)
        text += QStringLiteral("  ·  ") + contextName;
    m_lock->setVisible(isProtected);
    m_label->setText(text);
    updateTextColour();
    if (isProtected) {
        m_badge->setText(tr("PROTECTED — changes need confirmation"));
        m_badge->show();
    } else if (isDemo) {
        m_badge->setText(tr("Demo cluster — simulated, nothing here is real"));
        m_badge->show();
    } else {
        m_badge->hide();
    }
    update();
}

void ContextStrip::clearContext()
{
    m_protected = false;
    m_colour = s_noContext;
    m_label->setText(tr("No cluster selected"));
    m_lock->hide();
    m_badge->hide();
    m_tlsBadge->hide();
    updateTextColour();
    update();
}

void ContextStrip::updateTextColour()
{
    const QColor text = textOn(m_colour);
    QColor border = text;
    border.setAlpha(180);
    m_label->setStyleSheet(QStringLiteral("color:%1;font-weight:bold;").arg(text.name()));
    m_lock->setPixmap(tintedPixmap(orreryIcon(QStringLiteral("lock")), m_lock->size(),
                                   devicePixelRatioF(), text));
    m_badge->setStyleSheet(QStringLiteral("color:%1;font-weight:bold;border:1px solid %2;"
                                          "border-radius:3px;padding:1px 6px;")
                               .arg(text.name(), border.name(QColor::HexArgb)));
    // Filled amber, not an outline: it must stand out on any context colour, red included.
    m_tlsBadge->setStyleSheet(QStringLiteral("color:#1b1e23;background:#f5b800;font-weight:bold;"
                                             "border-radius:3px;padding:1px 6px;"));
}

void ContextStrip::setTlsVerificationOff(bool off)
{
    m_tlsBadge->setVisible(off);
}

bool ContextStrip::isTlsWarningShown() const
{
    return m_tlsBadge->isVisibleTo(this);
}

QString ContextStrip::text() const
{
    QString text = m_label->text();
    for (const QLabel *badge : {m_badge, m_tlsBadge})
        if (badge->isVisibleTo(this))
            text += QLatin1Char(' ') + badge->text();
    return text;
}

void ContextStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), m_colour);
    if (m_protected) {
        // Diagonal hazard stripes on the right: unmistakable even for colour-blind users.
        p.setClipRect(rect());
        p.setPen(Qt::NoPen);
        QColor hatch = textOn(m_colour);
        hatch.setAlpha(40);
        p.setBrush(hatch);
        for (int x = width() - 220; x < width() + 40; x += 24) {
            const QPolygon stripe({QPoint(x, height()), QPoint(x + 12, height()),
                                   QPoint(x + 12 + height(), 0), QPoint(x + height(), 0)});
            p.drawPolygon(stripe);
        }
    }
}

} // namespace Orrery
