// SPDX-License-Identifier: GPL-3.0-or-later
#include "awscredentials.h"

#include "util/redaction.h"

namespace Orrery {

QString AwsCredentials::debugString() const
{
    // The access key id is not a secret (it is in every Authorization header), but its prefix
    // is enough to tell accounts apart; the rest goes like every other credential.
    const QString key = accessKeyId.isEmpty()
                            ? QStringLiteral("(no access key)")
                            : accessKeyId.left(4) + QLatin1String(Redaction::Hidden);
    return QStringLiteral("%1 (secret %2, session token %3)")
        .arg(key, secretAccessKey.isEmpty() ? QStringLiteral("missing") : QStringLiteral("set"),
             sessionToken.isEmpty() ? QStringLiteral("none") : QStringLiteral("set"));
}

} // namespace Orrery
