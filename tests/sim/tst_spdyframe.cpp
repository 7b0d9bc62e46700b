// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's SPDY/3.1 framing (sim/server/spdyframe.h): the SPDY/3 dictionary, header
// blocks through one zlib stream per direction (kubectl sends several on one connection),
// data frames with FIN, frames split across reads, PING and RST_STREAM, and the bounds.
// kubectl itself judges it in kubectl/tst_portforward.
#include "server/spdyframe.h"

#include <QtTest>

#include <zlib.h>

using namespace Orrery::Sim::Spdy;

class TestSpdyFrame : public QObject
{
    Q_OBJECT

private slots:
    void dictionaryIsSpdy3s()
    {
        QCOMPARE(dictionary().size(), std::size_t(1423));
        const auto adler = adler32(1, reinterpret_cast<const Bytef *>(dictionary().data()),
                                   uInt(dictionary().size()));
        QCOMPARE(quint32(adler), quint32(0xe3c6a7c2)); // the id in every SPDY/3 zlib header
    }

    void headerBlocksShareOneStream()
    {
        Encoder client;
        Parser server;
        std::string wire;
        for (std::uint32_t id : {1u, 3u, 5u})
            wire += client.synStream(id, {{"streamtype", id == 1 ? "error" : "data"},
                                          {"port", "8080"},
                                          {"requestid", std::to_string(id)}});
        wire += Encoder::data(3, "GET / HTTP/1.1\r\n\r\n", true);
        wire += Encoder::ping(7);
        wire += Encoder::rstStream(5, 5);
        // One byte at a time: frames straddle every read.
        std::vector<Frame> frames;
        for (char ch : wire) {
            server.feed(std::string_view(&ch, 1));
            while (auto f = server.next())
                frames.push_back(*f);
        }
        QVERIFY2(!server.failed(), server.error().c_str());
        QCOMPARE(frames.size(), std::size_t(6));
        QCOMPARE(frames[0].type, Type::SynStream);
        QCOMPARE(frames[0].headers.find("streamtype")->second, std::string("error"));
        QCOMPARE(frames[2].streamId, 5u);
        QCOMPARE(frames[2].headers.find("requestid")->second, std::string("5"));
        QCOMPARE(frames[2].headers.find("port")->second, std::string("8080"));
        QCOMPARE(frames[3].type, Type::Data);
        QCOMPARE(frames[3].streamId, 3u);
        QVERIFY(frames[3].fin());
        QCOMPARE(frames[3].data, std::string("GET / HTTP/1.1\r\n\r\n"));
        QCOMPARE(frames[4].type, Type::Ping);
        QCOMPARE(frames[4].value, 7u);
        QCOMPARE(frames[5].type, Type::RstStream);
        QCOMPARE(frames[5].value, 5u);

        // The server's replies decode with a parser of their own direction.
        Encoder serverSide;
        Parser clientSide;
        // In order: the two blocks share the deflate stream.
        const std::string first = serverSide.synReply(1);
        const std::string second = serverSide.synReply(3, {{"a", "b"}});
        clientSide.feed(first + second);
        auto r1 = clientSide.next();
        auto r3 = clientSide.next();
        QVERIFY(r1 && r3);
        QCOMPARE(r1->type, Type::SynReply);
        QVERIFY(r1->headers.empty());
        QCOMPARE(r3->headers.find("a")->second, std::string("b"));
    }

    void boundsAndGarbage()
    {
        Parser small(64, 1024);
        small.feed(Encoder::data(1, std::string(65, 'x')));
        QVERIFY(!small.next());
        QVERIFY(small.failed());
        small.feed(Encoder::ping(1));
        QVERIFY(!small.next()); // stays failed

        Parser garbage;
        std::string frame = Encoder().synStream(1, {{"port", "1"}});
        frame.replace(18, 4, "\xff\xff\xff\xff"); // inside the compressed block
        garbage.feed(frame);
        QVERIFY(!garbage.next());
        QVERIFY(garbage.failed());
    }
};

QTEST_GUILESS_MAIN(TestSpdyFrame)
#include "tst_spdyframe.moc"
