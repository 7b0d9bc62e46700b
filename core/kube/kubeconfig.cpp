// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubeconfig.h"

#include "actions/yamljson.h"
#include "execcredentialprovider.h"
#include "staticcredentialprovider.h"
#include "tokenfilecredentialprovider.h"
#include "util/jsonread.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <algorithm>

// Debug output (merge decisions, collected errors) only when enabled with QT_LOGGING_RULES:
// errors are values the caller prints, and --list-contexts must not print them twice.
Q_LOGGING_CATEGORY(lcKubeconfig, "orrery.kubeconfig", QtInfoMsg)

namespace Orrery {

namespace Internal {
// Stateful providers (exec cache, token file cache) keyed by "user\ncluster".
struct CredentialProviderCache
{
    QMutex mutex;
    QHash<QString, std::shared_ptr<CredentialProvider>> providers;

    template <typename Make>
    std::shared_ptr<CredentialProvider> get(const QString &key, Make &&make)
    {
        QMutexLocker lock(&mutex);
        auto &slot = providers[key];
        if (!slot)
            slot = make();
        return slot;
    }
};
} // namespace Internal

namespace {

// yaml-cpp reports problems as exceptions; inside this file they are caught per entry and
// turned into Errors so that one broken entry never hides the others.
struct EntryError
{
    QString message;
    int line;
};

int lineOf(const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    return mark.is_null() ? -1 : mark.line + 1;
}

QString scalar(const YAML::Node &node, const char *field)
{
    if (!node || node.IsNull())
        return {};
    if (!node.IsScalar())
        throw EntryError{QStringLiteral("\"%1\" must be a string").arg(QLatin1String(field)),
                         lineOf(node)};
    return QString::fromStdString(node.Scalar());
}

bool boolean(const YAML::Node &node, const char *field)
{
    if (!node || node.IsNull())
        return false;
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
        throw EntryError{QStringLiteral("\"%1\" must be true or false").arg(QLatin1String(field)),
                         lineOf(node)};
    return value;
}

QStringList stringList(const YAML::Node &node, const char *field)
{
    QStringList out;
    if (!node || node.IsNull())
        return out;
    if (!node.IsSequence())
        throw EntryError{QStringLiteral("\"%1\" must be a list").arg(QLatin1String(field)),
                         lineOf(node)};
    for (const YAML::Node &item : node)
        out << scalar(item, field);
    return out;
}

QByteArray base64Data(const YAML::Node &node, const char *field)
{
    QByteArray text = scalar(node, field).toLatin1();
    // Go's base64 decoder skips line breaks, and people wrap long certificates.
    text.replace('\n', QByteArray()).replace('\r', QByteArray()).replace(' ', QByteArray());
    if (text.isEmpty())
        return {};
    const auto decoded
        = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        throw EntryError{QStringLiteral("\"%1\" is not valid base64").arg(QLatin1String(field)),
                         lineOf(node)};
    return *decoded;
}

// client-go ResolvePaths: relative paths are relative to the file that holds them.
QString resolvePath(const QString &path, const QString &baseDir)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(path));
}

KubeCluster parseCluster(const QString &name, const YAML::Node &node, const QString &baseDir)
{
    KubeCluster c;
    c.name = name;
    if (!node || node.IsNull())
        return c;
    if (!node.IsMap())
        throw EntryError{QStringLiteral("\"cluster\" must be a mapping"), lineOf(node)};
    c.server = scalar(node["server"], "server");
    c.tlsServerName = scalar(node["tls-server-name"], "tls-server-name");
    c.insecureSkipTlsVerify = boolean(node["insecure-skip-tls-verify"], "insecure-skip-tls-verify");
    c.certificateAuthority
        = resolvePath(scalar(node["certificate-authority"], "certificate-authority"), baseDir);
    c.certificateAuthorityData
        = base64Data(node["certificate-authority-data"], "certificate-authority-data");
    c.proxyUrl = scalar(node["proxy-url"], "proxy-url");
    c.disableCompression = boolean(node["disable-compression"], "disable-compression");
    if (const YAML::Node extensions = node["extensions"]; extensions && extensions.IsSequence()) {
        for (const YAML::Node &ext : extensions) {
            if (ext.IsMap()
                && scalar(ext["name"], "name")
                       == QLatin1String("client.authentication.k8s.io/exec")) {
                // Handed to the plugin as JSON (spec.cluster.config), as client-go does;
                // converted within the YAML limits (util/limits.h), like any outside YAML.
                Result<nlohmann::json> extension = YamlJson::fromNode(ext["extension"]);
                if (!extension)
                    throw EntryError{extension.error().message, extension.error().line > 0
                                                                    ? extension.error().line
                                                                    : lineOf(ext)};
                c.execExtension = std::move(*extension);
            }
        }
    }
    return c;
}

