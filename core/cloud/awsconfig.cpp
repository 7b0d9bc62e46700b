// SPDX-License-Identifier: GPL-3.0-or-later
#include "awsconfig.h"

#include "util/jsonread.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QXmlStreamReader>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::AwsConfig", text);
}

QByteArray readBounded(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(AwsConfig::MaxFileBytes + 1);
}

} // namespace

Result<QMap<QString, AwsConfig::Section>> AwsConfig::parseIni(QByteArrayView text)
{
    if (text.size() > MaxFileBytes)
        return Error(Error::Code::TooLarge, tr("The AWS configuration file is over 1 MiB."));
    QMap<QString, Section> out;
    QString current;
    bool inSection = false;
    QString lastKey;
    const QList<QByteArray> lines = QByteArray(text.data(), text.size()).split('\n');
    for (const QByteArray &raw : lines) {
        QString line = QString::fromUtf8(raw);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#'))
            || trimmed.startsWith(QLatin1Char(';')))
            continue;
        if (trimmed.startsWith(QLatin1Char('['))) {
            const qsizetype close = trimmed.indexOf(QLatin1Char(']'));
            if (close < 0) {
                inSection = false;
                continue;
            }
            current = trimmed.mid(1, close - 1).simplified();
            if (!out.contains(current) && out.size() >= MaxSections)
                return Error(Error::Code::TooLarge,
                             tr("The AWS configuration file has over 2000 sections."));
            out[current];
            inSection = true;
            lastKey.clear();
            continue;
        }
        if (!inSection)
            continue;
        if (line.front().isSpace())
            continue; // a nested block's line ("s3 =\n  max_concurrent_requests = 20")
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq).trimmed().toLower();
        QString value = line.mid(eq + 1).trimmed();
        // An inline comment needs whitespace before it, as in botocore.
        for (const QLatin1String marker : {QLatin1String(" #"), QLatin1String(" ;")}) {
            const qsizetype c = value.indexOf(marker);
            if (c >= 0)
                value = value.left(c).trimmed();
        }
        Section &s = out[current];
        if (!s.contains(key) && s.size() >= MaxKeys)
            continue;
        s.insert(key, value);
        lastKey = key;
    }
    return out;
}

AwsConfig AwsConfig::fromTexts(QByteArrayView credentials, QByteArrayView config)
{
    AwsConfig c;
    if (auto creds = parseIni(credentials))
        c.m_credentials = creds.value();
    if (auto conf = parseIni(config)) {
        for (auto it = conf.value().cbegin(); it != conf.value().cend(); ++it) {
            const QString &header = it.key();
            if (header == QLatin1String("default"))
                c.m_config.insert(header, it.value());
            else if (header.startsWith(QLatin1String("profile ")))
                c.m_config.insert(header.mid(8).trimmed(), it.value());
            else if (header.startsWith(QLatin1String("sso-session ")))
                c.m_ssoSessions.insert(header.mid(12).trimmed(), it.value());
        }
    }
    return c;
}

AwsConfig AwsConfig::load(const QProcessEnvironment &env)
{
    const QString home = env.value(QStringLiteral("HOME"), QDir::homePath());
    const QString creds = env.value(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                                    home + QStringLiteral("/.aws/credentials"));
    const QString config
        = env.value(QStringLiteral("AWS_CONFIG_FILE"), home + QStringLiteral("/.aws/config"));
    return fromTexts(readBounded(creds), readBounded(config));
}

QStringList AwsConfig::profileNames() const
{
    QStringList names = m_config.keys();
    for (const QString &n : m_credentials.keys())
        if (!names.contains(n))
            names << n;
    names.sort();
    return names;
}

bool AwsConfig::hasProfile(const QString &name) const
{
    return m_config.contains(name) || m_credentials.contains(name);
}

AwsConfig::Section AwsConfig::profile(const QString &name) const
{
    Section s = m_config.value(name);
    const Section creds = m_credentials.value(name);
    for (auto it = creds.cbegin(); it != creds.cend(); ++it)
        s.insert(it.key(), it.value());
    return s;
}

