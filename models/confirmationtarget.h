// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

namespace Orrery {

class ClusterSession;
class ContextPreferences;

// Where a write will land, as the confirmation (ui's ConfirmDialog) shows it: the context as
// the user named and coloured it, its cluster, and the object.
struct ConfirmationTarget
{
    QString context;
    QString cluster;
    QString displayName; // empty: the context name
    QColor colour;       // the frame; invalid: the palette's highlight
    bool isProtected = false;
    // The connection skips TLS verification (kubeconfig insecure-skip-tls-verify): whoever
    // answers at the server's address gets this write and the credentials with it.
    bool tlsVerificationOff = false;
    QString ns; // empty: cluster-scoped
    QString kind;
    QString name;

    // A write through `context` on `session` (cluster, TLS) as `preferences` present the
    // context (none: its derived colour, not protected); the object is the caller's to fill.
    static ConfirmationTarget forContext(const QString &context, const ClusterSession *session,
                                         const ContextPreferences *preferences);
};

} // namespace Orrery
