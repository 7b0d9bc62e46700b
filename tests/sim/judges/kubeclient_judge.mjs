// SPDX-License-Identifier: GPL-3.0-or-later
// The official JavaScript client (npm @kubernetes/client-node, installed by scripts/deps.sh
// into a cache directory) as a judge of orrery-sim (tests/sim/tst_officialclients_sim.cpp):
// the same checks as kubeclient_judge.py, with this client's own requests (its spelling of
// boolean query parameters, JSON patch as its default patch type).
//
// Usage: node kubeclient_judge.mjs NODE_DEPS_DIR KUBECONFIG CONTEXT NAMESPACE
// Prints one JSON object {"client": ..., "checks": [{"name", "ok", "detail"}]} on stdout.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [depsDir, kubeconfig, context, ns] = process.argv.slice(2);
const clientDir = path.join(depsDir, 'node_modules', '@kubernetes', 'client-node');
const k8s = await import(pathToFileURL(path.join(clientDir, 'dist', 'index.js')).href);
const version = JSON.parse(readFileSync(path.join(clientDir, 'package.json'), 'utf8')).version;

const kc = new k8s.KubeConfig();
kc.loadFromFile(kubeconfig);
kc.setCurrentContext(context);
const core = kc.makeApiClient(k8s.CoreV1Api);
const apps = kc.makeApiClient(k8s.AppsV1Api);
const checks = [];
const check = (name, ok, detail = '') =>
    checks.push({ name, ok: Boolean(ok), detail: typeof detail === 'string' ? detail : JSON.stringify(detail) });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const names = (list) => list.items.map((i) => i.metadata.name);

async function run(name, fn) {
    try {
        await fn();
    } catch (e) {
        check(name, false, `${e.constructor.name}: ${e.message}`);
    }
}

function statusOf(e) {
    let body = e.body;
    if (typeof body === 'string') {
        try { body = JSON.parse(body); } catch { return null; }
    }
    return body && body.kind === 'Status' ? body : null;
}

async function expectStatus(name, fn, code, reason, detailsName) {
    try {
        await fn();
    } catch (e) {
        const s = statusOf(e);
        const details = (s && s.details) || {};
        const ok = e.code === code && s !== null && s.apiVersion === 'v1' && s.status === 'Failure'
            && s.code === code && s.reason === reason && Boolean(s.message)
            && (detailsName === undefined || details.name === detailsName)
            && details.group !== '';
        check(name, ok, `HTTP ${e.code}, body ${JSON.stringify(e.body)}`);
        return;
    }
    check(name, false, 'no error');
}

const configMap = (name, labels, data = { k: 'v' }) => ({ metadata: { name, labels }, data });

await core.createNamespace({ body: { metadata: { name: ns } } });
const pageNames = Array.from({ length: 7 }, (_, i) => `judge-0${i}`);
for (const n of pageNames)
    await core.createNamespacedConfigMap({ namespace: ns, body: configMap(n, { judge: 'page' }) });

async function paging() {
    const seen = [], remaining = [];
    let token, pages = 0;
    do {
        const page = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'judge=page', limit: 3, _continue: token });
        pages += 1;
        seen.push(...names(page));
        remaining.push(page.metadata.remainingItemCount ?? null);
        token = page.metadata._continue;
    } while (token && pages < 10);
    check('list-paging', JSON.stringify(seen) === JSON.stringify(pageNames) && pages === 3
        && JSON.stringify(remaining) === '[4,1,null]', { seen, pages, remaining });
    const key = (i) => `${i.metadata.namespace}/${i.metadata.name}`;
    const whole = (await core.listConfigMapForAllNamespaces()).items.map(key);
    const paged = [];
    token = undefined;
    for (let i = 0; i < 200; ++i) {
        const page = await core.listConfigMapForAllNamespaces({ limit: 2, _continue: token });
        paged.push(...page.items.map(key));
        token = page.metadata._continue;
        if (!token)
            break;
    }
    check('list-paging-all-namespaces', JSON.stringify(paged) === JSON.stringify(whole) && whole.length > 8,
        `${paged.length} paged, ${whole.length} unpaged`);
}

// Collects the watch's events until `enough` says so or the server ends it.
function collect(query, enough) {
    return new Promise((resolve, reject) => {
        const events = [];
        let controller;
        new k8s.Watch(kc).watch(`/api/v1/namespaces/${ns}/configmaps`, query, (type, obj) => {
            events.push({ type, name: obj.metadata.name, rv: Number(obj.metadata.resourceVersion) });
            if (enough(events) && controller)
                controller.abort();
        }, (err) => (err && err.name !== 'AbortError' ? reject(err) : resolve(events)))
            .then((c) => { controller = c; if (enough(events)) c.abort(); }, reject);
    });
}

async function watchFromResourceVersion() {
    const rv = (await core.listNamespacedConfigMap({ namespace: ns })).metadata.resourceVersion;
    await core.createNamespacedConfigMap({ namespace: ns, body: configMap('judge-watch') });
    await core.patchNamespacedConfigMap({ name: 'judge-watch', namespace: ns, body: [{ op: 'replace', path: '/data/k', value: 'changed' }] });
    await core.deleteNamespacedConfigMap({ name: 'judge-watch', namespace: ns });
    const mine = (events) => events.filter((e) => e.type !== 'BOOKMARK' && e.name === 'judge-watch');
    const events = mine(await collect({ resourceVersion: rv, allowWatchBookmarks: true, timeoutSeconds: 10 },
        (ev) => mine(ev).length >= 3));
    const types = events.map((e) => e.type), versions = events.map((e) => e.rv);
    check('watch-from-resource-version', JSON.stringify(types) === '["ADDED","MODIFIED","DELETED"]'
        && versions.every((v, i) => v > Number(rv) && (i === 0 || v > versions[i - 1])), { types, versions, rv });
    const added = (await collect({ labelSelector: 'judge=page', timeoutSeconds: 1 }, () => false))
        .filter((e) => e.type === 'ADDED').map((e) => e.name);
    check('watch-initial-events', JSON.stringify(added) === JSON.stringify(pageNames), added);
}

