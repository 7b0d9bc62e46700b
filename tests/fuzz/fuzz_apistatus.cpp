// SPDX-License-Identifier: GPL-3.0-or-later
// An error response body (metav1.Status, or anything a proxy sends instead) as every status
// code maps it, and a 409 apply conflict as the apply dialog explains it.
#include "fuzzinput.h"
#include "kube/actions/serversideapply.h"
#include "kube/apirequest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const QByteArray body = Fuzz::bytes(data, size);
        for (int status : {0, 400, 401, 403, 404, 409, 410, 422, 429, 500, 503, 302}) {
            ApiResponse response;
            response.status = status;
            response.contentType = "application/json";
            response.body = body;
            (void)response.toError(QStringLiteral("pods in default"));
            (void)bodyOrError(Result<ApiResponse>(response), QStringLiteral("pods"));
        }
        (void)ServerSideApply::explainConflict(body);
    });
}
