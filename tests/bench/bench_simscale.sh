#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Simulator at scale (docs/PERFORMANCE.md, "Simulator at scale"): orrery-sim holding a
# synthetic cluster of N pods on N/30 nodes (150,000 pods: 5,000 nodes, 30,000 Deployments
# with their ReplicaSets and Services, 6,000 HPAs), measured from outside:
#   - start: seconds until "ready"; the controllers' first pass: seconds until every Service
#     has its Endpoints; memory: RSS 10 s after that and peak RSS (VmHWM);
#   - a full sync as clients do it: every kind a sync lists (pods, nodes, namespaces,
#     deployments, replicasets, services, HPAs, endpoints, events ...) in pages of 500 over
#     one keep-alive HTTPS connection with Accept-Encoding: gzip, twice; the latency of each
#     pod page (request sent to last byte read), median / p95 / max, and the sync's wall time;
#   - the controllers' CPU over 10 s of steady state.
# Usage: tests/bench/bench_simscale.sh [path/to/orrery-sim] [PODS ...]
#        (default: build/test/sim/orrery-sim, 10000 50000 150000). Results go to stdout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sim="${1:-$root/build/test/sim/orrery-sim}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 50000 150000)
tmp="$(mktemp -d)"
simpid=""
cleanup() { [ -n "$simpid" ] && kill "$simpid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for pods in "${sizes[@]}"; do
    nodes=$(( (pods + 29) / 30 ))
    started=$(date +%s.%N)
    nodeargs=(--synthetic-nodes "$nodes")
    # ORRERY_BENCH_DEFAULT_NODES=1: the simulator's own node count (one per 100 pods), for
    # binaries older than --synthetic-nodes.
    [ "${ORRERY_BENCH_DEFAULT_NODES:-0}" = 1 ] && { nodeargs=(); nodes=$(( (pods + 99) / 100 )); }
    "$sim" --scenario minimal --synthetic-pods "$pods" "${nodeargs[@]}" \
        --kubeconfig-out "$tmp/kc" >"$tmp/out" 2>"$tmp/err" &
    simpid=$!
    for _ in $(seq 12000); do grep -q '^ready ' "$tmp/out" 2>/dev/null && break; sleep 0.1; done
    grep -q '^ready ' "$tmp/out" || { echo "orrery-sim did not start" >&2; cat "$tmp/err" >&2; exit 1; }
    ready=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)")
    url=$(sed -n 's/^ready //p' "$tmp/out")
    token=$(sed -n '/-viewer$/,/token:/s/^ *token: //p' "$tmp/kc" | head -1)
    # The controllers' first pass creates an Endpoints object per Service: settled when every
    # synthetic Service has one (then 10 s more).
    settle_start=$(date +%s)
    for _ in $(seq 1200); do
        eps=$(curl -sk -H "Authorization: Bearer $token" "$url/api/v1/endpoints?limit=1" |
            python3 -c 'import json,sys; m=json.load(sys.stdin)["metadata"]; print(m.get("remainingItemCount", 0) + 1)' 2>/dev/null || echo 0)
        [ "$eps" -ge $((pods / 5)) ] && break
        sleep 1
    done
    settled=$(( $(date +%s) - settle_start ))
    sleep 10
    rss_settled=$(awk '/VmRSS/{print int($2/1024)}' /proc/$simpid/status)
    /usr/bin/python3 - "$url" "$token" "$pods" "$nodes" "$ready" "$rss_settled" "$simpid" "$settled" <<'PY'
import gzip, http.client, json, ssl, statistics, sys, time, urllib.parse
url, token, pods, nodes, ready, rss_settled, pid, settled = sys.argv[1:9]
host = urllib.parse.urlparse(url)
ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
conn = http.client.HTTPSConnection(host.hostname, host.port, context=ctx, timeout=300)
headers = {"Authorization": "Bearer " + token, "Accept": "application/json",
           "Accept-Encoding": "gzip"}
kinds = ["/api/v1/pods", "/api/v1/nodes", "/api/v1/namespaces", "/apis/apps/v1/deployments",
         "/apis/apps/v1/replicasets", "/apis/apps/v1/statefulsets", "/apis/apps/v1/daemonsets",
         "/api/v1/services", "/api/v1/endpoints", "/apis/autoscaling/v2/horizontalpodautoscalers",
         "/apis/batch/v1/jobs", "/apis/batch/v1/cronjobs", "/api/v1/configmaps",
         "/api/v1/persistentvolumeclaims", "/api/v1/events"]
def ticks():
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(f[11]) + int(f[12])
def sync():
    pod_pages, objects, started = [], 0, time.perf_counter()
    for path in kinds:
        cont = ""
        while True:
            q = "?limit=500" + ("&continue=" + urllib.parse.quote(cont) if cont else "")
            t0 = time.perf_counter()
            conn.request("GET", path + q, headers=headers)
            r = conn.getresponse()
            body = r.read()
            took = time.perf_counter() - t0
            if r.getheader("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            assert r.status == 200, (path, r.status, body[:200])
            page = json.loads(body)
            objects += len(page["items"])
            if path == "/api/v1/pods":
                pod_pages.append(took * 1000)
            cont = page["metadata"].get("continue", "")
            if not cont:
                break
    return time.perf_counter() - started, objects, pod_pages
t0 = ticks()
first = sync()
second = sync()
cpu_sync = (ticks() - t0) / 100
t1 = ticks(); time.sleep(10); steady = (ticks() - t1) / 100 / 10 * 100
hwm = int(next(l for l in open(f"/proc/{pid}/status") if l.startswith("VmHWM")).split()[1]) // 1024
pages = sorted(first[2] + second[2])
p95 = pages[min(len(pages) - 1, int(len(pages) * 0.95))]
print(f"pods={pods} nodes={nodes} start={ready}s endpoints_after={settled}s rss_settled={rss_settled}MiB peak_rss={hwm}MiB "
      f"objects={first[1]} sync1={first[0]:.2f}s sync2={second[0]:.2f}s sim_cpu_2syncs={cpu_sync:.1f}s "
      f"pod_page_ms(n={len(pages)}) median={statistics.median(pages):.1f} p95={p95:.1f} "
      f"max={pages[-1]:.1f} steady_cpu={steady:.0f}%")
PY
    kill -INT "$simpid"; wait "$simpid" || true; simpid=""
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
