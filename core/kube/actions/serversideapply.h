// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/discovery.h"
#include "plannedwrite.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Orrery {

// Where objects of one apiVersion/kind live: from discovery when the caller has it, else from
// a built-in table of the common built-in kinds.
struct ResourceMapping
{
    QString group;
    QString version;
    QString kind;
    QString resource;
    bool namespaced = true;
};

// Who owns what, decoded from a 409 apply conflict.
struct ApplyConflict
{
    struct Manager
    {
        QString name;       // "kubectl-client-side-apply"
        QString apiVersion; // "apps/v1", when the server said
        QStringList fields; // ".spec.replicas"
    };
    QList<Manager> managers;
    QString statusMessage; // the server's own message
    QString text;          // readable explanation for the dialog, translated
};

// `kubectl apply --server-side` for a multi-document YAML file: each document becomes
// PATCH <object path>?fieldManager=orrery[&force=true][&dryRun=All] with
// Content-Type application/apply-patch+yaml (the body is JSON, which is YAML). The server
// creates missing objects (201).
class ServerSideApply
{
public:
    struct Options
    {
        QString fieldManager = QStringLiteral("orrery");
        bool force = false;  // take over fields other managers own (--force-conflicts)
        bool dryRun = false; // dryRun=All: validated and admitted, not persisted
        QString defaultNamespace = QStringLiteral("default");
    };

    static Result<QList<PlannedWrite>> plan(const QByteArray &yaml, const Options &options,
                                            const QList<ApiResource> &discovered = {},
                                            const QString &fileName = {});
    static Result<PlannedWrite> planObject(const nlohmann::json &object, const Options &options,
                                           const QList<ApiResource> &discovered = {});

    // Discovery first (resources without a '/', i.e. no subresources), then the built-in table.
    static std::optional<ResourceMapping> mapping(const QString &apiVersion, const QString &kind,
                                                  const QList<ApiResource> &discovered = {});

    // A metav1.Status of a 409 from an apply, explained. Not a conflict Status: nullopt.
    static std::optional<ApplyConflict> explainConflict(const ApiStatus &status);
    // The same for an answer (not a 409: nullopt); reads the Status the transport decoded on
    // its worker, so it parses nothing on the caller's thread.
    static std::optional<ApplyConflict> explainConflict(const ApiResponse &response);
    // The same for a Status body, decoded here (tests, fuzzing).
    static std::optional<ApplyConflict> explainConflict(const QByteArray &statusBody);
};

} // namespace Orrery
