// SPDX-License-Identifier: GPL-3.0-or-later
// One request to the simulator's API server, as cpp-httplib hands it over after parsing the
// wire format (cpp-httplib itself is a Debian library and is not fuzzed here): routing,
// query parameters (selectors, continue tokens, resourceVersion, dryRun...), JSON, YAML and
// protobuf bodies, the four patch types, Table and PartialObjectMetadata rendering.
//
// The input reads like an HTTP/1.1 request:
//   METHOD /path?query\n  Header: value\n ... \n  (blank line)  body
// One store and server serve 500 inputs in a row (building a server per input runs ~30
// inputs a second), then start over so the store does not grow without end. A finding that
// depends on objects an earlier input created replays with the inputs before it.
#include "fuzzinput.h"
#include "objectstore.h"
#include "server/apiserver.h"
#include <httplib.h>
#include <memory>
#include <string_view>

namespace {

std::string_view nextLine(std::string_view &text)
{
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    return line;
}

httplib::Request requestFrom(std::string_view text, const std::string &token)
{
    httplib::Request req;
    const std::string_view first = nextLine(text);
    const std::size_t space = first.find(' ');
    req.method = std::string(first.substr(0, space));
    std::string target
        = space == std::string_view::npos ? std::string() : std::string(first.substr(space + 1));
    if (const std::size_t version = target.find(' '); version != std::string::npos)
        target.resize(version);
    req.target = target;
    // What cpp-httplib's own parser does with the request target.
    const std::size_t query = target.find('?');
    req.path = httplib::detail::decode_url(target.substr(0, query), false);
    if (query != std::string::npos)
        httplib::detail::parse_query_text(target.substr(query + 1), req.params);
    while (!text.empty()) {
        const std::string_view line = nextLine(text);
        if (line.empty())
            break;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
        req.headers.emplace(std::string(line.substr(0, colon)), std::string(value));
    }
    req.body = std::string(text);
    if (!req.has_header("Authorization"))
        req.headers.emplace("Authorization", "Bearer " + token);
    return req;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Orrery::Sim;
    static std::unique_ptr<ObjectStore> store;
    static std::unique_ptr<ApiServer> server;
    static int served = 0;
    if (served++ % 500 == 0) {
        server.reset();
        store = std::make_unique<ObjectStore>();
        server = std::make_unique<ApiServer>(*store, ApiServerOptions());
        server->bootstrap();
    }
    return Orrery::Fuzz::run([&] {
        const httplib::Request request = requestFrom(
            std::string_view(reinterpret_cast<const char *>(data), size), server->operatorToken());
        httplib::Response response;
        server->handle(request, response);
    });
}