KubeExecConfig parseExec(const YAML::Node &node, const QString &baseDir)
{
    if (!node.IsMap())
        throw EntryError{QStringLiteral("\"exec\" must be a mapping"), lineOf(node)};
    KubeExecConfig e;
    e.command = scalar(node["command"], "command");
    // Only a command with a '/' is a path; a bare name is looked up on PATH.
    if (e.command.contains(QLatin1Char('/')))
        e.command = resolvePath(e.command, baseDir);
    e.args = stringList(node["args"], "args");
    if (const YAML::Node env = node["env"]; env && !env.IsNull()) {
        if (!env.IsSequence())
            throw EntryError{QStringLiteral("\"env\" must be a list"), lineOf(env)};
        for (const YAML::Node &var : env) {
            if (!var.IsMap())
                throw EntryError{QStringLiteral("\"env\" entries need name and value"),
                                 lineOf(var)};
            const QString name = scalar(var["name"], "name");
            if (name.isEmpty())
                throw EntryError{QStringLiteral("\"env\" entry without a name"), lineOf(var)};
            e.env.append({name, scalar(var["value"], "value")});
        }
    }
    e.apiVersion = scalar(node["apiVersion"], "apiVersion");
    e.installHint = scalar(node["installHint"], "installHint");
    e.provideClusterInfo = boolean(node["provideClusterInfo"], "provideClusterInfo");
    e.interactiveMode = scalar(node["interactiveMode"], "interactiveMode");
    // client-go's v1beta1 defaulting; v1 has no default and fails validation instead.
    if (e.interactiveMode.isEmpty()
        && e.apiVersion == QLatin1String("client.authentication.k8s.io/v1beta1"))
        e.interactiveMode = QStringLiteral("IfAvailable");
    return e;
}

KubeUser parseUser(const QString &name, const YAML::Node &node, const QString &baseDir)
{
    KubeUser u;
    u.name = name;
    if (!node || node.IsNull())
        return u;
    if (!node.IsMap())
        throw EntryError{QStringLiteral("\"user\" must be a mapping"), lineOf(node)};
    u.clientCertificate
        = resolvePath(scalar(node["client-certificate"], "client-certificate"), baseDir);
    u.clientCertificateData
        = base64Data(node["client-certificate-data"], "client-certificate-data");
    u.clientKey = resolvePath(scalar(node["client-key"], "client-key"), baseDir);
    u.clientKeyData = base64Data(node["client-key-data"], "client-key-data");
    u.token = scalar(node["token"], "token");
    u.tokenFile = resolvePath(scalar(node["tokenFile"], "tokenFile"), baseDir);
    u.impersonate = scalar(node["as"], "as");
    u.impersonateUid = scalar(node["as-uid"], "as-uid");
    u.impersonateGroups = stringList(node["as-groups"], "as-groups");
    if (const YAML::Node extra = node["as-user-extra"]; extra && !extra.IsNull()) {
        if (!extra.IsMap())
            throw EntryError{QStringLiteral("\"as-user-extra\" must be a mapping"), lineOf(extra)};
        for (const auto &kv : extra)
            u.impersonateUserExtra.insert(scalar(kv.first, "as-user-extra"),
                                          stringList(kv.second, "as-user-extra"));
    }
    u.username = scalar(node["username"], "username");
    u.password = scalar(node["password"], "password");
    if (const YAML::Node ap = node["auth-provider"]; ap && !ap.IsNull()) {
        if (!ap.IsMap())
            throw EntryError{QStringLiteral("\"auth-provider\" must be a mapping"), lineOf(ap)};
        KubeAuthProviderConfig config;
        config.name = scalar(ap["name"], "name");
        if (const YAML::Node cfg = ap["config"]; cfg && cfg.IsMap()) {
            for (const auto &kv : cfg)
                config.config.insert(scalar(kv.first, "config"), scalar(kv.second, "config"));
        }
        u.authProvider = config;
    }
    if (const YAML::Node exec = node["exec"]; exec && !exec.IsNull())
        u.exec = parseExec(exec, baseDir);
    return u;
}

