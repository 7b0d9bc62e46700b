// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated Jenkins (sim/jenkins over sim/pipelines) judged by the real python-jenkins
// (Debian's python3-jenkins under /usr/bin/python3, REQUESTS_CA_BUNDLE on the front's CA) and
// real kubectl: jobs in folders with their colours, job and build info against the engine;
// the shop's nine stages with parallel branches in the stage view and Blue Ocean's edges; a
// build with parameters goes through the queue, shows in get_running_builds, is followed with
// progressiveText to "Finished: SUCCESS" and rolls its images out on MicroK8s; the PFE
// pipeline waits at its input step until the proceed URL (with the crumb) is posted, then
// deploys production; abort and stop end builds ABORTED; wrong credentials are refused.
//
// One in-process Simulator (pfe + microk8s-shop) at speed 30, as tst_githubsim.
#include "front/servicefront.h"
#include "jenkins/jenkinsservice.h"
#include "pipelines/pipelineengine.h"
#include "simulator.h"

#include <inprocesssimulator.h>

#include <eventloopwait.h>
#include <kubectlprocess.h>

#include <nlohmann/json.hpp>

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <set>

using namespace Orrery::Sim;
using json = nlohmann::json;

namespace {

const char *const s_shop = "ecommerce-microservices/Jenkinsfile-Enhanced-Fixed";
const char *const s_pfe = "pfe-v2/pfe-application/Jenkinsfile";

// Python prelude: `j` (python-jenkins on the front, auth resolved), `api(path)` GETs JSON with
// the same session, and out() prints JSON.
const char *const s_prelude = R"(
import json, sys, time
import jenkins, requests
url, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
j = jenkins.Jenkins(url + '/jenkins', username=user, password=password)
def api(path, **kw):
    r = requests.get(url + path, auth=(user, password), **kw)
    r.raise_for_status()
    return r
def out(value):
    print(json.dumps(value))
)";

} // namespace

class tst_JenkinsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void jobsAndBuilds();
    void stageViewParallelStages();
    void buildWithParametersDeploys();
    void inputStepProceedAndAbort();
    void stopBuild();
    void credentials();
    void foldersAndMultibranch();

private:
    json python(const QString &script,
                const QString &password = QStringLiteral("orrery-sim-jenkins"));
    bool waitFor(long long id, const std::function<bool(const SimRun &)> &condition);
    QString image(const QString &context, const QString &ns, const QString &deployment);

    Orrery::Test::InProcessSimulator m_sim;
    PipelineEngine *m_engine = nullptr;
    QString m_url;
    QString m_ca;
    QString m_kubeconfig;
};

void tst_JenkinsSim::initTestCase()
{
    QProcess probe;
    probe.start(QStringLiteral("/usr/bin/python3"), {"-c", "import jenkins"});
    if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
        QFAIL("python3-jenkins is not installed for /usr/bin/python3 (see scripts/deps.sh)");
    SimulatorOptions options;
    options.scenarios = {"pfe", "microk8s-shop"};
    options.speed = 30;
    QVERIFY2(m_sim.start(options), qPrintable(m_sim.error()));
    auto *service = m_sim.service<JenkinsService>("jenkins");
    QVERIFY(service);
    m_engine = &service->engine();
    m_url = m_sim.servicesUrl();
    m_ca = m_sim.servicesCaFile();
    m_kubeconfig = m_sim.kubeconfigFile();
}

void tst_JenkinsSim::cleanupTestCase()
{
    m_sim.stop();
}

json tst_JenkinsSim::python(const QString &script, const QString &password)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("JENKINS_API_EXTRA_HEADERS"));
    env.insert(QStringLiteral("HOME"), m_sim.directory());
    env.insert(QStringLiteral("REQUESTS_CA_BUNDLE"), m_ca);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("/usr/bin/python3"), {"-c", QString::fromLatin1(s_prelude) + script,
                                                 m_url, QStringLiteral("orrery"), password});
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        qWarning("python did not finish");
        return json();
    }
    const QByteArray out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning().noquote() << "python failed:" << p.readAllStandardError();
        return json();
    }
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return json::parse(lines.isEmpty() ? std::string() : lines.last().toStdString(), nullptr,
                       false);
}

