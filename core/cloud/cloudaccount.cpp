// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudaccount.h"

namespace Orrery {

void CloudAccount::appTopology(const CloudResource &app,
                               std::function<void(const Result<AppTopology> &)> onDone)
{
    onDone(Error(Error::Code::Unsupported,
                 tr("%1 is not an app this account can show").arg(app.name), app.ref));
}

} // namespace Orrery
