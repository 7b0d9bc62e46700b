// SPDX-License-Identifier: GPL-3.0-or-later
// ~/.aws/config and ~/.aws/credentials (INI), credential_process output, STS's XML, the SSO
// token cache file and the SSO portal's answers, as core/cloud/awsconfig and awssso read them:
// the same bytes through every parser, then a plan.
#include "cloud/awsconfig.h"
#include "cloud/awssso.h"
#include "fuzzinput.h"
#include "kube/apirequest.h"

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
        (void)Orrery::AwsSso::parseCachedToken(input);
        (void)Orrery::AwsSso::parseRoleCredentials(input);
        Orrery::ApiResponse response;
        response.status = 400 + int(size % 200);
        response.body = input;
        response.headers = {{"x-amzn-errortype", input.left(64)}};
        (void)Orrery::AwsSso::portalError(response, {});
    });
}
