// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusterconnection.h"
#include "clusteridentity.h"
#include "kubeconfigentries.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

namespace Orrery {

namespace Internal {
struct CredentialProviderCache;
}

// The merged kubeconfig, loaded exactly as kubectl loads it (client-go clientcmd loader):
//  - an explicit file (--kubeconfig) is the only file read, and it must exist;
//  - else KUBECONFIG, split on ':', de-duplicated, missing files skipped with a warning;
//  - else ~/.kube/config.
// Merge: the first file that defines a cluster, user or context name wins entirely; the first
// non-empty current-context wins. Relative paths resolve against the defining file's directory.
//
// Loading never fails as a whole: malformed files and broken entries become errors() and the
// rest still loads. A Kubeconfig is an immutable value; it is safe to share between threads.
class Kubeconfig
{
public:
    Kubeconfig(); // empty: no files, no contexts

    // explicitFile: the --kubeconfig argument; empty means KUBECONFIG, then ~/.kube/config.
    static Kubeconfig load(const QString &explicitFile = {});

    // Loads and merges `files` in precedence order, as if KUBECONFIG listed them.
    static Kubeconfig loadFiles(const QStringList &files);

    // The files load() would read, in precedence order: the explicit file, else KUBECONFIG
    // de-duplicated (empty elements dropped), else ~/.kube/config.
    static QStringList precedence(const QString &explicitFile = {});
    // True when at least one of precedence(explicitFile) exists. The demo cluster starts on
    // its own only when this is false: a kubeconfig that exists but is broken is an error to
    // show, never a reason to show a simulated cluster instead.
    static bool anyFileExists(const QString &explicitFile = {});

    // The files the loaded entries name (certificate-authority, client-certificate,
    // client-key, tokenFile), absolute, de-duplicated: what a watcher follows besides
    // sourceFiles().
    QStringList referencedFiles() const;

    // The contexts whose connection differs between `before` and this config: added or
    // removed contexts, and contexts whose context, cluster or user entry changed (a file
    // the entry names included: a rotated CA or client certificate counts, a rotated
    // tokenFile does not, its provider re-reads it). Sorted.
    QStringList changedContexts(const Kubeconfig &before) const;

    QString currentContext() const { return m_currentContext; }
    QStringList contextNames() const; // merged, in file order
    QStringList clusterNames() const;
    QStringList userNames() const;

    std::optional<KubeContext> context(const QString &name) const;
    std::optional<KubeCluster> cluster(const QString &name) const;
    std::optional<KubeUser> user(const QString &name) const;

    // Problems with single files or entries; everything else still loaded.
    QList<Error> errors() const { return m_errors; }
    QStringList warnings() const { return m_warnings; }

    // Files that were read and parsed, in precedence order.
    QStringList sourceFiles() const { return m_sourceFiles; }

    // True when at least one file was read and parsed (it may still define nothing).
    bool isLoaded() const { return !m_sourceFiles.isEmpty(); }

    // Everything needed to talk to `contextName`'s API server: files read, data decoded, the
    // right CredentialProvider created. Errors name the context and the entry at fault.
    // Exec and tokenFile providers are shared by all connections of this Kubeconfig (and its
    // copies) with the same user and cluster, so a plugin runs once, not once per caller.
    Result<ClusterConnection> connection(const QString &contextName) const;

    // The cluster `contextName` reaches (server and CA), for protection; std::nullopt when the
    // context, its cluster or the cluster's server is missing. Reads only the cluster entry,
    // so a broken user entry cannot make a protected cluster look unprotected; an unreadable
    // CA file gives an identity without a CA (it then matches every cluster at that URL).
    std::optional<ClusterIdentity> clusterIdentity(const QString &contextName) const;

    // {"current-context", "contexts": [{name, cluster, server, user, namespace, authKind}],
    //  "errors": [{code, message, file, line, entry}], "warnings": [...], "sourceFiles": [...]}.
    // Contains no secrets.
    nlohmann::json listContextsJson() const;

private:
    void loadFile(const QString &path);
    void validate();
    void addError(Error error);
    // What connection(contextName) is built from, files' contents included; empty when the
    // context is unknown.
    QByteArray connectionFingerprint(const QString &contextName) const;
    // SHA-256 of each referencedFiles() entry's content at load time, so that a later load
    // can tell a rotated certificate from an unchanged one.
    void digestReferencedFiles();

    QString m_currentContext;
    QList<KubeContext> m_contexts; // file order
    QList<KubeCluster> m_clusters;
    QList<KubeUser> m_users;
    QHash<QString, qsizetype> m_contextIndex;
    QHash<QString, qsizetype> m_clusterIndex;
    QHash<QString, qsizetype> m_userIndex;
    QList<Error> m_errors;
    QStringList m_warnings;
    QStringList m_sourceFiles;
    QHash<QString, QByteArray> m_fileDigests; // referenced file -> SHA-256 when loaded
    std::shared_ptr<Internal::CredentialProviderCache> m_providers;
};

} // namespace Orrery
