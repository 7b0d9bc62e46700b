// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <array>
#include <optional>
#include <span>

namespace Orrery {

struct KubeObject;

// The kinds the typed store keeps. The order is stable (it indexes arrays) but carries no
// meaning; never persist the numeric value. Everything Orrery knows about a kind that is a
// fact rather than behaviour (where it lives in the API, how it is named, listed, shown in a
// table, judged healthy, which operations apply) is its row in the kind table below; adding a
// kind means an enumerator, a row in kubekind.cpp and its decoder in objectdecoder.cpp.
enum class Kind : quint8 {
    Namespace,
    Node,
    Pod,
    Deployment,
    ReplicaSet,
    StatefulSet,
    DaemonSet,
    Job,
    CronJob,
    Service,
    Endpoints,
    Ingress,
    HorizontalPodAutoscaler,
    PersistentVolumeClaim,
    PersistentVolume,
    ConfigMap,
    Secret,
    Event,
    ControllerRevision,
};

inline constexpr int KindCount = int(Kind::ControllerRevision) + 1;

// The navigator's groups, in display order.
enum class KindCategory : quint8 { Workloads, Network, ConfigAndStorage, Cluster, Events };

// Severity of an object, for the status colour and the "problems first" sort.
enum class RowSeverity { Ok, Warning, Error };

// One column of a kind's resource table, read from a KubeObject. Text cells are built lazily
// and cached per row by ResourceTableModel; Age cells depend on the clock and are formatted
// by the view from `timestamp` on every paint.
struct KindColumn
{
    enum class Type : quint8 { Text, Number, Age };
    enum class Role : quint8 { Plain, Name, Namespace, Status }; // Status: coloured by severity

    const char *id;    // stable and untranslated: "restarts"
    const char *title; // as kubectl prints it ("RESTARTS"); see translatedTitle()
    Type type = Type::Text;
    Role role = Role::Plain;
    QString (*text)(const KubeObject &) = nullptr;     // Text; overrides a Number's digits
    int (*number)(const KubeObject &) = nullptr;       // Number: value and sort key
    qint64 (*timestamp)(const KubeObject &) = nullptr; // Age: seconds since the epoch, 0 = none

    QString translatedTitle() const;
    QString cellText(const KubeObject &object) const; // Text and Number; empty for Age
    QVariant sortKey(const KubeObject &object) const; // Number: the number; else invalid
    bool isName() const { return role == Role::Name; }
    bool isNamespace() const { return role == Role::Namespace; }
    bool isStatus() const { return role == Role::Status; }
};

// One row of the kind table.
struct KindInfo
{
    Kind kind;
    const char *name;     // "Deployment"
    const char *group;    // "" for the core group
    const char *resource; // "deployments", the plural the API serves
    bool namespaced;
    // The versions Orrery can decode, preferred first; discovery picks the first one the
    // server serves (e.g. autoscaling/v2, else v1). nullptr-terminated when shorter.
    std::array<const char *, 3> versions;
    std::array<const char *, 2> shortNames; // kubectl's ("deploy"), nullptr-terminated
    KindCategory category;
    const char *singular; // display name, translated by kindSingularName()
    const char *plural;   // display name, translated by kindPluralName()
    const char *count;    // "%Ln pod(s)", translated with its plural forms by kindCount()
    const char *icon;     // resources/icons/<icon>.svg
    bool listed;          // has a page in the navigator
    bool hasLogs;         // "Show logs" streams its pods' logs
    // Operation ids the action menu may offer, in menu order. "pause"/"resume" and
    // "cordon"/"uncordon" are pairs of which the object's state picks one.
    std::span<const char *const> operations;
    std::span<const KindColumn> columns; // with the name and, for namespaced kinds, namespace
    RowSeverity (*health)(const KubeObject &);
};

const KindInfo &kindInfo(Kind kind);
// Every row, in navigator order (which is not the enumerator order).
std::span<const KindInfo> kindTable();
QList<Kind> allKinds(); // enumerator order

QString kindName(Kind kind); // "Deployment"
// "Deployment" or "deployments", any case. Short names are not taken: callers such as the
// runbook parser also try `name + "s"`, and "d" must not become DaemonSet.
std::optional<Kind> kindFromName(const QString &name);

QString kindSingularName(Kind kind); // "Deployment" (translated)
QString kindPluralName(Kind kind);   // "Pods", "Persistent Volume Claims" (translated)
QString kindPluralName(const KindInfo &info);
QString kindCount(Kind kind, int n); // "1 pod", "3 pods" (translated, with plural forms)
QString kindCategoryTitle(KindCategory category); // "Workloads" (translated)
QStringList kindShortNames(Kind kind);            // {"deploy"}
QStringList allowedOperations(Kind kind);         // {"scale", "restart", ..., "delete"}
RowSeverity kindHealth(const KubeObject &object);

} // namespace Orrery

Q_DECLARE_METATYPE(Orrery::Kind)
