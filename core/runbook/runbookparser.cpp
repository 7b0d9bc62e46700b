// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbookparser.h"

#include "kube/kubekind.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::RunbookParser", text);
}

struct StepError
{
    QString message;
    int line;
};

int lineOf(const YAML::Node &node)
{
    return node.Mark().is_null() ? 0 : node.Mark().line + 1;
}

struct TypeName
{
    RunbookStep::Type type;
    const char *name;
};

constexpr TypeName s_types[] = {
    {RunbookStep::Type::Caption, "caption"},
    {RunbookStep::Type::Scale, "scale"},
    {RunbookStep::Type::SetImage, "setImage"},
    {RunbookStep::Type::Apply, "apply"},
    {RunbookStep::Type::Restart, "restart"},
    {RunbookStep::Type::Rollback, "rollback"},
    {RunbookStep::Type::HelmRollback, "helmRollback"},
    {RunbookStep::Type::WaitForRollout, "waitForRollout"},
    {RunbookStep::Type::Wait, "wait"},
    {RunbookStep::Type::SetLoad, "setLoad"},
    {RunbookStep::Type::Show, "show"},
};

QString scalar(const YAML::Node &node)
{
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

// What a "show" step's view is about: a workload as the other steps take it, an HPA or a pod
// ("hpa/web", "pod/web-0"; kubectl's TYPE/NAME, short names too).
void showTarget(RunbookStep &step, const QString &t, const QString &stepName, int line)
{
    const QString kind = t.section(QLatin1Char('/'), 0, 0);
    const QString name = t.section(QLatin1Char('/'), 1);
    std::optional<Kind> found = kindFromName(kind);
    if (!found)
        found = kindFromName(kind + QLatin1Char('s'));
    if (!found && kind.compare(QLatin1String("hpa"), Qt::CaseInsensitive) == 0)
        found = Kind::HorizontalPodAutoscaler;
    if (!found && kind.compare(QLatin1String("deploy"), Qt::CaseInsensitive) == 0)
        found = Kind::Deployment;
    if (name.isEmpty() || name.size() > 253 || name.contains(QLatin1Char('/')) || !found
        || (*found != Kind::Deployment && *found != Kind::StatefulSet && *found != Kind::DaemonSet
            && *found != Kind::ReplicaSet && *found != Kind::HorizontalPodAutoscaler
            && *found != Kind::Pod))
        throw StepError{tr("target \"%1\" of step \"%2\" must look like deployment/NAME, "
                           "statefulset/NAME, daemonset/NAME, hpa/NAME or pod/NAME")
                            .arg(t, stepName),
                        line};
    step.targetKind = kindName(*found);
    step.targetName = name;
}

// Reads the step's fields; throws StepError for missing or malformed ones.
class Fields
{
public:
    Fields(const YAML::Node &map, const QString &step, int stepLine)
        : m_map(map)
        , m_step(step)
        , m_stepLine(stepLine)
    {
    }

    QString string(const char *key, bool required) const
    {
        const YAML::Node v = m_map[key];
        if (!v) {
            if (required)
                throw StepError{tr("step \"%1\" needs \"%2\"").arg(m_step, QLatin1String(key)),
                                m_stepLine};
            return {};
        }
        if (!v.IsScalar())
            throw StepError{
                tr("\"%1\" of step \"%2\" must be a single value").arg(QLatin1String(key), m_step),
                lineOf(v)};
        return scalar(v);
    }

    int integer(const char *key, bool required, int fallback, int min, int max) const
    {
        const QString s = string(key, required);
        if (s.isEmpty())
            return fallback;
        bool ok = false;
        const int v = s.toInt(&ok);
        if (!ok || v < min || v > max)
            throw StepError{tr("\"%1\" of step \"%2\" must be a whole number from %3 to %4")
                                .arg(QLatin1String(key), m_step)
                                .arg(min)
                                .arg(max),
                            lineOf(m_map[key])};
        return v;
    }

    bool boolean(const char *key) const
    {
        const QString s = string(key, false);
        if (s.isEmpty())
            return false;
        if (s == QLatin1String("true"))
            return true;
        if (s == QLatin1String("false"))
            return false;
        throw StepError{
            tr("\"%1\" of step \"%2\" must be true or false").arg(QLatin1String(key), m_step),
            lineOf(m_map[key])};
    }

    // "deployment/web", "statefulset/db" (kubectl's TYPE/NAME).
    void target(RunbookStep &step) const
    {
        const QString t = string("target", true);
        if (step.type == RunbookStep::Type::Show) {
            showTarget(step, t, m_step, lineOf(m_map["target"]));
            return;
        }
        const QString kind = t.section(QLatin1Char('/'), 0, 0);
        const QString name = t.section(QLatin1Char('/'), 1);
        const std::optional<Kind> k = kindFromName(kind);
        const std::optional<Kind> plural = kindFromName(kind + QLatin1Char('s'));
        const std::optional<Kind> found = k ? k : plural;
        if (name.isEmpty() || name.contains(QLatin1Char('/')) || !found
            || (*found != Kind::Deployment && *found != Kind::StatefulSet
                && *found != Kind::DaemonSet && *found != Kind::ReplicaSet))
            throw StepError{tr("target \"%1\" of step \"%2\" must look like deployment/NAME, "
                               "statefulset/NAME or daemonset/NAME")
                                .arg(t, m_step),
                            lineOf(m_map["target"])};
        step.targetKind = kindName(*found);
        step.targetName = name;
    }

    void onlyKnown(std::initializer_list<const char *> keys) const
    {
        for (const auto &item : m_map) {
            const std::string key = item.first.Scalar();
            bool known = false;
            for (const char *k : keys)
                known = known || key == k;
            if (!known)
                throw StepError{
                    tr("step \"%1\" has no field \"%2\"").arg(m_step, QString::fromStdString(key)),
                    lineOf(item.first)};
        }
    }

private:
    const YAML::Node &m_map;
    QString m_step;
    int m_stepLine;
};

// A view a "show" step names: the hook's key in presenter mode (PresenterWindow::setStepView).
bool isViewName(const QString &name)
{
    if (name.isEmpty() || name.size() > 40)
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('-');
    });
}

