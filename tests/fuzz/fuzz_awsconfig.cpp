// SPDX-License-Identifier: GPL-3.0-or-later
// ~/.aws/config and ~/.aws/credentials (INI), credential_process output and STS's XML, as
// core/cloud/awsconfig reads them: the same bytes through every parser, then a plan.
#include "cloud/awsconfig.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        const QByteArray input = Orrery::Fuzz::bytes(data, size);
        (void)Orrery::AwsConfig::parseIni(input);
        const Orrery::AwsConfig config = Orrery::AwsConfig::fromTexts(input, input);
        for (const QString &profile : config.profileNames())
            (void)config.plan(QProcessEnvironment(), profile);
        (void)Orrery::AwsConfig::parseProcessOutput(input);
        (void)Orrery::AwsConfig::parseAssumeRoleResponse(input);
    });
}
