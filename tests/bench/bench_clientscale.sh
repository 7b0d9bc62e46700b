#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Orrery's client at scale (docs/PERFORMANCE.md, "Client at scale", issue 16): orrery-sim
# holding a synthetic cluster of N pods on N/30 nodes (150,000 pods: 5,000 nodes, 30,000
# Deployments with their ReplicaSets and Services, 6,000 HPAs), started once per size; when
# its controllers' first pass is done (every Service has Endpoints), RUNS alternating runs of
#   bench_clientscale          the application's client stack (ClusterSession: discovery and
#                              every kind listed in pages of 500, then watched; the store;
#                              the Pods table) — sync, table, topology, churn (first run only);
#   kubectl get pods -A --chunk-size=500 -o json | wc -c     the peer, pods only;
#   orrery --doctor --context C --json      for every DOCTORS entry "name=path/to/orrery" (e.g.
#                              the build before a change: before and after in the same run);
# with /usr/bin/time -v around each (wall, CPU, peak RSS), medians printed at the end.
# Not part of ctest: minutes per size at 150,000 pods and 2-3 GB for the simulator.
# Usage: tests/bench/bench_clientscale.sh [BUILD_DIR] [PODS ...]
#        (default build/test, 150000); RUNS=3; BENCH=path/to/bench_clientscale overrides.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/test}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(150000)
runs="${RUNS:-3}"
sim="${ORRERY_SIM:-$build/sim/orrery-sim}"
bench="${BENCH:-$build/tests/bench/bench_clientscale}"
for bin in "$sim" "$bench" /usr/bin/time kubectl curl; do
    command -v "$bin" >/dev/null || { echo "bench_clientscale: missing $bin" >&2; exit 2; }
