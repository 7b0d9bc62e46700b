#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Churn at scale (docs/PERFORMANCE.md, "Client at scale", churn; issue 16): orrery-sim holding
# a synthetic cluster of N pods on N/30 nodes; when its controllers' first pass is done
# (every Service has Endpoints), bench_churn syncs the client (ClusterSession, store, Pods
# table), has the simulator delete RATE pods per second for SECONDS (they are recreated:
# several events each), then compares the store with the server's pods. The simulator's CPU
# and RSS over the churn are printed too.
# Not part of ctest: minutes and 2 GB of simulator at 150,000 pods.
# Usage: tests/bench/bench_churn.sh [BUILD_DIR] [PODS] [RATE] [SECONDS]
#        (default build/test 150000 330 60); BENCH=path/to/bench_churn overrides.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/test}"
pods="${2:-150000}"
rate="${3:-330}"
seconds="${4:-60}"
sim="${ORRERY_SIM:-$build/sim/orrery-sim}"
bench="${BENCH:-$build/tests/bench/bench_churn}"
for bin in "$sim" "$bench" /usr/bin/time curl; do
    command -v "$bin" >/dev/null || { echo "bench_churn: missing $bin" >&2; exit 2; }
done
tmp="$(mktemp -d)"
simpid=""
cleanup() { [ -n "$simpid" ] && kill "$simpid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export QT_QPA_PLATFORM=offscreen HOME="$tmp/home"
mkdir -p "$HOME"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
nodes=$(( (pods + 29) / 30 ))
"$sim" --scenario minimal --synthetic-pods "$pods" --synthetic-nodes "$nodes" \
    --kubeconfig-out "$tmp/kc" >"$tmp/sim.out" 2>"$tmp/sim.err" &
simpid=$!
for _ in $(seq 12000); do grep -q '^ready ' "$tmp/sim.out" 2>/dev/null && break; sleep 0.1; done
grep -q '^ready ' "$tmp/sim.out" || { echo "orrery-sim did not start" >&2; cat "$tmp/sim.err" >&2; exit 1; }
url=$(sed -n 's/^ready //p' "$tmp/sim.out")
ctx=$(sed -n 's/^current-context: *//p' "$tmp/kc" | tr -d '"')
token=$(sed -n '/-viewer$/,/token:/s/^ *token: //p' "$tmp/kc" | head -1)
for _ in $(seq 1200); do
    eps=$(curl -sk -H "Authorization: Bearer $token" "$url/api/v1/endpoints?limit=1" |
        python3 -c 'import json,sys; m=json.load(sys.stdin)["metadata"]; print(m.get("remainingItemCount", 0) + 1)' 2>/dev/null || echo 0)
    [ "$eps" -ge $((pods / 5)) ] && break
    sleep 1
done
ticks() { awk '{print $14 + $15}' "/proc/$simpid/stat"; }
echo "pods=$pods nodes=$nodes rate=$rate seconds=$seconds context=$ctx simulator RSS $(awk '/VmRSS/{print int($2/1024)}' /proc/$simpid/status) MiB"
# The simulator's CPU from the bench's start to its end (sync, churn, check).
t0=$(ticks)
/usr/bin/time -v -o "$tmp/bench.time" "$bench" "$tmp/kc" "$ctx" "$pods" "$rate" "$seconds" | tee "$tmp/bench.out"
status=${PIPESTATUS[0]}
t1=$(ticks)
echo "simulator: CPU $(( (t1 - t0) / $(getconf CLK_TCK) )) s over the bench, RSS $(awk '/VmRSS/{print int($2/1024)}' /proc/$simpid/status) MiB, peak $(awk '/VmHWM/{print int($2/1024)}' /proc/$simpid/status) MiB"
echo "bench_churn: $(grep -E 'Elapsed|Maximum resident' "$tmp/bench.time" | sed 's/^\s*//' | tr '\n' ' ')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