bool tst_JenkinsSim::waitFor(long long id, const std::function<bool(const SimRun &)> &condition)
{
    return Orrery::Test::waitUntil(
        [&] {
            const auto r = m_engine->run(id);
            return r && condition(*r);
        },
        30000);
}

QString tst_JenkinsSim::image(const QString &context, const QString &ns, const QString &deployment)
{
    return Orrery::Test::runKubectl(m_kubeconfig, m_sim.directory(),
                                    {"--context", context, "-n", ns, "get", "deployment",
                                     deployment, "-o",
                                     "jsonpath={.spec.template.spec.containers[0].image}"})
        .out.trimmed();
}

void tst_JenkinsSim::jobsAndBuilds()
{
    const json r = python(R"(
me = j.get_whoami()
version = j.get_version()
jobs = j.get_jobs(folder_depth=None)
shop = j.get_job_info('ecommerce-microservices')
pfe = j.get_job_info('pfe-v2/pfe-application')
last = j.get_build_info('ecommerce-microservices', shop['lastBuild']['number'])
tree = j.get_info(query='?tree=jobs[name,lastBuild[number,result,building,timestamp,duration]]')
out({'me': me['id'], 'version': version,
     'jobs': sorted([[x['fullname'], x.get('color'), x['_class'].split('.')[-1]] for x in jobs]),
     'shop': [b['number'] for b in shop['builds']], 'shopColor': shop['color'],
     'pfe': [pfe['fullName'], pfe['displayName'], len(pfe['builds']),
             pfe['property'][0]['parameterDefinitions'][0]['name']],
     'last': [last['number'], last['result'], last['building'], last['duration'] > 0,
              last['url'], last['fullDisplayName']],
     'tree': tree['jobs']})
)");
    QVERIFY2(r.is_object(), r.dump().c_str());
    QCOMPARE(r["me"], "orrery");
    QCOMPARE(r["version"], "2.440.3");
    const std::vector<SimRun> shop = m_engine->runs(s_shop);
    const std::vector<SimRun> pfe = m_engine->runs(s_pfe);
    QCOMPARE(shop.size(), std::size_t(20));
    QCOMPARE(pfe.size(), std::size_t(18));
    const auto colour = [](const std::vector<SimRun> &runs) {
        return runs.front().state == SimRunState::Success ? "blue" : "red";
    };
    const auto branch = [&](const char *name) {
        const std::string key = std::string("pfe-v2/pfe-platform/") + name + "/Jenkinsfile";
        return json::array({std::string("pfe-v2/pfe-platform/") + name, colour(m_engine->runs(key)),
                            "WorkflowJob"});
    };
    QCOMPARE(
        r["jobs"],
        json::array({json::array({"ecommerce-microservices", colour(shop), "WorkflowJob"}),
                     json::array({"pfe-v2", nullptr, "Folder"}),
                     json::array({"pfe-v2/pfe-application", colour(pfe), "WorkflowJob"}),
                     json::array({"pfe-v2/pfe-platform", nullptr, "WorkflowMultiBranchProject"}),
                     branch("develop"), branch("feature%2Flogin-page"), branch("main")}));
    QCOMPARE(r["shop"].size(), shop.size());
    for (std::size_t i = 0; i < shop.size(); ++i)
        QCOMPARE(r["shop"][i].get<int>(), shop[i].number);
    QCOMPARE(r["pfe"],
             json::array({"pfe-v2/pfe-application", "PFE application", 18, "DEPLOY_ENV"}));
    const std::string result = shop.front().state == SimRunState::Success ? "SUCCESS" : "FAILURE";
    QCOMPARE(r["last"][0].get<int>(), shop.front().number);
    QCOMPARE(r["last"][1].get<std::string>(), result);
    QCOMPARE(r["last"][2], false);
    QCOMPARE(r["last"][3], true);
    QCOMPARE(r["last"][4].get<std::string>(), m_url.toStdString()
                                                  + "/jenkins/job/ecommerce-microservices/"
                                                  + std::to_string(shop.front().number) + "/");
    QCOMPARE(r["last"][5].get<std::string>(),
             "ecommerce-microservices #" + std::to_string(shop.front().number));
    // tree= keeps only what was asked (and _class), nested.
    const json &tree = r["tree"];
    QCOMPARE(tree.size(), std::size_t(2));
    QCOMPARE(tree[1]["name"], "ecommerce-microservices");
    QCOMPARE(tree[1]["lastBuild"]["result"].get<std::string>(), result);
    QCOMPARE(tree[1]["lastBuild"].size(), std::size_t(6)); // _class + the five fields
    QVERIFY(!tree[0].contains("lastBuild"));               // the folder has none
}

