// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace Orrery {

// Durations as kubectl prints them (apimachinery duration.HumanDuration): "45s", "5m12s",
// "47m", "3h12m", "20h", "2d5h", "94d", "3y". Negative and unknown ages print "<unknown>".
QString humanDuration(qint64 seconds);

// Age of an object created at `creationSeconds` (Unix time) as of `nowSeconds`.
QString ageText(qint64 creationSeconds, qint64 nowSeconds);

} // namespace Orrery
