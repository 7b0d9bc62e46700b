// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Orrery {

// The facts about an X.509 certificate that a user needs to fix a login: who it names and
// when it is valid. Parsed with OpenSSL; the private key is never touched.
struct CertificateInfo
{
    QString subject; // "CN=jane,O=dev"
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;

    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return now > notAfter;
    }

    // The first certificate of a PEM bundle.
    static Result<CertificateInfo> fromPem(const QByteArray &pem);
};

} // namespace Orrery
