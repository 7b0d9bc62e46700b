// SPDX-License-Identifier: GPL-3.0-or-later
// orrery --play FILE --context C [--kubeconfig F] [--namespace N] [--yes-i-mean C] |
// --play FILE --demo: runs a runbook against one context through the audited writer, prints
// one line per step and exits with 0 (every step succeeded), 1 (a step failed; the run
// stopped there) or 2 (nothing ran: usage, kubeconfig, runbook syntax, a runbook pinned to
// another context, or a write to a protected cluster without --yes-i-mean naming the context).

#include "commands.h"
#include "democluster.h"

#include "contextpreferences.h"

#include "audit/auditlog.h"
#include "kube/clustersession.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "operations/clusterwriteexecutor.h"
#include "runbook/clusterrunbookexecutor.h"
#include "runbook/runbookparser.h"
#include "runbook/runbookrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QTextStream>

#include <optional>
#include <set>

namespace Orrery::App {

namespace {

// Gives lupdate a context ("Play") for the free functions below.
class Play
{
    Q_DECLARE_TR_FUNCTIONS(Play)
};

constexpr int ExitStepFailed = 1;
constexpr int ExitNotStarted = 2;

// "setImage deployment/web" or "caption": what a step is, for its output line.
QString stepLabel(const RunbookStep &step)
{
    QString label = RunbookStep::typeName(step.type);
    if (!step.targetName.isEmpty())
        label += QLatin1Char(' ') + step.targetKind.toLower() + QLatin1Char('/') + step.targetName;
    else if (!step.release.isEmpty())
        label += QLatin1Char(' ') + step.release;
    return label;
}

// "      holds  pods of deployment/web in ImagePullBackOff: >= 1 (3 pods: 2 Running, 1 ...)"
QString expectationLine(const RunbookExpectation &e, const ExpectationStatus &status)
{
    QString state;
    switch (status.state) {
    case ExpectationStatus::State::Holds: state = Play::tr("holds"); break;
    case ExpectationStatus::State::Failed: state = Play::tr("FAILED"); break;
    case ExpectationStatus::State::Checking:
    case ExpectationStatus::State::Pending: state = Play::tr("not settled"); break;
    }
    QString line = QStringLiteral("      expect %1: %2").arg(e.describe(), state);
    if (!status.observed.isEmpty())
        line += QStringLiteral(" (%1)").arg(status.observed);
    return line;
}

// The informers an expectation reads, limited to the namespaces and kinds the runbook's
// `expect:` entries name (none: no session at all).
std::unique_ptr<ClusterSession> expectationSession(const Runbook &book,
                                                   const ClusterConnection &connection)
{
    std::set<Kind> kinds;
    QStringList namespaces;
    for (const RunbookStep &step : book.steps)
        for (const RunbookExpectation &e : step.expectations) {
            for (const Kind k : e.kinds())
                kinds.insert(k);
            QString ns = e.ns.isEmpty() ? step.ns : e.ns;
            if (ns.isEmpty())
                ns = connection.defaultNamespace;
            if (!namespaces.contains(ns))
                namespaces << ns;
        }
    if (kinds.empty())
        return {};
    auto session = std::make_unique<ClusterSession>(connection);
    session->setKinds(QList<Kind>(kinds.cbegin(), kinds.cend()));
    session->setNamespaces(namespaces);
    session->start();
    return session;
}

// What the user said about protection: whether the context's cluster is protected (the same
// mark the window sets, ContextPreferences) and the --yes-i-mean name.
struct Protection
{
    bool clusterProtected = false;
    QString confirmedContext;
};

Protection protectionOf(const QCommandLineParser &parser, const Kubeconfig &config,
                        const QString &context)
{
    ContextPreferences preferences;
    preferences.setKubeconfig(config);
    return {preferences.isProtected(context), parser.value(QStringLiteral("yes-i-mean"))};
}

// Plays `book` against the context of `connection`; returns the exit code.
int play(Runbook book, ClusterConnection connection, const Protection &protection,
         const QStringList &namespaces, QTextStream &out, QTextStream &err)
{
    const QString context = connection.contextName;
    if (auto pinned = RunbookRunner::checkContext(book, context); !pinned) {
        err << Play::tr("orrery: %1").arg(pinned.error().message) << '\n';
        return ExitNotStarted;
    }
    if (auto guarded = RunbookRunner::checkProtection(book, context, protection.clusterProtected,
                                                      protection.confirmedContext);
        !guarded) {
        err << Play::tr("orrery: %1").arg(guarded.error().message) << '\n'
            << Play::tr("orrery: %1").arg(guarded.error().hint) << '\n';
        return ExitNotStarted;
    }
    if (protection.clusterProtected)
        out << Play::tr("Context %1 reaches a protected cluster.").arg(context) << '\n';
    // --namespace replaces the runbook's namespace for the steps that inherit it.
    if (!namespaces.isEmpty()) {
        for (RunbookStep &step : book.steps)
            if (step.ns.isEmpty() || step.ns == book.ns)
                step.ns = namespaces.first();
        book.ns = namespaces.first();
    }

    HttpTransport transport(connection);
    AuditLog audit(AuditLog::defaultDirectory());
    // Every audit failure on stderr as it happens: a write it refused also fails its step, but
    // a lost outcome line (the change was made) would otherwise go unsaid.
    QObject::connect(&audit, &AuditLog::writeFailed, &audit, [&err](const QString &message) {
        err << Play::tr("orrery: %1").arg(message) << '\n';
        err.flush();
    });
    ClusterWriteExecutor writer(&transport, &audit);
    ClusterRunbookExecutor executor(&transport, &writer, connection.defaultNamespace,
                                    QFileInfo(book.fileName).absolutePath());
    RunbookRunner runner(&executor);
    // `expect:` entries are read from informers, as the window's player reads its session.
    const std::unique_ptr<ClusterSession> session = expectationSession(book, connection);
    if (session)
        runner.setExpectationStore(session->store(), connection.defaultNamespace);

    const int total = book.steps.size();
    out << Play::tr("Playing \"%1\" (%2 steps) against context %3")
               .arg(book.name.isEmpty() ? QFileInfo(book.fileName).fileName() : book.name)
               .arg(total)
               .arg(context)
        << '\n';
    out.flush();

    QEventLoop loop;
    int exitCode = 0;
    QObject::connect(&runner, &RunbookRunner::stepFinished, &runner,
                     [&](int index, bool ok, const QString &message) {
                         out << QStringLiteral("[%1/%2] %3 %4: %5")
                                    .arg(index + 1)
                                    .arg(total)
                                    .arg(ok ? Play::tr("ok") : Play::tr("FAILED"))
                                    .arg(stepLabel(book.steps.at(index)), message)
                             << '\n';
                         const QList<ExpectationStatus> statuses
                             = runner.expectationStatuses(index);
                         const RunbookStep &step = book.steps.at(index);
                         for (int i = 0; i < step.expectations.size(); ++i)
                             out << expectationLine(step.expectations.at(i), statuses.value(i))
                                 << '\n';
                         out.flush();
                     });
    QObject::connect(&runner, &RunbookRunner::finished, &runner, [&](bool ok, int failedIndex) {
        if (ok) {
            out << Play::tr("Runbook finished: %n step(s) succeeded.", nullptr, total) << '\n';
        } else {
            exitCode = ExitStepFailed;
            err << Play::tr("orrery: the runbook stopped at step %1 (line %2).")
                       .arg(failedIndex + 1)
                       .arg(book.steps.value(failedIndex).line)
                << '\n';
        }
        loop.quit();
    });
    runner.start(book);
    loop.exec();
    out.flush();
    err.flush();
    return exitCode;
}

} // namespace

int runPlay(const QCommandLineParser &parser)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString file = parser.value(QStringLiteral("play"));
    const bool demo = parser.isSet(QStringLiteral("demo"));
    if (file.isEmpty() || (!demo && !parser.isSet(QStringLiteral("context")))) {
        err << Play::tr("usage: orrery --play FILE --context NAME [--kubeconfig FILE] [--namespace "
                        "NAME] [--yes-i-mean NAME]\n"
                        "       orrery --play FILE --demo [--context NAME]")
            << '\n';
        return ExitNotStarted;
    }
    auto book = RunbookParser::parseFile(file);
    if (!book) {
        err << Play::tr("orrery: %1").arg(book.error().toString()) << '\n';
        return ExitNotStarted;
    }
    const QStringList namespaces = parser.values(QStringLiteral("namespace"));

