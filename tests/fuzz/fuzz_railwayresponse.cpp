// SPDX-License-Identifier: GPL-3.0-or-later
// Railway's GraphQL answers as core/cloud/railwayresponse reads them (the envelope with its
// errors, every decoder, the app topology built from a project and deployments of the same
// bytes), and the simulated Railway's GraphQL request parser (sim/railway/graphqlrequest)
// on the same bytes as a document, with and without variables.
#include "cloud/railwayaccount.h"
#include "cloud/railwayresponse.h"
#include "fuzzinput.h"
#include "railway/graphqlrequest.h"
#include "util/jsonread.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const Fuzz::Selected in = Fuzz::select(data, size);
        const int status = in.selector % 4 == 0 ? 400 : in.selector % 4 == 1 ? 500 : 200;
        const Result<nlohmann::json> d = RailwayResponse::data(status, in.payload, {});
        (void)RailwayAccount::parseCliConfig(in.payload);
        if (d.ok()) {
            (void)RailwayResponse::user(*d);
            (void)RailwayResponse::projectToken(*d);
            const auto page = RailwayResponse::projects(*d);
            const auto project = RailwayResponse::project(*d);
            const auto deployments = RailwayResponse::deployments(*d);
            (void)RailwayResponse::serviceInstance(*d);
            (void)RailwayResponse::mutationFlag(*d, "deploymentRollback");
            (void)RailwayResponse::redeployedId(*d);
            const QList<RailwayDeployment> history
                = deployments.ok() ? *deployments : QList<RailwayDeployment>{};
            QList<RailwayProject> projects;
            if (project.ok())
                projects << *project;
            if (page.ok())
                projects << page->projects;
            for (const RailwayProject &p : projects)
                for (const RailwayEnvironment &e : p.environments)
                    (void)RailwayResponse::topology(p, e.id, history, QStringLiteral("ref"));
        }
        const std::string text(in.payload.constData(), std::size_t(in.payload.size()));
        std::string error;
        (void)Sim::GraphQl::parse(text, nlohmann::json::object(), {}, &error);
        const nlohmann::json parsed = JsonRead::parse(in.payload);
        const nlohmann::json variables = parsed.is_object() ? parsed : nlohmann::json::object();
        (void)Sim::GraphQl::parse(
            "query Q($id: String!, $input: DeploymentListInput, $n: Int = 3) { a(id: $id, input: "
            "$input, first: $n) { b } }",
            variables, "Q", &error);
    });
}
