// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cloud/cloudaccount.h"
#include "util/result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <functional>

namespace Orrery {

class AuditLog;

// Add to kubeconfig (docs/clouds.md): writes a discovered cluster's context, cluster and user
// into a kubeconfig file exactly as the provider's CLI would (`aws eks update-kubeconfig`,
// `az aks get-credentials`, `gcloud container clusters get-credentials`): entries with the
// same name are replaced in place, new ones appended, current-context set to the new context.
// The same shape as the cluster operations, for a local file:
//
//   1. check(): the file (or its directory) can be written;
//   2. prepare(): reads and parses the file on a worker (a file that is not a kubeconfig is
//      refused, never overwritten) and builds the new text;
//   3. preview: diff(), the unified diff of the file; nothingToDo() when it already holds
//      exactly these entries;
//   4. run(): on a worker, copies the file to FILE.orrery-backup-<time>, writes the new text
//      atomically (write then rename), appends an audit entry, then report().
//
// Lives on the thread that uses it; the callbacks come back there.
class AddToKubeconfig : public QObject
{
    Q_OBJECT
public:
    struct Report
    {
        bool ok = false;
        QString description; // "Add context X to F"
        QStringList lines;   // what was done, one line each
        QString backupFile;  // empty when there was no file to back up
        QString explanation; // when !ok
    };

    // `file` empty: the first file of KUBECONFIG, else ~/.kube/config. `audit` may be null
    // (tests); the app passes its one log.
    AddToKubeconfig(CloudKubeconfigEntry entry, QString file, AuditLog *audit,
                    QObject *parent = nullptr);

    static QString defaultFile();
    const QString &file() const { return m_file; }
    const CloudKubeconfigEntry &entry() const { return m_entry; }

    QString title() const;
    QStringList summary() const;

    Result<void> check() const;
    void prepare(std::function<void(const Result<void> &)> done);
    bool isPrepared() const { return m_prepared; }
    QString diff() const;
    QString nothingToDo() const;
    // Things to know before confirming (the exec command is not on PATH ...).
    QStringList warnings() const;

    void run(std::function<void(const Report &)> done);
    const Report &report() const { return m_report; }

    // The three entries as kubeconfig JSON ({"name", "cluster"}, {"name", "user"},
    // {"name", "context"}), in the provider CLI's field names.
    static nlohmann::json clusterJson(const KubeCluster &cluster);
    static nlohmann::json userJson(const KubeUser &user);
    static nlohmann::json contextJson(const KubeContext &context);
    // `config` (a parsed kubeconfig, null for a new file) with the entries merged in as the
    // CLIs merge them. Errors when a list is not a list.
    static Result<nlohmann::json> merged(const nlohmann::json &config,
                                         const CloudKubeconfigEntry &entry);

private:
    CloudKubeconfigEntry m_entry;
    QString m_file;
    AuditLog *m_audit;
    bool m_prepared = false;
    bool m_existed = false;
    QByteArray m_oldText;
    QByteArray m_newText;
    bool m_unchanged = false;
    Report m_report;
};

} // namespace Orrery