KubeContext parseContext(const QString &name, const YAML::Node &node)
{
    KubeContext c;
    c.name = name;
    if (!node || node.IsNull())
        return c;
    if (!node.IsMap())
        throw EntryError{QStringLiteral("\"context\" must be a mapping"), lineOf(node)};
    c.clusterName = scalar(node["cluster"], "cluster");
    c.userName = scalar(node["user"], "user");
    c.namespace_ = scalar(node["namespace"], "namespace");
    return c;
}

QString errorCodeName(Error::Code code)
{
    switch (code) {
    case Error::Code::InvalidArgument: return QStringLiteral("InvalidArgument");
    case Error::Code::ParseError: return QStringLiteral("ParseError");
    case Error::Code::NotFound: return QStringLiteral("NotFound");
    case Error::Code::FileError: return QStringLiteral("FileError");
    case Error::Code::AuthError: return QStringLiteral("AuthError");
    case Error::Code::Unsupported: return QStringLiteral("Unsupported");
    case Error::Code::Tls: return QStringLiteral("Tls");
    default: return QStringLiteral("Error");
    }
}

// The exec plugin that replaced each in-tree auth provider removed in Kubernetes 1.26.
QString authProviderReplacement(const QString &name)
{
    if (name == QLatin1String("gcp"))
        return QStringLiteral("install gke-gcloud-auth-plugin (gcloud components install "
                              "gke-gcloud-auth-plugin) and run `gcloud container clusters "
                              "get-credentials` to rewrite this user as an exec plugin");
    if (name == QLatin1String("azure"))
        return QStringLiteral(
            "install kubelogin (https://azure.github.io/kubelogin) and run "
            "`kubelogin convert-kubeconfig` to rewrite this user as an exec plugin");
    if (name == QLatin1String("oidc"))
        return QStringLiteral("use an exec plugin such as kubelogin (int128/kubelogin, `kubectl "
                              "oidc-login`) instead");
    return QStringLiteral("replace it with an exec credential plugin");
}

// Reads a certificate or key the kubeconfig names; the error says which entry names it.
Result<QByteArray> readEntryFile(const QString &path, const char *field, const KubeSource &source,
                                 const QString &entry)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Error error(Error::Code::FileError,
                    QStringLiteral("cannot read %1 \"%2\": %3")
                        .arg(QLatin1String(field), path, file.errorString()),
                    entry);
        error.file = source.file;
        error.line = source.line;
        return error;
    }
    return file.readAll();
}

QString quoted(const char *kind, const QString &name)
{
    return QStringLiteral("%1 \"%2\"").arg(QLatin1String(kind), name);
}

} // namespace

Kubeconfig::Kubeconfig()
    : m_providers(std::make_shared<Internal::CredentialProviderCache>())
{
}

QStringList Kubeconfig::precedence(const QString &explicitFile)
{
    if (!explicitFile.isEmpty())
        return {QFileInfo(explicitFile).absoluteFilePath()};
    const QString env = qEnvironmentVariable("KUBECONFIG");
    if (!env.isEmpty()) {
        QStringList files;
        QSet<QString> seen;
        for (const QString &part : env.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
            // client-go de-duplicates the strings as given; we also fold "./a" and "a".
            const QString path = QFileInfo(part).absoluteFilePath();
            if (seen.contains(path))
                continue;
            seen.insert(path);
            files << path;
        }
        return files;
    }
    return {QDir::home().filePath(QStringLiteral(".kube/config"))};
}

bool Kubeconfig::anyFileExists(const QString &explicitFile)
{
    const QStringList files = precedence(explicitFile);
    return std::any_of(files.cbegin(), files.cend(),
                       [](const QString &file) { return QFileInfo::exists(file); });
}

QStringList Kubeconfig::referencedFiles() const
{
    QStringList files;
    const auto add = [&files](const QString &path) {
        if (!path.isEmpty() && !files.contains(path))
            files << path;
    };
    for (const KubeCluster &c : m_clusters)
        add(c.certificateAuthority);
    for (const KubeUser &u : m_users) {
        add(u.clientCertificate);
        add(u.clientKey);
        add(u.tokenFile);
    }
    return files;
}

