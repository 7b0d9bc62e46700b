#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The official Python client (Debian python3-kubernetes) as a judge of orrery-sim
# (tests/sim/tst_officialclients_sim.cpp): list with paging, watch from a resourceVersion,
# the client's own spelling of boolean query parameters, the scale subresource, logs,
# server-side dry run and errors as Status objects.
#
# Usage: kubeclient_judge.py KUBECONFIG CONTEXT NAMESPACE
# Prints one JSON object {"client": ..., "checks": [{"name", "ok", "detail"}]} on stdout; every
# check runs even when an earlier one failed. The namespace must not exist yet.
import json
import re
import sys
import time

from kubernetes import __version__ as client_version
from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException

kubeconfig, context, ns = sys.argv[1], sys.argv[2], sys.argv[3]
api = config.new_client_from_config(config_file=kubeconfig, context=context)
core = client.CoreV1Api(api)
apps = client.AppsV1Api(api)
checks = []


def check(name, ok, detail=""):
    checks.append({"name": name, "ok": bool(ok), "detail": str(detail)})


def run(name, fn):
    try:
        fn()
    except Exception as e:  # a check that throws fails with what was thrown
        check(name, False, "%s: %s" % (type(e).__name__, e))


def status_of(e):
    """The Status object of an ApiException, or None when the body is not one."""
    try:
        body = json.loads(e.body)
    except (TypeError, ValueError):
        return None
    return body if isinstance(body, dict) and body.get("kind") == "Status" else None


def expect_status(name, fn, code, reason, details_name=None):
    try:
        fn()
    except ApiException as e:
        s = status_of(e)
        ok = (e.status == code and s is not None and s.get("apiVersion") == "v1"
              and s.get("status") == "Failure" and s.get("code") == code
              and s.get("reason") == reason and bool(s.get("message"))
              and (details_name is None or s.get("details", {}).get("name") == details_name)
              # Go's omitempty: the core group is left out of details, never "".
              and s.get("details", {}).get("group") != "")
        check(name, ok, "HTTP %s, body %s" % (e.status, e.body))
        return
    check(name, False, "no error")


def config_map(name, labels=None, data=None):
    return client.V1ConfigMap(metadata=client.V1ObjectMeta(name=name, labels=labels),
                              data=data or {"k": "v"})


core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=ns)))
page_names = ["judge-%02d" % i for i in range(7)]
for n in page_names:
    core.create_namespaced_config_map(ns, config_map(n, {"judge": "page"}))


def paging():
    seen, token, pages, remaining = [], None, 0, []
    while True:
        kwargs = {"label_selector": "judge=page", "limit": 3}
        if token:
            kwargs["_continue"] = token
        page = core.list_namespaced_config_map(ns, **kwargs)
        pages += 1
        seen += [i.metadata.name for i in page.items]
        remaining.append(page.metadata.remaining_item_count)
        token = page.metadata._continue
        if not token or pages > 10:
            break
    check("list-paging", seen == page_names and pages == 3 and remaining == [4, 1, None],
          "names %s, pages %d, remainingItemCount %s" % (seen, pages, remaining))
    # Every namespace, two at a time: the same objects as one unpaged list.
    whole = [(i.metadata.namespace, i.metadata.name)
             for i in core.list_config_map_for_all_namespaces().items]
    paged, token = [], None
    for _ in range(200):
        kwargs = {"limit": 2}
        if token:
            kwargs["_continue"] = token
        page = core.list_config_map_for_all_namespaces(**kwargs)
        paged += [(i.metadata.namespace, i.metadata.name) for i in page.items]
        token = page.metadata._continue
        if not token:
            break
    check("list-paging-all-namespaces", paged == whole and len(whole) > 8,
          "%d paged, %d unpaged" % (len(paged), len(whole)))


def watch_from_resource_version():
    rv = core.list_namespaced_config_map(ns).metadata.resource_version
    core.create_namespaced_config_map(ns, config_map("judge-watch"))
    core.patch_namespaced_config_map("judge-watch", ns, {"data": {"k": "changed"}})
    core.delete_namespaced_config_map("judge-watch", ns)
    events, versions = [], []
    w = watch.Watch()
    # The client sends watch=True and allowWatchBookmarks=True (Python's spelling).
    for ev in w.stream(core.list_namespaced_config_map, ns, resource_version=rv,
                       allow_watch_bookmarks=True, timeout_seconds=10):
        obj = ev["object"]
        if ev["type"] == "BOOKMARK" or obj.metadata.name != "judge-watch":
            continue
        events.append(ev["type"])
        versions.append(int(obj.metadata.resource_version))
        if len(events) == 3:
            w.stop()
    ok = (events == ["ADDED", "MODIFIED", "DELETED"] and versions == sorted(versions)
          and all(v > int(rv) for v in versions))
    check("watch-from-resource-version", ok, "events %s at %s after %s" % (events, versions, rv))
    # Without a resourceVersion: the current objects as ADDED, then nothing until the timeout.
    added = [ev["object"].metadata.name
             for ev in watch.Watch().stream(core.list_namespaced_config_map, ns,
                                            label_selector="judge=page", timeout_seconds=1)
             if ev["type"] == "ADDED"]
    check("watch-initial-events", added == page_names, added)


