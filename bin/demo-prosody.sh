#!/usr/bin/env bash
# Demo network for the Skype channel: when conf/chan_skype.conf points at 127.0.0.1 and nothing
# listens on its port, start a private Prosody there (installing it if missing) with the sample
# accounts, so any XMPP client can log in as tfot.madsen and chat with the PBX.
#
#   bin/demo-prosody.sh [CONFDIR]        start it if needed (idempotent); the launcher calls this
#   bin/demo-prosody.sh [CONFDIR] stop   stop the demo server
#
# Everything lives under run/prosody/: prosody.cfg.lua, the self-signed certificate
# (skype.example.crt, which chan_skype.conf's tls_ca_file can name), data/ and prosody.log.
# Demo accounts (domain from chan_skype.conf, skype.example in the sample):
#   lmentinc     the PBX's account, password = its secret in chan_skype.conf
#   tfot.madsen  password tfot.madsen-demo   (the buddy who gets the screen pops)
#   vuc.me       password vuc.me-demo
# All three are each other's buddies. Prosody listens on 127.0.0.1 only.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONF="${1:-$ROOT/conf}"
ACTION="${2:-start}"
RUN="$ROOT/run/prosody"
CFG="$RUN/prosody.cfg.lua"
PIDFILE="$RUN/prosody.pid"

say() { echo "demo-prosody: $*" >&2; }

. "$ROOT/bin/conf.sh"

running_pid() {
    [ -f "$PIDFILE" ] || return 1
    local pid; pid=$(cat "$PIDFILE" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

if [ "$ACTION" = stop ]; then
    if pid=$(running_pid); then kill "$pid"; say "stopped Prosody (pid $pid)"; else say "not running"; fi
    exit 0
fi

SKYPE_CONF="$CONF/chan_skype.conf"
[ -f "$SKYPE_CONF" ] || exit 0
SERVER=$(conf_get "$SKYPE_CONF" general server)
PORT=$(conf_get "$SKYPE_CONF" general port); PORT="${PORT:-5222}"
DOMAIN=$(conf_get "$SKYPE_CONF" general domain); DOMAIN="${DOMAIN:-skype.example}"
case "$SERVER" in 127.0.0.1|localhost) ;; *) exit 0 ;; esac
# HTTP for XEP-0363 file upload (voice messages from voicemail.conf skype=): Prosody's usual 5280
HTTP_PORT="${SWITCHBOARD_PROSODY_HTTP_PORT:-5280}"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
if listening; then
    running_pid >/dev/null && say "Prosody already running on 127.0.0.1:$PORT" || say "something already listens on 127.0.0.1:$PORT; using it"
    exit 0
fi

if ! command -v prosody >/dev/null 2>&1; then
    . "$ROOT/bin/packages.sh"
    ensure_packages run
fi
command -v openssl >/dev/null 2>&1 || { say "ERROR: openssl is missing (apt-get install openssl)"; exit 2; }

mkdir -p "$RUN/data"
CERT="$RUN/$DOMAIN.crt"; KEY="$RUN/$DOMAIN.key"
if [ ! -s "$CERT" ] || [ ! -s "$KEY" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=$DOMAIN" \
        -addext "subjectAltName=DNS:$DOMAIN" -keyout "$KEY" -out "$CERT" 2>/dev/null
    chmod 600 "$KEY"
    say "made a self-signed certificate for $DOMAIN: $CERT"
fi

cat > "$CFG" <<LUA
-- written by bin/demo-prosody.sh; rewritten on every start
run_as_root = true
pidfile = "$PIDFILE"
data_path = "$RUN/data"
log = { info = "$RUN/prosody.log"; }
c2s_ports = { $PORT }
c2s_interfaces = { "127.0.0.1" }
s2s_ports = { }
c2s_direct_tls_ports = { }
legacy_ssl_ports = { }
http_ports = { $HTTP_PORT }
http_interfaces = { "127.0.0.1" }
https_ports = { }
c2s_require_encryption = true
authentication = "internal_hashed"
c2s_stanza_size_limit = 1024*1024
modules_enabled = { "roster"; "saslauth"; "tls"; "disco"; "ping"; "offline"; "version"; "uptime"; "time" }
modules_disabled = { "s2s" }
certificates = "$RUN"
ssl = { key = "$KEY"; certificate = "$CERT"; }
VirtualHost "$DOMAIN"
  ssl = { key = "$KEY"; certificate = "$CERT"; }
-- XEP-0363 HTTP file upload: voicemail reaches the chat as a voice message; URLs on loopback
Component "upload.$DOMAIN" "http_file_share"
  http_host = "127.0.0.1"
  http_file_share_size_limit = 10*1024*1024
LUA

PBX_USER=lmentinc
PBX_SECRET=$(conf_get "$SKYPE_CONF" "$PBX_USER" secret)
PBX_SECRET="${PBX_SECRET:-change-me-lmentinc}"
register() { prosodyctl --config "$CFG" register "$1" "$DOMAIN" "$2" >/dev/null 2>&1 || say "WARNING: could not register $1@$DOMAIN"; }
register "$PBX_USER" "$PBX_SECRET"
register tfot.madsen tfot.madsen-demo
register vuc.me vuc.me-demo

# the three are each other's buddies (only written once: later changes made by clients are kept)
ROSTERS="$RUN/data/${DOMAIN//./%2e}/roster"
mkdir -p "$ROSTERS"
roster() {
    local user="$1"; shift
    local file="$ROSTERS/${user//./%2e}.dat"
    [ -f "$file" ] && return 0
    {
        printf 'return {\n\t[false] = { ["version"] = 1; ["pending"] = {}; };\n'
        for b in "$@"; do
            printf '\t["%s@%s"] = { ["groups"] = {}; ["subscription"] = "both"; ["name"] = "%s"; };\n' "$b" "$DOMAIN" "$b"
        done
        printf '};\n'
    } > "$file"
}
roster "$PBX_USER" tfot.madsen vuc.me
roster tfot.madsen "$PBX_USER" vuc.me
roster vuc.me "$PBX_USER" tfot.madsen

nohup setsid prosody -F --config "$CFG" >>"$RUN/prosody.out" 2>&1 < /dev/null &
echo $! > "$PIDFILE"
for _ in $(seq 1 100); do listening && break; sleep 0.1; done
if listening; then
    say "Prosody for the demo is up on 127.0.0.1:$PORT (domain $DOMAIN; log $RUN/prosody.log)"
    say "log in with any XMPP client as tfot.madsen@$DOMAIN / tfot.madsen-demo, server 127.0.0.1 port $PORT"
else
    say "ERROR: Prosody did not start; see $RUN/prosody.out and $RUN/prosody.log"
    exit 2
fi