void tst_JenkinsSim::stageViewParallelStages()
{
    const std::vector<SimRun> shop = m_engine->runs(s_shop);
    QVERIFY(!shop.empty());
    const json r = python(QStringLiteral(R"(
base = '/jenkins/job/ecommerce-microservices/'
runs = api(base + 'wfapi/runs').json()
run = api(base + '%1/wfapi/describe').json()
build = [s for s in run['stages'] if s['name'] == 'Parallel Build'][0]
node = api(build['_links']['self']['href']).json()
step = [n for n in node['stageFlowNodes'] if 'log' in n['_links']][0]
log = api(step['_links']['log']['href']).json()
blue = api('/jenkins/blue/rest/organizations/jenkins/pipelines/ecommerce-microservices/runs/%1/nodes/').json()
out({'runs': [x['name'] for x in runs], 'status': run['status'],
     'stages': [[s['name'], s['status']] for s in run['stages']],
     'flow': [[n['name'], n['parentNodes']] for n in node['stageFlowNodes']], 'buildId': build['id'],
     'log': [log['nodeStatus'], log['text']],
     'blue': [[n['id'], n['displayName'], n['type'], [e['id'] for e in n['edges']], n['firstParent']]
              for n in blue]})
)")
                              .arg(shop.front().number));
    QVERIFY2(r.is_object(), r.dump().c_str());
    QCOMPARE(r["runs"].size(), std::size_t(10));
    QCOMPARE(r["runs"][0].get<std::string>(),
             std::string("#").append(std::to_string(shop.front().number)));
    const std::vector<std::string> nine
        = {"Pipeline Start",        "Environment Check",     "Parallel Build",
           "Parallel Testing",      "Docker Image Creation", "Security Scanning",
           "Kubernetes Deployment", "Health Validation",     "Cleanup"};
    QCOMPARE(r["stages"].size(), nine.size());
    for (std::size_t i = 0; i < nine.size(); ++i)
        QCOMPARE(r["stages"][i][0].get<std::string>(), nine[i]);
    if (shop.front().state == SimRunState::Success) {
        QCOMPARE(r["status"], "SUCCESS");
        for (const json &s : r["stages"])
            QCOMPARE(s[1], "SUCCESS");
    } else {
        QCOMPARE(r["status"], "FAILED");
    }
    // The parallel stage: three branches, each followed by its two steps.
    const json &flow = r["flow"];
    QCOMPARE(flow.size(), std::size_t(9));
    const std::string stageId = r["buildId"];
    QCOMPARE(flow[0][0], "Branch: Product Service Build");
    QCOMPARE(flow[0][1], json::array({stageId}));
    QCOMPARE(flow[1][0], "mvn clean compile package -DskipTests");
    QCOMPARE(flow[3][0], "Branch: Inventory Service Build");
    QCOMPARE(flow[6][0], "Branch: Order Service Build");
    QCOMPARE(r["log"][1].get<std::string>().rfind("+ mvn clean compile package -DskipTests", 0),
             std::size_t(0));
    // Blue Ocean: the stage has three PARALLEL edges; each branch leads to Parallel Testing.
    std::map<std::string, json> blue;
    for (const json &n : r["blue"])
        blue[n[1]] = n;
    QCOMPARE(blue["Parallel Build"][2], "STAGE");
    QCOMPARE(blue["Parallel Build"][3].size(), std::size_t(3));
    QCOMPARE(blue["Product Service Build"][2], "PARALLEL");
    QCOMPARE(blue["Product Service Build"][4], blue["Parallel Build"][0]);
    QCOMPARE(blue["Order Service Build"][3], json::array({blue["Parallel Testing"][0]}));
    QCOMPARE(blue["Parallel Testing"][3].size(), std::size_t(3));
    QCOMPARE(blue["Cleanup"][3].size(), std::size_t(0));
}