QByteArray Kubeconfig::connectionFingerprint(const QString &contextName) const
{
    const auto ctx = context(contextName);
    if (!ctx)
        return {};
    // Field order is fixed; each field ends with a NUL so "ab","c" differs from "a","bc".
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](const QString &text) {
        hash.addData(text.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    };
    const auto addBytes = [&hash](const QByteArray &bytes) {
        hash.addData(QByteArray::number(bytes.size()));
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(bytes);
    };
    // A file's content as it was when this config was loaded.
    const auto addFile = [this, &add, &addBytes](const QString &path) {
        add(path);
        if (!path.isEmpty())
            addBytes(m_fileDigests.value(path));
    };
    add(ctx->name);
    add(ctx->clusterName);
    add(ctx->userName);
    add(ctx->namespace_);
    if (const auto cl = cluster(ctx->clusterName)) {
        add(QStringLiteral("cluster"));
        add(cl->server);
        add(cl->tlsServerName);
        add(cl->insecureSkipTlsVerify ? QStringLiteral("1") : QStringLiteral("0"));
        addFile(cl->certificateAuthority);
        addBytes(cl->certificateAuthorityData);
        add(cl->proxyUrl);
        add(cl->disableCompression ? QStringLiteral("1") : QStringLiteral("0"));
        hash.addData(JsonRead::dumpBytes(cl->execExtension)); // never throws on bad UTF-8
    }
    if (const auto us = user(ctx->userName)) {
        add(QStringLiteral("user"));
        addFile(us->clientCertificate);
        addBytes(us->clientCertificateData);
        addFile(us->clientKey);
        addBytes(us->clientKeyData);
        add(us->token);
        add(us->tokenFile); // the path only: TokenFileCredentialProvider re-reads the content
        add(us->impersonate);
        add(us->impersonateUid);
        add(us->impersonateGroups.join(QLatin1Char('\n')));
        for (auto it = us->impersonateUserExtra.cbegin(); it != us->impersonateUserExtra.cend();
             ++it)
            add(it.key() + QLatin1Char('=') + it.value().join(QLatin1Char(',')));
        add(us->username);
        add(us->password);
        if (us->authProvider) {
            add(us->authProvider->name);
            for (auto it = us->authProvider->config.cbegin(); it != us->authProvider->config.cend();
                 ++it)
                add(it.key() + QLatin1Char('=') + it.value());
        }
        if (us->exec) {
            add(QStringLiteral("exec"));
            add(us->exec->command);
            add(us->exec->args.join(QLatin1Char('\n')));
            for (const auto &[name, value] : us->exec->env)
                add(name + QLatin1Char('=') + value);
            add(us->exec->apiVersion);
            add(us->exec->provideClusterInfo ? QStringLiteral("1") : QStringLiteral("0"));
            add(us->exec->interactiveMode);
        }
    }
    return hash.result();
}

