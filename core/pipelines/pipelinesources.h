// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipelines/pipelineclient.h"
#include "pipelines/pipelinerun.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

class QSettings;

namespace Orrery {

class HttpTransport;
class SecretStore;

// How a run is linked to the images it produced (issue 14, "Pipeline → image → workload"):
// kept per source so the rule can differ per repository. The matching itself is the linking
// code's (s8-pipelink); here it is only stored and read back.
struct PipelineImageLink
{
    QString rule;       // "sha", "build-number", "label"; empty: the default rule
    QString repository; // the image repository the runs push to ("ghcr.io/acme/api"), if known

    bool operator==(const PipelineImageLink &) const = default;
};

// One thing the user follows: a GitHub repository, a GitLab project, a Jenkins job, with
// where its API is and how to reach it. Stored in Orrery's settings (PipelineSourceSettings):
// never a token (tokens come from GitHubCredentials' places, or live in memory for the demo).
struct PipelineSource
{
    PipelineProvider provider = PipelineProvider::GitHub;
    // "github.com", a GitHub Enterprise Server / GitLab / Jenkins host, or a full API base URL
    // ("https://127.0.0.1:8443/api/v3"); empty: github.com / gitlab.com.
    QString host;
    QString source; // "owner/repo", "group/project", "folder/job"
    QString label;  // shown instead of the source when set ("PFE (seed 000)")
    QString caFile; // a PEM file to trust for this host (self-managed servers); empty: system
    QString proxyUrl;
    PipelineImageLink imageLink;

    bool operator==(const PipelineSource &) const = default;

    // "github:github.com/acme/api": stable, unique per source (settings, command line).
    QString id() const;
    QString displayName() const { return label.isEmpty() ? source : label; }
    // The API base the client talks to ("https://api.github.com", "https://HOST/api/v3").
    QString apiBase() const;
    // Parses id(): "PROVIDER:HOST/SOURCE" (HOST without a scheme; the source may contain '/').
    static Result<PipelineSource> fromId(const QString &id);
};

// The sources in QSettings, under "pipelines/sources" (an array of provider, host, source,
// label, caFile, proxy, imageRule, imageRepository). Nothing secret is ever written there.
class PipelineSourceSettings
{
public:
    static QList<PipelineSource> read(QSettings &settings);
    static void write(QSettings &settings, const QList<PipelineSource> &sources);
};

// What connecting a source may use besides the source itself.
struct PipelineConnectOptions
{
    QByteArray caPem; // trusted instead of the source's caFile (the demo's front CA)
    QByteArray token; // in memory only (the demo's token); empty: the provider's credentials
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString ghProgram;                    // for GitHubCredentials (tests); empty: gh on PATH
    std::shared_ptr<SecretStore> secrets; // the keyring; null: none
};

// A client for one source and the transport it runs on. `client` keeps the transport alive
// (its deleter deletes both), so a PipelineConnection or just its client may be held.
struct PipelineConnection
{
    std::shared_ptr<PipelineClient> client;
    HttpTransport *transport = nullptr; // owned by `client`; for operations (audited writes)
    QString apiBase;
};

// The one place that turns a source into a PipelineClient: builds the HttpTransport (API base,
// CA, proxy, credentials) and the provider's client on it. Registration point for providers:
// connectPipelineSource() in pipelinesources.cpp has one case per provider (GitHub today;
// the GitLab and Jenkins clients plug in there), and an unregistered provider is
// Error::Code::Unsupported in words.
Result<PipelineConnection> connectPipelineSource(const PipelineSource &source,
                                                 const PipelineConnectOptions &options = {});

} // namespace Orrery