constexpr int s_maxExpectations = 32; // per step: a runbook is read, not generated

// `within: 60s`, `2m`, `90` (seconds); at most an hour, like `wait`.
int parseDuration(const QString &text, bool *ok)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{1,5})\\s*(s|sec|secs|seconds?|m|min|mins|minutes?)?$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    *ok = m.hasMatch();
    if (!*ok)
        return 0;
    const int n = m.captured(1).toInt();
    const int seconds = m.captured(2).startsWith(QLatin1Char('m')) ? n * 60 : n;
    *ok = seconds <= 3600;
    return seconds;
}

struct ExpectKind
{
    RunbookExpectation::Subject subject;
    const char *name;
};

constexpr ExpectKind s_expectKinds[] = {
    {RunbookExpectation::Subject::Pods, "pods"},
    {RunbookExpectation::Subject::Rollout, "rollout"},
    {RunbookExpectation::Subject::Replicas, "replicas"},
    {RunbookExpectation::Subject::Image, "image"},
    {RunbookExpectation::Subject::HelmRelease, "helmRelease"},
};

// One `expect:` entry. `where` names the step ("step 3 (caption)") for every message; lines
// point at the offending field, else at the entry.
RunbookExpectation parseExpectation(const YAML::Node &node, const QString &where)
{
    using S = RunbookExpectation::Subject;
    RunbookExpectation e;
    e.line = lineOf(node);
    if (!node.IsMap())
        throw StepError{tr("each \"expect\" entry of %1 must be a map such as "
                           "{kind: pods, of: deployment/NAME, state: Running}")
                            .arg(where),
                        e.line};
    const auto value = [&](const char *key) -> QString {
        const YAML::Node v = node[key];
        if (!v)
            return {};
        if (!v.IsScalar())
            throw StepError{tr("\"%1\" of an expectation of %2 must be a single value")
                                .arg(QLatin1String(key), where),
                            lineOf(v)};
        return scalar(v);
    };
    const auto lineOfKey = [&](const char *key) {
        const YAML::Node v = node[key];
        return v ? lineOf(v) : e.line;
    };
    const QString kind = value("kind");
    if (kind.isEmpty())
        throw StepError{tr("an expectation of %1 needs \"kind\": pods, rollout, replicas, image or "
                           "helmRelease")
                            .arg(where),
                        e.line};
    bool known = false;
    for (const ExpectKind &k : s_expectKinds)
        if (kind.compare(QLatin1String(k.name), Qt::CaseInsensitive) == 0) {
            e.subject = k.subject;
            known = true;
        }
    if (!known)
        throw StepError{tr("unknown expectation kind \"%1\" in %2: use pods, rollout, replicas, "
                           "image or helmRelease")
                            .arg(kind, where),
                        lineOfKey("kind")};
    const QString subject = RunbookExpectation::subjectName(e.subject);
    const auto require = [&](const char *key) {
        const QString v = value(key);
        if (v.isEmpty())
            throw StepError{
                tr("expectation \"%1\" of %2 needs \"%3\"").arg(subject, where, QLatin1String(key)),
                e.line};
        return v;
    };

    // Which fields each kind takes.
    QList<const char *> allowed;
    switch (e.subject) {
    case S::Pods: allowed = {"kind", "of", "namespace", "within", "state", "count"}; break;
    case S::Rollout: allowed = {"kind", "of", "namespace", "within"}; break;
    case S::Replicas: allowed = {"kind", "of", "namespace", "within", "field", "count"}; break;
    case S::Image: allowed = {"kind", "of", "namespace", "within", "container", "is"}; break;
    case S::HelmRelease:
        allowed = {"kind", "of", "namespace", "within", "revision", "status"};
        break;
    }
    for (const auto &item : node) {
        const std::string key = item.first.Scalar();
        if (std::none_of(allowed.cbegin(), allowed.cend(),
                         [&key](const char *k) { return key == k; }))
            throw StepError{tr("expectation \"%1\" of %2 has no field \"%3\"")
                                .arg(subject, where, QString::fromStdString(key)),
                            lineOf(item.first)};
    }

    // of: TYPE/NAME (kubectl's), or the release name for helmRelease.
    const QString of = require("of");
    if (e.subject == S::HelmRelease) {
        e.targetName = of;
    } else {
        const QString type = of.section(QLatin1Char('/'), 0, 0);
        const QString name = of.section(QLatin1Char('/'), 1);
        std::optional<Kind> k = kindFromName(type);
        if (!k)
            k = kindFromName(type + QLatin1Char('s'));
        for (int i = 0; !k && i < KindCount; ++i)
            if (kindShortNames(Kind(i)).contains(type, Qt::CaseInsensitive))
                k = Kind(i);
        const bool workload = k
                              && (*k == Kind::Deployment || *k == Kind::StatefulSet
                                  || *k == Kind::DaemonSet || *k == Kind::ReplicaSet);
        const bool hpa = k && *k == Kind::HorizontalPodAutoscaler && e.subject == S::Replicas;
        if (name.isEmpty() || name.contains(QLatin1Char('/')) || !(workload || hpa))
            throw StepError{
                (e.subject == S::Replicas
                     ? tr("\"of\" of expectation \"%1\" in %2 must look like deployment/NAME, "
                          "statefulset/NAME, daemonset/NAME, replicaset/NAME or hpa/NAME")
                     : tr("\"of\" of expectation \"%1\" in %2 must look like deployment/NAME, "
                          "statefulset/NAME, daemonset/NAME or replicaset/NAME"))
                    .arg(subject, where),
                lineOfKey("of")};
        e.targetKind = kindName(*k);
        e.targetName = name;
    }
    e.ns = value("namespace");

    if (const QString within = value("within"); !within.isEmpty()) {
        bool ok = false;
        e.withinSeconds = parseDuration(within, &ok);
        if (!ok)
            throw StepError{tr("\"within\" of expectation \"%1\" in %2 must be a duration such as "
                               "60s, 2m or 90 (seconds), at most one hour")
                                .arg(subject, where),
                            lineOfKey("within")};
    }
    const auto countOf = [&](const char *key) {
        const QString text = value(key);
        if (text.isEmpty())
            return false;
        if (!CountCondition::parse(text, e.count)
            || (e.count.op == CountCondition::Op::All && e.subject != S::Pods))
            throw StepError{
                tr("\"%1\" of expectation \"%2\" in %3 must be a number or a comparison such "
                   "as \">= 4\"%4")
                    .arg(QLatin1String(key), subject, where,
                         e.subject == S::Pods ? tr(", or all") : QString()),
                lineOfKey(key)};
        e.hasCount = true;
        return true;
    };

    switch (e.subject) {
    case S::Pods:
        e.state = value("state");
        countOf("count");
        if (!e.hasCount && e.state.isEmpty())
            throw StepError{
                tr("expectation \"pods\" of %1 needs \"state\" or \"count\"").arg(where), e.line};
        if (!e.hasCount)
            e.count = {CountCondition::Op::AtLeast, 1};
        break;
    case S::Rollout: break;
    case S::Replicas: {
        e.field = value("field");
        static const QStringList workloadFields{
            QStringLiteral("ready"), QStringLiteral("available"), QStringLiteral("updated"),
            QStringLiteral("current"), QStringLiteral("desired")};
        static const QStringList hpaFields{QStringLiteral("current"), QStringLiteral("desired"),
                                           QStringLiteral("min"), QStringLiteral("max")};
        const bool hpa = e.targetKind == kindName(Kind::HorizontalPodAutoscaler);
        if (!e.field.isEmpty() && !(hpa ? hpaFields : workloadFields).contains(e.field))
            throw StepError{
                tr("\"field\" of expectation \"replicas\" in %1 must be one of %2")
                    .arg(where, (hpa ? hpaFields : workloadFields).join(QLatin1String(", "))),
                lineOfKey("field")};
        if (!countOf("count"))
            throw StepError{tr("expectation \"%1\" of %2 needs \"%3\"")
                                .arg(subject, where, QStringLiteral("count")),
                            e.line};
        break;
    }
    case S::Image:
        e.container = value("container");
        e.image = require("is");
        break;
    case S::HelmRelease:
        e.state = value("status");
        countOf("revision");
        if (!e.hasCount && e.state.isEmpty())
            throw StepError{
                tr("expectation \"helmRelease\" of %1 needs \"revision\" or \"status\"").arg(where),
                e.line};
        break;
    }
    return e;
}

