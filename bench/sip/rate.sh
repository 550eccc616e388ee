#!/usr/bin/env bash
# SIP call rate: SIPp's standard UAC (INVITE, 200, ACK, BYE) against the PBX answering, at rising
# rates for SECONDS each; prints each step and the highest rate with zero failed calls and zero
# retransmissions. Usage: bench/run sip-rate [seconds] [rate ...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bin/jdk.sh"
WORK=$(mktemp -d); . "$ROOT/bench/sip/pbx.sh"
SECONDS_PER_STEP=${1:-10}; shift || true
RATES=${*:-500 1000 1500 2000 2500 3000 3500 4000}
start_pbx
# warm-up (not counted): the JIT compiles the call path first, as it would in a running PBX
(cd "$WORK" && timeout 60 sipp -sn uac 127.0.0.1:$SIP_PORT -s rate -i 127.0.0.1 -p 25190 -m 3000 -r 500 -l 1000 -d 0 \
    -nostdin > /dev/null 2>&1) || true
best=0
for rate in $RATES; do
    calls=$((rate * SECONDS_PER_STEP))
    c0=$(cpu_ticks "$PBX_PID")
    (cd "$WORK" && timeout $((SECONDS_PER_STEP * 3 + 40)) sipp -sn uac 127.0.0.1:$SIP_PORT -s rate -i 127.0.0.1 -p 25190 \
        -m "$calls" -r "$rate" -l $((rate * 2)) -d 0 -nostdin -trace_screen -screen_file "$WORK/screen-$rate.log" \
        > /dev/null 2>&1) || true
    c1=$(cpu_ticks "$PBX_PID")
    ok=$(awk -F'|' '/Successful call/ {gsub(/ /,"",$3); v=$3} END {print v+0}' "$WORK/screen-$rate.log")
    failed=$(awk -F'|' '/Failed call/ {gsub(/ /,"",$3); v=$3} END {print v+0}' "$WORK/screen-$rate.log")
    retrans=$(awk '/---------->|<----------/ {for (i = 1; i <= NF; i++) if ($i ~ /^(---------->|<----------)$/) {n = $(i + 2); if ($(i + 1) ~ /E-RTD/) n = $(i + 3)}; s += n} END {print s + 0}' "$WORK/screen-$rate.log")
    cpu=$(( (c1 - c0) * 100 / $(getconf CLK_TCK) / SECONDS_PER_STEP ))
    actual=$(awk -F'|' '/Call Rate/ {gsub(/ |cps/,"",$3); v=$3} END {printf "%.0f", v}' "$WORK/screen-$rate.log")
    echo "rate ${rate}/s (SIPp achieved ${actual}/s): ${ok} calls ok, ${failed} failed, ${retrans} retransmissions, PBX CPU ~${cpu}% (of $(nproc)00%), RSS $(( $(rss_kb "$PBX_PID") / 1024 )) MB"
    if [ "$failed" = 0 ] && [ "$retrans" = 0 ] && [ "$ok" -ge "$calls" ]; then best=$rate; else break; fi
done
echo "highest rate with no failed call and no retransmission: ${best} calls/s"
