// SPDX-License-Identifier: GPL-3.0-or-later
// orrery --clouds [--account A] [--json] [--demo]: the cloud accounts, their groups, clusters
// and apps (docs/clouds.md, "Headless"); exit 0, 1 when an account failed or none was found,
// 2 on usage errors.
// orrery --add-to-kubeconfig REF [--kubeconfig F] [--account A] [--demo]: writes the cluster's
// context as the provider's CLI would, after printing the diff of the file; exit 0 written (or
// nothing to change), 1 not found or not written, 2 usage.
#include "commands.h"
#include "democluster.h"
#include "headlesswait.h"

#include <audit/auditlog.h>
#include <cloud/cloudaccounts.h>
#include <operations/addtokubeconfig.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <memory>
#include <optional>

namespace Orrery::App {

namespace {

class Clouds
{
    Q_DECLARE_TR_FUNCTIONS(Clouds)
};

// Builds the accounts (the demo's with --demo, else the user's), keeps --account's only, and
// refreshes them; false (with the reason on `err`) when there is nothing to show.
struct Session
{
    std::unique_ptr<DemoCluster> demo;
    std::unique_ptr<CloudAccounts> accounts;
};

int openAccounts(const QCommandLineParser &parser, Session &session, QTextStream &err)
{
    QEventLoop loop;
    CloudEnvironment environment;
    if (parser.isSet(QStringLiteral("demo"))) {
        session.demo = std::make_unique<DemoCluster>();
        std::optional<Result<QString>> started;
        session.demo->start([&](const Result<QString> &path) {
            started = path;
            loop.quit();
        });
        if (!waitUntil([&] { return started.has_value(); }, loop) || !started->ok()) {
            err << Clouds::tr("orrery: the demo cluster could not start: %1")
                       .arg(started ? started->error().toString() : Clouds::tr("timed out"))
                << '\n';
            return ExitFailed;
        }
        environment = session.demo->cloudEnvironment();
    }
    session.accounts = std::make_unique<CloudAccounts>();
    session.accounts->addBuiltinFactories();
    session.accounts->load(environment);
    const QString only = parser.value(QStringLiteral("account"));
    QStringList ids;
    for (CloudAccount *a : session.accounts->accounts())
        ids << a->id();
    if (!only.isEmpty() && !ids.contains(only)) {
        err << Clouds::tr("orrery: no cloud account \"%1\" (found: %2)")
                   .arg(only, ids.isEmpty() ? Clouds::tr("none") : ids.join(QStringLiteral(", ")))
            << '\n';
        return ExitFailed;
    }
    if (ids.isEmpty()) {
        err << Clouds::tr("orrery: no cloud credentials found (see docs/clouds.md: ~/.aws, az "
                          "login, gcloud, FLY_API_TOKEN, RAILWAY_TOKEN)")
            << '\n';
        return ExitFailed;
    }
    bool done = false;
    QObject::connect(session.accounts.get(), &CloudAccounts::refreshFinished, &loop, [&] {
        done = true;
        loop.quit();
    });
    if (only.isEmpty())
        session.accounts->refresh();
    else
        session.accounts->refreshAccount(only);
    if (!waitUntil([&] { return done; }, loop)) {
        err << Clouds::tr("orrery: the cloud accounts did not answer in time") << '\n';
        return ExitFailed;
    }
    return ExitOk;
}

QJsonObject resourceJson(const CloudResource &r)
{
    return {{QStringLiteral("kind"), r.kind == CloudResource::Kind::App
                                         ? QStringLiteral("app")
                                         : QStringLiteral("cluster")},
            {QStringLiteral("provider"), r.provider},
            {QStringLiteral("account"), r.accountId},
            {QStringLiteral("group"), r.group},
            {QStringLiteral("location"), r.location},
            {QStringLiteral("name"), r.name},
            {QStringLiteral("ref"), r.ref},
            {QStringLiteral("version"), r.version},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("server"), r.server}};
}

QString errorText(const Error &e)
{
    return e.hint.isEmpty() ? e.message
                            : e.message + QStringLiteral(" (") + e.hint + QLatin1Char(')');
}

} // namespace

