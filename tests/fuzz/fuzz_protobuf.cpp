// SPDX-License-Identifier: GPL-3.0-or-later
// A protobuf request body (application/vnd.kubernetes.protobuf: "k8s\0" + runtime.Unknown
// + the kinds kubectl's typed clients send), as the simulator decodes it. The decoder
// answers malformed or unsupported input with ApiError (400, 415); anything else that
// escapes is a finding.
#include "apierror.h"
#include "server/protobufdecoder.h"
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Orrery::Sim;
    const std::string body(reinterpret_cast<const char *>(data), size);
    static const std::string magic("k8s\0", 4);
    for (const std::string &candidate :
         {body, body.compare(0, 4, magic) == 0 ? std::string() : magic + body}) {
        if (candidate.empty())
            continue;
        try {
            (void)ProtobufDecoder::decode(candidate).dump(-1, ' ', false,
                                                          nlohmann::json::error_handler_t::replace);
        } catch (const ApiError &) {
        }
    }
    return 0;
}
