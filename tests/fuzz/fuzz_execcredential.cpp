// SPDX-License-Identifier: GPL-3.0-or-later
// An exec credential plugin's stdout (ExecCredential JSON), as both API versions read it.
#include "fuzzinput.h"
#include "kube/execcredentialprovider.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        const QByteArray output = Orrery::Fuzz::bytes(data, size);
        for (const char *version :
             {"client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"})
            (void)Orrery::ExecCredentialProvider::parseOutput(output, QString::fromLatin1(version));
    });
}
