// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinecredentials.h"

#include "kube/actions/yamljson.h"
#include "pipelines/pipelinesecretstore.h"
#include "util/jsonread.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PipelineCredentials", text);
}

QByteArray readBounded(const QString &path, bool *exists)
{
    QFile f(path);
    *exists = f.exists();
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return f.read(PipelineCredentials::MaxConfigBytes + 1);
}

// hosts.<host> of glab's config, or an empty object.
nlohmann::json hostEntry(const QByteArray &config, const QString &host, const QString &fileName,
                         Error *error)
{
    if (config.size() > PipelineCredentials::MaxConfigBytes) {
        *error = Error(Error::Code::TooLarge,
                       tr("glab's config is larger than %1")
                           .arg(Limits::byteSize(PipelineCredentials::MaxConfigBytes)),
                       fileName);
        return nlohmann::json::object();
    }
    const Result<nlohmann::json> parsed = YamlJson::parse(config, fileName);
    if (!parsed.ok()) {
        // The parser's message may quote the line it failed on: a token. Say where only.
        *error = Error(Error::Code::ParseError, tr("glab's config is not valid YAML"), fileName);
        error->file = fileName;
        error->line = parsed.error().line;
        return nlohmann::json::object();
    }
    return JsonRead::object(JsonRead::object(*parsed, "hosts"), host.toStdString());
}

} // namespace

QString PipelineCredentials::glabConfigPath(const QProcessEnvironment &env)
{
    const QString dir = env.value(QStringLiteral("GLAB_CONFIG_DIR"));
    if (!dir.isEmpty())
        return dir + QStringLiteral("/config.yml");
    QString config = env.value(QStringLiteral("XDG_CONFIG_HOME"));
    if (config.isEmpty())
        config = env.value(QStringLiteral("HOME"), QDir::homePath()) + QStringLiteral("/.config");
    return config + QStringLiteral("/glab-cli/config.yml");
}

Result<QByteArray> PipelineCredentials::glabToken(const QByteArray &config, const QString &host,
                                                  const QString &fileName)
{
    Error error;
    const nlohmann::json entry = hostEntry(config, host, fileName, &error);
    if (error.code != Error::Code::Unknown)
        return error;
    const QString token = JsonRead::string(entry, "token").trimmed();
    if (token.isEmpty()) {
        Error e(Error::Code::NotFound, tr("glab's config has no token for %1").arg(host), fileName);
        e.hint = tr("run \"glab auth login --hostname %1\", or set GITLAB_TOKEN (a glab that "
                    "keeps its token in the system keyring writes none to its config)")
                     .arg(host);
        return e;
    }
    return token.toUtf8();
}

QString PipelineCredentials::gitlabKey(const QString &host)
{
    return QStringLiteral("gitlab:") + host;
}

QString PipelineCredentials::jenkinsKey(const QString &host)
{
    return QStringLiteral("jenkins:") + host;
}

Result<QByteArray> PipelineCredentials::gitlabToken(const QString &host,
                                                    const QProcessEnvironment &env,
                                                    SecretStore *store)
{
    for (const char *name : {"GITLAB_TOKEN", "GITLAB_ACCESS_TOKEN", "OAUTH_TOKEN"}) {
        const QString value = env.value(QLatin1String(name)).trimmed();
        if (!value.isEmpty())
            return value.toUtf8();
    }
    const QString path = glabConfigPath(env);
    bool exists = false;
    const QByteArray config = readBounded(path, &exists);
    if (exists) {
        Result<QByteArray> fromGlab = glabToken(config, host, path);
        if (fromGlab.ok() || !store)
            return fromGlab;
    } else if (!store) {
        Error e(Error::Code::NotFound,
                tr("no GitLab token: GITLAB_TOKEN is not set and glab has no config"), path);
        e.hint = tr("set GITLAB_TOKEN, or run \"glab auth login --hostname %1\"").arg(host);
        return e;
    }
    const Result<QByteArray> typed = store->read(gitlabKey(host));
    if (typed.ok() && !typed->isEmpty())
        return *typed;
    Error e(Error::Code::NotFound,
            tr("no GitLab token for %1: not in GITLAB_TOKEN, glab's config or %2")
                .arg(host, store->name()),
            path);
    e.hint
        = tr("set GITLAB_TOKEN, run \"glab auth login --hostname %1\", or enter a token").arg(host);
    return e;
}

QString PipelineCredentials::gitlabApiBase(const QString &host, const QProcessEnvironment &env)
{
    QString protocol = QStringLiteral("https");
    QString apiHost = host;
    bool exists = false;
    const QString path = glabConfigPath(env);
    const QByteArray config = readBounded(path, &exists);
    if (exists) {
        Error error;
        const nlohmann::json entry = hostEntry(config, host, path, &error);
        const QString p = JsonRead::string(entry, "api_protocol");
        const QString h = JsonRead::string(entry, "api_host");
        if (p == QLatin1String("http") || p == QLatin1String("https"))
            protocol = p;
        if (!h.isEmpty() && !h.contains(QLatin1Char('/')) && !h.contains(QLatin1Char('@')))
            apiHost = h;
    }
    return protocol + QStringLiteral("://") + apiHost + QStringLiteral("/api/v4");
}

Result<Credential> PipelineCredentials::jenkins(const QProcessEnvironment &env, const QString &host,
                                                SecretStore *store)
{
    const QString user = env.value(QStringLiteral("JENKINS_USER_ID"));
    const QString token = env.value(QStringLiteral("JENKINS_API_TOKEN"));
    Credential c;
    if (!user.isEmpty() && !token.isEmpty()) {
        c.username = user;
        c.password = token;
        return c;
    }
    if (store && !host.isEmpty()) {
        const Result<QByteArray> typed = store->read(jenkinsKey(host));
        const qsizetype colon = typed.ok() ? typed->indexOf(':') : -1;
        if (colon > 0 && colon + 1 < typed->size()) {
            c.username = QString::fromUtf8(typed->left(colon));
            c.password = QString::fromUtf8(typed->mid(colon + 1));
            return c;
        }
    }
    Error e(Error::Code::NotFound,
            tr("no Jenkins credentials: set JENKINS_USER_ID and JENKINS_API_TOKEN"));
    e.hint = tr("create an API token on your Jenkins user's Security page");
    return e;
}

} // namespace Orrery