int runClouds(const QCommandLineParser &parser)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Session session;
    if (const int code = openAccounts(parser, session, err); code != ExitOk)
        return code;
    const QString only = parser.value(QStringLiteral("account"));
    const bool json = parser.isSet(QStringLiteral("json"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool failed = false;
    QJsonArray accountsJson;
    for (CloudAccount *account : session.accounts->accounts()) {
        if (!only.isEmpty() && account->id() != only)
            continue;
        const CloudAccountState state = session.accounts->state(account->id());
        QJsonObject a{{QStringLiteral("id"), account->id()},
                      {QStringLiteral("provider"), account->provider()},
                      {QStringLiteral("name"), account->displayName()}};
        QString identityLine;
        if (state.identity && state.identity->ok()) {
            const CloudIdentity &id = state.identity->value();
            a[QStringLiteral("principal")] = id.principal;
            a[QStringLiteral("source")] = id.source;
            if (id.expiresAt.isValid()) {
                a[QStringLiteral("expiresAt")] = id.expiresAt.toString(Qt::ISODate);
                a[QStringLiteral("expiresInSeconds")] = double(now.secsTo(id.expiresAt));
            }
            identityLine = id.principal + QStringLiteral(" (") + id.source + QLatin1Char(')');
            if (id.expiresAt.isValid())
                identityLine += QStringLiteral(", ")
                                + Clouds::tr("token expires in %n min", "",
                                             int((now.secsTo(id.expiresAt) + 59) / 60));
        } else if (state.identity) {
            failed = true;
            a[QStringLiteral("error")] = errorText(state.identity->error());
            identityLine = Clouds::tr("error: %1").arg(errorText(state.identity->error()));
        }
        QJsonArray resources;
        QJsonObject groupErrors;
        if (state.discovery && !state.discovery->ok()) {
            failed = true;
            if (!a.contains(QStringLiteral("error")))
                a[QStringLiteral("error")] = errorText(state.discovery->error());
        }
        if (!json)
            out << account->id() << "  " << account->displayName() << "  " << identityLine << '\n';
        if (state.discovery && state.discovery->ok()) {
            const CloudDiscovery &d = state.discovery->value();
            QString group;
            for (const CloudResource &r : d.resources) {
                resources.append(resourceJson(r));
                if (json)
                    continue;
                if (r.group != group) {
                    group = r.group;
                    out << "  " << group << '\n';
                }
                out << "    " << (r.kind == CloudResource::Kind::App ? "app" : "cluster") << "  "
                    << r.name << "  " << r.status << "  " << r.version << "  " << r.location << "  "
                    << r.ref << '\n';
            }
            for (auto it = d.groupErrors.cbegin(); it != d.groupErrors.cend(); ++it) {
                groupErrors[it.key()] = errorText(it.value());
                if (!json)
                    out << "  " << it.key() << ": "
                        << Clouds::tr("error: %1").arg(errorText(it.value())) << '\n';
            }
        } else if (state.discovery && !json) {
            out << "  " << Clouds::tr("error: %1").arg(errorText(state.discovery->error())) << '\n';
        }
        a[QStringLiteral("resources")] = resources;
        a[QStringLiteral("groupErrors")] = groupErrors;
        accountsJson.append(a);
    }
    if (json)
        out << QJsonDocument(QJsonObject{{QStringLiteral("accounts"), accountsJson}}).toJson();
    return failed ? ExitFailed : ExitOk;
}

int runAddToKubeconfig(const QCommandLineParser &parser)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString ref = parser.value(QStringLiteral("add-to-kubeconfig"));
    if (ref.isEmpty()) {
        err << Clouds::tr("orrery: --add-to-kubeconfig takes a cluster's ref (its ARN, resource "
                          "id or name, as --clouds prints it)")
            << '\n';
        return ExitUsage;
    }
    Session session;
    if (const int code = openAccounts(parser, session, err); code != ExitOk)
        return code;
    const auto cluster = session.accounts->findResource(ref);
    if (!cluster || cluster->kind != CloudResource::Kind::Cluster) {
        err << Clouds::tr("orrery: no cluster \"%1\" in the cloud accounts (orrery --clouds lists "
                          "them; a name found in two accounts needs its ref)")
                   .arg(ref)
            << '\n';
        return ExitFailed;
    }
    const auto entry = session.accounts->account(cluster->accountId)->kubeconfigEntry(*cluster);
    if (!entry) {
        err << "orrery: " << entry.error().toString() << '\n';
        return ExitFailed;
    }
    AuditLog audit(AuditLog::defaultDirectory());
    AddToKubeconfig op(entry.value(), parser.value(QStringLiteral("kubeconfig")), &audit);
    QEventLoop loop;
    std::optional<Result<void>> prepared;
    op.prepare([&](const Result<void> &r) {
        prepared = r;
        loop.quit();
    });
    if (!waitUntil([&] { return prepared.has_value(); }, loop) || !prepared->ok()) {
        err << Clouds::tr("orrery: cannot add to kubeconfig: %1")
                   .arg(prepared ? prepared->error().toString() : Clouds::tr("timed out"))
            << '\n';
        return ExitFailed;
    }
    if (const QString nothing = op.nothingToDo(); !nothing.isEmpty()) {
        out << nothing << '\n';
        return ExitOk;
    }
    for (const QString &line : op.summary())
        out << line << '\n';
    for (const QString &warning : op.warnings())
        err << Clouds::tr("warning: %1").arg(warning) << '\n';
    out << op.diff();
    std::optional<AddToKubeconfig::Report> report;
    op.run([&](const AddToKubeconfig::Report &r) {
        report = r;
        loop.quit();
    });
    if (!waitUntil([&] { return report.has_value(); }, loop) || !report->ok) {
        err << "orrery: " << (report ? report->explanation : Clouds::tr("timed out")) << '\n';
        return ExitFailed;
    }
    for (const QString &line : report->lines)
        out << line << '\n';
    return ExitOk;
}

} // namespace Orrery::App
