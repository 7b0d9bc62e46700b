// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <util/limits.h>

#include <QByteArray>
#include <QStringList>

namespace Orrery {

// Splits a container's log stream into lines as its chunks arrive. No line is longer than
// Limits::maxLogLineBytes: a longer one (a container that prints a megabyte without a newline)
// is cut there, at a UTF-8 character boundary, and ends with cutMarker(); the rest of it, up to
// the next newline, is dropped. So memory per stream is bounded and the view never gets a line
// it cannot lay out. Lines lose their "\n" and a trailing "\r".
class LogLineSplitter
{
public:
    // The complete lines `chunk` ends (a cut line is complete once cut).
    QStringList feed(const QByteArray &chunk);
    // At the end of the stream: the last line when it had no newline.
    QStringList finish();

    // Appended to a cut line; names the limit.
    static QString cutMarker();

private:
    QString cut() const;

    QByteArray m_partial;    // the current line so far, never more than maxLogLineBytes + 1
    bool m_dropping = false; // the current line was cut: skip to the next newline
};

} // namespace Orrery
