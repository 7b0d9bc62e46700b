// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorpresenter.h"

#include <messageoverlay.h>

#include <QLabel>

namespace Orrery {

ErrorPresenter::ErrorPresenter(QLabel *statusLabel, QObject *parent)
    : QObject(parent)
    , m_status(statusLabel)
{
}

QString ErrorPresenter::title(const Error &error, const QString &what)
{
    switch (error.code) {
    case Error::Code::Forbidden: return tr("You may not list %1 here").arg(what);
    case Error::Code::AuthError: return tr("The cluster rejected your credentials");
    case Error::Code::Network: return tr("The cluster cannot be reached");
    case Error::Code::Timeout: return tr("The cluster does not answer");
    case Error::Code::Tls:
        return tr("The cluster's certificate is not the one the kubeconfig trusts");
    case Error::Code::NotFound:
    case Error::Code::Unsupported: return tr("This cluster does not serve %1").arg(what);
    case Error::Code::ServerError: return tr("The API server reported an error");
    default: return tr("%1 cannot be loaded").arg(what);
    }
}

QString ErrorPresenter::fix(const Error &error, const QString &what)
{
    QString text;
    switch (error.code) {
    case Error::Code::Forbidden:
        text = tr("Your account lacks the \"list\" and \"watch\" permissions for %1. Ask a cluster "
                  "administrator for them, or check with: kubectl auth can-i list %1")
                   .arg(what);
        break;
    case Error::Code::AuthError:
        text = tr("Your login may have expired. Log in again with your cloud or SSO tool "
                  "(for example \"aws sso login\" or \"gcloud auth login\"), then choose "
                  "Reconnect.");
        break;
    case Error::Code::Network:
    case Error::Code::Timeout:
        text = tr("Check your network or VPN connection and that the server address in the "
                  "kubeconfig is right. Orrery keeps retrying.");
        break;
    case Error::Code::Tls:
        // The network is fine; the certificates are not. Usually the cluster's CA or the
        // client certificate was rotated and the kubeconfig is out of date.
        text = tr("The server's certificate changed or the kubeconfig's certificate authority "
                  "or client certificate is out of date. Refresh the credentials (for example "
                  "\"aws eks update-kubeconfig\" or \"az aks get-credentials\"): Orrery reloads "
                  "the kubeconfig when it changes. If the certificate changed unexpectedly, "
                  "check with your cluster administrator before trusting it.");
        break;
    case Error::Code::NotFound:
    case Error::Code::Unsupported:
        text = tr("The API group is not installed or is disabled on this cluster.");
        break;
    case Error::Code::TooLarge:
        text = tr("One page of %1 is larger than Orrery accepts, so it stopped loading them "
                  "instead of downloading the same page again. Listing fewer at a time helps: a "
                  "smaller page size or one namespace at a time (try: kubectl get %1 "
                  "--chunk-size=50 -n NAMESPACE). Choose Reconnect to try again.")
                   .arg(what);
        break;
    default: text = tr("Orrery keeps retrying."); break;
    }
    const QString detail
        = error.hint.isEmpty() ? error.message : error.message + QStringLiteral(" — ") + error.hint;
    return text + QStringLiteral("\n\n") + tr("Details: %1").arg(detail);
}

void ErrorPresenter::showInOverlay(MessageOverlay *overlay, const Error &error, const QString &what,
                                   const QString &action)
{
    overlay->showMessage(MessageOverlay::Severity::Error, title(error, what), fix(error, what),
                         action);
}

void ErrorPresenter::showStatus(const QString &text)
{
    m_status->setText(text);
}

void ErrorPresenter::showContextStatus(const QString &context, const QString &text)
{
    if (context.isEmpty()) {
        showStatus(text);
        return;
    }
    m_contextStatus.insert(context, text);
    if (context == m_activeContext)
        showStatus(text);
}

void ErrorPresenter::setActiveContext(const QString &context)
{
    if (context == m_activeContext)
        return;
    m_activeContext = context;
    // Nothing said about another context stays on screen.
    showStatus(m_contextStatus.value(context));
}

void ErrorPresenter::showReloading(const QString &contextName, const QString &why)
{
    showStatus(tr("Reloading %1: %2.").arg(contextName, why));
}

void ErrorPresenter::showReloadingAll(const QString &why)
{
    showStatus(tr("Reloading all clusters: %1.").arg(why));
}

void ErrorPresenter::showObjectGone(Kind kind, const QString &name)
{
    showStatus(tr("%1 %2 is not in the cluster (any more).").arg(kindName(kind), name));
}

} // namespace Orrery
