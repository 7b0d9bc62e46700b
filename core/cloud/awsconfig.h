// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "awscredentials.h"
#include "awssso.h"
#include "util/result.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Orrery {

// ~/.aws/credentials and ~/.aws/config as the aws CLI reads them (docs/clouds.md, "The AWS
// credential chain"): tolerant (unknown keys kept, malformed lines skipped) and bounded
// (MaxFileBytes, MaxSections, MaxKeys). In the config file profiles are "[profile NAME]"
// (and "[default]"); in the credentials file "[NAME]". Keys are lower-cased; indented
// continuation lines (nested "s3 =" blocks) are skipped.
class AwsConfig
{
public:
    static constexpr qsizetype MaxFileBytes = 1024 * 1024;
    static constexpr int MaxSections = 2000;
    static constexpr int MaxKeys = 200; // per section
    static constexpr int MaxSourceProfileDepth = 8;

    using Section = QMap<QString, QString>;

    // Sections by their header text ("profile dev", "default", "sso-session x").
    static Result<QMap<QString, Section>> parseIni(QByteArrayView text);
    static AwsConfig fromTexts(QByteArrayView credentials, QByteArrayView config);
    // Reads AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE from `env`, else ~/.aws/...; a
    // missing file is an empty one.
    static AwsConfig load(const QProcessEnvironment &env);

    QStringList profileNames() const;
    // The profile's keys: the config file's, overridden by the credentials file's.
    Section profile(const QString &name) const;
    bool hasProfile(const QString &name) const;

    // A [sso-session NAME] section's keys (sso_start_url, sso_region ...).
    Section ssoSession(const QString &name) const { return m_ssoSessions.value(name); }

    // How to get a profile's credentials: static keys, a credential_process or an SSO role
    // (at the chain's root), then a chain of roles to assume with them (role_arn +
    // source_profile, outermost last).
    struct Plan
    {
        QString profile;
        AwsCredentials base;       // static keys (from the profile chain's root, or env)
        QString credentialProcess; // the root's credential_process (when no static keys)
        QStringList roleArns;      // to assume in order with base (AssumeRole)
        QString roleSessionName;   // role_session_name, else "orrery-<time>"
        QString externalId;
        QString region;      // region of the profile (or AWS_REGION / AWS_DEFAULT_REGION)
        AwsSso::Profile sso; // the root is an SSO profile: its portal, account and role
    };
    // The standard chain for `profile` (empty: AWS_PROFILE, else "default"): environment keys
    // first (when no profile is named), then the profile. Errors name the profile and the
    // missing piece, never a secret.
    Result<Plan> plan(const QProcessEnvironment &env, const QString &profile = {}) const;

    // credential_process output (Version 1 JSON: AccessKeyId, SecretAccessKey, SessionToken,
    // Expiration). Bounded, tolerant; the error never quotes the output.
    static Result<AwsCredentials> parseProcessOutput(QByteArrayView output,
                                                     QDateTime *expiration = nullptr);
    // STS AssumeRole's XML answer (or its ErrorResponse, as an Error with AWS's code).
    static Result<AwsCredentials> parseAssumeRoleResponse(QByteArrayView xml,
                                                          QDateTime *expiration = nullptr);
    // STS's ErrorResponse Code and Message, empty when `xml` is not one.
    static QPair<QString, QString> parseStsError(QByteArrayView xml);

private:
    Result<AwsSso::Profile> ssoProfile(const QProcessEnvironment &env, const QString &name,
                                       const Section &section) const;

    QMap<QString, Section> m_credentials; // by profile name
    QMap<QString, Section> m_config;      // by profile name ("profile x" -> "x")
    QMap<QString, Section> m_ssoSessions; // by session name ("sso-session x" -> "x")
};

} // namespace Orrery
