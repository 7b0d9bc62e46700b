// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace Orrery::Sim {

// What a simulated container looks like from inside: its hostname, environment and image.
struct ShellContainer
{
    std::string podName;
    std::string ns;
    std::string container;
    std::string image;
    std::vector<std::pair<std::string, std::string>> env;
};

// The small shell every simulated container has (kubectl exec lands here): echo, ls, cat of a
// few files, env, hostname, pwd, whoami, uname, true, false, stty size, exit, sh/bash; any
// other command is "not found" (exit 127). Scripts may chain commands with ;, && and ||.
// Pure logic, no I/O: RemoteCommandSession feeds it lines and writes what it answers.
class SimShell
{
public:
    struct Outcome
    {
        std::string out;
        std::string err;
        int exitCode = 0;
        bool exit = false;        // "exit": the shell ends with exitCode
        bool interactive = false; // "sh"/"bash" without -c: a shell that reads stdin
    };

    explicit SimShell(ShellContainer container);

    // Runs one command (argv form, as exec's command= parameters or a split line).
    // `stdinData` is what `cat` without a file prints.
    Outcome run(const std::vector<std::string> &argv, const std::string &stdinData = {});
    // Runs a line: words split with simple quoting, commands joined by ;, && and ||.
    Outcome runLine(const std::string &line);

    // The prompt an interactive shell shows ("root@<pod>:/# ").
    std::string prompt() const;
    void setTerminalSize(int columns, int rows);
    int lastExitCode() const { return m_lastExit; }

    static std::vector<std::string> splitWords(const std::string &line);

private:
    ShellContainer m_c;
    int m_columns = 80;
    int m_rows = 24;
    int m_lastExit = 0;
};

} // namespace Orrery::Sim
