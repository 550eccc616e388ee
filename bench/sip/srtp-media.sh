#!/usr/bin/env bash
# Concurrent SDES-SRTP calls into Echo() on a pjsip.conf endpoint (media_encryption=sdes): Debian's
# SIPp has no SRTP (nor TLS), so the calls come from SrtpEchoLoad (Java, our SRTP code, one socket
# per call) against the packaged PBX in its own process. Prints calls up, packets echoed and lost,
# the PBX's CPU (total and per call) and RSS while every call is up.
# Usage: bench/run sip-srtp-media [calls] [hold-seconds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bin/jdk.sh"
WORK=$(mktemp -d)
CALLS=${1:-500}; HOLD=${2:-30}
CONF="$WORK/conf"; cp -r "$ROOT/bench/sip/conf" "$CONF"
cat > "$CONF/pjsip.conf" <<'CONF'
[transport-udp]
type=transport
protocol=udp
bind=127.0.0.1:5072

[load]
type=endpoint
context=bench
disallow=all
allow=ulaw
media_encryption=sdes

[load-identify]
type=identify
endpoint=load
match=127.0.0.1/32
CONF
. "$ROOT/bench/sip/pbx.sh"
(cd "$ROOT" && ./mvnw -q -B -DskipTests test-compile)
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cd "$ROOT" && ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
PBX_AOT=no start_pbx
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" org.switchboard.bench.SrtpEchoLoad 5072 "$PBX_PID" "$CALLS" "$HOLD"
