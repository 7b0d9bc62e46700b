// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace Orrery {

// One set of AWS credentials, held in memory only: never written to disk, never put into an
// Error, a log line or the audit log. debugString() is the only text form, and it shows the
// access key id's first four characters and whether a secret and a session token are present.
struct AwsCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // empty for long-term keys
    // UTC; invalid for long-term keys. Set for a role's session (AssumeRole) and a
    // credential_process that says when its keys end.
    QDateTime expiration{};

    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
    // "AKID… (secret set, session token set)": safe for logs.
    QString debugString() const;
};

} // namespace Orrery
