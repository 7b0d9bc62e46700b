// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "helmreleases.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Orrery {

namespace Async {
class Token;
}

// The Helm releases of a SecretList read across namespaces (`helm list -A`: the Secrets
// labelled owner=helm), page by page, split by namespace: a release name is unique only
// within its namespace. Decoding is gzip + JSON per revision, manifests included, so
// decodePage() is meant to run off the GUI thread (Async::run).
//
// Outside data never throws here: metadata.namespace is read tolerantly (missing or not a
// string reads as ""), a Secret that does not decode is skipped and its reason kept in
// errors(), and a body that is not a SecretList gives one error and no releases.
class HelmReleaseList
{
public:
    using ByNamespace = QMap<QString, HelmReleases>;

    // One page of the list (the body of GET .../secrets?labelSelector=owner=helm&limit=N).
    // Returns early with what it has when `cancel` reads cancelled.
    static HelmReleaseList decodePage(const QByteArray &body, const Async::Token &cancel);
    static HelmReleaseList decodePage(const QByteArray &body);

    // Adds a later page: releases merged namespace by namespace, errors appended, and the
    // page's continue token kept.
    void merge(HelmReleaseList page);

    const ByNamespace &releases() const & { return m_releases; }
    // On a temporary (`decodePage(body).releases()` in a range-for) the map is moved out, so
    // no reference into the dead list is left behind (ASan found one in the fuzz target).
    ByNamespace releases() && { return std::move(m_releases); }
    ByNamespace takeReleases() { return std::move(m_releases); }
    // Why the list or one of its revisions could not be decoded, one line each.
    const QStringList &errors() const { return m_errors; }
    // The list's metadata.continue: the next page to read, empty after the last.
    const QString &continueToken() const { return m_continue; }

    // A continue token expired (410) and the list starts over: what was read belongs to the
    // old snapshot and is dropped. Done once per list, as client-go's pager does.
    void restart()
    {
        *this = HelmReleaseList();
        m_restarted = true;
    }
    bool restarted() const { return m_restarted; }

private:
    ByNamespace m_releases;
    QStringList m_errors;
    QString m_continue;
    bool m_restarted = false;
};

} // namespace Orrery