Result<AwsConfig::Plan> AwsConfig::plan(const QProcessEnvironment &env, const QString &name) const
{
    Plan p;
    p.region
        = env.value(QStringLiteral("AWS_REGION"), env.value(QStringLiteral("AWS_DEFAULT_REGION")));
    const QString explicitProfile
        = name.isEmpty() ? env.value(QStringLiteral("AWS_PROFILE")) : name;
    // The environment's keys win when no profile is asked for (the CLI's order).
    if (explicitProfile.isEmpty() && !env.value(QStringLiteral("AWS_ACCESS_KEY_ID")).isEmpty()) {
        p.profile = QStringLiteral("(environment)");
        p.base = {env.value(QStringLiteral("AWS_ACCESS_KEY_ID")),
                  env.value(QStringLiteral("AWS_SECRET_ACCESS_KEY")),
                  env.value(QStringLiteral("AWS_SESSION_TOKEN"))};
        if (!p.base.isValid())
            return Error(Error::Code::AuthError,
                         tr("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not."));
        return p;
    }
    p.profile = explicitProfile.isEmpty() ? QStringLiteral("default") : explicitProfile;
    const QString context = tr("AWS profile \"%1\"").arg(p.profile);
    if (!hasProfile(p.profile))
        return Error(Error::Code::NotFound,
                     tr("The profile is in neither ~/.aws/config nor "
                        "~/.aws/credentials."),
                     context);
    const Section top = profile(p.profile);
    if (p.region.isEmpty() || !name.isEmpty())
        p.region = top.value(QStringLiteral("region"), p.region);
    p.roleSessionName = top.value(QStringLiteral("role_session_name"));
    p.externalId = top.value(QStringLiteral("external_id"));
    QString current = p.profile;
    QStringList seen;
    QStringList roles;
    for (int depth = 0;; ++depth) {
        if (depth > MaxSourceProfileDepth || seen.contains(current))
            return Error(Error::Code::InvalidArgument,
                         tr("source_profile loops or chains over 8 profiles."), context);
        seen << current;
        if (!hasProfile(current))
            return Error(Error::Code::NotFound,
                         tr("source_profile \"%1\" does not exist.").arg(current), context);
        const Section s = profile(current);
        const QString role = s.value(QStringLiteral("role_arn"));
        const QString source = s.value(QStringLiteral("source_profile"));
        const QString id = s.value(QStringLiteral("aws_access_key_id"));
        // A profile with a role assumes it with its source (its own keys when source_profile
        // names itself, as the CLI allows).
        if (!role.isEmpty()) {
            if (!s.value(QStringLiteral("credential_source")).isEmpty() && source.isEmpty())
                return Error(Error::Code::Unsupported,
                             tr("credential_source (instance or container metadata) is not "
                                "supported."),
                             context);
            if (source.isEmpty())
                return Error(Error::Code::InvalidArgument, tr("role_arn needs a source_profile."),
                             context);
            roles.prepend(role);
            if (source != current) {
                current = source;
                continue;
            }
        }
        if (!id.isEmpty()) {
            p.base = {id, s.value(QStringLiteral("aws_secret_access_key")),
                      s.value(QStringLiteral("aws_session_token"))};
            if (!p.base.isValid())
                return Error(Error::Code::AuthError,
                             tr("aws_access_key_id is set without aws_secret_access_key."),
                             context);
        } else if (!s.value(QStringLiteral("credential_process")).isEmpty()) {
            p.credentialProcess = s.value(QStringLiteral("credential_process"));
        } else if (!s.value(QStringLiteral("sso_start_url")).isEmpty()
                   || !s.value(QStringLiteral("sso_session")).isEmpty()
                   || !s.value(QStringLiteral("sso_account_id")).isEmpty()
                   || !s.value(QStringLiteral("sso_role_name")).isEmpty()) {
            auto sso = ssoProfile(env, current, s);
            if (!sso) {
                Error e = sso.error();
                e.context = context;
                return e;
            }
            p.sso = sso.value();
        } else {
            Error e(Error::Code::AuthError,
                    tr("The profile has no keys, role or credential_process."), context);
            e.hint = tr("run: aws configure --profile %1").arg(current);
            return e;
        }
        break;
    }
    p.roleArns = roles;
    return p;
}

Result<AwsSso::Profile> AwsConfig::ssoProfile(const QProcessEnvironment &env, const QString &name,
                                              const Section &s) const
{
    // botocore's SSOProvider: sso_session names a [sso-session] section whose keys join the
    // profile's (a key set in both must agree); else the legacy keys are on the profile.
    Section merged = s;
    AwsSso::Profile sso;
    sso.profile = name;
    sso.session = s.value(QStringLiteral("sso_session"));
    if (!sso.session.isEmpty()) {
        if (!m_ssoSessions.contains(sso.session)) {
            Error e(Error::Code::NotFound,
                    tr("The profile uses sso_session \"%1\", which has no [sso-session %1] "
                       "section in ~/.aws/config.")
                        .arg(sso.session));
            e.hint = tr("run: aws configure sso --profile %1").arg(name);
            return e;
        }
        const Section session = m_ssoSessions.value(sso.session);
        for (auto it = session.cbegin(); it != session.cend(); ++it) {
            if (merged.contains(it.key()) && merged.value(it.key()) != it.value())
                return Error(Error::Code::InvalidArgument,
                             tr("%1 differs between the profile and its sso-session \"%2\".")
                                 .arg(it.key(), sso.session));
            merged.insert(it.key(), it.value());
        }
    }
    QStringList missing;
    for (const char *key : {"sso_start_url", "sso_region", "sso_account_id", "sso_role_name"})
        if (merged.value(QLatin1String(key)).isEmpty())
            missing << QLatin1String(key);
    if (!missing.isEmpty()) {
        Error e(Error::Code::InvalidArgument,
                tr("The profile is configured for AWS SSO but misses %1.")
                    .arg(missing.join(QStringLiteral(", "))));
        e.hint = tr("run: aws configure sso --profile %1").arg(name);
        return e;
    }
    sso.startUrl = merged.value(QStringLiteral("sso_start_url")).left(2048);
    sso.region = merged.value(QStringLiteral("sso_region")).left(64);
    sso.accountId = merged.value(QStringLiteral("sso_account_id")).left(64);
    sso.roleName = merged.value(QStringLiteral("sso_role_name")).left(128);
    sso.cacheFile = AwsSso::cacheFilePath(env, sso);
    return sso;
}