void Kubeconfig::digestReferencedFiles()
{
    m_fileDigests.clear();
    for (const QString &path : referencedFiles()) {
        QFile file(path);
        // Unreadable: no digest; it differs from any content read later.
        if (file.open(QIODevice::ReadOnly))
            m_fileDigests.insert(
                path, QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
}

QStringList Kubeconfig::changedContexts(const Kubeconfig &before) const
{
    QSet<QString> names;
    for (const QString &name : before.contextNames())
        names.insert(name);
    for (const QString &name : contextNames())
        names.insert(name);
    QStringList changed;
    for (const QString &name : std::as_const(names))
        if (before.connectionFingerprint(name) != connectionFingerprint(name))
            changed << name;
    changed.sort();
    return changed;
}

Kubeconfig Kubeconfig::load(const QString &explicitFile)
{
    if (explicitFile.isEmpty())
        return loadFiles(precedence());
    Kubeconfig config;
    const QString path = precedence(explicitFile).constFirst();
    if (!QFileInfo(path).isFile()) {
        Error error(Error::Code::NotFound,
                    QStringLiteral("the kubeconfig file given with --kubeconfig does not exist"));
        error.file = path;
        config.addError(std::move(error));
        return config;
    }
    config.loadFile(path);
    config.validate();
    config.digestReferencedFiles();
    return config;
}

Kubeconfig Kubeconfig::loadFiles(const QStringList &files)
{
    Kubeconfig config;
    for (const QString &file : files) {
        const QString path = QFileInfo(file).absoluteFilePath();
        if (!QFileInfo::exists(path)) {
            // kubectl skips missing KUBECONFIG entries silently; we say so, once per file.
            config.m_warnings
                << QStringLiteral("kubeconfig file \"%1\" does not exist; skipped").arg(path);
            continue;
        }
        config.loadFile(path);
    }
    config.validate();
    config.digestReferencedFiles();
    return config;
}

void Kubeconfig::addError(Error error)
{
    // Errors are values for the caller to show; logging them too would print them twice.
    qCDebug(lcKubeconfig).noquote() << error.toString();
    m_errors << std::move(error);
}

void Kubeconfig::loadFile(const QString &path)
{
    const auto fileError
        = [&](Error::Code code, const QString &message, int line = -1, const QString &entry = {}) {
              Error error(code, message, entry);
              error.file = path;
              error.line = line;
              addError(std::move(error));
          };

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fileError(Error::Code::FileError,
                  QStringLiteral("cannot read kubeconfig: %1").arg(file.errorString()));
        return;
    }
    const QByteArray content = file.readAll();

    YAML::Node root;
    try {
        root = YAML::Load(content.toStdString());
    } catch (const YAML::Exception &e) {
        // e.msg never quotes the document, so no secret leaks into the message.
        fileError(Error::Code::ParseError,
                  QStringLiteral("malformed YAML: %1").arg(QString::fromStdString(e.msg)),
                  e.mark.is_null() ? -1 : e.mark.line + 1);
        return;
    }
    if (root.IsNull()) { // an empty file is an empty config, as for kubectl
        m_sourceFiles << path;
        return;
    }
    if (!root.IsMap()) {
        fileError(Error::Code::ParseError, QStringLiteral("a kubeconfig must be a YAML mapping"),
                  lineOf(root));
        return;
    }
    m_sourceFiles << path;
    const QString baseDir = QFileInfo(path).absolutePath();

    try {
        const QString current = scalar(root["current-context"], "current-context");
        if (m_currentContext.isEmpty() && !current.isEmpty())
            m_currentContext = current;
    } catch (const EntryError &e) {
        fileError(Error::Code::ParseError, e.message, e.line);
    }

    // Each list is merged by name: the first file to define a name wins entirely.
    const auto mergeList = [&](const char *listKey, const char *itemKey, const char *kind,
                               auto &&parse, auto &list, QHash<QString, qsizetype> &index) {
        const YAML::Node seq = root[listKey];
        if (!seq || seq.IsNull())
            return;
        if (!seq.IsSequence()) {
            fileError(Error::Code::ParseError,
                      QStringLiteral("\"%1\" must be a list").arg(QLatin1String(listKey)),
                      lineOf(seq));
            return;
        }
        QSet<QString> inThisFile;
        for (const YAML::Node &item : seq) {
            QString name;
            try {
                if (!item.IsMap())
                    throw EntryError{QStringLiteral("entry of \"%1\" must be a mapping")
                                         .arg(QLatin1String(listKey)),
                                     lineOf(item)};
                name = scalar(item["name"], "name");
                if (name.isEmpty())
                    throw EntryError{
                        QStringLiteral("entry of \"%1\" has no name").arg(QLatin1String(listKey)),
                        lineOf(item)};
                if (inThisFile.contains(name)) {
                    // kubectl refuses the whole file here; we keep the first definition.
                    throw EntryError{
                        QStringLiteral("duplicate name in \"%1\"; the first definition is used")
                            .arg(QLatin1String(listKey)),
                        lineOf(item)};
                }
                inThisFile.insert(name);
                if (index.contains(name)) {
                    qCDebug(lcKubeconfig)
                        << kind << name << "in" << path << "ignored: defined by an earlier file";
                    continue;
                }
                auto entry = parse(name, item[itemKey]);
                entry.source = KubeSource{path, lineOf(item)};
                index.insert(name, list.size());
                list.append(std::move(entry));
            } catch (const EntryError &e) {
                fileError(Error::Code::ParseError, e.message, e.line,
                          name.isEmpty() ? QString() : quoted(kind, name));
            } catch (const YAML::Exception &e) {
                fileError(Error::Code::ParseError, QString::fromStdString(e.msg),
                          e.mark.is_null() ? lineOf(item) : e.mark.line + 1,
                          name.isEmpty() ? QString() : quoted(kind, name));
            }
        }
    };

    mergeList(
        "clusters", "cluster", "cluster",
        [&](const QString &n, const YAML::Node &v) { return parseCluster(n, v, baseDir); },
        m_clusters, m_clusterIndex);
    mergeList(
        "users", "user", "user",
        [&](const QString &n, const YAML::Node &v) { return parseUser(n, v, baseDir); }, m_users,
        m_userIndex);
    mergeList(
        "contexts", "context", "context",
        [&](const QString &n, const YAML::Node &v) { return parseContext(n, v); }, m_contexts,
        m_contextIndex);
}

void Kubeconfig::validate()
{
    const auto entryError = [&](Error::Code code, const QString &message, const KubeSource &source,
                                const QString &entry) {
        Error error(code, message, entry);
        error.file = source.file;
        error.line = source.line;
        addError(std::move(error));
    };
    static const QRegularExpression dnsLabel(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));

    for (const KubeContext &c : std::as_const(m_contexts)) {
        const QString entry = quoted("context", c.name);
        if (!c.clusterName.isEmpty() && !m_clusterIndex.contains(c.clusterName))
            entryError(Error::Code::NotFound,
                       QStringLiteral("cluster \"%1\" is not defined in any kubeconfig file")
                           .arg(c.clusterName),
                       c.source, entry);
        if (!c.userName.isEmpty() && !m_userIndex.contains(c.userName))
            entryError(
                Error::Code::NotFound,
                QStringLiteral("user \"%1\" is not defined in any kubeconfig file").arg(c.userName),
                c.source, entry);
        if (!c.namespace_.isEmpty()
            && (c.namespace_.size() > 63 || !dnsLabel.match(c.namespace_).hasMatch()))
            entryError(
                Error::Code::InvalidArgument,
                QStringLiteral("namespace \"%1\" is not a valid DNS label").arg(c.namespace_),
                c.source, entry);
    }
    if (!m_currentContext.isEmpty() && !m_contextIndex.contains(m_currentContext))
        m_warnings << QStringLiteral("current-context \"%1\" is not defined").arg(m_currentContext);

    for (const KubeCluster &c : std::as_const(m_clusters)) {
        const QString entry = quoted("cluster", c.name);
        if (!c.certificateAuthority.isEmpty()) {
            const auto read
                = readEntryFile(c.certificateAuthority, "certificate-authority", c.source, entry);
            if (!read.ok())
                addError(read.error());
        }
        if (c.insecureSkipTlsVerify)
            m_warnings << QStringLiteral(
                              "%1: TLS verification is disabled (insecure-skip-tls-verify)")
                              .arg(entry);
    }
    for (const KubeUser &u : std::as_const(m_users)) {
        const QString entry = quoted("user", u.name);
        for (const auto &[path, field] :
             {std::pair{u.clientCertificate, "client-certificate"},
              std::pair{u.clientKey, "client-key"}, std::pair{u.tokenFile, "tokenFile"}}) {
            if (path.isEmpty())
                continue;
            const auto read = readEntryFile(path, field, u.source, entry);
            if (!read.ok())
                addError(read.error());
        }
        if (u.exec) {
            if (auto problem = ExecCredentialProvider::validate(*u.exec))
                entryError(Error::Code::InvalidArgument, *problem, u.source, entry);
        }
        if (u.authProvider)
            m_warnings << QStringLiteral("%1: the legacy auth-provider \"%2\" is not supported; %3")
                              .arg(entry, u.authProvider->name,
                                   authProviderReplacement(u.authProvider->name));
    }
}

