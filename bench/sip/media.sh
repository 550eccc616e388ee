#!/usr/bin/env bash
# Concurrent calls with media: CALLS calls from SIPp, each answered into Echo() and held HOLD
# seconds with G.711 u-law both ways at 50 packets/s. Prints calls held, packets the PBX received,
# lost and sent, its CPU and RSS (idle and per call). Usage: bench/run sip-media [calls] [hold-seconds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bin/jdk.sh"
WORK=$(mktemp -d); . "$ROOT/bench/sip/pbx.sh"
CALLS=${1:-1000}; HOLD=${2:-30}
sox -n -r 8000 -e u-law -c 1 "$WORK/tone-ulaw.wav" synth 5 sine 440
start_pbx
RATE=$(( CALLS < 200 ? CALLS : 200 ))
(cd "$WORK" && timeout $((HOLD + CALLS / RATE + 60)) sipp -sf "$ROOT/bench/sip/uac-echo.xml" 127.0.0.1:$SIP_PORT -s echo \
    -i 127.0.0.1 -p 25191 -m "$CALLS" -l "$CALLS" -r "$RATE" -d $((HOLD * 1000)) -mp 40000 \
    -nostdin -trace_screen -screen_file "$WORK/screen.log" > /dev/null 2>&1) &
SIPP=$!
# measure while every call is up: from when the last call was placed to shortly before the first hangs up
sleep $(( CALLS / RATE + 2 ))
c0=$(cpu_ticks "$PBX_PID"); t0=$(date +%s)
sleep $(( HOLD - CALLS / RATE - 4 > 5 ? HOLD - CALLS / RATE - 4 : 5 ))
c1=$(cpu_ticks "$PBX_PID"); t1=$(date +%s)
RSS_KB=$(rss_kb "$PBX_PID")
STATS=$("$ROOT/bin/switchboard" -C "$ROOT/bench/sip/conf" -rx "sip show channelstats" | tail -1)
wait $SIPP || true
ok=$(awk -F'|' '/Successful call/ {gsub(/ /,"",$3); v=$3} END {print v+0}' "$WORK/screen.log")
failed=$(awk -F'|' '/Failed call/ {gsub(/ /,"",$3); v=$3} END {print v+0}' "$WORK/screen.log")
cpu=$(( (c1 - c0) * 100 / $(getconf CLK_TCK) / (t1 - t0) ))
echo "calls: ${ok} completed, ${failed} failed (of ${CALLS}, each ${HOLD} s into Echo, G.711 50 pps each way)"
echo "while all were up: ${STATS}"
echo "PBX CPU ~${cpu}% (of $(nproc)00%), RSS $((RSS_KB / 1024)) MB ($(( (RSS_KB - RSS_IDLE_KB) / CALLS )) KB per call above idle)"
