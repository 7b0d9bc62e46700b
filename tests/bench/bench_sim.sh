#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Simulator benchmark: peak RSS and CPU of orrery-sim holding N synthetic pods, and the time
# to serve a LIST of 10,000 pods as JSON over HTTPS (curl with the viewer's bearer token).
# Usage: tests/bench/bench_sim.sh [path/to/orrery-sim]   (results go to stdout)
set -eu
SIM=${1:-$(dirname "$0")/../../build/simserver/sim/orrery-sim}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

run() {
    pods=$1
    kc="$WORK/kc-$pods"
    "$SIM" --scenario minimal --synthetic-pods "$pods" --kubeconfig-out "$kc" > "$WORK/out-$pods" 2> "$WORK/err-$pods" &
    pid=$!
    i=0
    until grep -q '^ready ' "$WORK/out-$pods" 2>/dev/null; do
        i=$((i + 1)); [ $i -gt 600 ] && { echo "orrery-sim did not start"; kill $pid; exit 1; }
        sleep 0.5
    done
    url=$(sed -n 's/^ready //p' "$WORK/out-$pods")
    token=$(sed -n '/-viewer$/,/token:/s/^ *token: //p' "$kc" | head -1)
    sleep 10 # let the controllers settle
    count=$(curl -sk -H "Authorization: Bearer $token" "$url/api/v1/pods?limit=1" | grep -o '"remainingItemCount":[0-9]*' | cut -d: -f2)
    # LIST of (at most) 10,000 pods, three runs; time_total from curl.
    for n in 1 2 3; do
        curl -sk -o "$WORK/list" -w "%{time_total} %{size_download}\n" \
            -H "Authorization: Bearer $token" "$url/api/v1/pods?limit=10000" > "$WORK/t-$n"
    done
    items=$(grep -o '"kind":"Pod"' "$WORK/list" | wc -l)
    # CPU: utime+stime ticks over 10 s of steady state.
    t0=$(awk '{print $14+$15}' /proc/$pid/stat)
    sleep 10
    t1=$(awk '{print $14+$15}' /proc/$pid/stat)
    hz=$(getconf CLK_TCK)
    cpu=$(echo "$t0 $t1 $hz" | awk '{printf "%.1f", ($2-$1)/$3/10*100}')
    rss=$(awk '/VmHWM/{print $2}' /proc/$pid/status)
    kill -INT $pid; wait $pid || true
    echo "pods=$pods stored=$((count + 1)) peakRSS=$((rss / 1024))MiB steadyCPU=${cpu}% listItems=$items list10k(s,bytes)=$(cat "$WORK/t-1" "$WORK/t-2" "$WORK/t-3" | tr '\n' ' ')"
}

run 10000
run 50000