    if (!demo) {
        const Kubeconfig config = Kubeconfig::load(parser.value(QStringLiteral("kubeconfig")));
        const QString context = parser.value(QStringLiteral("context"));
        Result<ClusterConnection> connection = config.connection(context);
        if (!connection) {
            err << Play::tr("orrery: context \"%1\": %2")
                       .arg(context, connection.error().toString())
                << '\n';
            return ExitNotStarted;
        }
        const Protection protection = protectionOf(parser, config, context);
        return play(*book, std::move(*connection), protection, namespaces, out, err);
    }

    // The in-process demo cluster: every scenario, each its own context. The runbook's pinned
    // context (or --context) says which one.
    DemoCluster cluster;
    std::optional<Result<QString>> started;
    QEventLoop loop;
    cluster.start([&](const Result<QString> &path) {
        started = path;
        loop.quit();
    });
    if (!started)
        loop.exec();
    if (!started->ok()) {
        err << Play::tr("orrery: the demo cluster could not start: %1")
                   .arg(started->error().toString())
            << '\n';
        return ExitNotStarted;
    }
    QString context = parser.value(QStringLiteral("context"));
    if (context.isEmpty())
        context = book->context.isEmpty() ? cluster.contextNames().value(0) : book->context;
    const Kubeconfig config = Kubeconfig::load(started->value());
    Result<ClusterConnection> connection = config.connection(context);
    if (!connection) {
        err << Play::tr("orrery: demo context \"%1\": %2 (demo contexts: %3)")
                   .arg(context, connection.error().toString(),
                        cluster.contextNames().join(QStringLiteral(", ")))
            << '\n';
        return ExitNotStarted;
    }
    const Protection protection = protectionOf(parser, config, context);
    return play(*book, std::move(*connection), protection, namespaces, out, err);
}

} // namespace Orrery::App