async function scaleSubresource() {
    const labels = { app: 'judge-app' };
    await apps.createNamespacedDeployment({ namespace: ns, body: {
        metadata: { name: 'judge-app' },
        spec: { replicas: 1, selector: { matchLabels: labels },
            template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.25.3' }] } } } } });
    const scale = await apps.readNamespacedDeploymentScale({ name: 'judge-app', namespace: ns });
    check('scale-read', scale.kind === 'Scale' && scale.apiVersion === 'autoscaling/v1'
        && scale.spec.replicas === 1 && scale.metadata.name === 'judge-app', scale);
    // The client's default patch type is a JSON patch; a merge patch needs its header option.
    const patched = await apps.patchNamespacedDeploymentScale({ name: 'judge-app', namespace: ns,
        body: [{ op: 'replace', path: '/spec/replicas', value: 3 }] });
    const merged = await apps.patchNamespacedDeploymentScale({ name: 'judge-app', namespace: ns,
        body: { spec: { replicas: 2 } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    const stored = await apps.readNamespacedDeployment({ name: 'judge-app', namespace: ns });
    check('scale-patch', patched.kind === 'Scale' && patched.spec.replicas === 3 && merged.spec.replicas === 2
        && stored.spec.replicas === 2, { json: patched.spec.replicas, merge: merged.spec.replicas, stored: stored.spec.replicas });
}

async function runningPod() {
    for (const deadline = Date.now() + 90000; Date.now() < deadline; await sleep(500)) {
        const pods = await core.listNamespacedPod({ namespace: ns, labelSelector: 'app=judge-app' });
        const running = pods.items.find((p) => p.status && p.status.phase === 'Running');
        if (running)
            return running.metadata.name;
    }
    throw new Error('no pod of judge-app running after 90 s');
}

async function logs() {
    const pod = await runningPod();
    const lines = (t) => t.split('\n').filter((l) => l.length > 0);
    let text = '';
    for (const deadline = Date.now() + 60000; Date.now() < deadline; await sleep(500)) {
        text = await core.readNamespacedPodLog({ name: pod, namespace: ns });
        if (lines(text).length >= 3)
            break;
    }
    check('logs', lines(text).length >= 3, `${lines(text).length} lines`);
    const tail = await core.readNamespacedPodLog({ name: pod, namespace: ns, tailLines: 2 });
    check('logs-tail-lines', lines(tail).length === 2, tail);
    const stamped = await core.readNamespacedPodLog({ name: pod, namespace: ns, tailLines: 2, timestamps: true });
    const stamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z /;
    check('logs-timestamps', lines(stamped).length === 2 && lines(stamped).every((l) => stamp.test(l)), stamped);
    await expectStatus('logs-previous-400',
        () => core.readNamespacedPodLog({ name: pod, namespace: ns, previous: true }), 400, 'BadRequest');
}

async function dryRun() {
    const created = await core.createNamespacedConfigMap({ namespace: ns, body: configMap('judge-dry'), dryRun: 'All' });
    check('dry-run-create', created.metadata.name === 'judge-dry' && Boolean(created.metadata.uid), created.metadata);
    await expectStatus('dry-run-create-not-stored',
        () => core.readNamespacedConfigMap({ name: 'judge-dry', namespace: ns }), 404, 'NotFound', 'judge-dry');
    const patched = await apps.patchNamespacedDeployment({ name: 'judge-app', namespace: ns,
        body: [{ op: 'replace', path: '/spec/replicas', value: 5 }], dryRun: 'All' });
    const stored = await apps.readNamespacedDeployment({ name: 'judge-app', namespace: ns });
    check('dry-run-patch', patched.spec.replicas === 5 && stored.spec.replicas === 2,
        { answered: patched.spec.replicas, stored: stored.spec.replicas });
    await core.deleteNamespacedConfigMap({ name: 'judge-00', namespace: ns, dryRun: 'All' });
    const still = await core.readNamespacedConfigMap({ name: 'judge-00', namespace: ns });
    check('dry-run-delete', still.metadata.name === 'judge-00', still.metadata.name);
}

async function errors() {
    await expectStatus('not-found-status',
        () => core.readNamespacedConfigMap({ name: 'absent', namespace: ns }), 404, 'NotFound', 'absent');
    await expectStatus('already-exists-status',
        () => core.createNamespacedConfigMap({ namespace: ns, body: configMap('judge-00') }), 409, 'AlreadyExists', 'judge-00');
    const current = await core.readNamespacedConfigMap({ name: 'judge-01', namespace: ns });
    const stale = configMap('judge-01', undefined, { k: 'stale' });
    stale.metadata.resourceVersion = current.metadata.resourceVersion;
    await core.replaceNamespacedConfigMap({ name: 'judge-01', namespace: ns, body: configMap('judge-01', undefined, { k: 'newer' }) });
    await expectStatus('conflict-status',
        () => core.replaceNamespacedConfigMap({ name: 'judge-01', namespace: ns, body: stale }), 409, 'Conflict', 'judge-01');
}

for (const [name, fn] of [['list-paging', paging], ['watch-from-resource-version', watchFromResourceVersion],
    ['scale', scaleSubresource], ['logs', logs], ['dry-run', dryRun], ['errors', errors]])
    await run(name, fn);

console.log(JSON.stringify({ client: `@kubernetes/client-node ${version}`, checks }));
