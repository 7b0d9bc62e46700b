// SPDX-License-Identifier: GPL-3.0-or-later
#include "simshell.h"

#include <algorithm>
#include <map>

namespace Orrery::Sim {

namespace {

// The few files the shell knows, by path; directories are listed from these paths.
std::map<std::string, std::string> filesOf(const ShellContainer &c)
{
    return {
        {"/etc/hostname", c.podName + "\n"},
        {"/etc/hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"},
        {"/etc/os-release", "NAME=\"Orrery Simulated Linux\"\nID=orrery-sim\nVERSION_ID=1.0\n"},
        {"/etc/resolv.conf", "search " + c.ns
                                 + ".svc.cluster.local svc.cluster.local "
                                   "cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n"},
        {"/var/run/secrets/kubernetes.io/serviceaccount/namespace", c.ns},
    };
}

const std::vector<std::string> rootEntries
    = {"bin", "dev", "etc", "home", "proc", "root", "sys", "tmp", "usr", "var"};

} // namespace

SimShell::SimShell(ShellContainer container)
    : m_c(std::move(container))
{
}

std::string SimShell::prompt() const
{
    return "root@" + m_c.podName + ":/# ";
}

void SimShell::setTerminalSize(int columns, int rows)
{
    m_columns = std::clamp(columns, 1, 10000);
    m_rows = std::clamp(rows, 1, 10000);
}

std::vector<std::string> SimShell::splitWords(const std::string &line)
{
    std::vector<std::string> words;
    std::string word;
    bool inWord = false;
    char quote = 0;
    for (char ch : line) {
        if (quote) {
            if (ch == quote)
                quote = 0;
            else
                word += ch;
            continue;
        }
        if (ch == '\'' || ch == '"') {
            quote = ch;
            inWord = true;
        } else if (ch == ' ' || ch == '\t') {
            if (inWord)
                words.push_back(word);
            word.clear();
            inWord = false;
        } else {
            word += ch;
            inWord = true;
        }
    }
    if (inWord)
        words.push_back(word);
    return words;
}

SimShell::Outcome SimShell::runLine(const std::string &line)
{
    // Split on ; && || outside quotes; each part runs depending on the previous status.
    Outcome total;
    std::string part;
    std::string op = ";";
    char quote = 0;
    auto flush = [&](const std::string &nextOp) {
        const bool runIt
            = op == ";" || (op == "&&" && m_lastExit == 0) || (op == "||" && m_lastExit != 0);
        op = nextOp;
        if (!runIt || total.exit || total.interactive)
            return;
        const auto words = splitWords(part);
        if (words.empty())
            return;
        Outcome o = run(words);
        total.out += o.out;
        total.err += o.err;
        total.exitCode = o.exitCode;
        total.exit = o.exit;
        total.interactive = o.interactive;
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (quote) {
            if (ch == quote)
                quote = 0;
            part += ch;
        } else if (ch == '\'' || ch == '"') {
            quote = ch;
            part += ch;
        } else if (ch == ';') {
            flush(";");
            part.clear();
        } else if ((ch == '&' || ch == '|') && i + 1 < line.size() && line[i + 1] == ch) {
            flush(std::string(2, ch));
            part.clear();
            ++i;
        } else {
            part += ch;
        }
    }
    flush(";");
    total.exitCode = m_lastExit;
    return total;
}

SimShell::Outcome SimShell::run(const std::vector<std::string> &argv, const std::string &stdinData)
{
    Outcome o;
    if (argv.empty())
        return o;
    std::string cmd = argv[0];
    if (const auto slash = cmd.rfind('/');
        slash != std::string::npos
        && (cmd.rfind("/bin/", 0) == 0 || cmd.rfind("/usr/bin/", 0) == 0))
        cmd = cmd.substr(slash + 1);
    const std::vector<std::string> args(argv.begin() + 1, argv.end());
    const auto files = filesOf(m_c);

    if (cmd == "sh" || cmd == "bash") {
        if (args.size() >= 2 && args[0] == "-c")
            return runLine(args[1]);
        o.interactive = true;
    } else if (cmd == "echo") {
        std::size_t first = 0;
        bool newline = true;
        if (!args.empty() && args[0] == "-n") {
            newline = false;
            first = 1;
        }
        for (std::size_t i = first; i < args.size(); ++i)
            o.out += (i > first ? " " : "") + args[i];
        if (newline)
            o.out += "\n";
    } else if (cmd == "hostname") {
        o.out = m_c.podName + "\n";
    } else if (cmd == "pwd") {
        o.out = "/\n";
    } else if (cmd == "whoami") {
        o.out = "root\n";
    } else if (cmd == "uname") {
        o.out = (!args.empty() && args[0] == "-a")
                    ? "Linux " + m_c.podName + " 6.1.0-orrery-sim #1 SMP x86_64 GNU/Linux\n"
                    : "Linux\n";
    } else if (cmd == "true") {
    } else if (cmd == "false") {
        o.exitCode = 1;
    } else if (cmd == "env" || cmd == "printenv") {
        o.out = "HOSTNAME=" + m_c.podName
                + "\nHOME=/root\n"
                  "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n";
        for (const auto &[k, v] : m_c.env)
            o.out += k + "=" + v + "\n";
        o.out += "KUBERNETES_SERVICE_HOST=10.96.0.1\nKUBERNETES_SERVICE_PORT=443\n";
    } else if (cmd == "stty") {
        if (!args.empty() && args[0] == "size")
            o.out = std::to_string(m_rows) + " " + std::to_string(m_columns) + "\n";
    } else if (cmd == "ls") {
        std::string dir = args.empty() ? "/" : args.back();
        while (dir.size() > 1 && dir.back() == '/')
            dir.pop_back();
        std::vector<std::string> entries;
        if (dir == "/" || dir == ".") {
            entries = rootEntries;
        } else {
            for (const auto &[path, content] : files) {
                if (path == dir) {
                    entries.push_back(path);
                    break;
                }
                if (path.rfind(dir + "/", 0) == 0) {
                    std::string rest = path.substr(dir.size() + 1);
                    rest = rest.substr(0, rest.find('/'));
                    if (std::find(entries.begin(), entries.end(), rest) == entries.end())
                        entries.push_back(rest);
                }
            }
            if (entries.empty()
                && std::find(rootEntries.begin(), rootEntries.end(), dir.substr(1))
                       == rootEntries.end()) {
                o.err = "ls: " + dir + ": No such file or directory\n";
                o.exitCode = 1;
            }
        }
        for (const auto &e : entries)
            o.out += e + "\n";
    } else if (cmd == "cat") {
        if (args.empty())
            o.out = stdinData;
        for (const auto &path : args) {
            const auto it = files.find(path);
            if (it != files.end()) {
                o.out += it->second;
            } else {
                o.err += "cat: " + path + ": No such file or directory\n";
                o.exitCode = 1;
            }
        }
    } else if (cmd == "exit") {
        o.exit = true;
        o.exitCode = args.empty() ? m_lastExit : std::atoi(args[0].c_str()) & 0xFF;
    } else {
        o.err = "sh: " + argv[0] + ": not found\n";
        o.exitCode = 127;
    }
    m_lastExit = o.exitCode;
    return o;
}

} // namespace Orrery::Sim
