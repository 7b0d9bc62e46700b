// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/async.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <chrono>
#include <functional>
#include <mutex>
#include <set>

#include <sys/types.h>

namespace Orrery {

// The helper programs Orrery runs for credentials (exec plugins, the login shell that tells
// their PATH) and the threads that wait for them. A plugin may run for minutes (a browser
// login) and may start children of its own (aws → python, gcloud → python, kubelogin → a
// browser helper); each runs in a process group of its own, so one kill(-pgid) reaches them
// all, on timeout and when Orrery quits.
//
// One registry per process (global()): child processes, their groups and the shutdown of the
// application are process-wide, and the providers that start plugins are created deep inside
// Kubeconfig::connection(). Tests make registries of their own and hand them to the runs.
// Thread-safe.
class PluginProcessRegistry
{
public:
    PluginProcessRegistry();
    // Shuts down (a second at most), then lets go of any thread still running.
    ~PluginProcessRegistry();
    PluginProcessRegistry(const PluginProcessRegistry &) = delete;
    PluginProcessRegistry &operator=(const PluginProcessRegistry &) = delete;

    static PluginProcessRegistry &global();

    // For runPluginProcess(): a started group. false once shut down: the caller kills it.
    bool add(pid_t group);
    // The group finished (or was killed); true when cancelAll()/shutdown() killed it.
    bool remove(pid_t group);
    int runningCount() const;
    bool isShutDown() const;

    // SIGKILL to every running group; their runs return Outcome::Cancelled.
    void cancelAll();

    // Runs `task` through Async on this registry's own pool (never shorter than the tasks:
    // a login may take minutes, and must neither wait behind another nor hold up Async's
    // shared pool), registered with its own synchronizer, which shutdown() and the destructor
    // wait for. After shutdown() the task runs at once on the caller's thread: every plugin
    // run it starts is refused, so it returns quickly.
    void runInBackground(std::function<void()> task);

    // For the application's quit: refuses new runs, kills every running group and waits at
    // most `budget` for the background tasks, which return as soon as their plugin is dead.
    // True when all of them finished in time.
    bool shutdown(std::chrono::milliseconds budget = std::chrono::seconds(1));

private:
    mutable std::mutex m_mutex;
    std::set<pid_t> m_running;
    std::set<pid_t> m_cancelled;
    bool m_shutDown = false;
    // Destroyed in reverse: the synchronizer waits for the tasks, then the pool joins.
    QThreadPool m_pool;
    Async::Synchronizer m_tasks;
};

struct PluginCommand
{
    QString program; // absolute path
    QStringList arguments;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The plugin talks to the user on our terminal: stdin and stderr are handed over, and its
    // process group gets the terminal's foreground while it runs (else a prompt would stop it
    // with SIGTTIN).
    bool interactive = false;
    bool discardStderr = false;
    int timeoutMs = 30000;
    PluginProcessRegistry *registry = nullptr; // null: PluginProcessRegistry::global()
};

struct PluginRun
{
    enum class Outcome {
        Finished,      // exited or crashed by itself: see crashed and exitCode
        FailedToStart, // errorString says why
        TimedOut,      // killed, with its whole group, after timeoutMs
        Cancelled,     // killed, with its whole group, by cancelAll() or shutdown()
    };
    Outcome outcome = Outcome::FailedToStart;
    bool crashed = false;
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
    QString errorString;
    qint64 pid = 0; // also its process group id
};

// Runs `command` in a new process group, registered with its registry while it runs, and
// blocks until it ends, times out or is cancelled. Never call it on the GUI thread.
PluginRun runPluginProcess(const PluginCommand &command);

} // namespace Orrery
