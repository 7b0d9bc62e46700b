// SPDX-License-Identifier: GPL-3.0-or-later
// Log view: append, pause buffers, search highlights, stream end offers reconnect; and the
// log request paths the streamer builds.
#include <kube/logstreamer.h>
#include <logview.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Orrery;

class TestLogView : public QObject
{
    Q_OBJECT

private slots:
    void appendAndPrefix();
    void pauseBuffers();
    void search();
    void streamEnded();
    void logPaths();
    void containerChoiceCarriesOver();
    void saveTo();
};

void TestLogView::appendAndPrefix()
{
    LogView view;
    view.appendLines({"one", "two"});
    view.appendLines({"three"}, "web-1");
    QCOMPARE(view.lineCount(), 3);
    QVERIFY(view.plainText().endsWith("[web-1] three"));
}

void TestLogView::pauseBuffers()
{
    LogView view;
    auto *pause = view.findChild<QToolButton *>("pauseButton");
    QCOMPARE(pause->text(), QStringLiteral("Pause"));
    pause->click();
    QVERIFY(view.isPaused());
    view.appendLines({"a", "b"});
    QCOMPARE(view.lineCount(), 0);
    pause->click();
    QVERIFY(!view.isPaused());
    QCOMPARE(view.lineCount(), 2);
}

void TestLogView::search()
{
    LogView view;
    view.appendLines({"GET /healthz 200", "GET /api 500 error", "error: database timeout"});
    auto *search = view.findChild<QLineEdit *>("searchField");
    QVERIFY(search);
    QTest::keyClicks(search, "error");
    QCOMPARE(view.matchCount(), 2);
    // New lines are searched too.
    view.appendLines({"another error"});
    QCOMPARE(view.matchCount(), 3);
    search->clear();
    QCOMPARE(view.matchCount(), 0);
}

void TestLogView::streamEnded()
{
    LogView view;
    QSignalSpy reconnect(&view, &LogView::reconnectRequested);
    QPushButton *button = nullptr;
    for (QPushButton *b : view.findChildren<QPushButton *>()) {
        if (b->text() == QLatin1String("Reconnect"))
            button = b;
    }
    QVERIFY(button);
    QVERIFY(button->isHidden());
    view.streamEnded("connection reset", true);
    QVERIFY(!button->isHidden());
    button->click();
    QCOMPARE(reconnect.count(), 1);
    view.streamStarted("Following web-1");
    QVERIFY(button->isHidden());
}

void TestLogView::logPaths()
{
    LogStreamer::Target t{"shop", "web-1", "app", {}};
    LogStreamer::Options o;
    QCOMPARE(LogStreamer::logPath(t, o),
             QStringLiteral(
                 "/api/v1/namespaces/shop/pods/web-1/log?follow=true&container=app&tailLines=500"));
    o.previous = true;
    o.timestamps = true;
    o.tailLines = -1;
    // A previous container cannot be followed.
    QCOMPARE(
        LogStreamer::logPath(t, o),
        QStringLiteral(
            "/api/v1/namespaces/shop/pods/web-1/log?container=app&previous=true&timestamps=true"));
}

void TestLogView::containerChoiceCarriesOver()
{
    LogView view;
    auto *combo = view.findChild<QComboBox *>("containerChoice");
    QVERIFY(combo);
    view.setContainers({"web", "sidecar"});
    QCOMPARE(view.parameters().container, QString()); // all containers
    combo->setCurrentIndex(combo->findData("sidecar"));
    // The next replica has the same containers: the user's choice stays.
    view.setContainers({"web", "sidecar"});
    QCOMPARE(view.parameters().container, QStringLiteral("sidecar"));
    // A one-container pod: its only container; that was no choice, so the next pod with
    // several containers starts with all of them.
    view.setContainers({"web"});
    QCOMPARE(view.parameters().container, QStringLiteral("web"));
    view.setContainers({"web", "sidecar"});
    QCOMPARE(view.parameters().container, QString());
}

void TestLogView::saveTo()
{
    QTemporaryDir dir;
    LogView view;
    view.appendLines({"one", "two"});
    view.findChild<QToolButton *>("pauseButton")->click();
    view.appendLines({"held"});
    QVERIFY(view.saveTo(dir.filePath("a.log")).ok());
    QFile file(dir.filePath("a.log"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("one\ntwo\nheld\n"));
    const Result<void> failed = view.saveTo(dir.filePath("missing/dir/a.log"));
    QVERIFY(!failed.ok());
    QVERIFY(failed.error().message.contains("missing/dir/a.log"));
}

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
