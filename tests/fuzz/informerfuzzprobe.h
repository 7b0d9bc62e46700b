// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Drives one Informer's response handlers directly (Informer befriends this struct): the
// list-page and watch-stream parsers run exactly as on the worker thread, without a server.
// The CurlWorker is never started, so the follow-up requests the informer submits (next page,
// watch, retry timers) only queue up and are dropped with it.
#include "kube/clusterconnection.h"
#include "kube/curlworker.h"
#include "kube/informer.h"
#include "kube/kubekind.h"
#include <memory>

namespace Orrery {

struct InformerFuzzProbe
{
    // `store` (tests/bench/bench_clientscale): where the decoded objects go; none by default.
    explicit InformerFuzzProbe(Kind kind, ResourceStore *store = nullptr)
        : worker(std::make_unique<Internal::CurlWorker>(connection()))
        , informer(worker.get(), store, resourceOf(kind), kind, QStringLiteral("default"),
                   InformerOptions(), [](const WatchHealth &) {})
    {
    }

    void listPage(int status, const QByteArray &body, const QString &continueToken)
    {
        informer.list(continueToken);
        ApiResponse response;
        response.status = status;
        response.contentType = "application/json";
        response.body = body;
        informer.onListPage(Result<ApiResponse>(response), continueToken);
    }

    void watchStart() { informer.watch(); }
    // false: the informer dropped the stream (malformed line, ERROR event, 410).
    bool watchData(const QByteArray &chunk) { return informer.onWatchData(chunk); }
    void watchEnd(int status)
    {
        ApiResponse response;
        response.status = status;
        informer.onWatchDone(Result<ApiResponse>(response));
    }

    static ClusterConnection connection()
    {
        ClusterConnection c;
        c.contextName = QStringLiteral("fuzz");
        c.server = QStringLiteral("https://127.0.0.1:1");
        return c;
    }

    static ApiResource resourceOf(Kind kind)
    {
        const KindInfo &info = kindInfo(kind);
        ApiResource r;
        r.group = QString::fromLatin1(info.group);
        r.version = QString::fromLatin1(info.versions[0]);
        r.name = QString::fromLatin1(info.resource);
        r.kind = QString::fromLatin1(info.name);
        r.namespaced = info.namespaced;
        r.verbs = {QStringLiteral("list"), QStringLiteral("watch")};
        return r;
    }

    std::unique_ptr<Internal::CurlWorker> worker;
    Informer informer;
};

} // namespace Orrery