def boolean_spellings():
    # watch=<spelling> on a collection: kube-apiserver reads "0" and "false" in any case as
    # false, anything else as true (apimachinery's Convert_Slice_string_To_bool).
    wrong = []
    for spelling, is_watch in [("true", True), ("True", True), ("TRUE", True), ("1", True),
                               ("t", True), ("T", True), ("false", False), ("False", False),
                               ("FALSE", False), ("0", False)]:
        r = api.call_api("/api/v1/namespaces/{namespace}/configmaps", "GET",
                         path_params={"namespace": ns},
                         query_params=[("watch", spelling), ("labelSelector", "judge=page"),
                                       ("timeoutSeconds", "1")],
                         header_params={"Accept": "application/json"},
                         auth_settings=["BearerToken"], _preload_content=False,
                         _return_http_data_only=True)
        body = r.data.decode()
        first = json.loads(body.splitlines()[0])
        watched = "type" in first and first.get("object", {}).get("kind") == "ConfigMap"
        listed = first.get("kind") == "ConfigMapList"
        if (is_watch and not watched) or (not is_watch and not listed):
            wrong.append("%s: %s" % (spelling, body[:80]))
    check("watch-boolean-spellings", not wrong, wrong)


def scale_subresource():
    labels = {"app": "judge-app"}
    apps.create_namespaced_deployment(ns, client.V1Deployment(
        metadata=client.V1ObjectMeta(name="judge-app"),
        spec=client.V1DeploymentSpec(
            replicas=1, selector=client.V1LabelSelector(match_labels=labels),
            template=client.V1PodTemplateSpec(
                metadata=client.V1ObjectMeta(labels=labels),
                spec=client.V1PodSpec(containers=[
                    client.V1Container(name="web", image="nginx:1.25.3")])))))
    scale = apps.read_namespaced_deployment_scale("judge-app", ns)
    check("scale-read", scale.kind == "Scale" and scale.api_version == "autoscaling/v1"
          and scale.spec.replicas == 1 and scale.metadata.name == "judge-app",
          scale.to_dict())
    patched = apps.patch_namespaced_deployment_scale("judge-app", ns, {"spec": {"replicas": 2}})
    stored = apps.read_namespaced_deployment("judge-app", ns)
    check("scale-patch", patched.kind == "Scale" and patched.spec.replicas == 2
          and stored.spec.replicas == 2,
          "patched %s, deployment %s" % (patched.spec.replicas, stored.spec.replicas))


def running_pod():
    deadline = time.time() + 90
    while time.time() < deadline:
        for p in core.list_namespaced_pod(ns, label_selector="app=judge-app").items:
            if p.status.phase == "Running":
                return p.metadata.name
        time.sleep(0.5)
    raise RuntimeError("no pod of judge-app running after 90 s")


def logs():
    pod = running_pod()
    # Lines arrive as sim time passes: wait for at least three.
    deadline = time.time() + 60
    text = ""
    while time.time() < deadline:
        text = core.read_namespaced_pod_log(pod, ns)
        if len(text.splitlines()) >= 3:
            break
        time.sleep(0.5)
    check("logs", len(text.splitlines()) >= 3, "%d lines" % len(text.splitlines()))
    tail = core.read_namespaced_pod_log(pod, ns, tail_lines=2)
    check("logs-tail-lines", len(tail.splitlines()) == 2, tail)
    stamped = core.read_namespaced_pod_log(pod, ns, tail_lines=2, timestamps=True)
    stamp = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z ")
    check("logs-timestamps", len(stamped.splitlines()) == 2
          and all(stamp.match(l) for l in stamped.splitlines()), stamped)
    expect_status("logs-previous-400",
                  lambda: core.read_namespaced_pod_log(pod, ns, previous=True), 400, "BadRequest")


def dry_run():
    created = core.create_namespaced_config_map(ns, config_map("judge-dry"), dry_run="All")
    check("dry-run-create", created.metadata.name == "judge-dry" and created.metadata.uid,
          created.metadata)
    expect_status("dry-run-create-not-stored",
                  lambda: core.read_namespaced_config_map("judge-dry", ns), 404, "NotFound",
                  "judge-dry")
    patched = apps.patch_namespaced_deployment("judge-app", ns, {"spec": {"replicas": 5}},
                                               dry_run="All")
    stored = apps.read_namespaced_deployment("judge-app", ns)
    check("dry-run-patch", patched.spec.replicas == 5 and stored.spec.replicas == 2,
          "answered %s, stored %s" % (patched.spec.replicas, stored.spec.replicas))
    core.delete_namespaced_config_map("judge-00", ns, dry_run="All")
    still = core.read_namespaced_config_map("judge-00", ns)
    check("dry-run-delete", still.metadata.name == "judge-00", still.metadata.name)


def errors():
    expect_status("not-found-status", lambda: core.read_namespaced_config_map("absent", ns),
                  404, "NotFound", "absent")
    expect_status("already-exists-status",
                  lambda: core.create_namespaced_config_map(ns, config_map("judge-00")),
                  409, "AlreadyExists", "judge-00")
    current = core.read_namespaced_config_map("judge-01", ns)
    stale = config_map("judge-01", data={"k": "stale"})
    stale.metadata.resource_version = current.metadata.resource_version
    core.replace_namespaced_config_map("judge-01", ns, config_map("judge-01",
                                                                  data={"k": "newer"}))
    expect_status("conflict-status",
                  lambda: core.replace_namespaced_config_map("judge-01", ns, stale),
                  409, "Conflict", "judge-01")


for name, fn in [("list-paging", paging), ("watch-from-resource-version",
                                            watch_from_resource_version),
                 ("watch-boolean-spellings", boolean_spellings),
                 ("scale", scale_subresource), ("logs", logs), ("dry-run", dry_run),
                 ("errors", errors)]:
    run(name, fn)

print(json.dumps({"client": "python3-kubernetes " + client_version, "checks": checks}))