QStringList Kubeconfig::contextNames() const
{
    QStringList names;
    for (const KubeContext &c : m_contexts)
        names << c.name;
    return names;
}

QStringList Kubeconfig::clusterNames() const
{
    QStringList names;
    for (const KubeCluster &c : m_clusters)
        names << c.name;
    return names;
}

QStringList Kubeconfig::userNames() const
{
    QStringList names;
    for (const KubeUser &u : m_users)
        names << u.name;
    return names;
}

std::optional<KubeContext> Kubeconfig::context(const QString &name) const
{
    const auto it = m_contextIndex.constFind(name);
    return it == m_contextIndex.cend() ? std::nullopt : std::optional(m_contexts.at(*it));
}

std::optional<KubeCluster> Kubeconfig::cluster(const QString &name) const
{
    const auto it = m_clusterIndex.constFind(name);
    return it == m_clusterIndex.cend() ? std::nullopt : std::optional(m_clusters.at(*it));
}

std::optional<KubeUser> Kubeconfig::user(const QString &name) const
{
    const auto it = m_userIndex.constFind(name);
    return it == m_userIndex.cend() ? std::nullopt : std::optional(m_users.at(*it));
}

std::optional<ClusterIdentity> Kubeconfig::clusterIdentity(const QString &contextName) const
{
    const auto ctx = context(contextName);
    if (!ctx)
        return std::nullopt;
    const auto cl = cluster(ctx->clusterName);
    if (!cl)
        return std::nullopt;
    QByteArray ca = cl->certificateAuthorityData;
    if (ca.isEmpty() && !cl->certificateAuthority.isEmpty()) {
        if (auto read = readEntryFile(cl->certificateAuthority, "certificate-authority", cl->source,
                                      QString()))
            ca = std::move(read).value();
    }
    const ClusterIdentity identity = ClusterIdentity::of(cl->server, ca);
    if (!identity.isValid())
        return std::nullopt;
    return identity;
}

