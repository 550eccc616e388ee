#!/usr/bin/env bash
# Overload: SIPp offers more calls a second than the PBX can take (default 6,000/s, about twice
# its capacity on two cores) from a cold start; the PBX must answer the excess 503 + Retry-After
# and keep the calls it took. Prints the offered, accepted and refused rates, retransmissions, CPU
# and RSS. Usage: bench/run sip-overload [seconds] [offered-rate]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bin/jdk.sh"
WORK=$(mktemp -d); . "$ROOT/bench/sip/pbx.sh"
SECS=${1:-20}; RATE=${2:-6000}
start_pbx
calls=$((RATE * SECS))
c0=$(cpu_ticks "$PBX_PID"); t0=$(date +%s%N)
peak=0
(cd "$WORK" && timeout $((SECS * 4 + 60)) sipp -sf "$ROOT/bench/sip/uac-overload.xml" 127.0.0.1:$SIP_PORT -s rate -i 127.0.0.1 \
    -p 25190 -m "$calls" -r "$RATE" -l $((RATE * 2)) -nostdin -trace_screen -screen_file "$WORK/screen.log" \
    > /dev/null 2>&1) &
sp=$!
while kill -0 "$sp" 2>/dev/null; do # the highest RSS while SIPp runs, once a second
    r=$(rss_kb "$PBX_PID"); [ "$r" -gt "$peak" ] && peak=$r
    sleep 1
done
wait "$sp" || true
t1=$(date +%s%N); c1=$(cpu_ticks "$PBX_PID")
elapsed_ms=$(( (t1 - t0) / 1000000 ))
count() { awk -v m="$1" '$1 == m && /<----------/ {for (i = 1; i <= NF; i++) if ($i == "<----------") {print $(i + 1); exit}}' "$WORK/screen.log"; }
refused=$(count 503); refused=${refused:-0}
failed=$(awk -F'|' '/Failed call/ {gsub(/ /,"",$3); v=$3} END {print v+0}' "$WORK/screen.log")
done_ok=$(awk -F'|' '/Successful call/ {gsub(/ /,"",$3); v=$3} END {print v+0}' "$WORK/screen.log")
retrans=$(awk '/---------->|<----------/ {for (i = 1; i <= NF; i++) if ($i ~ /^(---------->|<----------)$/) {n = $(i + 2); if ($(i + 1) ~ /E-RTD/) n = $(i + 3)}; s += n} END {print s + 0}' "$WORK/screen.log")
cpu=$(( (c1 - c0) * 100 / $(getconf CLK_TCK) * 1000 / elapsed_ms ))
answered=$((done_ok - refused))
echo "offered ${RATE}/s for ${SECS} s (${calls} calls, ${elapsed_ms} ms): $answered answered ($(( answered * 1000 / elapsed_ms ))/s), ${refused} refused with 503 ($(( refused * 1000 / elapsed_ms ))/s), ${failed} failed, ${retrans} retransmissions, PBX CPU ~${cpu}% (of $(nproc)00%), RSS peak $((peak / 1024)) MB, end $(( $(rss_kb "$PBX_PID") / 1024 )) MB"
