// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <functional>

namespace Orrery {

// Starts queued requests in the order they came, at most maxInFlight at once: a cloud client
// discovering hundreds of clusters sends them all through one of these instead of opening
// hundreds of connections. A started request calls finished() exactly once when its answer
// has been handled; the next queued one starts then.
class RequestQueue
{
public:
    explicit RequestQueue(int maxInFlight)
        : m_maxInFlight(maxInFlight)
    {
    }

    void enqueue(std::function<void()> start)
    {
        m_queue.append(std::move(start));
        pump();
    }

    void finished()
    {
        --m_inFlight;
        pump();
    }

    int inFlight() const { return m_inFlight; }
    int queued() const { return int(m_queue.size()); }

private:
    void pump()
    {
        while (m_inFlight < m_maxInFlight && !m_queue.isEmpty()) {
            ++m_inFlight;
            m_queue.takeFirst()();
        }
    }

    const int m_maxInFlight;
    int m_inFlight = 0;
    QList<std::function<void()>> m_queue;
};

} // namespace Orrery