done
tmp="$(mktemp -d)"
simpid=""
cleanup() { [ -n "$simpid" ] && kill "$simpid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export QT_QPA_PLATFORM=offscreen HOME="$tmp/home"
mkdir -p "$HOME"

timed() { # name, command... : appends "wall cpu rssMB" to $tmp/name.samples
    local name="$1"; shift
    /usr/bin/time -v -o "$tmp/$name.time" "$@"
    python3 - "$tmp/$name.time" >>"$tmp/$name.samples" <<'PY'
import sys
t = open(sys.argv[1]).read().splitlines()
def field(label):
    return next(l for l in t if l.strip().startswith(label)).rsplit(": ", 1)[1].strip()
parts = [float(p) for p in field("Elapsed (wall clock) time").split(":")]
wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
print(f"{wall:.2f} {float(field('User time')) + float(field('System time')):.2f} {int(field('Maximum resident set size')) / 1024:.0f}")
PY
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for pods in "${sizes[@]}"; do
    rm -f "$tmp"/*.samples "$tmp"/bench.out
    nodes=$(( (pods + 29) / 30 ))
    "$sim" --scenario minimal --synthetic-pods "$pods" --synthetic-nodes "$nodes" \
        --kubeconfig-out "$tmp/kc" >"$tmp/sim.out" 2>"$tmp/sim.err" &
    simpid=$!
    for _ in $(seq 12000); do grep -q '^ready ' "$tmp/sim.out" 2>/dev/null && break; sleep 0.1; done
    grep -q '^ready ' "$tmp/sim.out" || { echo "orrery-sim did not start" >&2; cat "$tmp/sim.err" >&2; exit 1; }
    url=$(sed -n 's/^ready //p' "$tmp/sim.out")
    export KUBECONFIG="$tmp/kc"
    ctx="$(kubectl config current-context)"
    token=$(sed -n '/-viewer$/,/token:/s/^ *token: //p' "$tmp/kc" | head -1)
    # Settled when every synthetic Service has its Endpoints (the controllers' first pass).
    for _ in $(seq 1200); do
        eps=$(curl -sk -H "Authorization: Bearer $token" "$url/api/v1/endpoints?limit=1" |
            python3 -c 'import json,sys; m=json.load(sys.stdin)["metadata"]; print(m.get("remainingItemCount", 0) + 1)' 2>/dev/null || echo 0)
        [ "$eps" -ge $((pods / 5)) ] && break
        sleep 1
    done
    # 2,000 real pods for the churn phase.
    curl -sk -H "Authorization: Bearer $token" "$url/api/v1/pods?limit=2000" >"$tmp/page.json"
    echo "pods=$pods nodes=$nodes context=$ctx simulator RSS $(awk '/VmRSS/{print int($2/1024)}' /proc/$simpid/status) MiB"
    for run in $(seq "$runs"); do
        page=""
        [ "$run" = 1 ] && page="$tmp/page.json"
        timed orrery "$bench" "$tmp/kc" "$ctx" "$pods" $page >"$tmp/run.out" 2>"$tmp/run.err" || {
            echo "bench_clientscale failed" >&2; cat "$tmp/run.out" "$tmp/run.err" >&2; exit 1; }
        cat "$tmp/run.out" | tee -a "$tmp/bench.out"
        for d in ${DOCTORS:-}; do
            timed "doctor-${d%%=*}" "${d#*=}" --doctor --context "$ctx" --json >"$tmp/doctor.json" || {
                echo "doctor ${d%%=*} failed" >&2; exit 1; }
            echo "doctor ${d%%=*} run $run: $(tail -1 "$tmp/doctor-${d%%=*}.samples") $(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["contexts"][0]; print("objects", c["objects"], "syncMs", c.get("syncMs"))' "$tmp/doctor.json" 2>/dev/null)"
        done
        timed kubectl sh -c 'kubectl get pods -A --chunk-size=500 -o json | wc -c' >"$tmp/kubectl.out"
        echo "kubectl run $run: $(tail -1 "$tmp/kubectl.samples") bytes=$(cat "$tmp/kubectl.out")"
    done
    python3 - "$tmp" "$pods" "$runs" <<'PY'
import re, statistics, sys
tmp, pods, runs = sys.argv[1:4]
def med(name):
    rows = [list(map(float, l.split())) for l in open(f"{tmp}/{name}.samples") if l.strip()]
    return [statistics.median(c) for c in zip(*rows)]
o, k = med("orrery"), med("kubectl")
sync = [dict(re.findall(r"(\w+)=(\S+)", l)) for l in open(f"{tmp}/bench.out") if l.startswith("sync ")]
def m(key):
    return statistics.median(float(s[key]) for s in sync)
print(f"pods={pods} runs={runs} (medians)")
print(f"orrery: first_rows={m('first_rows_ms'):.0f}ms first_paint={m('first_paint_ms'):.0f}ms "
      f"full_table={m('full_table_ms'):.0f}ms stalls_over_100ms={m('stalls_over_100ms'):.0f} "
      f"max_stall={m('max_stall_ms'):.0f}ms "
      f"synced={m('synced_ms'):.0f}ms gui_cpu={m('gui_cpu_ms'):.0f}ms process_cpu={m('process_cpu_ms'):.0f}ms "
      f"cpu_per_object={m('cpu_us_per_object'):.1f}us peak_rss={m('peak_rss_mb'):.0f}MB objects={m('objects'):.0f}")
print(f"| client | wall s | CPU s | peak RSS MB |")
print(f"|---|---|---|---|")
print(f"| bench_clientscale (sync of every kind + Pods table{', + topology + churn in run 1' if int(runs) else ''}) | {o[0]:.2f} | {o[1]:.2f} | {o[2]:.0f} |")
import glob, os
for f in sorted(glob.glob(f"{tmp}/doctor-*.samples")):
    name = os.path.basename(f)[:-len(".samples")]
    d = med(name)
    print(f"| orrery --doctor ({name[7:]}) | {d[0]:.2f} | {d[1]:.2f} | {d[2]:.0f} |")
print(f"| kubectl get pods -A --chunk-size=500 -o json | {k[0]:.2f} | {k[1]:.2f} | {k[2]:.0f} |")
print(f"| ratio synced_ms / kubectl wall | {m('synced_ms') / 1000 / k[0]:.2f} | | {m('peak_rss_mb') / k[2]:.2f} |")
PY
    kill -INT "$simpid"; wait "$simpid" || true; simpid=""
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
