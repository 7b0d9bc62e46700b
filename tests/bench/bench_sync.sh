#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sync benchmark (docs/PERFORMANCE.md, "Sync"): wall time, CPU time and peak RSS of
#   orrery --doctor --context C            (discovery, access reviews, full sync of 19 kinds)
# versus
#   kubectl get pods,deployments,replicasets,services -A -o json
# against one orrery-sim cluster with N synthetic pods, in the same run, median of RUNS.
#
# Usage: tests/bench/bench_sync.sh [BUILD_DIR]      (default build/release)
#        PODS=10000 RUNS=3 tests/bench/bench_sync.sh build/transport
#        ORRERY_APP=/path/to/orrery ORRERY_SIM=/path/to/orrery-sim override the binaries.
# The machine's load average is printed before and after: on a shared machine it decides
# the wall times more than the code does.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/release}"
pods="${PODS:-10000}"
runs="${RUNS:-3}"
sim="${ORRERY_SIM:-$build/sim/orrery-sim}"
app="${ORRERY_APP:-$build/app/orrery}"
for bin in "$sim" "$app" /usr/bin/time kubectl python3; do
    command -v "$bin" >/dev/null || { echo "bench_sync: missing $bin" >&2; exit 2; }
done

tmp="$(mktemp -d)"
simpid=""
cleanup() { [ -n "$simpid" ] && kill "$simpid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

"$sim" --scenario minimal --synthetic-pods "$pods" --kubeconfig-out "$tmp/kubeconfig" >"$tmp/sim.out" 2>"$tmp/sim.err" &
simpid=$!
for _ in $(seq 600); do grep -q '^ready ' "$tmp/sim.out" 2>/dev/null && break; sleep 0.1; done
grep -q '^ready ' "$tmp/sim.out" || { echo "bench_sync: orrery-sim did not start" >&2; cat "$tmp/sim.err" >&2; exit 1; }
export KUBECONFIG="$tmp/kubeconfig" HOME="$tmp/home"
mkdir -p "$HOME"
ctx="$(kubectl config current-context)"

measure() { # name, command...
    local name="$1"; shift
    /usr/bin/time -v "$@" >"$tmp/$name.stdout" 2>"$tmp/$name.time" || {
        echo "bench_sync: $name failed" >&2; tail -20 "$tmp/$name.time" >&2; exit 1; }
    python3 - "$tmp/$name.time" <<'PY' >>"$tmp/$name.samples"
import re, sys
t = open(sys.argv[1]).read()
def field(label):
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:02.34": the value follows the last ": ".
    line = next(l for l in t.splitlines() if l.strip().startswith(label))
    return line.rsplit(": ", 1)[1].strip()
parts = [float(p) for p in field("Elapsed (wall clock) time").split(":")]
wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(field("User time")) + float(field("System time"))
rss = int(field("Maximum resident set size")) / 1024
print(f"{wall:.3f} {cpu:.3f} {rss:.1f}")
PY
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# One warm-up each (page cache, the simulator's serialisation caches), then the measured runs.
"$app" --doctor --context "$ctx" --json >/dev/null 2>&1 || true
kubectl get pods,deployments,replicasets,services -A -o json --cache-dir "$tmp/cache" >/dev/null
for _ in $(seq "$runs"); do
    measure orrery "$app" --doctor --context "$ctx" --json
    measure kubectl kubectl get pods,deployments,replicasets,services -A -o json --cache-dir "$tmp/cache"
done

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
synced="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=d["contexts"][0]; print(c["objects"], next(k["objects"] for k in c["kinds"] if k["kind"]=="Pod"), c["usable"])' "$tmp/orrery.stdout")"
kubectl_items="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$tmp/kubectl.stdout")"

python3 - "$tmp/orrery.samples" "$tmp/kubectl.samples" "$pods" "$runs" "$synced" "$kubectl_items" <<'PY'
import statistics, sys
def med(path):
    rows = [list(map(float, l.split())) for l in open(path) if l.strip()]
    return [statistics.median(c) for c in zip(*rows)]
o, k = med(sys.argv[1]), med(sys.argv[2])
objects, pods, usable = sys.argv[5].split()
print(f"pods: {sys.argv[3]}, runs: {sys.argv[4]} (median)")
print(f"orrery synced {objects} objects ({pods} pods, usable={usable}); kubectl printed {sys.argv[6]} items")
print("| client | wall s | CPU s | peak RSS MB |")
print("|---|---|---|---|")
print(f"| orrery --doctor | {o[0]:.2f} | {o[1]:.2f} | {o[2]:.0f} |")
print(f"| kubectl get pods,deploy,rs,svc -A -o json | {k[0]:.2f} | {k[1]:.2f} | {k[2]:.0f} |")
print(f"| ratio orrery/kubectl | {o[0]/k[0]:.2f} | {o[1]/k[1]:.2f} | {o[2]/k[2]:.2f} |")
PY
