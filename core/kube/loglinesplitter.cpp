// SPDX-License-Identifier: GPL-3.0-or-later
#include "loglinesplitter.h"

#include <QCoreApplication>

#include <algorithm>

namespace Orrery {

namespace {

QString lineText(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

QString LogLineSplitter::cutMarker()
{
    return QCoreApplication::translate("LogStreamer", " … [line cut: longer than %1]")
        .arg(Limits::byteSize(Limits::maxLogLineBytes));
}

QString LogLineSplitter::cut() const
{
    qsizetype end = qsizetype(Limits::maxLogLineBytes);
    // Do not split a UTF-8 sequence: back off over continuation bytes (10xxxxxx).
    while (end > 0 && (quint8(m_partial.at(end)) & 0xC0) == 0x80)
        --end;
    return QString::fromUtf8(m_partial.constData(), end) + cutMarker();
}

QStringList LogLineSplitter::feed(const QByteArray &chunk)
{
    QStringList lines;
    qsizetype pos = 0;
    while (pos < chunk.size()) {
        const qsizetype newline = chunk.indexOf('\n', pos);
        const qsizetype end = newline < 0 ? chunk.size() : newline;
        if (!m_dropping) {
            // Keep at most one byte past the limit: enough to know the line is too long.
            const qsizetype room = qsizetype(Limits::maxLogLineBytes) + 1 - m_partial.size();
            m_partial.append(chunk.constData() + pos, std::min(end - pos, room));
            if (m_partial.size() > Limits::maxLogLineBytes) {
                lines << cut();
                m_partial.clear();
                m_dropping = true;
            }
        }
        if (newline < 0)
            break;
        if (!m_dropping)
            lines << lineText(m_partial);
        m_partial.clear();
        m_dropping = false;
        pos = newline + 1;
    }
    return lines;
}

QStringList LogLineSplitter::finish()
{
    QStringList lines;
    if (!m_partial.isEmpty())
        lines << lineText(m_partial);
    m_partial.clear();
    m_dropping = false;
    return lines;
}

} // namespace Orrery
