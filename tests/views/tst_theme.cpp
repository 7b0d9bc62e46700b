// SPDX-License-Identifier: GPL-3.0-or-later
// The light and dark looks (views/theme) and the SVG icon set (views/kindicons): switching
// modes repaints the application palette and the role colours, every role is readable where it
// is used (WCAG contrast ratios: 4.5:1 for text, 3:1 for status colours), the stored choice
// round-trips, and every kind has an icon that renders. Set ORRERY_ICON_SHEET=file.png to also
// write a contact sheet of the icon set on both backgrounds.
#include "freshnessindicator.h"
#include "kindicons.h"
#include "resourcetablemodel.h"
#include "theme.h"
#include "topologystyle.h"
#include "yamlhighlighter.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QMetaEnum>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QWidget>

#include <cmath>

using namespace Orrery;
using Role = Theme::Role;
using Mode = Theme::Mode;

namespace {

double relativeLuminance(const QColor &c)
{
    const auto channel
        = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair
{
    Role foreground;
    Role background;
    double minimum;
};

// Where each role is painted and what it must reach there.
QList<Pair> usages()
{
    QList<Pair> out;
    for (Role text : {Role::Text, Role::MutedText}) {
        for (Role bg : {Role::Base, Role::AlternateBase, Role::Window, Role::Sidebar, Role::Canvas})
            out.append({text, bg, 4.5});
    }
    for (Role text : {Role::Link, Role::CodeKey, Role::CodeString, Role::CodeNumber,
                      Role::CodeComment, Role::CodeKeyword, Role::DiffHunk})
        out.append({text, Role::Base, 4.5});
    out.append({Role::HeaderText, Role::HeaderBackground, 4.5});
    out.append({Role::SelectionText, Role::Selection, 4.5});
    out.append({Role::Text, Role::Selection, 4.5});
    out.append({Role::OnDanger, Role::Danger, 4.5});
    out.append({Role::MutedText, Role::NeutralFill, 4.5}); // hidden secret values in YAML
    out.append({Role::MutedText, Role::HeaderBackground, 4.5});
    for (Role fill :
         {Role::OkFill, Role::WarningFill, Role::DangerFill, Role::InfoFill, Role::NeutralFill,
          Role::TerminatingFill, Role::DiffAdded, Role::DiffRemoved, Role::SearchMatch})
        out.append({Role::Text, fill, 4.5});
    const QList<std::pair<Role, Role>> statuses
        = {{Role::Ok, Role::OkFill},           {Role::Warning, Role::WarningFill},
           {Role::Danger, Role::DangerFill},   {Role::Info, Role::InfoFill},
           {Role::Neutral, Role::NeutralFill}, {Role::Terminating, Role::TerminatingFill}};
    for (const auto &[status, fill] : statuses) {
        out.append({status, Role::Base, 3.0});
        out.append({status, Role::AlternateBase, 3.0});
        out.append({status, Role::Canvas, 3.0});
        out.append({status, fill, 3.0});
    }
    out.append({Role::Accent, Role::Base, 3.0});
    // Decorations only need to be visible, not readable.
    out.append({Role::Border, Role::Base, 1.2});
    out.append({Role::CanvasGrid, Role::Canvas, 1.04});
    return out;
}

QImage render(const QIcon &icon, int side, qreal dpr = 1.0)
{
    return icon.pixmap(QSize(side, side), dpr).toImage().convertToFormat(QImage::Format_ARGB32);
}

int opaquePixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += qAlpha(image.pixel(x, y)) > 200;
    }
    return n;
}

