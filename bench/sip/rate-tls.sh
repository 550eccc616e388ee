#!/usr/bin/env bash
# SIP call rate over TLS: as sip-rate (SIPp's standard UAC: INVITE, 200, ACK, BYE, the PBX
# answering) but every message crosses a TLS connection to the PBX's TLS transport (TLS 1.3,
# a fresh self-signed certificate). Debian's SIPp is built without OpenSSL, so SIPp speaks TCP
# (-t t1, one connection) to socat, which carries it over TLS (OpenSSL) to the PBX; socat's CPU is
# printed apart from the PBX's. Prints each step and the highest rate SIPp held (within 5%) with
# zero failed calls and zero retransmissions. Usage: bench/run sip-rate-tls [seconds] [rate ...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bin/jdk.sh"
WORK=$(mktemp -d)
SECONDS_PER_STEP=${1:-10}; shift || true
RATES=${*:-500 1000 1500 2000 2500 3000}
TLS_PORT=5071; RELAY_PORT=5072
command -v socat > /dev/null || { echo "ERROR: socat is needed (apt-get install socat)"; exit 1; }
# the bench PBX with a TLS transport on a certificate made for this run
CONF="$WORK/conf"; cp -r "$ROOT/bench/sip/conf" "$CONF"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$WORK/pbx.key" -out "$WORK/pbx.crt" \
    -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2> /dev/null
printf 'tlsenable=yes\ntlsbindaddr=127.0.0.1:%s\ntlscertfile=%s\ntlsprivatekey=%s\n' \
    "$TLS_PORT" "$WORK/pbx.crt" "$WORK/pbx.key" >> "$CONF/sip.conf"
. "$ROOT/bench/sip/pbx.sh"
start_pbx
grep -q "SIP TLS transport listening" "$WORK/pbx.log" || { echo "ERROR: the PBX did not start TLS:"; cat "$WORK/pbx.log"; exit 1; }
socat TCP-LISTEN:$RELAY_PORT,bind=127.0.0.1,reuseaddr,fork \
    "OPENSSL:127.0.0.1:$TLS_PORT,cafile=$WORK/pbx.crt,verify=1,nodelay" 2> "$WORK/socat.log" &
SOCAT_PID=$!
trap 'kill $PBX_PID $SOCAT_PID 2>/dev/null; pkill -P $SOCAT_PID 2>/dev/null; wait $PBX_PID 2>/dev/null' EXIT
for _ in $(seq 100); do ss -ltn "sport = :$RELAY_PORT" | grep -q LISTEN && break; sleep 0.05; done
relay_ticks() { local s=0 p; for p in $SOCAT_PID $(pgrep -P $SOCAT_PID); do s=$((s + $(cpu_ticks "$p"))); done; echo $s; }
uac() { # rate calls [screen]
    (cd "$WORK" && timeout $((SECONDS_PER_STEP * 3 + 40)) sipp -sn uac 127.0.0.1:$RELAY_PORT -t t1 -s rate -i 127.0.0.1 \
        -p 25191 -m "$2" -r "$1" -l $(( $1 * 2 )) -d 0 -nostdin ${3:+-trace_screen -screen_file "$3"} > /dev/null 2>&1) || true
}
uac 500 3000   # warm-up (not counted): the JIT compiles the call path and the TLS record code first
best=0
for rate in $RATES; do
    calls=$((rate * SECONDS_PER_STEP))
    c0=$(cpu_ticks "$PBX_PID"); r0=$(relay_ticks)
    uac "$rate" "$calls" "$WORK/screen-$rate.log"
    c1=$(cpu_ticks "$PBX_PID"); r1=$(relay_ticks)
    ok=$(awk -F'|' '/Successful call/ {gsub(/ /,"",$3); v=$3} END {print v+0}' "$WORK/screen-$rate.log")
    failed=$(awk -F'|' '/Failed call/ {gsub(/ /,"",$3); v=$3} END {print v+0}' "$WORK/screen-$rate.log")
    retrans=$(awk '/---------->|<----------/ {for (i = 1; i <= NF; i++) if ($i ~ /^(---------->|<----------)$/) {n = $(i + 2); if ($(i + 1) ~ /E-RTD/) n = $(i + 3)}; s += n} END {print s + 0}' "$WORK/screen-$rate.log")
    cpu=$(( (c1 - c0) * 100 / $(getconf CLK_TCK) / SECONDS_PER_STEP ))
    relay=$(( (r1 - r0) * 100 / $(getconf CLK_TCK) / SECONDS_PER_STEP ))
    actual=$(awk -F'|' '/Call Rate/ {gsub(/ |cps/,"",$3); v=$3} END {printf "%.0f", v}' "$WORK/screen-$rate.log")
    echo "TLS rate ${rate}/s (SIPp achieved ${actual}/s): ${ok} calls ok, ${failed} failed, ${retrans} retransmissions, PBX CPU ~${cpu}%, socat ~${relay}% (of $(nproc)00%), RSS $(( $(rss_kb "$PBX_PID") / 1024 )) MB"
    # a step counts when every call succeeded without a retransmission at (nearly) the rate asked:
    # over one TCP connection SIPp falls behind instead of failing calls when the far end is slow
    if [ "$failed" = 0 ] && [ "$retrans" = 0 ] && [ "$ok" -ge "$calls" ] && [ $((actual * 100)) -ge $((rate * 95)) ]; then
        best=$rate
    else
        break
    fi
done
echo "highest rate over TLS held (SIPp within 5% of it) with no failed call and no retransmission: ${best} calls/s"
