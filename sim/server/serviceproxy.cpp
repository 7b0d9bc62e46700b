// SPDX-License-Identifier: GPL-3.0-or-later
#include "serviceproxy.h"

#include <httplib.h>

#include <cctype>

namespace Orrery::Sim {

namespace {

std::string key(const std::string &ns, const std::string &service, const std::string &port)
{
    return ns + "/" + service + ":" + port;
}

bool equalsIgnoringCase(const std::string &a, const char *b)
{
    std::size_t i = 0;
    for (; i < a.size() && b[i]; ++i)
        if (std::tolower(static_cast<unsigned char>(a[i]))
            != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return i == a.size() && !b[i];
}

// Headers that belong to one hop (RFC 9110 7.6.1) or that httplib sets itself.
bool hopByHop(const std::string &name)
{
    static const char *names[]
        = {"connection",          "keep-alive",      "proxy-connection", "te",   "trailer",
           "transfer-encoding",   "upgrade",         "content-length",   "host", "authorization",
           "proxy-authorization", "accept-encoding", "content-encoding"};
    for (const char *n : names)
        if (equalsIgnoringCase(name, n))
            return true;
    return false;
}

} // namespace

void ServiceProxy::map(const std::string &ns, const std::string &service, const std::string &port,
                       const std::string &url)
{
    std::lock_guard lock(m_mutex);
    m_targets[key(ns, service, port)] = url;
}

std::optional<std::string> ServiceProxy::target(const std::string &ns, const std::string &service,
                                                const std::string &port) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_targets.find(key(ns, service, port));
    if (it == m_targets.end())
        return std::nullopt;
    return it->second;
}

void ServiceProxy::forward(const httplib::Request &req, httplib::Response &res,
                           const std::string &target, const std::string &rest)
{
    httplib::Client client(target);
    client.set_connection_timeout(5);
    client.set_read_timeout(30);
    client.set_write_timeout(30);
    httplib::Headers headers;
    for (const auto &[name, value] : req.headers)
        if (!hopByHop(name) && name.rfind("REMOTE_", 0) != 0 && name.rfind("LOCAL_", 0) != 0)
            headers.emplace(name, value);
    std::string path = "/";
    path.append(rest);
    if (!req.params.empty()) {
        path.push_back('?');
        path.append(httplib::detail::params_to_query_str(req.params));
    }
    httplib::Request out;
    out.method = req.method;
    out.path = path;
    out.headers = headers;
    out.body = req.body;
    const std::string contentType = req.get_header_value("Content-Type");
    if (!contentType.empty())
        out.set_header("Content-Type", contentType);
    const auto answer = client.send(out);
    if (!answer) {
        res.status = 503;
        std::string message = "error trying to reach service: ";
        message.append(httplib::to_string(answer.error()));
        res.set_content(message, "text/plain; charset=utf-8");
        return;
    }
    res.status = answer->status;
    for (const auto &[name, value] : answer->headers)
        if (!hopByHop(name) && !equalsIgnoringCase(name, "content-type"))
            res.set_header(name, value);
    const std::string type = answer->has_header("Content-Type")
                                 ? answer->get_header_value("Content-Type")
                                 : std::string("text/plain");
    res.set_content(answer->body, type);
}

} // namespace Orrery::Sim
