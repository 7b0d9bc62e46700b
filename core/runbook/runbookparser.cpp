// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbookparser.h"

#include "kube/kubekind.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

#include <yaml-cpp/yaml.h>

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

RunbookStep parseStep(const YAML::Node &item)
{
    if (!item.IsMap() || item.size() != 1)
        throw StepError{tr("a step must be a map with exactly one key naming its type"),
                        lineOf(item)};
    const auto entry = *item.begin();
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

    using T = RunbookStep::Type;
    if (step.type == T::Show && value.IsScalar()) {
        step.view = scalar(value); // "show: topology"
        if (!isViewName(step.view))
            throw StepError{tr("\"show\" takes a view name (letters and dashes, e.g. topology)"),
                            lineOf(value)};
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
            RunbookStep step = parseStep(item);
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
