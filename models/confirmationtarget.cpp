// SPDX-License-Identifier: GPL-3.0-or-later
#include "confirmationtarget.h"

#include "contextpreferences.h"

#include <kube/clustersession.h>

namespace Orrery {

ConfirmationTarget ConfirmationTarget::forContext(const QString &context,
                                                  const ClusterSession *session,
                                                  const ContextPreferences *preferences)
{
    ConfirmationTarget t;
    t.context = context;
    t.cluster = session ? session->connection().clusterName : QString();
    t.tlsVerificationOff = session && session->connection().insecureSkipTlsVerify;
    if (preferences) {
        t.displayName = preferences->displayName(context);
        t.colour = preferences->colour(context);
        t.isProtected = preferences->isProtected(context);
    } else {
        t.colour = ContextPreferences::derivedColour(context);
    }
    return t;
}

} // namespace Orrery
