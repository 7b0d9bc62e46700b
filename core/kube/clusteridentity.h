// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Orrery {

struct ClusterConnection;
struct KubeCluster;

// Which API server a kubeconfig context reaches, independent of the names the kubeconfig
// gives it: the server URL, normalised, and a fingerprint of the CA the client trusts.
// Protection is attached to this, not to a context name, so a second context (another user,
// another kubeconfig file, a renamed context) on the same production cluster is guarded too.
//
// Two identities are the same cluster when their servers are equal and their CA fingerprints
// are equal or one of them is empty. A context that pins no CA (system trust store, or TLS
// verification off) cannot tell two clusters behind one URL apart, so it is treated as every
// cluster at that URL: for protection, erring towards "protected" is the safe side. Two
// different CAs at one URL (kind clusters on 127.0.0.1:6443, one after another) are two
// clusters.
struct ClusterIdentity
{
    QString server;        // normalised: see normaliseServer()
    QString caFingerprint; // lower-case hex SHA-256 over the CA certificates; empty: none pinned

    bool isValid() const { return !server.isEmpty(); }
    bool isSameCluster(const ClusterIdentity &other) const;
    bool operator==(const ClusterIdentity &other) const = default;

    // "sha256:<hex>@<server>" or "<server>" without a CA: what settings store.
    QString key() const;
    static ClusterIdentity fromKey(const QString &key); // invalid for anything else

    // From what a connection uses (server and CA PEM as sent to the TLS library).
    static ClusterIdentity of(const QString &server, const QByteArray &caPem);
    static ClusterIdentity of(const ClusterConnection &connection);

    // Scheme and host lower-cased, the default port made explicit (https 443, http 80), user
    // info, query and fragment dropped, trailing '/' of the path dropped. The path stays:
    // Rancher and other proxies serve many clusters under one host (/k8s/clusters/c-xxxx).
    // Empty for something that is not an http(s) URL with a host.
    static QString normaliseServer(const QString &server);

    // SHA-256 over the DER of every certificate in the PEM bundle, sorted, so the same CA
    // given as a file or as -data, with other line endings or in another order, is the same.
    // A bundle without a readable certificate hashes its trimmed bytes; empty input gives "".
    static QString fingerprintOf(const QByteArray &caPem);
};

} // namespace Orrery