Result<ClusterConnection> Kubeconfig::connection(const QString &contextName) const
{
    const auto ctx = context(contextName);
    if (!ctx) {
        Error error(
            Error::Code::NotFound,
            QStringLiteral("context \"%1\" is not defined in the kubeconfig").arg(contextName));
        if (!m_contexts.isEmpty())
            error.hint = QStringLiteral("known contexts: %1")
                             .arg(contextNames().join(QStringLiteral(", ")));
        return error;
    }
    const QString ctxEntry = quoted("context", ctx->name);
    const auto at = [](Error error, const KubeSource &source) {
        error.file = source.file;
        error.line = source.line;
        return error;
    };

    if (ctx->clusterName.isEmpty())
        return at(Error(Error::Code::InvalidArgument, QStringLiteral("no cluster is specified"),
                        ctxEntry),
                  ctx->source);
    const auto cl = cluster(ctx->clusterName);
    if (!cl)
        return at(Error(Error::Code::NotFound,
                        QStringLiteral("cluster \"%1\" is not defined in any kubeconfig file")
                            .arg(ctx->clusterName),
                        ctxEntry),
                  ctx->source);
    const QString clEntry = quoted("cluster", cl->name);
    if (cl->server.isEmpty())
        return at(
            Error(Error::Code::InvalidArgument, QStringLiteral("no server is specified"), clEntry),
            cl->source);

    ClusterConnection conn;
    conn.contextName = ctx->name;
    conn.clusterName = cl->name;
    conn.userName = ctx->userName;
    conn.server = cl->server;
    conn.defaultNamespace = ctx->namespace_.isEmpty() ? QStringLiteral("default") : ctx->namespace_;
    conn.tlsServerName = cl->tlsServerName;
    conn.insecureSkipTlsVerify = cl->insecureSkipTlsVerify;
    conn.proxyUrl = cl->proxyUrl;
    conn.disableCompression = cl->disableCompression;
    if (!cl->certificateAuthorityData.isEmpty()) {
        conn.certificateAuthorityPem = cl->certificateAuthorityData;
        if (!cl->certificateAuthority.isEmpty())
            conn.warnings << QStringLiteral(
                                 "%1: certificate-authority-data overrides certificate-authority")
                                 .arg(clEntry);
    } else if (!cl->certificateAuthority.isEmpty()) {
        auto ca
            = readEntryFile(cl->certificateAuthority, "certificate-authority", cl->source, clEntry);
        if (!ca.ok())
            return ca.error();
        conn.certificateAuthorityPem = std::move(ca).value();
    }
    if (cl->insecureSkipTlsVerify)
        conn.warnings << QStringLiteral(
                             "TLS verification is disabled for cluster \"%1\"; the server's "
                             "identity is not checked")
                             .arg(cl->name);

    if (ctx->userName.isEmpty()) {
        conn.credentials
            = std::make_shared<StaticCredentialProvider>(Credential(), QStringLiteral("none"));
        return conn;
    }
    const auto us = user(ctx->userName);
    if (!us)
        return at(Error(Error::Code::NotFound,
                        QStringLiteral("user \"%1\" is not defined in any kubeconfig file")
                            .arg(ctx->userName),
                        ctxEntry),
                  ctx->source);
    const QString usEntry = quoted("user", us->name);
    conn.impersonateUser = us->impersonate;
    conn.impersonateUid = us->impersonateUid;
    conn.impersonateGroups = us->impersonateGroups;
    conn.impersonateUserExtra = us->impersonateUserExtra;

    if (us->authProvider) {
        Error error(
            Error::Code::Unsupported,
            QStringLiteral("the legacy auth-provider \"%1\" was removed from Kubernetes clients "
                           "and is not supported")
                .arg(us->authProvider->name),
            usEntry);
        error.hint = authProviderReplacement(us->authProvider->name);
        return at(error, us->source);
    }
    if (us->exec) {
        if (auto problem = ExecCredentialProvider::validate(*us->exec))
            return at(Error(Error::Code::InvalidArgument, *problem, usEntry), us->source);
        ExecCredentialProvider::Options options;
        options.contextLabel = usEntry;
        const nlohmann::json info = ExecCredentialProvider::clusterInfo(conn, cl->execExtension);
        conn.credentials = m_providers->get(us->name + QLatin1Char('\n') + cl->name, [&] {
            return std::make_shared<ExecCredentialProvider>(*us->exec, info, options);
        });
        return conn;
    }

    const bool hasToken = !us->token.isEmpty() || !us->tokenFile.isEmpty();
    const bool hasBasic = !us->username.isEmpty() || !us->password.isEmpty();
    if (hasToken && hasBasic)
        return at(Error(Error::Code::InvalidArgument,
                        QStringLiteral("more than one authentication method found (token and basic "
                                       "auth); only one is allowed"),
                        usEntry),
                  us->source);

    Credential base;
    if (us->hasClientCertificate()) {
        if (!us->clientCertificateData.isEmpty()) {
            base.clientCertPem = us->clientCertificateData;
        } else {
            auto cert
                = readEntryFile(us->clientCertificate, "client-certificate", us->source, usEntry);
            if (!cert.ok())
                return cert.error();
            base.clientCertPem = std::move(cert).value();
        }
        if (!us->clientKeyData.isEmpty()) {
            base.clientKeyPem = us->clientKeyData;
        } else if (!us->clientKey.isEmpty()) {
            auto key = readEntryFile(us->clientKey, "client-key", us->source, usEntry);
            if (!key.ok())
                return key.error();
            base.clientKeyPem = std::move(key).value();
        } else {
            return at(Error(Error::Code::InvalidArgument,
                            QStringLiteral("client-certificate is set but client-key is not"),
                            usEntry),
                      us->source);
        }
    } else if (!us->clientKey.isEmpty() || !us->clientKeyData.isEmpty()) {
        return at(Error(Error::Code::InvalidArgument,
                        QStringLiteral("client-key is set but client-certificate is not"), usEntry),
                  us->source);
    }

    if (!us->tokenFile.isEmpty()) {
        if (!us->token.isEmpty())
            conn.warnings << QStringLiteral(
                                 "%1: both token and tokenFile are set; the file is used")
                                 .arg(usEntry);
        conn.credentials = m_providers->get(us->name + QLatin1Char('\n') + cl->name, [&] {
            return std::make_shared<TokenFileCredentialProvider>(us->tokenFile, base);
        });
        return conn;
    }
    if (!us->token.isEmpty()) {
        base.bearerToken = us->token.toUtf8();
        conn.credentials
            = std::make_shared<StaticCredentialProvider>(base, QStringLiteral("token"));
        return conn;
    }
    if (hasBasic) {
        base.username = us->username;
        base.password = us->password;
        conn.credentials
            = std::make_shared<StaticCredentialProvider>(base, QStringLiteral("basic"));
        return conn;
    }
    conn.credentials = std::make_shared<StaticCredentialProvider>(
        base, base.clientCertPem.isEmpty() ? QStringLiteral("none")
                                           : QStringLiteral("clientCertificate"));
    return conn;
}

