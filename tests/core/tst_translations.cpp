// SPDX-License-Identifier: GPL-3.0-or-later
// Every user-visible string is translated in English and French: no unfinished or empty
// entries, and the same %1..%n placeholders as the source (a missing %2 would silently drop
// a value from the UI). The .ts files are refreshed with the update_translations target.

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void complete_data();
    void complete();
};

namespace {

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d+)"));
    QSet<QString> result;
    for (const auto &match : re.globalMatch(text))
        result.insert(match.captured(1));
    return result;
}

} // namespace

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(ORRERY_TEST_DATA "/../../translations"));
    QTest::newRow("en") << dir.filePath(QStringLiteral("orrery_en.ts"));
    QTest::newRow("fr") << dir.filePath(QStringLiteral("orrery_fr.ts"));
}

void TestTranslations::complete()
{
    QFETCH(QString, file);
    QFile ts(file);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(file));

    QXmlStreamReader xml(&ts);
    QString context, source, translation;
    bool unfinished = false;
    int messages = 0;
    QStringList problems;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"name")
                context = xml.readElementText();
            else if (xml.name() == u"source")
                source = xml.readElementText();
            else if (xml.name() == u"translation") {
                const auto type = xml.attributes().value(QStringLiteral("type"));
                unfinished = type == u"unfinished";
                // Plural forms keep their text in <numerusform> children.
                translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            ++messages;
            const QString where = context + QStringLiteral(": \"") + source + QLatin1Char('"');
            if (unfinished || translation.trimmed().isEmpty())
                problems << QStringLiteral("untranslated ") + where;
            else if (placeholders(source) != placeholders(translation))
                problems << QStringLiteral("placeholders differ ") + where;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 0);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QString::number(problems.size()) + QStringLiteral(" problems:\n")
                        + problems.mid(0, 30).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
