// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusterconnection.h"
#include "kubeconfigentries.h"

#include <QMutex>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace Orrery {

class PluginProcessRegistry;

// Runs a client-go exec credential plugin (client.authentication.k8s.io/v1 or v1beta1) and
// caches what it returns until its expirationTimestamp (forever without one), as client-go
// plugin/pkg/client/auth/exec does:
//  - KUBERNETES_EXEC_INFO = {"apiVersion", "kind": "ExecCredential", "spec": {"interactive",
//    "cluster" (only with provideClusterInfo)}}; environment = ours + exec.env;
//  - stdin is handed over only when interactive (a terminal and interactiveMode allows it);
//  - the output must carry the configured apiVersion and a status with a token or a
//    certificate and key pair.
// Thread-safe: a mutex serialises plugin runs, so concurrent callers share one run.
// credential() blocks while the plugin runs: never call it on the GUI thread.
class ExecCredentialProvider final : public CredentialProvider
{
public:
    struct Options
    {
        QStringList searchPath;                    // empty: LoginShellPath::searchPath()
        int timeoutMs = 120000;                    // a plugin may open a browser for a login
        std::optional<bool> stdinIsTerminal;       // unset: isatty(0)
        QString contextLabel;                      // "user \"alice\"" in errors
        PluginProcessRegistry *registry = nullptr; // null: PluginProcessRegistry::global()
    };

    // clusterInfo: the spec.cluster object (see clusterInfo()); used only with provideClusterInfo.
    ExecCredentialProvider(KubeExecConfig config, nlohmann::json clusterInfo, Options options);
    ExecCredentialProvider(KubeExecConfig config, nlohmann::json clusterInfo = {});

    Result<Credential> credential() override;
    // The cached credential while it is valid; std::nullopt when the plugin must (or does) run.
    std::optional<Result<Credential>> credentialIfReady() override;
    void reportUnauthorized(const Credential &used) override;
    QString authKind() const override { return QStringLiteral("exec"); }

    // How many times the plugin was started (for diagnostics and tests).
    int runCount() const;

    // ExecCredential spec.cluster for a connection (client-go ConfigToExecCluster).
    static nlohmann::json clusterInfo(const ClusterConnection &connection,
                                      const nlohmann::json &execExtension);

    // A problem with the exec stanza itself (unknown apiVersion, interactiveMode missing for
    // v1 or invalid, empty command); checked when the kubeconfig loads.
    static std::optional<QString> validate(const KubeExecConfig &config);

    // Parses and validates the plugin's stdout. Messages never quote the output (it holds
    // the credential).
    static Result<Credential> parseOutput(const QByteArray &output, const QString &apiVersion);

private:
    Result<Credential> run();
    Error makeError(Error::Code code, const QString &message) const;
    QString resolveCommand() const;
    QStringList searchPath() const; // absolute entries only

    const KubeExecConfig m_config;
    const nlohmann::json m_clusterInfo;
    const Options m_options;

    mutable QMutex m_mutex;
    std::optional<Credential> m_cached;
    int m_runs = 0;
};

} // namespace Orrery
