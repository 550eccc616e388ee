#!/usr/bin/env bash
# CDR into PostgreSQL under SIP load: the call-rate steps of sip-rate (SIPp's standard UAC, each
# call answered and hung up by SIPp) with cdr_pgsql writing every call's record into Debian's
# PostgreSQL (a private cluster on 127.0.0.1, fsync on, as a real one), then the same steps with
# CDRs off for comparison. For each step: calls ok/failed/retransmissions, PBX CPU, and how many
# rows reached the table, how long after the step's last call the last one arrived, rows per second.
# Usage: bench/run cdr-pgsql [seconds] [rates...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bin/jdk.sh"
WORK=$(mktemp -d); chmod 755 "$WORK"
SECONDS_PER_STEP=${1:-10}; shift || true
RATES=${*:-1000 2000 3000}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)
[ -x "$PG_BIN/initdb" ] || { echo "ERROR: PostgreSQL is needed (apt-get install postgresql)"; exit 1; }
PG_PORT=55433; PG_DATA="$WORK/pg"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$PG_DATA"; [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 > "$WORK/initdb.log"
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DATA" -w start > /dev/null
psql_q() { "$PG_BIN/psql" -h 127.0.0.1 -p $PG_PORT -U postgres -d "${2:-asteriskcdrdb}" -Atqc "$1"; }
psql_q "CREATE ROLE asterisk LOGIN PASSWORD 'bench'" postgres
psql_q "CREATE DATABASE asteriskcdrdb OWNER asterisk" postgres
# the table of Asterisk's cdr_pgsql documentation
psql_q "CREATE TABLE cdr (calldate timestamp NOT NULL, clid varchar(80) NOT NULL, src varchar(80) NOT NULL,
  dst varchar(80) NOT NULL, dcontext varchar(80) NOT NULL, channel varchar(80) NOT NULL, dstchannel varchar(80) NOT NULL,
  lastapp varchar(80) NOT NULL, lastdata varchar(80) NOT NULL, duration int NOT NULL, billsec int NOT NULL,
  disposition varchar(45) NOT NULL, amaflags int NOT NULL, accountcode varchar(20) NOT NULL, uniqueid varchar(150) NOT NULL,
  userfield varchar(255) NOT NULL, peeraccount varchar(20) NOT NULL, linkedid varchar(150) NOT NULL, sequence int NOT NULL);
  ALTER TABLE cdr OWNER TO asterisk"
CONF="$WORK/conf"; cp -r "$ROOT/bench/sip/conf" "$CONF"
printf '[directories]\nastlogdir => %s/log\n' "$WORK" > "$CONF/asterisk.conf"
printf '[general]\n' > "$CONF/cdr.conf"
printf '[global]\nhostname=127.0.0.1\nport=%s\ndbname=asteriskcdrdb\nuser=asterisk\npassword=bench\ntable=cdr\n' $PG_PORT > "$CONF/cdr_pgsql.conf"
. "$ROOT/bench/sip/pbx.sh"
stop_all() { kill $PBX_PID 2> /dev/null; wait $PBX_PID 2> /dev/null; as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop > /dev/null 2>&1 || true; }
trap stop_all EXIT
rows() { psql_q "SELECT count(*) FROM cdr"; }

# one step: SIPp at $1 calls/s for SECONDS_PER_STEP; sets ok, failed, retrans, cpu, actual
step() {
    local rate=$1 calls=$(( $1 * SECONDS_PER_STEP )) c0 c1
    c0=$(cpu_ticks "$PBX_PID")
    (cd "$WORK" && timeout $((SECONDS_PER_STEP * 3 + 40)) sipp -sn uac 127.0.0.1:$SIP_PORT -s rate -i 127.0.0.1 -p 25193 \
        -m "$calls" -r "$rate" -l $((rate * 2)) -d 0 -nostdin -trace_screen -screen_file "$WORK/screen.log" > /dev/null 2>&1) || true
    c1=$(cpu_ticks "$PBX_PID")
    ok=$(awk -F'|' '/Successful call/ {gsub(/ /,"",$3); v=$3} END {print v+0}' "$WORK/screen.log")
    failed=$(awk -F'|' '/Failed call/ {gsub(/ /,"",$3); v=$3} END {print v+0}' "$WORK/screen.log")
    retrans=$(awk '/---------->|<----------/ {for (i = 1; i <= NF; i++) if ($i ~ /^(---------->|<----------)$/) {n = $(i + 2); if ($(i + 1) ~ /E-RTD/) n = $(i + 3)}; s += n} END {print s + 0}' "$WORK/screen.log")
    cpu=$(( (c1 - c0) * 100 / $(getconf CLK_TCK) / SECONDS_PER_STEP ))
    actual=$(awk -F'|' '/Call Rate/ {gsub(/ |cps/,"",$3); v=$3} END {printf "%.0f", v}' "$WORK/screen.log")
}

echo "== with cdr_pgsql (PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), fsync on)"
start_pbx; trap stop_all EXIT   # start_pbx sets its own trap: the database must stop too
step 500; expected=$(( 500 * SECONDS_PER_STEP ))   # warm-up, not counted
for _ in $(seq 600); do [ "$(rows)" -ge "$expected" ] && break; sleep 0.1; done
for rate in $RATES; do
    before=$(rows); t0=$(date +%s%N)
    step "$rate"
    t1=$(date +%s%N); calls=$((ok + failed)); target=$((before + calls))
    for _ in $(seq 1200); do n=$(rows); [ "$n" -ge "$target" ] && break; sleep 0.05; done
    t2=$(date +%s%N); n=$(rows)
    echo "rate ${rate}/s (SIPp achieved ${actual}/s): ${ok} calls ok, ${failed} failed, ${retrans} retransmissions, PBX CPU ~${cpu}%, RSS $(( $(rss_kb "$PBX_PID") / 1024 )) MB; CDR rows $((n - before)) of ${calls}, last one $(( (t2 - t1) / 1000000 )) ms after the last call, $(( (n - before) * 1000000000 / (t2 - t0) )) rows/s into PostgreSQL"
done
dups=$(psql_q "SELECT count(*) - count(DISTINCT uniqueid) FROM cdr"); echo "rows in the table: $(rows), duplicated: ${dups}"
kill $PBX_PID; wait $PBX_PID 2> /dev/null || true

echo "== the same steps without CDRs"
rm "$CONF/cdr_pgsql.conf"; printf '[general]\nenable=no\n' > "$CONF/cdr.conf"
start_pbx; trap stop_all EXIT
step 500
for rate in $RATES; do
    step "$rate"
    echo "rate ${rate}/s (SIPp achieved ${actual}/s): ${ok} calls ok, ${failed} failed, ${retrans} retransmissions, PBX CPU ~${cpu}%, RSS $(( $(rss_kb "$PBX_PID") / 1024 )) MB"
done
