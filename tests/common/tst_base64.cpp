// SPDX-License-Identifier: GPL-3.0-or-later
// Base64 (common/): RFC 4648's test vectors both ways, the URL-safe alphabet and missing
// padding read, malformed text refused, and agreement with Qt's codec on arbitrary bytes.
#include <base64.h>

#include <QByteArray>
#include <QRandomGenerator>
#include <QTest>

#include <string>

using namespace Orrery;

class tst_Base64 : public QObject
{
    Q_OBJECT

private slots:
    void rfc4648_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("f") << QByteArray("f") << QByteArray("Zg==");
        QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8=");
        QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
        QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg==");
        QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE=");
        QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
    }

    void rfc4648()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, text);
        QCOMPARE(QByteArray::fromStdString(Base64::encode(bytes.toStdString())), text);
        const auto decoded = Base64::decode(text.toStdString());
        QVERIFY(decoded);
        QCOMPARE(QByteArray::fromStdString(*decoded), bytes);
    }

    void lenientForms_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("no padding") << QByteArray("Zm9vYg") << QByteArray("foob");
        QTest::newRow("no padding, one short") << QByteArray("Zm9vYmE") << QByteArray("fooba");
        QTest::newRow("url-safe") << QByteArray("-_8") << QByteArray("\xfb\xff");
        QTest::newRow("standard") << QByteArray("+/8=") << QByteArray("\xfb\xff");
    }

    void lenientForms()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, bytes);
        const auto decoded = Base64::decode(text.toStdString());
        QVERIFY(decoded);
        QCOMPARE(QByteArray::fromStdString(*decoded), bytes);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("bad character") << QByteArray("Zm9v!mFy");
        QTest::newRow("whitespace") << QByteArray("Zm9v YmFy");
        QTest::newRow("line break") << QByteArray("Zm9v\nYmFy");
        QTest::newRow("padding inside") << QByteArray("Zg==Zm8=");
        QTest::newRow("three padding") << QByteArray("Zg===");
        QTest::newRow("padding, bad length") << QByteArray("Zm8==");
        QTest::newRow("single sextet") << QByteArray("Zm9vY");
        QTest::newRow("only padding") << QByteArray("====");
    }

    void malformed()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!Base64::decode(text.toStdString()));
    }

    // Qt's codec as an independent oracle over every length and byte value.
    void agreesWithQt()
    {
        QRandomGenerator random(12);
        for (int size = 0; size < 300; ++size) {
            QByteArray bytes(size, Qt::Uninitialized);
            for (char &c : bytes)
                c = char(random.bounded(256));
            const std::string text = Base64::encode(bytes.toStdString());
            QCOMPARE(QByteArray::fromStdString(text), bytes.toBase64());
            const auto back = Base64::decode(text);
            QVERIFY(back);
            QCOMPARE(QByteArray::fromStdString(*back), bytes);
        }
    }
};

QTEST_GUILESS_MAIN(tst_Base64)
#include "tst_base64.moc"