void tst_JenkinsSim::buildWithParametersDeploys()
{
    const json queued = python(R"(
q = j.build_job('ecommerce-microservices', {'BRANCH': 'main', 'IMAGE_TAG': 'ci'})
item = j.get_queue_item(q)
while 'executable' not in item:
    time.sleep(0.1)
    item = j.get_queue_item(q)
number = item['executable']['number']
running = j.get_running_builds()
out({'queue': q, 'number': number, 'running': [[b['name'], b['number']] for b in running]})
)");
    QVERIFY2(queued.is_object(), queued.dump().c_str());
    const long long id = queued["queue"];
    const auto run = m_engine->run(id);
    QVERIFY(run);
    QCOMPARE(queued["number"].get<int>(), run->number);
    QCOMPARE(run->inputs.at("IMAGE_TAG"), "ci");
    QVERIFY2(queued["running"].size() >= 1, queued.dump().c_str());
    QCOMPARE(queued["running"][0], json::array({"ecommerce-microservices", run->number}));

    // Follow the console as a client does, from offset to offset, to the end.
    const json followed = python(QStringLiteral(R"(
path = '/jenkins/job/ecommerce-microservices/%1/logText/progressiveText'
start, text, polls = 0, '', 0
while True:
    r = api(path, params={'start': start})
    text += r.text
    start = int(r.headers['X-Text-Size'])
    polls += 1
    if r.headers.get('X-More-Data') != 'true':
        break
    time.sleep(0.2)
whole = api('/jenkins/job/ecommerce-microservices/%1/consoleText').text
info = j.get_build_info('ecommerce-microservices', %1)
out({'same': text == whole, 'polls': polls, 'end': whole[-40:], 'result': info['result'],
     'parallel': '[Product Service Tests] + mvn test -B' in whole})
)")
                                     .arg(run->number));
    QVERIFY2(followed.is_object(), followed.dump().c_str());
    QCOMPARE(followed["same"], true);
    QVERIFY(followed["polls"].get<int>() > 1);
    QCOMPARE(followed["result"], "SUCCESS");
    QCOMPARE(followed["parallel"], true);
    QVERIFY2(followed["end"].get<std::string>().find("Finished: SUCCESS\n") != std::string::npos,
             followed["end"].dump().c_str());
    const QString tag = QString::number(run->number);
    for (const char *service : {"product-service", "inventory-service", "order-service"})
        QCOMPARE(image("microk8s-cluster", "default", QString::fromLatin1(service)),
                 QStringLiteral("localhost:32000/%1:%2").arg(QString::fromLatin1(service), tag));
}

