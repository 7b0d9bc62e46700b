// SPDX-License-Identifier: GPL-3.0-or-later
#include "shippedrunbooks.h"

#include "runbookparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Orrery {

QString ShippedRunbooks::directory()
{
    QStringList candidates;
    const QString fromEnvironment = qEnvironmentVariable("ORRERY_RUNBOOK_DIR");
    if (!fromEnvironment.isEmpty())
        candidates << fromEnvironment;
    if (QCoreApplication::instance())
        candidates << QCoreApplication::applicationDirPath()
                          + QStringLiteral("/../share/orrery/runbooks");
    // The source tree, for uninstalled builds and tests. Not __FILE__: a compiler cache
    // (ccache's base_dir) makes it relative to wherever the compiler ran.
    candidates << QStringLiteral(ORRERY_SOURCE_RUNBOOKS_DIR);
    for (const QString &candidate : std::as_const(candidates)) {
        const QFileInfo info(candidate);
        if (info.isDir())
            return info.canonicalFilePath();
    }
    return {};
}

QList<Runbook> ShippedRunbooks::all()
{
    QList<Runbook> books;
    const QString dir = directory();
    if (dir.isEmpty())
        return books;
    const QStringList files = QDir(dir).entryList(
        {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        auto book = RunbookParser::parseFile(QDir(dir).filePath(file));
        if (book)
            books << *book;
    }
    return books;
}

QList<Runbook> ShippedRunbooks::forContext(const QString &context)
{
    QList<Runbook> books;
    for (const Runbook &book : all())
        if (book.context == context)
            books << book;
    return books;
}

} // namespace Orrery