const QStringList kNamedIcons
    = {QStringLiteral("context"),     QStringLiteral("topology"), QStringLiteral("runbook"),
       QStringLiteral("helmrelease"), QStringLiteral("auditlog"), QStringLiteral("orrery")};

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(QStringLiteral("appearance/theme"));
    }

    void parseModeRoundTrips()
    {
        for (Mode mode : {Mode::System, Mode::Light, Mode::Dark}) {
            Mode parsed = mode == Mode::Dark ? Mode::Light : Mode::Dark;
            QVERIFY(Theme::parseMode(Theme::modeName(mode), &parsed));
            QCOMPARE(parsed, mode);
        }
        Mode parsed = Mode::Light;
        QVERIFY(Theme::parseMode(QStringLiteral(" DARK "), &parsed));
        QCOMPARE(parsed, Mode::Dark);
        QVERIFY(!Theme::parseMode(QStringLiteral("sepia"), &parsed));
        QCOMPARE(parsed, Mode::Dark); // untouched on failure
        QVERIFY(!Theme::parseMode(QString(), &parsed));
    }

    void switchingModesChangesPaletteAndRoles()
    {
        Theme *theme = Theme::instance();
        theme->setMode(Mode::Light);
        QVERIFY(!theme->isDark());
        const QColor lightBase = theme->color(Role::Base);
        const QColor lightText = theme->color(Role::Text);
        QCOMPARE(QApplication::palette().color(QPalette::Base), lightBase);
        QCOMPARE(QApplication::palette().color(QPalette::Text), lightText);
        QVERIFY(relativeLuminance(lightBase) > relativeLuminance(lightText));

        QWidget widget;
        int paletteChanges = 0;
        struct Counter : QObject
        {
            int *count;
            explicit Counter(int *c)
                : count(c)
            {
            }
            bool eventFilter(QObject *, QEvent *e) override
            {
                if (e->type() == QEvent::PaletteChange
                    || e->type() == QEvent::ApplicationPaletteChange)
                    ++*count;
                return false;
            }
        } counter(&paletteChanges);
        widget.installEventFilter(&counter);
        QSignalSpy changed(theme, &Theme::changed);

        theme->setMode(Mode::Dark);
        QVERIFY(theme->isDark());
        QCOMPARE(theme->mode(), Mode::Dark);
        QCOMPARE(changed.count(), 1);
        // Widgets that bake colours in (style sheets, pixmaps) refresh on this event.
        QTRY_VERIFY(paletteChanges > 0);
        QCOMPARE(QApplication::palette().color(QPalette::Base), theme->color(Role::Base));
        QCOMPARE(widget.palette().color(QPalette::Window), theme->color(Role::Window));
        QVERIFY(relativeLuminance(theme->color(Role::Base))
                < relativeLuminance(theme->color(Role::Text)));
        QVERIFY(theme->color(Role::Base) != lightBase);
        QCOMPARE(theme->name(Role::Base), theme->color(Role::Base).name());
        QCOMPARE(QSettings().value(QStringLiteral("appearance/theme")).toString(),
                 QStringLiteral("dark"));

        // Setting the same mode again stores it but does not repaint everything.
        theme->setMode(Mode::Dark);
        QCOMPARE(changed.count(), 1);

        theme->setMode(Mode::Light);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(theme->color(Role::Base), lightBase);
        QCOMPARE(QSettings().value(QStringLiteral("appearance/theme")).toString(),
                 QStringLiteral("light"));
    }

    void storedModeIsAppliedAndOverridable()
    {
        Theme *theme = Theme::instance();
        QSettings().setValue(QStringLiteral("appearance/theme"), QStringLiteral("dark"));
        theme->applyStoredMode();
        QVERIFY(theme->isDark());
        theme->applyStoredMode(QStringLiteral("light")); // --theme light for one run
        QVERIFY(!theme->isDark());
        QCOMPARE(QSettings().value(QStringLiteral("appearance/theme")).toString(),
                 QStringLiteral("dark"));
        theme->setMode(Mode::Light);
    }

    void rolesAreReadable_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void rolesAreReadable()
    {
        QFETCH(bool, dark);
        Theme *theme = Theme::instance();
        theme->setMode(dark ? Mode::Dark : Mode::Light);
        const QMetaEnum roles = QMetaEnum::fromType<Role>();
        QSet<int> covered;
        QStringList failures;
        for (const Pair &pair : usages()) {
            covered << int(pair.foreground) << int(pair.background);
            const double ratio
                = contrastRatio(theme->color(pair.foreground), theme->color(pair.background));
            if (ratio < pair.minimum) {
                failures << QStringLiteral("%1 on %2: %3 < %4")
                                .arg(QLatin1String(roles.valueToKey(int(pair.foreground))),
                                     QLatin1String(roles.valueToKey(int(pair.background))))
                                .arg(ratio, 0, 'f', 2)
                                .arg(pair.minimum);
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
        // A new role must say where it is used (add it to usages()).
        for (int i = 0; i < roles.keyCount(); ++i)
            QVERIFY2(covered.contains(roles.value(i)), roles.key(i));

        // The status colours are told apart by colour, not only by the label next to them.
        const QList<Role> statuses
            = {Role::Ok, Role::Warning, Role::Danger, Role::Info, Role::Neutral, Role::Terminating};
        for (int i = 0; i < statuses.size(); ++i) {
            for (int j = i + 1; j < statuses.size(); ++j) {
                const QColor a = theme->color(statuses[i]);
                const QColor b = theme->color(statuses[j]);
                const int distance = std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
                                     + std::abs(a.blue() - b.blue());
                QVERIFY2(distance > 60,
                         qPrintable(QStringLiteral("%1 vs %2").arg(a.name(), b.name())));
            }
        }
        theme->setMode(Mode::Light);
    }

    // Models cannot see the theme, so the table's status hues are fixed; they must read on the
    // table backgrounds of both looks.
    void tableStatusHuesReadOnBothLooks()
    {
        for (bool dark : {false, true}) {
            Theme::instance()->setMode(dark ? Mode::Dark : Mode::Light);
            for (RowSeverity severity : {RowSeverity::Error, RowSeverity::Warning}) {
                const QColor hue = ResourceTableModel::severityColour(severity);
                QVERIFY(hue.isValid());
                for (Role bg : {Role::Base, Role::AlternateBase}) {
                    const double ratio = contrastRatio(hue, themeColor(bg));
                    QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("%1 on %2 (%3): %4")
                                                          .arg(hue.name(), themeColor(bg).name())
                                                          .arg(dark ? "dark" : "light")
                                                          .arg(ratio, 0, 'f', 2)));
                }
            }
        }
        QVERIFY(!ResourceTableModel::severityColour(RowSeverity::Ok).isValid());
        Theme::instance()->setMode(Mode::Light);
    }

    // Widgets that bake colours in follow a switch at run time.
    void widgetsFollowASwitch()
    {
        Theme *theme = Theme::instance();
        theme->setMode(Mode::Light);

        FreshnessIndicator indicator;
        indicator.setState(FreshnessIndicator::State::Error, {}, QStringLiteral("boom"));
        QLabel *label = nullptr;
        for (QLabel *l : indicator.findChildren<QLabel *>()) {
            if (l->text().contains(QLatin1String("boom")))
                label = l;
        }
        QVERIFY(label);
        QVERIFY(label->styleSheet().contains(theme->name(Role::Danger)));

        QPlainTextEdit editor;
        editor.setPlainText(QStringLiteral("key: value"));
        new YamlHighlighter(editor.document());
        const auto keyColour = [&editor] {
            const QList<QTextLayout::FormatRange> formats
                = editor.document()->firstBlock().layout()->formats();
            return formats.isEmpty() ? QColor() : formats.first().format.foreground().color();
        };
        QTRY_COMPARE(keyColour(), theme->color(Role::CodeKey));
        const QColor lightTopologyText = TopologyStyle::text();

        theme->setMode(Mode::Dark);
        QTRY_VERIFY(label->styleSheet().contains(theme->name(Role::Danger)));
        QCOMPARE(keyColour(), theme->color(Role::CodeKey));
        QVERIFY(TopologyStyle::text() != lightTopologyText);
        QVERIFY(contrastRatio(TopologyStyle::text(), TopologyStyle::background()) >= 4.5);
        QVERIFY(contrastRatio(TopologyStyle::mutedText(), TopologyStyle::namespaceFill()) >= 4.5);
        theme->setMode(Mode::Light);
        QVERIFY(contrastRatio(TopologyStyle::text(), TopologyStyle::background()) >= 4.5);
        QVERIFY(contrastRatio(TopologyStyle::mutedText(), TopologyStyle::namespaceFill()) >= 4.5);
    }

    void everyKindHasADistinctIcon()
    {
        QSet<QByteArray> seen;
        for (Kind kind : allKinds()) {
            const QIcon icon = kindIcon(kind);
            QVERIFY2(!icon.isNull(), qPrintable(kindName(kind)));
            for (int side : {16, 32}) {
                const QImage image = render(icon, side);
                QCOMPARE(image.size(), QSize(side, side));
                // A rounded tile: mostly opaque, transparent corners.
                QVERIFY2(opaquePixels(image) > side * side / 2, qPrintable(kindName(kind)));
                QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
            }
            const QImage hiDpi = render(icon, 32, 2.0);
            QCOMPARE(hiDpi.size(), QSize(64, 64)); // drawn at device pixels, not scaled up
            if (kind == Kind::ControllerRevision)
                continue; // shares ReplicaSet's icon
            const QImage image = render(icon, 32);
            const QByteArray bytes(reinterpret_cast<const char *>(image.constBits()),
                                   image.sizeInBytes());
            QVERIFY2(!seen.contains(bytes),
                     qPrintable(kindName(kind) + QStringLiteral(" looks like another kind")));
            seen.insert(bytes);
        }
        QCOMPARE(render(kindIcon(QStringLiteral("deployments")), 24),
                 render(kindIcon(Kind::Deployment), 24));
        QCOMPARE(render(kindIcon(QStringLiteral("Pod")), 24), render(kindIcon(Kind::Pod), 24));
        QVERIFY(kindIcon(QStringLiteral("NoSuchKind")).isNull());
        QVERIFY(kindIconPath(Kind::Pod).startsWith(QLatin1String(":/icons/")));
    }

    void namedIconsLoad()
    {
        for (const QString &name : kNamedIcons) {
            const QIcon icon = orreryIcon(name);
            QVERIFY2(!icon.isNull(), qPrintable(name));
            QVERIFY2(opaquePixels(render(icon, 32)) > 32 * 32 / 2, qPrintable(name));
        }
        QVERIFY(orreryIcon(QStringLiteral("no-such-icon")).isNull());
        QVERIFY(!applicationIcon().isNull());
    }

    void writeContactSheet()
    {
        const QString path = qEnvironmentVariable("ORRERY_ICON_SHEET");
        if (path.isEmpty())
            QSKIP("ORRERY_ICON_SHEET not set");
        QList<QIcon> icons;
        QStringList names;
        for (Kind kind : allKinds()) {
            if (kind == Kind::ControllerRevision)
                continue;
            icons << kindIcon(kind);
            names << kindName(kind);
        }
        for (const QString &name : kNamedIcons) {
            icons << orreryIcon(name);
            names << name;
        }
        const int cell = 150;
        const int columns = 8;
        const int rows = (int(icons.size()) + columns - 1) / columns;
        QImage sheet(columns * cell, rows * cell * 2, QImage::Format_ARGB32);
        QPainter p(&sheet);
        for (bool dark : {false, true}) {
            Theme::instance()->setMode(dark ? Mode::Dark : Mode::Light);
            const int top = dark ? rows * cell : 0;
            p.fillRect(0, top, sheet.width(), rows * cell, themeColor(Role::Base));
            for (int i = 0; i < icons.size(); ++i) {
                const QPoint origin((i % columns) * cell, top + (i / columns) * cell);
                p.drawPixmap(origin + QPoint(20, 20), icons[i].pixmap(64));
                p.drawPixmap(origin + QPoint(95, 20), icons[i].pixmap(24));
                p.drawPixmap(origin + QPoint(95, 55), icons[i].pixmap(16));
                p.setPen(themeColor(Role::Text));
                p.drawText(QRect(origin + QPoint(0, 95), QSize(cell, 40)),
                           Qt::AlignHCenter | Qt::TextWordWrap, names[i]);
            }
        }
        p.end();
        Theme::instance()->setMode(Mode::Light);
        QVERIFY(sheet.save(path));
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
