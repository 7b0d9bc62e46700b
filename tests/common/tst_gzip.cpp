// SPDX-License-Identifier: GPL-3.0-or-later
// Gzip (common/): what Python's gzip module writes reads back, our output reads back at both
// levels Orrery uses, and every way a decompression fails is told apart, the bound included.
#include <gzip.h>

#include <QByteArray>
#include <QTest>

#include <string>

using namespace Orrery;
using Status = Gzip::Decompressed::Status;

namespace {

std::string fromHex(const char *hex)
{
    return QByteArray::fromHex(hex).toStdString();
}

// gzip.GzipFile(mtime=0).write(b'{"name":"shop","version":3}\n') in Python 3.
const char *const PythonGzipHex = "1f8b08000000000002ffab56ca4bcc4d55b2522acec82f50d2512a4b2d2ace"
                                  "cccf53b232aee5020072f213481c000000";

} // namespace

class tst_Gzip : public QObject
{
    Q_OBJECT

private slots:
    void readsWhatPythonWrites()
    {
        const Gzip::Decompressed out = Gzip::decompress(fromHex(PythonGzipHex));
        QCOMPARE(out.status, Status::Ok);
        QCOMPARE(out.data, std::string("{\"name\":\"shop\",\"version\":3}\n"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<QByteArray>("input");
        QByteArray binary;
        for (int i = 0; i < 70000; ++i) // more than one 64 KiB output buffer
            binary.append(char((i * 7919) % 251));
        QTest::newRow("best speed, empty") << Gzip::BestSpeed << QByteArray();
        QTest::newRow("best speed, text") << Gzip::BestSpeed << QByteArray("hello, world\n");
        QTest::newRow("best speed, binary") << Gzip::BestSpeed << binary;
        QTest::newRow("best compression, empty") << Gzip::BestCompression << QByteArray();
        QTest::newRow("best compression, binary") << Gzip::BestCompression << binary;
        QTest::newRow("best compression, repetitive")
            << Gzip::BestCompression << QByteArray(1 << 20, 'x');
    }

    void roundTrip()
    {
        QFETCH(int, level);
        QFETCH(QByteArray, input);
        const auto packed = Gzip::compress(input.toStdString(), level);
        QVERIFY(packed);
        QVERIFY(Gzip::hasGzipHeader(*packed));
        const Gzip::Decompressed out = Gzip::decompress(*packed);
        QCOMPARE(out.status, Status::Ok);
        QCOMPARE(QByteArray::fromStdString(out.data), input);
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        const QByteArray good = QByteArray::fromHex(PythonGzipHex);
        QTest::newRow("empty") << QByteArray() << int(Status::Truncated);
        QTest::newRow("header only") << good.left(10) << int(Status::Truncated);
        QTest::newRow("cut in the stream") << good.left(20) << int(Status::Truncated);
        QTest::newRow("no trailer") << good.chopped(8) << int(Status::Truncated);
        QTest::newRow("plain JSON") << QByteArray("{\"name\":\"x\"}") << int(Status::Invalid);
        QTest::newRow("zlib, not gzip")
            << QByteArray::fromHex("789c4b040000620062") << int(Status::Invalid);
        QByteArray badCrc = good;
        badCrc[badCrc.size() - 8] = char(badCrc[badCrc.size() - 8] ^ 0x01);
        QTest::newRow("wrong checksum") << badCrc << int(Status::Invalid);
    }

    void failures()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        const Gzip::Decompressed out = Gzip::decompress(input.toStdString());
        QCOMPARE(int(out.status), status);
        QVERIFY(out.data.empty());
        QVERIFY(!out.ok());
    }

    // A bomb stops at the bound, without producing the rest; exactly the bound still reads.
    void boundedOutput()
    {
        const std::string zeros(4 << 20, '\0');
        const auto packed = Gzip::compress(zeros, Gzip::BestCompression);
        QVERIFY(packed);
        QVERIFY(packed->size() < 16 * 1024);
        QCOMPARE(Gzip::decompress(*packed, zeros.size() - 1).status, Status::TooLarge);
        QCOMPARE(Gzip::decompress(*packed, 1000).status, Status::TooLarge);
        const Gzip::Decompressed exact = Gzip::decompress(*packed, zeros.size());
        QCOMPARE(exact.status, Status::Ok);
        QCOMPARE(exact.data.size(), zeros.size());
    }

    void header()
    {
        QVERIFY(Gzip::hasGzipHeader(fromHex(PythonGzipHex)));
        QVERIFY(Gzip::hasGzipHeader(fromHex("1f8b08")));
        QVERIFY(!Gzip::hasGzipHeader(fromHex("1f8b")));
        QVERIFY(!Gzip::hasGzipHeader(fromHex("1f8b07")));
        QVERIFY(!Gzip::hasGzipHeader("{\"a\":1}"));
    }
};

QTEST_GUILESS_MAIN(tst_Gzip)
#include "tst_gzip.moc"