nlohmann::json Kubeconfig::listContextsJson() const
{
    nlohmann::json contexts = nlohmann::json::array();
    for (const KubeContext &c : m_contexts) {
        const auto cl = cluster(c.clusterName);
        const auto us = user(c.userName);
        contexts.push_back({{"name", c.name.toStdString()},
                            {"cluster", c.clusterName.toStdString()},
                            {"server", cl ? cl->server.toStdString() : std::string()},
                            {"user", c.userName.toStdString()},
                            {"namespace", c.namespace_.toStdString()},
                            {"authKind", us ? us->authKind().toStdString() : std::string("none")}});
    }
    nlohmann::json errors = nlohmann::json::array();
    for (const Error &e : m_errors) {
        nlohmann::json item = {{"code", errorCodeName(e.code).toStdString()},
                               {"message", e.toString().toStdString()}};
        if (!e.file.isEmpty())
            item["file"] = e.file.toStdString();
        if (e.line > 0)
            item["line"] = e.line;
        if (!e.context.isEmpty())
            item["entry"] = e.context.toStdString();
        errors.push_back(std::move(item));
    }
    nlohmann::json warnings = nlohmann::json::array();
    for (const QString &w : m_warnings)
        warnings.push_back(w.toStdString());
    nlohmann::json files = nlohmann::json::array();
    for (const QString &f : m_sourceFiles)
        files.push_back(f.toStdString());
    return {{"current-context", m_currentContext.toStdString()},
            {"contexts", std::move(contexts)},
            {"errors", std::move(errors)},
            {"warnings", std::move(warnings)},
            {"sourceFiles", std::move(files)}};
}

} // namespace Orrery
