// SPDX-License-Identifier: GPL-3.0-or-later
#include "addtokubeconfig.h"

#include "audit/auditlog.h"
#include "kube/actions/yamljson.h"
#include "kube/kubeconfig.h"
#include "util/async.h"
#include "util/linediff.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>

namespace Orrery {

namespace {

// A kubeconfig larger than this is not one a person keeps; refuse rather than read it all.
constexpr qint64 MaxKubeconfigBytes = 16 * 1024 * 1024;

struct Prepared
{
    bool existed = false;
    QByteArray oldText;
    QByteArray newText;
    bool unchanged = false;
};

Result<Prepared> prepareFile(const QString &file, const CloudKubeconfigEntry &entry)
{
    Prepared p;
    QFile f(file);
    nlohmann::json config;
    if (f.exists()) {
        p.existed = true;
        if (!f.open(QIODevice::ReadOnly)) {
            Error e(Error::Code::FileError, f.errorString());
            e.file = file;
            return e;
        }
        if (f.size() > MaxKubeconfigBytes) {
            Error e(Error::Code::TooLarge,
                    AddToKubeconfig::tr("The kubeconfig is over 16 MiB; it was not changed."));
            e.file = file;
            return e;
        }
        p.oldText = f.readAll();
        auto parsed = YamlJson::parse(p.oldText, file);
        if (!parsed)
            return parsed.error();
        config = parsed.value();
        if (!config.is_null() && !config.is_object()) {
            Error e(Error::Code::ParseError,
                    AddToKubeconfig::tr("The file is not a kubeconfig (not a YAML mapping); it "
                                        "was not changed."));
            e.file = file;
            return e;
        }
    }
    auto merged = AddToKubeconfig::merged(config, entry);
    if (!merged) {
        Error e = merged.error();
        e.file = file;
        return e;
    }
    p.unchanged = p.existed && merged.value() == config;
    p.newText = p.unchanged ? p.oldText : YamlJson::toYaml(merged.value()).toUtf8();
    return p;
}

} // namespace

AddToKubeconfig::AddToKubeconfig(CloudKubeconfigEntry entry, QString file, AuditLog *audit,
                                 QObject *parent)
    : QObject(parent)
    , m_entry(std::move(entry))
    , m_file(file.isEmpty() ? defaultFile() : QFileInfo(file).absoluteFilePath())
    , m_audit(audit)
{
}

QString AddToKubeconfig::defaultFile()
{
    // Where the CLIs write: the first file of KUBECONFIG, else ~/.kube/config.
    return Kubeconfig::precedence().value(0, QDir::home().filePath(QStringLiteral(".kube/config")));
}

QString AddToKubeconfig::title() const
{
    return tr("Add %1 to kubeconfig").arg(m_entry.context.name);
}

QStringList AddToKubeconfig::summary() const
{
    return {tr("Write context, cluster and user \"%1\" to %2")
                .arg(m_entry.context.name, QDir::toNativeSeparators(m_file)),
            tr("Make it the current context"), tr("Keep a copy of the file as it was")};
}

Result<void> AddToKubeconfig::check() const
{
    if (m_entry.context.name.isEmpty() || m_entry.cluster.name.isEmpty()
        || m_entry.user.name.isEmpty())
        return Error(Error::Code::InvalidArgument, tr("The kubeconfig entry has no name."));
    const QFileInfo info(m_file);
    if (info.exists()) {
        if (!info.isFile() || !info.isWritable()) {
            Error e(Error::Code::FileError, tr("You may not write this file."));
            e.file = m_file;
            return e;
        }
        return {};
    }
    // A new file: its nearest existing directory must be writable (mkpath creates the rest).
    QDir dir = info.absoluteDir();
    while (!dir.exists() && !dir.isRoot())
        dir.setPath(QFileInfo(dir.absolutePath()).absolutePath());
    if (!QFileInfo(dir.absolutePath()).isWritable()) {
        Error e(Error::Code::FileError, tr("You may not create files in %1.")
                                            .arg(QDir::toNativeSeparators(dir.absolutePath())));
        e.file = m_file;
        return e;
    }
    return {};
}

void AddToKubeconfig::prepare(std::function<void(const Result<void> &)> done)
{
    if (auto ok = check(); !ok)
        return done(ok);
    const QString file = m_file;
    const CloudKubeconfigEntry entry = m_entry;
    Async::run(
        this, [file, entry] { return prepareFile(file, entry); },
        [this, done](const Result<Prepared> &p) {
            if (!p)
                return done(p.error());
            m_existed = p->existed;
            m_oldText = p->oldText;
            m_newText = p->newText;
            m_unchanged = p->unchanged;
            m_prepared = true;
            done({});
        });
}

QString AddToKubeconfig::diff() const
{
    return LineDiff::unified(QString::fromUtf8(m_oldText), QString::fromUtf8(m_newText),
                             m_existed ? m_file : QStringLiteral("/dev/null"), m_file);
}

QString AddToKubeconfig::nothingToDo() const
{
    if (!m_unchanged)
        return {};
    return tr("%1 already holds context \"%2\" as it would be written.")
        .arg(QDir::toNativeSeparators(m_file), m_entry.context.name);
}

QStringList AddToKubeconfig::warnings() const
{
    QStringList out;
    if (m_entry.user.exec) {
        const QString command = m_entry.user.exec->command;
        const bool found = command.contains(QLatin1Char('/'))
                               ? QFileInfo(command).isExecutable()
                               : !QStandardPaths::findExecutable(command).isEmpty();
        if (!found)
            out << tr("kubectl will run \"%1\" for a token, and it is not on PATH here.")
                       .arg(command);
    }
    return out;
}

void AddToKubeconfig::run(std::function<void(const Report &)> done)
{
    if (!m_prepared) {
        m_report = {};
        m_report.explanation = tr("The file was not read first.");
        return done(m_report);
    }
    const QString file = m_file;
    const QByteArray oldText = m_oldText;
    const QByteArray newText = m_newText;
    const bool existed = m_existed;
    const bool unchanged = m_unchanged;
    const QString description = summary().constFirst();
    const CloudKubeconfigEntry entry = m_entry;
    QPointer<AuditLog> audit(m_audit);
    Async::run(
        this,
        [file, oldText, newText, existed, unchanged, description, entry, audit] {
            Report r;
            r.description = description;
            if (unchanged) {
                r.ok = true;
                r.lines << tr("Nothing to change: the file already holds these entries.");
                return r;
            }
            // The file must still be what the preview showed.
            if (existed) {
                QFile now(file);
                if (!now.open(QIODevice::ReadOnly) || now.read(MaxKubeconfigBytes + 1) != oldText) {
                    r.explanation = tr("%1 changed since the preview; nothing was written. "
                                       "Look at it again.")
                                        .arg(QDir::toNativeSeparators(file));
                    return r;
                }
                r.backupFile = file + QStringLiteral(".orrery-backup-")
                               + QDateTime::currentDateTimeUtc().toString(
                                   QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
                QFile backup(r.backupFile);
                if (!backup.open(QIODevice::WriteOnly | QIODevice::NewOnly)
                    || backup.write(oldText) != oldText.size() || !backup.flush()) {
                    r.explanation
                        = tr("The backup %1 could not be written (%2); nothing was "
                             "changed.")
                              .arg(QDir::toNativeSeparators(r.backupFile), backup.errorString());
                    r.backupFile.clear();
                    return r;
                }
                backup.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                r.lines << tr("Backup: %1").arg(QDir::toNativeSeparators(r.backupFile));
            } else {
                QDir().mkpath(QFileInfo(file).absolutePath());
            }
            AuditEntry a;
            a.time = QDateTime::currentDateTimeUtc();
            a.context = entry.context.name;
            a.cluster = entry.cluster.name;
            a.verb = QStringLiteral("update");
            a.kind = QStringLiteral("kubeconfig");
            a.name = file;
            a.summary = description;
            // The intent is on disk before the file changes; the outcome names the same id.
            const AuditEntry intent = a.intent(a.time);
            if (audit) {
                if (auto logged = audit->append(intent); !logged) {
                    r.explanation = tr("The audit log could not be written (%1); nothing was "
                                       "changed.")
                                        .arg(logged.error().message);
                    return r;
                }
            }
            QSaveFile out(file);
            bool written = out.open(QIODevice::WriteOnly) && out.write(newText) == newText.size();
            if (written)
                written = out.commit();
            // A kubeconfig holds credentials: a new one is the user's alone (an existing one
            // keeps its mode: QSaveFile carries it over).
            if (written && !existed)
                QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            if (!written)
                r.explanation = tr("%1 could not be written: %2")
                                    .arg(QDir::toNativeSeparators(file), out.errorString());
            else
                r.lines << tr("Wrote context, cluster and user \"%1\"; current context is now "
                              "\"%1\".")
                               .arg(entry.context.name);
            r.ok = written;
            if (audit) {
                const auto logged = audit->append(
                    intent.outcome(0, written ? QStringLiteral("ok") : r.explanation,
                                   QDateTime::currentDateTimeUtc()));
                if (!logged)
                    r.lines << tr("The outcome could not be written to the audit log: %1")
                                   .arg(logged.error().message);
            }
            return r;
        },
        [this, done](const Report &r) {
            m_report = r;
            done(m_report);
        });
}

nlohmann::json AddToKubeconfig::clusterJson(const KubeCluster &cluster)
{
    nlohmann::json c = nlohmann::json::object();
    if (!cluster.certificateAuthorityData.isEmpty())
        c["certificate-authority-data"] = cluster.certificateAuthorityData.toBase64().toStdString();
    if (!cluster.certificateAuthority.isEmpty())
        c["certificate-authority"] = cluster.certificateAuthority.toStdString();
    if (cluster.insecureSkipTlsVerify)
        c["insecure-skip-tls-verify"] = true;
    if (!cluster.proxyUrl.isEmpty())
        c["proxy-url"] = cluster.proxyUrl.toStdString();
    c["server"] = cluster.server.toStdString();
    if (!cluster.tlsServerName.isEmpty())
        c["tls-server-name"] = cluster.tlsServerName.toStdString();
    return {{"cluster", c}, {"name", cluster.name.toStdString()}};
}

nlohmann::json AddToKubeconfig::userJson(const KubeUser &user)
{
    nlohmann::json u = nlohmann::json::object();
    if (user.exec) {
        const KubeExecConfig &x = *user.exec;
        nlohmann::json exec = nlohmann::json::object();
        exec["apiVersion"] = x.apiVersion.toStdString();
        nlohmann::json args = nlohmann::json::array();
        for (const QString &a : x.args)
            args.push_back(a.toStdString());
        exec["args"] = args;
        exec["command"] = x.command.toStdString();
        if (!x.env.isEmpty()) {
            nlohmann::json env = nlohmann::json::array();
            for (const auto &[name, value] : x.env)
                env.push_back({{"name", name.toStdString()}, {"value", value.toStdString()}});
            exec["env"] = env;
        }
        if (!x.installHint.isEmpty())
            exec["installHint"] = x.installHint.toStdString();
        if (x.provideClusterInfo)
            exec["provideClusterInfo"] = true;
        if (!x.interactiveMode.isEmpty())
            exec["interactiveMode"] = x.interactiveMode.toStdString();
        u["exec"] = exec;
    }
    if (user.authProvider) {
        nlohmann::json config = nlohmann::json::object();
        for (auto it = user.authProvider->config.cbegin(); it != user.authProvider->config.cend();
             ++it)
            config[it.key().toStdString()] = it.value().toStdString();
        u["auth-provider"] = {{"config", config}, {"name", user.authProvider->name.toStdString()}};
    }
    if (!user.token.isEmpty())
        u["token"] = user.token.toStdString();
    if (!user.clientCertificateData.isEmpty())
        u["client-certificate-data"] = user.clientCertificateData.toBase64().toStdString();
    if (!user.clientKeyData.isEmpty())
        u["client-key-data"] = user.clientKeyData.toBase64().toStdString();
    return {{"name", user.name.toStdString()}, {"user", u}};
}

nlohmann::json AddToKubeconfig::contextJson(const KubeContext &context)
{
    nlohmann::json c{{"cluster", context.clusterName.toStdString()},
                     {"user", context.userName.toStdString()}};
    if (!context.namespace_.isEmpty())
        c["namespace"] = context.namespace_.toStdString();
    return {{"context", c}, {"name", context.name.toStdString()}};
}

Result<nlohmann::json> AddToKubeconfig::merged(const nlohmann::json &config,
                                               const CloudKubeconfigEntry &entry)
{
    nlohmann::json out = config;
    if (out.is_null()) // a new file, as the CLIs start one
        out = {{"apiVersion", "v1"},
               {"clusters", nlohmann::json::array()},
               {"contexts", nlohmann::json::array()},
               {"current-context", ""},
               {"kind", "Config"},
               {"preferences", nlohmann::json::object()},
               {"users", nlohmann::json::array()}};
    auto insert = [&out](const char *key, const nlohmann::json &item) -> Result<void> {
        nlohmann::json &list = out[key];
        if (list.is_null())
            list = nlohmann::json::array();
        if (!list.is_array())
            return Error(Error::Code::ParseError,
                         tr("\"%1\" in the kubeconfig is not a list; the file was not changed.")
                             .arg(QString::fromLatin1(key)));
        for (auto &existing : list) {
            if (existing.is_object() && existing.contains("name")
                && existing["name"] == item["name"]) {
                existing = item; // replaced in place, as the CLIs do
                return {};
            }
        }
        list.push_back(item);
        return {};
    };
    // In the CLIs' order: cluster, user, context.
    const std::pair<const char *, nlohmann::json> entries[]
        = {{"clusters", clusterJson(entry.cluster)},
           {"users", userJson(entry.user)},
           {"contexts", contextJson(entry.context)}};
    for (const auto &[key, item] : entries) {
        if (auto ok = insert(key, item); !ok)
            return ok.error();
    }
    out["current-context"] = entry.context.name.toStdString();
    return out;
}

} // namespace Orrery
