// SPDX-License-Identifier: GPL-3.0-or-later
// Requests whose path names no resource, answered by ApiServer::handle() without the network.
// Found by tests/fuzz/fuzz_simrequest: a write to "/api" or "/apis/<group>" (no version)
// indexed the path segments out of bounds; it must be a plain 404 (405 for the root paths).
#include "objectstore.h"
#include "server/apiserver.h"

#include <QtTest>
#include <httplib.h>
#include <nlohmann/json.hpp>

using namespace Orrery::Sim;

class TestApiServerRouting : public QObject
{
    Q_OBJECT

private slots:
    void pathsWithoutAResource_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        for (const char *method : {"PUT", "POST", "PATCH", "DELETE"}) {
            QTest::addRow("%s /api", method) << method << "/api" << 404;
            QTest::addRow("%s /apis/apps", method) << method << "/apis/apps" << 404;
            QTest::addRow("%s /apis/x", method) << method << "/apis/x" << 404;
            QTest::addRow("%s /api/v1", method) << method << "/api/v1" << 404;
            QTest::addRow("%s /apis/apps/v1", method) << method << "/apis/apps/v1" << 404;
        }
        QTest::addRow("GET /apis/x") << "GET"
                                     << "/apis/x" << 404;
    }

    void pathsWithoutAResource()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        ObjectStore store;
        ApiServer server(store, ApiServerOptions());
        server.bootstrap();
        httplib::Request request;
        request.method = method.toStdString();
        request.path = path.toStdString();
        request.headers.emplace("Authorization", "Bearer " + server.operatorToken());
        request.headers.emplace("Content-Type", "application/json");
        request.body
            = R"({"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web"}})";
        httplib::Response response;
        server.handle(request, response);
        QCOMPARE(response.status, status);
        const auto body = nlohmann::json::parse(response.body, nullptr, false);
        QVERIFY2(body.is_object() && body.value("kind", std::string()) == "Status",
                 response.body.c_str());
    }
};

QTEST_GUILESS_MAIN(TestApiServerRouting)
#include "tst_apiserverrouting.moc"
