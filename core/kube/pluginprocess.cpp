// SPDX-License-Identifier: GPL-3.0-or-later
#include "pluginprocess.h"

#include <QLoggingCategory>
#include <QProcess>

#include <algorithm>
#include <limits>

#include <csignal>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcPluginProcess, "orrery.auth.process", QtInfoMsg)

namespace Orrery {

namespace {

void killGroup(pid_t group)
{
    // The group id is the plugin's pid (setpgid(0, 0) in the child). A group is only ever
    // killed while registered, i.e. before its leader was reaped, or in the instant after,
    // when any process still in the group is the plugin's own child.
    if (group > 1)
        ::kill(-group, SIGKILL);
}

// After an interactive plugin had the terminal: give the foreground back to our group.
// tcsetpgrp() from a background group raises SIGTTOU unless the calling thread blocks it.
void reclaimTerminal()
{
    sigset_t ttou;
    sigset_t old;
    sigemptyset(&ttou);
    sigaddset(&ttou, SIGTTOU);
    pthread_sigmask(SIG_BLOCK, &ttou, &old);
    tcsetpgrp(STDIN_FILENO, getpgrp());
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
}

} // namespace

PluginProcessRegistry::PluginProcessRegistry()
{
    m_pool.setObjectName(QStringLiteral("orrery-credentials"));
    // One thread per running plugin, however many: none may wait behind a browser login.
    m_pool.setMaxThreadCount(std::numeric_limits<int>::max());
}

PluginProcessRegistry::~PluginProcessRegistry()
{
    shutdown();
    // Tasks return once their plugin is dead; a test registry must not outlive its threads
    // (m_tasks' destructor waits for them, then m_pool's joins).
}

PluginProcessRegistry &PluginProcessRegistry::global()
{
    // Never destroyed: a credential thread still returning while the process exits must not
    // find its registry gone. shutdown() is what the application calls on quit.
    static auto *registry = new PluginProcessRegistry;
    return *registry;
}

bool PluginProcessRegistry::add(pid_t group)
{
    std::lock_guard lock(m_mutex);
    if (m_shutDown)
        return false;
    m_running.insert(group);
    return true;
}

bool PluginProcessRegistry::remove(pid_t group)
{
    std::lock_guard lock(m_mutex);
    m_running.erase(group);
    return m_cancelled.erase(group) > 0;
}

int PluginProcessRegistry::runningCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_running.size());
}

bool PluginProcessRegistry::isShutDown() const
{
    std::lock_guard lock(m_mutex);
    return m_shutDown;
}

void PluginProcessRegistry::cancelAll()
{
    std::lock_guard lock(m_mutex);
    for (const pid_t group : m_running) {
        m_cancelled.insert(group);
        killGroup(group);
    }
}

void PluginProcessRegistry::runInBackground(std::function<void()> task)
{
    std::unique_lock lock(m_mutex);
    if (m_shutDown) {
        lock.unlock();
        task();
        return;
    }
    // Queued under the lock: shutdown() cannot slip in between the check and the queueing.
    Async::run(m_tasks, &m_pool, std::move(task));
}

bool PluginProcessRegistry::shutdown(std::chrono::milliseconds budget)
{
    cancelAll();
    {
        std::lock_guard lock(m_mutex);
        m_shutDown = true;
    }
    // A run that registered between cancelAll() and here is refused by add(); one that
    // registered before was killed above. The wait does not hold the lock: the returning
    // tasks take it to unregister their plugins.
    const bool allReturned = m_tasks.waitForFinished(budget);
    if (!allReturned)
        qCWarning(lcPluginProcess)
            << m_tasks.runningCount() << "credential task(s) still running at quit";
    return allReturned;
}

PluginRun runPluginProcess(const PluginCommand &command)
{
    PluginProcessRegistry &registry
        = command.registry ? *command.registry : PluginProcessRegistry::global();
    PluginRun run;
    if (registry.isShutDown()) {
        run.outcome = PluginRun::Outcome::Cancelled;
        run.errorString = QStringLiteral("Orrery is quitting");
        return run;
    }
    // Hand the terminal over only when it is ours to give (we are its foreground group).
    const bool takeTerminal
        = command.interactive && isatty(STDIN_FILENO) == 1 && tcgetpgrp(STDIN_FILENO) == getpgrp();

    QProcess process;
    process.setProgram(command.program);
    process.setArguments(command.arguments);
    process.setProcessEnvironment(command.environment);
    if (command.interactive) {
        // The plugin talks to the user through the terminal (prompts go to stderr).
        process.setInputChannelMode(QProcess::ForwardedInputChannel);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    } else {
        process.setStandardInputFile(QProcess::nullDevice());
        if (command.discardStderr)
            process.setStandardErrorFile(QProcess::nullDevice());
    }
    process.setChildProcessModifier([takeTerminal] {
        // In the child between fork and exec: async-signal-safe calls only.
        ::setpgid(0, 0);
        if (takeTerminal) {
            sigset_t ttou;
            sigset_t old;
            sigemptyset(&ttou);
            sigaddset(&ttou, SIGTTOU);
            ::sigprocmask(SIG_BLOCK, &ttou, &old);
            ::tcsetpgrp(STDIN_FILENO, ::getpgrp());
            ::sigprocmask(SIG_SETMASK, &old, nullptr);
        }
    });

    process.start();
    if (!process.waitForStarted(std::max(command.timeoutMs, 1000))) {
        run.errorString = process.errorString();
        return run;
    }
    const auto group = pid_t(process.processId());
    run.pid = group;
    bool cancelled = false;
    if (!registry.add(group)) {
        killGroup(group);
        process.waitForFinished(1000);
        cancelled = true;
    } else {
        if (!process.waitForFinished(command.timeoutMs)) {
            killGroup(group);
            process.waitForFinished(1000);
            run.outcome = PluginRun::Outcome::TimedOut;
        }
        cancelled = registry.remove(group);
    }
    if (takeTerminal)
        reclaimTerminal();

    if (cancelled) {
        run.outcome = PluginRun::Outcome::Cancelled;
        run.errorString = QStringLiteral("Orrery is quitting");
        return run;
    }
    if (run.outcome == PluginRun::Outcome::TimedOut)
        return run;
    run.outcome = PluginRun::Outcome::Finished;
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.standardOutput = process.readAllStandardOutput();
    if (!command.interactive && !command.discardStderr)
        run.standardError = process.readAllStandardError();
    return run;
}

} // namespace Orrery