void tst_JenkinsSim::inputStepProceedAndAbort()
{
    const json started = python(R"(
out([j.build_job('pfe-v2/pfe-application'), j.build_job('pfe-v2/pfe-application')])
)");
    QVERIFY2(started.is_array() && started.size() == 2, started.dump().c_str());
    const long long proceed = started[0], abort = started[1];
    for (long long id : {proceed, abort})
        QVERIFY(waitFor(id, [](const SimRun &r) { return r.state == SimRunState::Waiting; }));
    const int number = m_engine->run(proceed)->number;
    const int abortNumber = m_engine->run(abort)->number;
    const json r = python(QStringLiteral(R"(
base = '/jenkins/job/pfe-v2/job/pfe-application/'
run = api(base + '%1/wfapi/describe').json()
pending = api(run['_links']['pendingInputActions']['href']).json()
crumb = api('/jenkins/crumbIssuer/api/json').json()
headers = {crumb['crumbRequestField']: crumb['crumb']}
bad = requests.post(url + pending[0]['proceedUrl'], auth=(user, password),
                    headers={crumb['crumbRequestField']: 'forged'})
ok = requests.post(url + pending[0]['proceedUrl'], auth=(user, password), headers=headers)
other = api(base + '%2/wfapi/pendingInputActions').json()
aborted = requests.post(url + other[0]['abortUrl'], auth=(user, password), headers=headers)
out({'status': run['status'], 'stage': [s['status'] for s in run['stages']][-2],
     'message': pending[0]['message'], 'bad': bad.status_code, 'ok': ok.status_code,
     'aborted': aborted.status_code})
)")
                              .arg(number)
                              .arg(abortNumber));
    QVERIFY2(r.is_object(), r.dump().c_str());
    QCOMPARE(r["status"], "PAUSED_PENDING_INPUT");
    QCOMPARE(r["stage"], "PAUSED_PENDING_INPUT");
    QCOMPARE(r["message"], "Proceed with Approve Production?");
    QCOMPARE(r["bad"].get<int>(), 403);
    QCOMPARE(r["ok"].get<int>(), 200);
    QCOMPARE(r["aborted"].get<int>(), 200);
    QVERIFY(waitFor(proceed, [](const SimRun &s) { return s.state == SimRunState::Success; }));
    QVERIFY(waitFor(abort, [](const SimRun &s) { return s.state == SimRunState::Cancelled; }));
    const QString tag = QStringLiteral("jenkins-%1").arg(number);
    QCOMPARE(image("pfe-k8s", "pfe-app", "backend-python"),
             QStringLiteral("ghcr.io/pfe-v2/backend-python:%1").arg(tag));
    // Both builds deployed staging before their input step; the later one wrote last.
    QVERIFY(image("pfe-k8s", "staging", "frontend").startsWith("ghcr.io/pfe-v2/frontend:jenkins-"));
    const json results = python(QStringLiteral(R"(
out([j.get_build_info('pfe-v2/pfe-application', n)['result'] for n in (%1, %2)])
)")
                                    .arg(number)
                                    .arg(abortNumber));
    QCOMPARE(results, json::array({"SUCCESS", "ABORTED"}));
}

void tst_JenkinsSim::stopBuild()
{
    const json r = python(R"(
q = j.build_job('ecommerce-microservices')
item = j.get_queue_item(q)
while 'executable' not in item:
    time.sleep(0.1)
    item = j.get_queue_item(q)
n = item['executable']['number']
j.stop_build('ecommerce-microservices', n)
info = j.get_build_info('ecommerce-microservices', n)
while info['building']:
    time.sleep(0.1)
    info = j.get_build_info('ecommerce-microservices', n)
console = api('/jenkins/job/ecommerce-microservices/%d/consoleText' % n).text
out([q, info['result'], console.endswith('Finished: ABORTED\n')])
)");
    QVERIFY2(r.is_array() && r.size() == 3, r.dump().c_str());
    QCOMPARE(r[1], "ABORTED");
    QCOMPARE(r[2], true);
    QCOMPARE(m_engine->run(r[0].get<long long>())->state, SimRunState::Cancelled);
}