Result<AwsCredentials> AwsConfig::parseProcessOutput(QByteArrayView output, QDateTime *expiration)
{
    if (output.size() > 64 * 1024)
        return Error(Error::Code::TooLarge, tr("credential_process printed over 64 KiB."));
    const JsonRead::Json j = JsonRead::parse(output);
    if (!j.is_object())
        return Error(Error::Code::ParseError,
                     tr("credential_process did not print a JSON object."));
    if (JsonRead::integer(j, "Version", 0) != 1)
        return Error(Error::Code::ParseError,
                     tr("credential_process printed no Version 1 output."));
    AwsCredentials c{JsonRead::string(j, "AccessKeyId"), JsonRead::string(j, "SecretAccessKey"),
                     JsonRead::string(j, "SessionToken")};
    if (!c.isValid())
        return Error(Error::Code::ParseError,
                     tr("credential_process printed no AccessKeyId or SecretAccessKey."));
    c.expiration = QDateTime::fromString(JsonRead::string(j, "Expiration"), Qt::ISODate).toUTC();
    if (expiration)
        *expiration = c.expiration;
    return c;
}

QPair<QString, QString> AwsConfig::parseStsError(QByteArrayView xml)
{
    QXmlStreamReader r(QByteArray(xml.data(), std::min<qsizetype>(xml.size(), 1024 * 1024)));
    QString code;
    QString message;
    bool inError = false;
    for (int n = 0; !r.atEnd() && n < 10000; ++n) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        if (r.name() == QLatin1String("Error"))
            inError = true;
        else if (inError && r.name() == QLatin1String("Code"))
            code = r.readElementText().left(200);
        else if (inError && r.name() == QLatin1String("Message"))
            message = r.readElementText().left(1000);
    }
    return {code, message};
}

Result<AwsCredentials> AwsConfig::parseAssumeRoleResponse(QByteArrayView xml, QDateTime *expiration)
{
    if (xml.size() > 1024 * 1024)
        return Error(Error::Code::TooLarge, tr("STS answered with over 1 MiB."));
    const auto [code, message] = parseStsError(xml);
    if (!code.isEmpty()) {
        Error e(code == QLatin1String("AccessDenied") ? Error::Code::Forbidden
                                                      : Error::Code::AuthError,
                tr("STS refused AssumeRole: %1 (%2)").arg(message, code));
        return e;
    }
    QXmlStreamReader r(QByteArray(xml.data(), xml.size()));
    AwsCredentials c;
    QString expires;
    bool inCredentials = false;
    for (int n = 0; !r.atEnd() && n < 10000; ++n) {
        r.readNext();
        if (r.isEndElement() && r.name() == QLatin1String("Credentials"))
            inCredentials = false;
        if (!r.isStartElement())
            continue;
        if (r.name() == QLatin1String("Credentials"))
            inCredentials = true;
        else if (inCredentials && r.name() == QLatin1String("AccessKeyId"))
            c.accessKeyId = r.readElementText().left(256);
        else if (inCredentials && r.name() == QLatin1String("SecretAccessKey"))
            c.secretAccessKey = r.readElementText().left(1024);
        else if (inCredentials && r.name() == QLatin1String("SessionToken"))
            c.sessionToken = r.readElementText().left(8192);
        else if (inCredentials && r.name() == QLatin1String("Expiration"))
            expires = r.readElementText().left(64);
    }
    if (!c.isValid())
        return Error(Error::Code::ParseError, tr("STS's AssumeRole answer has no credentials."));
    c.expiration = QDateTime::fromString(expires, Qt::ISODate).toUTC();
    if (expiration)
        *expiration = c.expiration;
    return c;
}

} // namespace Orrery
