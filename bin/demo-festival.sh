#!/usr/bin/env bash
# Festival for the demo: when conf/festival.conf points at 127.0.0.1 (or localhost) and nothing
# listens on its port, start Debian's festival in server mode there (installing it if missing),
# with Asterisk's tts_textasterisk function defined (contrib/README.festival) and only loopback
# clients served (festival itself listens on every interface; its access list refuses the rest).
#
#   bin/demo-festival.sh [CONFDIR]        start it if needed (idempotent); the launcher calls this
#   bin/demo-festival.sh [CONFDIR] stop   stop it
#
# Everything lives under run/festival/: init.scm, festival.log, festival.pid.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONF="${1:-$ROOT/conf}"
ACTION="${2:-start}"
RUN="$ROOT/run/festival"
PIDFILE="$RUN/festival.pid"
. "$ROOT/bin/conf.sh"

say() { echo "demo-festival: $*" >&2; }

running_pid() {
    [ -f "$PIDFILE" ] || return 1
    local pid; pid=$(cat "$PIDFILE" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

if [ "$ACTION" = stop ]; then
    if pid=$(running_pid); then kill "$pid"; say "stopped Festival (pid $pid)"; else say "not running"; fi
    exit 0
fi

FEST_CONF="$CONF/festival.conf"
[ -f "$FEST_CONF" ] || exit 0
HOST=$(conf_get "$FEST_CONF" general host); HOST="${HOST:-localhost}"
PORT=$(conf_get "$FEST_CONF" general port); PORT="${PORT:-1314}"
case "$HOST" in 127.0.0.1|localhost) ;; *) exit 0 ;; esac

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
if listening; then
    running_pid >/dev/null && say "Festival already running on 127.0.0.1:$PORT" || say "something already listens on 127.0.0.1:$PORT; using it"
    exit 0
fi

if ! command -v festival >/dev/null 2>&1; then
    . "$ROOT/bin/packages.sh"
    ensure_packages run
fi

mkdir -p "$RUN"
cat > "$RUN/init.scm" <<SCM
; written by bin/demo-festival.sh; rewritten on every start
(set! server_port $PORT)
(set! server_access_list '("localhost" "127.0.0.1" "localhost.localdomain"))
(define (tts_textasterisk string mode)
  (let ((wholeutt (utt.synth (eval (list 'Utterance 'Text string)))))
    (utt.wave.resample wholeutt 8000)
    (utt.wave.rescale wholeutt 5)
    (utt.send.wave.client wholeutt)))
SCM
(cd "$RUN" && nohup setsid festival --server "$RUN/init.scm" >>"$RUN/festival.log" 2>&1 < /dev/null & echo $! > "$PIDFILE")
for _ in $(seq 1 100); do listening && break; sleep 0.1; done
if listening; then
    say "Festival is up on 127.0.0.1:$PORT (log $RUN/festival.log)"
else
    say "ERROR: Festival did not start; see $RUN/festival.log"
    exit 2
fi