void tst_JenkinsSim::credentials()
{
    const json wrong = python(R"(
try:
    j.get_whoami()
    out('accepted')
except jenkins.JenkinsException as e:
    out(str(e).split('\n')[0])
)",
                              QStringLiteral("wrong-token"));
    QVERIFY2(wrong.is_string() && wrong.get<std::string>().find("[401]") != std::string::npos,
             wrong.dump().c_str());
    const json anonymous = python(R"(
r = requests.get(url + '/jenkins/api/json')
out([r.status_code, r.headers.get('X-You-Are-Authenticated-As')])
)");
    QCOMPARE(anonymous, json::array({403, "anonymous"}));
}

// The multibranch project pfe-v2/pfe-platform in folder pfe-v2: python-jenkins walks the
// folders to the depth asked, reads a branch job by its full name (the branch URL-encoded as
// Jenkins names it), builds it with parameters and aborts the build.
void tst_JenkinsSim::foldersAndMultibranch()
{
    const json r = python(R"(
j.get_whoami()
deep = j.get_all_jobs(folder_depth=2)
shallow = j.get_all_jobs(folder_depth=1)
mb = j.get_job_info('pfe-v2/pfe-platform')
info = j.get_job_info('pfe-v2/pfe-platform/feature%2Flogin-page')
queued = j.build_job('pfe-v2/pfe-platform/feature%2Flogin-page', {'DEPLOY_ENV': 'review'})
out({'deep': sorted(x['fullname'] for x in deep), 'shallow': sorted(x['fullname'] for x in shallow),
     'mb': [mb['_class'].split('.')[-1], sorted(x['name'] for x in mb['jobs'])],
     'info': [info['name'], info['displayName'], info['fullName'], len(info['builds']),
              info['_class'].split('.')[-1], info['url'].split('/jenkins/')[1]],
     'queued': queued})
)");
    QVERIFY2(r.is_object(), r.dump().c_str());
    QCOMPARE(r["shallow"], json::array({"ecommerce-microservices", "pfe-v2",
                                        "pfe-v2/pfe-application", "pfe-v2/pfe-platform"}));
    QCOMPARE(r["deep"].size(), std::size_t(7));
    QCOMPARE(r["deep"][5], "pfe-v2/pfe-platform/feature%2Flogin-page");
    QCOMPARE(r["mb"], json::array({"WorkflowMultiBranchProject",
                                   json::array({"develop", "feature%2Flogin-page", "main"})}));
    QCOMPARE(r["info"], json::array({"feature%2Flogin-page", "feature/login-page",
                                     "pfe-v2/pfe-platform/feature%2Flogin-page", 3, "WorkflowJob",
                                     "job/pfe-v2/job/pfe-platform/job/feature%252Flogin-page/"}));
    // The queue item is the run: on the branch, with the parameter; aborted while its Release
    // input waits.
    const long long id = r["queued"].get<long long>();
    QVERIFY(waitFor(id, [](const SimRun &run) { return run.state == SimRunState::Waiting; }));
    const SimRun run = *m_engine->run(id);
    QCOMPARE(run.branch, "feature/login-page");
    QCOMPARE(run.inputs.at("DEPLOY_ENV"), "review");
    QCOMPARE(run.pipeline, "pfe-v2/pfe-platform/feature%2Flogin-page/Jenkinsfile");
    const json stopped = python(QStringLiteral(R"(
j.get_whoami()
j.stop_build('pfe-v2/pfe-platform/feature%2Flogin-page', %1)
out(j.get_build_info('pfe-v2/pfe-platform/feature%2Flogin-page', %1)['result'])
)")
                                    .arg(run.number));
    QCOMPARE(stopped, "ABORTED");
    QCOMPARE(m_engine->run(id)->state, SimRunState::Cancelled);
}

QTEST_GUILESS_MAIN(tst_JenkinsSim)
#include "tst_jenkinssim.moc"
