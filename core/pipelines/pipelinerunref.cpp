// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinerunref.h"

#include <QCoreApplication>

namespace Orrery {

namespace {

Error bad(const QString &text, const QString &why)
{
    Error e(Error::Code::InvalidArgument, why, QStringLiteral("run \"%1\"").arg(text.left(200)));
    e.hint = QCoreApplication::translate(
        "PipelineRunRef",
        "use PROVIDER[@HOST]:SOURCE#RUN (github:owner/repo#123, gitlab:group/project#45, "
        "jenkins@HOST:folder/job#67) or file:RUN.json");
    return e;
}

} // namespace

Result<PipelineRunRef> PipelineRunRef::parse(const QString &input)
{
    const QString text = input.trimmed();
    PipelineRunRef ref;
    if (text.startsWith(QLatin1String("file:"))) {
        ref.isFile = true;
        ref.file = text.mid(5);
        if (ref.file.isEmpty())
            return bad(text, QCoreApplication::translate("PipelineRunRef", "no file named"));
        return ref;
    }
    // The provider part ends at the first ':' that is not part of HOST's scheme or port: the
    // host is read up to the first '/' after "://" (or to ':' followed by the source).
    const qsizetype at = text.indexOf(QLatin1Char('@'));
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return bad(text, QCoreApplication::translate("PipelineRunRef", "no provider given"));
    QString providerName;
    QString rest;
    if (at >= 0 && at < colon) {
        providerName = text.left(at);
        // HOST: "ci.example.com:8080", "http://127.0.0.1:8080"; the source follows the last ':'
        // before the first '#', as a source never contains ':'.
        const qsizetype hash = text.lastIndexOf(QLatin1Char('#'));
        const qsizetype end = hash < 0 ? text.size() : hash;
        const qsizetype sep = text.lastIndexOf(QLatin1Char(':'), end - 1);
        if (sep <= at)
            return bad(text, QCoreApplication::translate("PipelineRunRef", "no source given"));
        ref.host = text.mid(at + 1, sep - at - 1);
        rest = text.mid(sep + 1);
        if (ref.host.isEmpty())
            return bad(text, QCoreApplication::translate("PipelineRunRef", "empty host"));
    } else {
        providerName = text.left(colon);
        rest = text.mid(colon + 1);
    }
    if (!pipelineProviderFromName(providerName, &ref.provider))
        return bad(text, QCoreApplication::translate("PipelineRunRef",
                                                     "unknown provider \"%1\" (github, gitlab "
                                                     "or jenkins)")
                             .arg(providerName.left(40)));
    const qsizetype hash = rest.lastIndexOf(QLatin1Char('#'));
    if (hash < 0)
        return bad(text, QCoreApplication::translate("PipelineRunRef", "no #RUN given"));
    ref.source = rest.left(hash);
    ref.runId = rest.mid(hash + 1);
    if (ref.source.isEmpty())
        return bad(text, QCoreApplication::translate("PipelineRunRef", "no source given"));
    if (ref.runId.isEmpty() || ref.runId.contains(QLatin1Char('/')))
        return bad(text, QCoreApplication::translate("PipelineRunRef", "no run id after #"));
    if (ref.provider == PipelineProvider::Jenkins && ref.host.isEmpty())
        return bad(text, QCoreApplication::translate("PipelineRunRef",
                                                     "Jenkins needs a host: jenkins@HOST:JOB#N"));
    return ref;
}

QString PipelineRunRef::toString() const
{
    if (isFile)
        return QStringLiteral("file:") + file;
    QString out = pipelineProviderName(provider);
    if (!host.isEmpty())
        out += QLatin1Char('@') + host;
    return out + QLatin1Char(':') + source + QLatin1Char('#') + runId;
}

} // namespace Orrery
