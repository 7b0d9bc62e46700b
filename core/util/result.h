// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Orrery {

// What went wrong, as a value. Errors never cross signals or the event loop as exceptions:
// yaml-cpp, nlohmann and curl failures are caught at the core boundary and become an Error.
// `message` is plain English for logs and the CLI; the UI maps `code` to translated text and
// may show `message` as detail. Never put a token, key, password or Secret value in it.
struct Error
{
    enum class Code {
        Unknown,
        InvalidArgument, // bad input from the user (a flag, a file name)
        ParseError,      // malformed YAML or JSON; `file` and `line` say where when known
        NotFound,        // a file, context, cluster, user or API object that does not exist
        FileError,       // unreadable or unwritable file
        AuthError,       // credentials missing, rejected (401) or a plugin that failed
        Forbidden,       // 403 from the API server
        Network,         // connection refused, DNS, TLS handshake, reset
        Timeout,         // no answer in time, or a silent watch
        Expired,         // 410 Gone/Expired: the resourceVersion left the server's window
        Conflict,        // 409
        TooManyRequests, // 429
        ServerError,     // 5xx
        Unsupported,     // e.g. a legacy auth-provider, an API group the server lacks
        Cancelled,
        TooLarge, // input beyond one of the limits of util/limits.h; `message` names it
        Tls,      // the TLS handshake failed: the server's certificate is not the one the
                  // kubeconfig trusts (rotated, changed), or the client certificate is refused
    };

    Code code = Code::Unknown;
    QString message; // what happened, in one sentence
    QString context; // which entry or object: "context \"prod\"", "pods in kube-system"
    QString file;    // file the error refers to, when any
    int line = -1;   // 1-based line in `file`, when known
    int httpStatus = 0;
    int retryAfterMs = 0; // the server asked to wait this long before retrying (429, 5xx)
    QString hint;         // how to fix it, when we know

    Error() = default;
    Error(Code c, QString msg, QString ctx = {})
        : code(c)
        , message(std::move(msg))
        , context(std::move(ctx))
    {
    }

    // "file:line: context: message (hint)" with the parts that are set.
    QString toString() const
    {
        QString out;
        if (!file.isEmpty()) {
            out += file;
            if (line > 0)
                out += QLatin1Char(':') + QString::number(line);
            out += QLatin1String(": ");
        }
        if (!context.isEmpty())
            out += context + QLatin1String(": ");
        out += message;
        if (!hint.isEmpty())
            out += QLatin1String(" (") + hint + QLatin1Char(')');
        return out;
    }
};

// A value or an Error, in the spirit of std::expected (C++23, not in our C++20 toolchain).
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace Orrery
