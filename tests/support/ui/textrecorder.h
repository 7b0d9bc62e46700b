// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPaintDevice>
#include <QSize>
#include <QStringList>

#include <memory>

namespace Orrery::Test {

// A paint device that keeps every string drawn on it and nothing else: render a widget or a
// scene into it to learn which texts reach the screen (an anonymised diagram must not draw a
// real name, whatever item draws it).
class TextRecorder : public QPaintDevice
{
public:
    explicit TextRecorder(const QSize &size);
    ~TextRecorder() override;

    QPaintEngine *paintEngine() const override;
    const QStringList &texts() const;
    // The recorded strings joined by newlines, for failure messages.
    QString joined() const;

protected:
    int metric(PaintDeviceMetric which) const override;

private:
    class Engine;
    QSize m_size;
    std::unique_ptr<Engine> m_engine;
};

} // namespace Orrery::Test
