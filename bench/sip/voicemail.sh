#!/usr/bin/env bash
# Concurrent callers leaving voicemail: CALLS SIPp calls, each answered into VoiceMail(100@bench,s)
# and streaming a G.711 u-law tone for HOLD seconds before hanging up, so CALLS recordings run at
# once into one mailbox (app_voicemail's spool layout, message numbers taken under contention).
# Then every message is checked: one msgNNNN.txt with its [message] keys and one WAV whose header
# matches its data and whose length matches the txt's duration. Prints calls held, messages
# written and broken, disk writes per second, CPU and RSS per call.
# Usage: bench/run sip-voicemail [calls] [hold-seconds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bin/jdk.sh"
WORK=$(mktemp -d)
CALLS=${1:-500}; HOLD=${2:-20}
# the bench PBX plus a mailbox, its spool in $WORK, the prompts from the checkout
CONF="$WORK/conf"; cp -r "$ROOT/bench/sip/conf" "$CONF"
printf '[directories]\nastspooldir => %s/spool\nastdatadir => %s\n' "$WORK" "$ROOT" > "$CONF/asterisk.conf"
printf '[general]\nformat=wav\nmaxmsg=9999\nmaxsecs=%s\nminsecs=1\n[bench]\n100 => 1234,Bench Box\n' $((HOLD + 30)) > "$CONF/voicemail.conf"
printf 'exten => voicemail,1,Answer()\n same => n,VoiceMail(100@bench,s)\n same => n,Hangup()\n' >> "$CONF/extensions.conf"
. "$ROOT/bench/sip/pbx.sh"
[ -f "$ROOT/sounds/en/beep.wav" ] || [ -f "$ROOT/sounds/en/beep.gsm" ] || "$ROOT/bin/make-sounds.sh" > /dev/null
sox -n -r 8000 -e u-law -c 1 "$WORK/tone-ulaw.wav" synth 5 sine 440
start_pbx
io() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/io"; }
RATE=$(( CALLS < 100 ? CALLS : 100 ))
(cd "$WORK" && timeout $((HOLD + CALLS / RATE + 90)) sipp -sf "$ROOT/bench/sip/uac-echo.xml" 127.0.0.1:$SIP_PORT -s voicemail \
    -i 127.0.0.1 -p 25192 -m "$CALLS" -l "$CALLS" -r "$RATE" -d $((HOLD * 1000)) -mp 40000 \
    -nostdin -trace_screen -screen_file "$WORK/screen.log" > /dev/null 2>&1) &
SIPP=$!
# measure while every caller records: from the last call placed to shortly before the first hangs up
sleep $(( CALLS / RATE + 4 ))
c0=$(cpu_ticks "$PBX_PID"); w0=$(io "$PBX_PID" syscw); b0=$(io "$PBX_PID" wchar); t0=$(date +%s)
sleep $(( HOLD - CALLS / RATE - 6 > 4 ? HOLD - CALLS / RATE - 6 : 4 ))
c1=$(cpu_ticks "$PBX_PID"); w1=$(io "$PBX_PID" syscw); b1=$(io "$PBX_PID" wchar); t1=$(date +%s)
RSS_KB=$(rss_kb "$PBX_PID")
CHANNELS=$("$ROOT/bin/switchboard" -C "$CONF" -rx "core show channels count" | grep -o '^[0-9]* active calls\?' || true)
wait $SIPP || true
ok=$(awk -F'|' '/Successful call/ {gsub(/ /,"",$3); v=$3} END {print v+0}' "$WORK/screen.log")
failed=$(awk -F'|' '/Failed call/ {gsub(/ /,"",$3); v=$3} END {print v+0}' "$WORK/screen.log")
# the last recordings close as their BYEs arrive: wait for every txt to be written
for _ in $(seq 1 100); do
    n=$(find "$WORK/spool/voicemail/bench/100/INBOX" -name 'msg*.txt' 2>/dev/null | wc -l)
    [ "$n" -ge "$ok" ] && break; sleep 0.2
done
python3 - "$WORK/spool/voicemail/bench/100/INBOX" <<'PY'
import os, re, struct, sys
box = sys.argv[1]
names = sorted(f for f in os.listdir(box) if re.fullmatch(r"msg\d{4}\.txt", f)) if os.path.isdir(box) else []
broken = []
for t in names:
    base = os.path.join(box, t[:-4])
    keys = dict(l.split("=", 1) for l in open(base + ".txt").read().splitlines() if "=" in l)
    try:
        wav = open(base + ".wav", "rb").read()
        riff, data_size = struct.unpack_from("<I", wav, 4)[0], struct.unpack_from("<I", wav, 40)[0]
        rate = struct.unpack_from("<I", wav, 24)[0]; block = struct.unpack_from("<H", wav, 32)[0]
        ok = wav[:4] == b"RIFF" and data_size == len(wav) - 44 and riff == len(wav) - 8
        secs = data_size / (rate * block)
        ok = ok and abs(secs - int(keys.get("duration", "-9"))) <= 1 and all(k in keys for k in ("origmailbox", "callerid", "origtime"))
    except (OSError, struct.error):
        ok = False
    if not ok: broken.append(t)
print(f"messages: {len(names)} written, {len(broken)} broken" + (f" ({', '.join(broken[:5])})" if broken else ""))
PY
cpu=$(( (c1 - c0) * 100 / $(getconf CLK_TCK) / (t1 - t0) ))
echo "calls: ${ok} completed, ${failed} failed (of ${CALLS}, each ${HOLD} s into VoiceMail, G.711 50 pps); ${CHANNELS:-?} during the measurement"
echo "disk: $(( (w1 - w0) / (t1 - t0) )) write calls/s, $(( (b1 - b0) / (t1 - t0) / 1024 )) KB/s while all recorded"
echo "PBX CPU ~${cpu}% (of $(nproc)00%), RSS $((RSS_KB / 1024)) MB ($(( (RSS_KB - RSS_IDLE_KB) / CALLS )) KB per call above idle)"
