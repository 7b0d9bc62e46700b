// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmreleaselist.h"

#include "util/async.h"
#include "util/jsonread.h"

#include <QCoreApplication>

namespace Orrery {

HelmReleaseList HelmReleaseList::decodePage(const QByteArray &body)
{
    return decodePage(body, Async::Token());
}

HelmReleaseList HelmReleaseList::decodePage(const QByteArray &body, const Async::Token &cancel)
{
    HelmReleaseList out;
    const nlohmann::json list = JsonRead::parse(body);
    const nlohmann::json *items = JsonRead::find(list, "items");
    if (!items || !items->is_array()) {
        out.m_errors.append(QCoreApplication::translate("Orrery::HelmReleases",
                                                        "The server sent an invalid Secret list."));
        return out;
    }
    out.m_continue = JsonRead::string(list, {"metadata", "continue"});
    QMap<QString, nlohmann::json> byNamespace;
    for (const auto &item : *items) {
        const QString ns = JsonRead::string(item, {"metadata", "namespace"});
        auto it = byNamespace.find(ns);
        if (it == byNamespace.end())
            it = byNamespace.insert(ns, nlohmann::json::array());
        it->push_back(item);
    }
    for (auto it = byNamespace.cbegin(); it != byNamespace.cend(); ++it) {
        if (cancel.isCanceled())
            break; // nobody waits for the rest
        HelmReleases releases = HelmReleases::fromSecrets(it.value());
        for (const Error &e : releases.errors())
            out.m_errors.append(e.toString());
        out.m_releases.insert(it.key(), std::move(releases));
    }
    return out;
}

void HelmReleaseList::merge(HelmReleaseList page)
{
    for (auto it = page.m_releases.begin(); it != page.m_releases.end(); ++it)
        m_releases[it.key()].merge(std::move(it.value()));
    m_errors += page.m_errors;
    m_continue = page.m_continue;
}

} // namespace Orrery
