// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagereference.h"

#include <cctype>

namespace Orrery::Sim {

namespace {

bool lowerAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// [a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*
bool validComponent(const std::string &s)
{
    if (s.empty() || !lowerAlnum(s.front()) || !lowerAlnum(s.back()))
        return false;
    for (std::size_t i = 0; i < s.size();) {
        if (lowerAlnum(s[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && !lowerAlnum(s[j]))
            ++j;
        const std::string sep = s.substr(i, j - i);
        const bool dashes = sep.find_first_not_of('-') == std::string::npos;
        if (!(sep == "." || sep == "_" || sep == "__" || dashes))
            return false;
        i = j;
    }
    return true;
}

// host[:port]: DNS labels of [A-Za-z0-9-] separated by dots, an optional numeric port.
bool validDomain(const std::string &s)
{
    const auto colon = s.find(':');
    const std::string host = s.substr(0, colon);
    if (host.empty())
        return false;
    if (colon != std::string::npos) {
        const std::string port = s.substr(colon + 1);
        if (port.empty() || port.size() > 5
            || port.find_first_not_of("0123456789") != std::string::npos)
            return false;
    }
    std::size_t start = 0;
    while (start <= host.size()) {
        const auto dot = host.find('.', start);
        const std::string label
            = host.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (label.empty() || label.front() == '-' || label.back() == '-')
            return false;
        for (char c : label) {
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-')
                return false;
        }
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    return true;
}

bool validTag(const std::string &s)
{
    if (s.empty() || s.size() > 128)
        return false;
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    if (!word(s.front()))
        return false;
    for (char c : s) {
        if (!word(c) && c != '.' && c != '-')
            return false;
    }
    return true;
}

bool validDigest(const std::string &s)
{
    const std::string prefix = "sha256:";
    if (s.size() != prefix.size() + 64 || s.compare(0, prefix.size(), prefix) != 0)
        return false;
    return s.find_first_not_of("0123456789abcdef", prefix.size()) == std::string::npos;
}

} // namespace

std::string ImageReference::str() const
{
    std::string s = name();
    if (!tag.empty())
        s += ":" + tag;
    if (!digest.empty())
        s += "@" + digest;
    return s;
}

std::optional<ImageReference> ImageReference::parse(const std::string &reference)
{
    if (reference.empty() || reference.size() > 4096)
        return std::nullopt;
    ImageReference ref;
    std::string rest = reference;
    if (const auto at = rest.find('@'); at != std::string::npos) {
        ref.digest = rest.substr(at + 1);
        rest.erase(at);
        if (!validDigest(ref.digest))
            return std::nullopt;
    }
    const auto lastSlash = rest.rfind('/');
    if (const auto colon = rest.rfind(':');
        colon != std::string::npos && (lastSlash == std::string::npos || colon > lastSlash)) {
        ref.tag = rest.substr(colon + 1);
        rest.erase(colon);
        if (!validTag(ref.tag))
            return std::nullopt;
    }
    if (rest.empty())
        return std::nullopt;

    const auto firstSlash = rest.find('/');
    std::string path = rest;
    ref.domain = "docker.io";
    if (firstSlash != std::string::npos) {
        const std::string first = rest.substr(0, firstSlash);
        if (first.find_first_of(".:") != std::string::npos || first == "localhost") {
            ref.domain = first;
            path = rest.substr(firstSlash + 1);
            if (!validDomain(ref.domain))
                return std::nullopt;
        } else {
            for (char c : first) {
                if (std::isupper(static_cast<unsigned char>(c)))
                    return std::nullopt; // not a host, and repository names are lowercase
            }
        }
    }
    if (ref.domain == "index.docker.io" || ref.domain == "registry-1.docker.io")
        ref.domain = "docker.io";
    if (ref.domain == "docker.io" && path.find('/') == std::string::npos)
        path = "library/" + path;
    if (path.size() > 255)
        return std::nullopt;
    std::size_t start = 0;
    while (true) {
        const auto slash = path.find('/', start);
        if (!validComponent(
                path.substr(start, slash == std::string::npos ? std::string::npos : slash - start)))
            return std::nullopt;
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    ref.repository = path;
    if (ref.tag.empty() && ref.digest.empty())
        ref.tag = "latest";
    return ref;
}

} // namespace Orrery::Sim
