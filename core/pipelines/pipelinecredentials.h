// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/clusterconnection.h"
#include "util/result.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

namespace Orrery {

class SecretStore;

// Where the GitLab and Jenkins credentials come from: where the user already keeps them,
// never Orrery's settings (docs/pipelines.md). Nothing here logs, and no Error carries a
// token: errors name the variable or file that was looked at.
//  - GitLab: GITLAB_TOKEN (then GITLAB_ACCESS_TOKEN, OAUTH_TOKEN, as glab reads them), else
//    glab's config (GLAB_CONFIG_DIR, else $XDG_CONFIG_HOME/glab-cli, else
//    ~/.config/glab-cli; config.yml: hosts.<host>.token). A glab that keeps its token in the
//    system keyring writes no token there: that is NotFound, with a hint.
//  - Jenkins: JENKINS_USER_ID and JENKINS_API_TOKEN (the names the Jenkins CLI reads), as
//    HTTP Basic credentials for a StaticCredentialProvider.
//  - Then, for both, a token the user typed, kept in the system keyring (`store`, a
//    SecretStore; may be null): key "gitlab:HOST" holds the token, "jenkins:HOST" holds
//    "USER:API-TOKEN". Reading the keyring may block: call these off the GUI thread.
class PipelineCredentials
{
public:
    static constexpr qint64 MaxConfigBytes = 1024 * 1024;

    // The token for GitLab at `host` ("gitlab.com", "gitlab.example.com:8443").
    static Result<QByteArray> gitlabToken(const QString &host, const QProcessEnvironment &env,
                                          SecretStore *store = nullptr);
    // glab's config file for `env` (it may not exist).
    static QString glabConfigPath(const QProcessEnvironment &env);
    // The token of `host` in glab's config text (hosts.<host>.token); NotFound when absent.
    static Result<QByteArray> glabToken(const QByteArray &config, const QString &host,
                                        const QString &fileName = {});
    // The API base for a GitLab host: "https://HOST/api/v4" (glab's api_protocol and
    // api_host for that host when its config says them).
    static QString gitlabApiBase(const QString &host, const QProcessEnvironment &env);

    static Result<Credential> jenkins(const QProcessEnvironment &env, const QString &host = {},
                                      SecretStore *store = nullptr);
    // The keyring keys ("gitlab:gitlab.com", "jenkins:ci.example.com").
    static QString gitlabKey(const QString &host);
    static QString jenkinsKey(const QString &host);
};

} // namespace Orrery