QList<RunbookExpectation> parseExpectations(const YAML::Node &node, const QString &where)
{
    QList<RunbookExpectation> out;
    if (node.IsMap()) {
        out << parseExpectation(node, where);
    } else if (node.IsSequence() && node.size() > 0) {
        if (node.size() > std::size_t(s_maxExpectations))
            throw StepError{
                tr("%1 has more than %2 expectations").arg(where).arg(s_maxExpectations),
                lineOf(node)};
        for (const auto &entry : node)
            out << parseExpectation(entry, where);
    } else {
        throw StepError{tr("\"expect\" of %1 must be a map or a non-empty list of maps").arg(where),
                        lineOf(node)};
    }
    return out;
}

RunbookStep parseStep(const YAML::Node &item, int number)
{
    // A step is a map with one key naming its type, and optionally "expect" beside it.
    const bool hasExpect = item.IsMap() && item["expect"];
    if (!item.IsMap() || item.size() != (hasExpect ? 2u : 1u))
        throw StepError{tr("a step must be a map with exactly one key naming its type"),
                        lineOf(item)};
    auto typeEntry = item.begin();
    if (typeEntry->first.Scalar() == "expect")
        ++typeEntry;
    const auto entry = *typeEntry;
    const QString typeName = QString::fromStdString(entry.first.Scalar());
    const YAML::Node value = entry.second;
    RunbookStep step;
    step.line = lineOf(item);
    bool known = false;
    for (const TypeName &t : s_types)
        if (typeName == QLatin1String(t.name)) {
            step.type = t.type;
            known = true;
        }
    if (!known)
        throw StepError{tr("unknown step \"%1\"").arg(typeName), lineOf(entry.first)};
    if (hasExpect)
        step.expectations
            = parseExpectations(item["expect"], tr("step %1 (%2)").arg(number).arg(typeName));

    using T = RunbookStep::Type;
    if (step.type == T::Show && value.IsScalar()) {
        // "show: topology", "show: metrics hpa/web": the view, then what it is about.
        const QStringList words = scalar(value).simplified().split(QLatin1Char(' '));
        step.view = words.value(0);
        if (!isViewName(step.view) || words.size() > 2)
            throw StepError{tr("\"show\" takes a view name (letters and dashes, e.g. topology)"),
                            lineOf(value)};
        if (words.size() == 2)
            showTarget(step, words.at(1), typeName, lineOf(value));
        return step;
    }
    if (step.type == T::Caption || step.type == T::Wait) {
        if (!value.IsScalar())
            throw StepError{tr("step \"%1\" takes a single value").arg(typeName), lineOf(value)};
        if (step.type == T::Caption) {
            step.text = scalar(value);
        } else {
            bool ok = false;
            step.seconds = scalar(value).toInt(&ok);
            if (!ok || step.seconds < 0 || step.seconds > 3600)
                throw StepError{tr("\"wait\" takes a number of seconds from 0 to 3600"),
                                lineOf(value)};
        }
        return step;
    }
    if (!value.IsMap())
        throw StepError{tr("step \"%1\" takes a map of fields").arg(typeName), lineOf(value)};
    const Fields f(value, typeName, step.line);
    step.ns = f.string("namespace", false);
    step.text = f.string("caption", false);
    switch (step.type) {
    case T::Scale:
        f.onlyKnown({"target", "namespace", "caption", "replicas"});
        f.target(step);
        step.replicas = f.integer("replicas", true, 0, 0, 10000);
        break;
    case T::SetImage:
        f.onlyKnown({"target", "namespace", "caption", "container", "image"});
        f.target(step);
        step.container = f.string("container", true);
        step.image = f.string("image", true);
        break;
    case T::Apply:
        f.onlyKnown({"file", "namespace", "caption", "dryRun"});
        step.file = f.string("file", true);
        step.dryRun = f.boolean("dryRun");
        break;
    case T::Restart:
        f.onlyKnown({"target", "namespace", "caption"});
        f.target(step);
        break;
    case T::Rollback:
        f.onlyKnown({"target", "namespace", "caption", "toRevision"});
        f.target(step);
        step.revision = f.integer("toRevision", false, 0, 0, 1000000);
        break;
    case T::HelmRollback:
        f.onlyKnown({"release", "namespace", "caption", "revision"});
        step.release = f.string("release", true);
        step.revision = f.integer("revision", false, 0, 0, 1000000);
        break;
    case T::WaitForRollout:
        f.onlyKnown({"target", "namespace", "caption", "timeout"});
        f.target(step);
        step.timeoutSeconds = f.integer("timeout", false, 300, 1, 3600);
        break;
    case T::SetLoad:
        f.onlyKnown({"target", "namespace", "caption", "percent"});
        f.target(step);
        // "schedule" removes the override: the simulator goes back to the scenario's curve.
        step.loadPercent = f.string("percent", true) == QLatin1String("schedule")
                               ? -1
                               : f.integer("percent", true, 0, 0, 1000);
        break;
    case T::Show:
        // "show: {view: chart, target: deployment/web, caption: ...}": a view about one object.
        f.onlyKnown({"view", "target", "namespace", "caption"});
        step.view = f.string("view", true);
        if (!isViewName(step.view))
            throw StepError{tr("\"show\" takes a view name (letters and dashes, e.g. topology)"),
                            step.line};
        if (!f.string("target", false).isEmpty())
            f.target(step);
        break;
    case T::Caption:
    case T::Wait: break;
    }
    return step;
}

} // namespace

