// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/kubeobject.h>

#include <QList>
#include <QString>
#include <QVariant>

#include <functional>

namespace Orrery {

// How one column of a resource table is computed from a KubeObject. Text columns are built
// lazily and cached per row by ResourceTableModel; Age columns depend on the clock and are
// computed on every paint (cheap: one subtraction and a short format).
struct ResourceColumn
{
    enum class Type { Text, Number, Age };

    QString title; // translated header, as kubectl users know it ("READY", "RESTARTS")
    Type type = Type::Text;
    std::function<QString(const KubeObject &)> text;     // Text, Number
    std::function<QVariant(const KubeObject &)> sortKey; // optional; default: text
    std::function<qint64(const KubeObject &)> timestamp; // Age: seconds since the epoch
    bool isStatus = false;                               // coloured by the row's severity
    bool isName = false;
    bool isNamespace = false;
};

// Severity of a row, for the status colour and the "problems first" sort.
enum class RowSeverity { Ok, Warning, Error };

// The columns and severity rules of each kind. The namespace column is included for
// namespaced kinds; the view hides it when a single namespace is selected.
class ResourceColumns
{
public:
    static const QList<ResourceColumn> &columns(Kind kind);
    static RowSeverity severity(const KubeObject &object);

    // Display helpers shared with the details pane.
    static QString accessModesShort(const QStringList &modes); // ["ReadWriteOnce"] → "RWO"
    static QString images(const PodSpecSummary &spec);
    static QString servicePorts(const ServiceData &service);
    static QString externalIp(const ServiceData &service);
    static QString hpaTargets(const HpaData &hpa);
    static QString selectorText(const KeyValues &labels);

private:
    static QList<ResourceColumn> build(Kind kind);
};

} // namespace Orrery
