// SPDX-License-Identifier: GPL-3.0-or-later
// bench_clouds: discovery of 3 AWS accounts x 10 regions x 20 EKS clusters against the
// simulated AWS (sim/aws, in process), as the Clouds page runs it (CloudAccounts::refresh:
// every account's identify() and discover() at once, each account's requests in parallel and
// bounded by AwsClient::MaxParallel). Goal: under 5 s (issue 15). Prints wall time per run
// (the discovery waits on the network, so wall time is what a user sees), the median, and the
// requests made. Usage: bench_clouds [RUNS] (default 5).
#include "aws/awsservice.h"
#include "front/servicefront.h"
#include "simulator.h"

#include "benchutil.h"
#include "cloud/cloudaccounts.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Orrery;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? qMax(1, QString::fromLocal8Bit(argv[1]).toInt()) : 5;
    constexpr int Accounts = 3;
    constexpr int Regions = 10;
    constexpr int ClustersPerRegion = 20;
    const QStringList regions{"us-east-2", "us-west-1",  "us-west-2",  "eu-west-1", "eu-west-2",
                              "eu-west-3", "eu-north-1", "ap-south-1", "sa-east-1", "ca-central-1"};

    Sim::SimulatorOptions options;
    options.scenarios = {"eks-devops-ppp"};
    Sim::Simulator sim(options);
    std::string error;
    if (!sim.start(&error)) {
        std::fprintf(stderr, "bench_clouds: the simulator did not start: %s\n", error.c_str());
        return 1;
    }
    auto *aws = dynamic_cast<Sim::AwsService *>(sim.services()->service("aws"));
    for (const QString &region : regions)
        aws->addSyntheticClusters("123456789012", region.toStdString(), "bench", ClustersPerRegion);

    // Three profiles: the admin's and the developer's keys, and a role assumed with the
    // developer's (AssumeRole before anything is listed).
    QTemporaryDir dir;
    const QString regionList = regions.join(QStringLiteral(", "));
    QFile config(dir.filePath(QStringLiteral("config")));
    config.open(QIODevice::WriteOnly);
    config.write(QStringLiteral("[profile admin]\nregion = us-east-2\norrery_regions = %1\n"
                                "[profile dev]\nregion = us-east-2\norrery_regions = %1\n"
                                "[profile ops]\nrole_arn = "
                                "arn:aws:iam::123456789012:role/devops-ppp-eks-admin\n"
                                "source_profile = dev\nregion = us-east-2\norrery_regions = %1\n")
                     .arg(regionList)
                     .toUtf8());
    config.close();
    QFile credentials(dir.filePath(QStringLiteral("credentials")));
    credentials.open(QIODevice::WriteOnly);
    credentials.write("[admin]\naws_access_key_id = AKIAORRERYSIMADMIN01\n"
                      "aws_secret_access_key = orrery-sim/devops-admin/wJalrXUtnFEMIK7MDENG\n"
                      "[dev]\naws_access_key_id = AKIAORRERYSIMDEV0001\n"
                      "aws_secret_access_key = orrery-sim/devops-dev/bPxRfiCYEXAMPLEKEY00\n");
    credentials.close();

    CloudEnvironment env;
    env.env = QProcessEnvironment();
    env.env.insert(QStringLiteral("HOME"), dir.path());
    env.env.insert(QStringLiteral("AWS_CONFIG_FILE"), config.fileName());
    env.env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), credentials.fileName());
    env.servicesFront = QUrl(QString::fromStdString(sim.servicesUrl()));
    env.caPem = QByteArray::fromStdString(sim.servicesCaCertificate());

    QTextStream out(stdout);
    out << "bench_clouds: " << Accounts << " accounts x " << Regions << " regions x "
        << ClustersPerRegion << " clusters (" << Accounts * Regions * ClustersPerRegion
        << " clusters; " << Accounts * Regions * (1 + ClustersPerRegion)
        << " EKS requests per refresh), " << runs << " runs\n";
    std::vector<double> times;
    int exitCode = 0;
    for (int run = 0; run < runs; ++run) {
        // Fresh accounts each run: credentials resolved again (the role's AssumeRole too).
        CloudAccounts accounts;
        accounts.addBuiltinFactories();
        accounts.load(env);
        QEventLoop loop;
        QObject::connect(&accounts, &CloudAccounts::refreshFinished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        QElapsedTimer timer;
        timer.start();
        accounts.refresh();
        loop.exec();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        int clusters = 0;
        int errors = 0;
        for (CloudAccount *a : accounts.accounts()) {
            const CloudAccountState s = accounts.state(a->id());
            if (!s.discovery || !s.discovery->ok() || !s.identity || !s.identity->ok()) {
                ++errors;
                continue;
            }
            clusters += int(s.discovery->value().resources.size());
            errors += int(s.discovery->value().groupErrors.size());
        }
        out << "  run " << run + 1 << ": " << QString::number(ms, 'f', 0) << " ms, " << clusters
            << " clusters, " << errors << " errors\n";
        out.flush();
        // Every synthetic cluster of every region, and devops-ppp-eks is in us-east-1 (not
        // asked).
        if (clusters != Accounts * Regions * ClustersPerRegion || errors != 0)
            exitCode = 1;
        times.push_back(ms);
    }
    const double median = Bench::median(times);
    out << "median: " << QString::number(median, 'f', 0) << " ms (goal < 5000 ms)\n";
    sim.stop();
    return exitCode != 0 ? exitCode : (median < 5000 ? 0 : 2);
}