QString RunbookStep::typeName(Type type)
{
    for (const TypeName &t : s_types)
        if (t.type == type)
            return QString::fromLatin1(t.name);
    return {};
}

Result<Runbook> RunbookParser::parse(const QByteArray &yaml, const QString &fileName)
{
    Runbook book;
    book.fileName = fileName;
    auto fail = [&](const QString &message, int line) {
        Error e(Error::Code::ParseError, message);
        e.file = fileName;
        e.line = line;
        return e;
    };
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        YAML::Node steps;
        if (root.IsSequence()) {
            steps = root;
        } else if (root.IsMap()) {
            for (const auto &item : root) {
                const std::string key = item.first.Scalar();
                if (key == "name")
                    book.name = scalar(item.second);
                else if (key == "description")
                    book.description = scalar(item.second);
                else if (key == "namespace")
                    book.ns = scalar(item.second);
                else if (key == "context")
                    book.context = scalar(item.second);
                else if (key == "steps")
                    steps = item.second;
                else
                    return fail(tr("unknown runbook field \"%1\"").arg(QString::fromStdString(key)),
                                lineOf(item.first));
            }
        }
        if (!steps || !steps.IsSequence() || steps.size() == 0)
            return fail(tr("a runbook needs a non-empty list of steps"), root ? lineOf(root) : 1);
        for (const auto &item : steps) {
            RunbookStep step = parseStep(item, int(book.steps.size()) + 1);
            if (step.ns.isEmpty())
                step.ns = book.ns;
            book.steps.append(std::move(step));
        }
    } catch (const StepError &e) {
        return fail(e.message, e.line);
    } catch (const YAML::Exception &e) {
        return fail(tr("Invalid YAML: %1").arg(QString::fromStdString(e.msg)),
                    e.mark.is_null() ? 0 : e.mark.line + 1);
    }
    return book;
}

Result<Runbook> RunbookParser::parseFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Error e(Error::Code::FileError, tr("Cannot read the runbook: %1").arg(file.errorString()));
        e.file = path;
        return e;
    }
    return parse(file.readAll(), path);
}

} // namespace Orrery
