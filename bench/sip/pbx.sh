# Sourced by the SIP benchmarks: starts the PBX on bench/sip/conf and measures start-up.
# Needs $ROOT, $JAVA_HOME and the built jar; sets PBX_PID, STARTUP_MS, RSS_IDLE_KB.
SIP_PORT=5070
CONF="${CONF:-$ROOT/bench/sip/conf}"   # a benchmark may run the PBX on a copy it extended
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

. "$ROOT/bin/jvm-options.sh"

# The AOT cache (JDK 25+, see bin/jvm-options.sh), as bin/switchboard run uses it: when there is
# none for this jar yet, a PBX is started once to record it under SIPp's standard UAC (3,000 calls
# at 500/s) and stopped, so the measured PBX below starts cold but from the cache. PBX_AOT=no: without.
train_aot() {
    local opt
    opt=$(aot_options "$ROOT/target/switchboard.jar")
    case "$opt" in -XX:AOTCacheOutput=*) ;; *) return 0 ;; esac
    local t0=$(date +%s)
    "$JAVA_HOME/bin/java" ${PBX_JAVA_OPTS:-$SWITCHBOARD_JVM_OPTS} "$opt" --enable-native-access=ALL-UNNAMED \
        -cp "$ROOT/target/switchboard.jar:$ROOT/target/lib/*" org.switchboard.Main run -C "$CONF" > "$WORK/aot-train.log" 2>&1 &
    local pid=$!
    for _ in $(seq 1 60); do "$ROOT/bin/switchboard" -C "$CONF" -rx "core show version" > /dev/null 2>&1 && break; sleep 1; done
    (cd "$WORK" && timeout 60 sipp -sn uac 127.0.0.1:$SIP_PORT -s rate -i 127.0.0.1 -p 25190 -m 3000 -r 500 -l 1000 -d 0 \
        -nostdin > /dev/null 2>&1) || true
    "$ROOT/bin/switchboard" -C "$CONF" -rx "core stop now" > /dev/null 2>&1 || kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "AOT cache recorded for this jar in $(( $(date +%s) - t0 )) s: $(ls -s --block-size=M "${opt#-XX:AOTCacheOutput=}" 2>/dev/null | cut -d' ' -f1)"
}

start_pbx() {
    local t0 t1 aot=""
    if [ "${PBX_AOT:-yes}" != no ]; then
        train_aot
        aot=$(aot_options "$ROOT/target/switchboard.jar")
        case "$aot" in -XX:AOTCache=*) ;; *) aot="" ;; esac   # never record in a measured run
    fi
    t0=$(date +%s%N)
    "$JAVA_HOME/bin/java" ${PBX_JAVA_OPTS:-$SWITCHBOARD_JVM_OPTS} $aot --enable-native-access=ALL-UNNAMED -cp "$ROOT/target/switchboard.jar:$ROOT/target/lib/*" \
        org.switchboard.Main run -C "$CONF" > "$WORK/pbx.log" 2>&1 &
    PBX_PID=$!
    trap 'kill $PBX_PID 2>/dev/null; wait $PBX_PID 2>/dev/null' EXIT
    # time to the first SIP answer: OPTIONS every 10 ms until one is answered
    python3 - "$SIP_PORT" <<'PY' || { echo "PBX did not answer SIP in 30 s"; cat "$WORK/pbx.log"; exit 1; }
import socket, sys, time
port = int(sys.argv[1]); s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); s.settimeout(0.01)
lp = s.getsockname()[1]; end = time.time() + 30; n = 0
while time.time() < end:
    n += 1
    msg = ("OPTIONS sip:bench@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bK-start%d\r\n"
           "From: <sip:probe@127.0.0.1>;tag=p%d\r\nTo: <sip:bench@127.0.0.1>\r\nCall-ID: start-%d@probe\r\n"
           "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n") % (port, lp, n, n, n)
    s.sendto(msg.encode(), ("127.0.0.1", port))
    try:
        if s.recv(4096).startswith(b"SIP/2.0 200"): sys.exit(0)
    except socket.timeout:
        pass
sys.exit(1)
PY
    t1=$(date +%s%N)
    STARTUP_MS=$(( (t1 - t0) / 1000000 ))
    "$ROOT/bin/switchboard" -C "$CONF" -rx "core set verbose 0" > /dev/null
    sleep 2   # settle before reading the footprint just after start-up
    local rss_start=$(rss_kb "$PBX_PID")
    sleep 10  # idle: G1's periodic collection and the malloc trim (bin/jvm-options.sh) have run
    RSS_IDLE_KB=$(rss_kb "$PBX_PID")
    echo "start-up to first SIP answer: ${STARTUP_MS} ms; RSS 2 s after start-up: $((rss_start / 1024)) MB; RSS idle (12 s): $((RSS_IDLE_KB / 1024)) MB"
}
