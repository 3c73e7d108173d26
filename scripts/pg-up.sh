#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the db-pg scenario and prints its URL on stdout (nothing else goes
# to stdout, so `ASYNCBENCH_PG_URL="$(bash scripts/pg-up.sh)"` works). Idempotent: when the server is
# already up it only prints the URL. Listens on 127.0.0.1 only, on a fixed uncommon port, with a
# password generated per data directory. Installs Debian's `postgresql` when missing.
# Stop it and remove everything with scripts/pg-down.sh.
set -euo pipefail

PORT="${ASYNCBENCH_PG_PORT:-55432}"
BASE="${ASYNCBENCH_PG_DIR:-/tmp/asyncbench-pg}"
DATA="$BASE/data"      # owned by the server's OS user, 0700 as initdb requires
RUN="$BASE/run"        # unix socket and log, writable by the server's OS user
URL_FILE="$BASE/url"   # the URL, for scripts that start later
DB=asyncbench
ROLE=asyncbench

log() { echo "pg-up: $*" >&2; }

# Root cannot run the server: run its commands as the `postgres` OS user then.
as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_bin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

ready() { [ -n "${BIN:-}" ] && "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" >/dev/null 2>&1; }

mkdir -p "$BASE"
# One pg-up at a time (several test suites may call it at once). The server must not inherit fd 9,
# or it would hold the lock for its whole life.
exec 9>"$BASE.lock"
flock 9

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
  if [ "$(id -u)" != 0 ]; then log "postgresql is not installed and installing it needs root"; exit 1; fi
  log "installing Debian postgresql (apt-get)"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
  BIN="$(find_bin)"
fi

if [ -s "$URL_FILE" ] && ready; then
  cat "$URL_FILE"
  exit 0
fi

if [ -f "$DATA/PG_VERSION" ] && [ -s "$BASE/password" ]; then
  log "data directory exists; starting the server again"
else
  rm -rf "$DATA" "$RUN"
  mkdir -p "$DATA" "$RUN"
  # Hex, so it needs no escaping in a URL.
  od -An -tx1 -N16 /dev/urandom | tr -d ' \n' >"$BASE/password"
  chmod 600 "$BASE/password"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DATA" "$RUN"; fi
  chmod 700 "$DATA"
  # initdb reads the password from a file the server user can read; removed right after.
  pwfile="$RUN/initpw"
  cp "$BASE/password" "$pwfile"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$pwfile"; fi
  log "initdb in $DATA"
  as_server_user "$BIN/initdb" -D "$DATA" -U "$ROLE" --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >&2
  rm -f "$pwfile"
fi
mkdir -p "$RUN"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$RUN"; fi

log "starting on 127.0.0.1:$PORT"
as_server_user "$BIN/pg_ctl" -D "$DATA" -l "$RUN/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $RUN -c max_connections=100" start >&2 9>&-

for _ in $(seq 1 60); do ready && break; sleep 0.5; done
if ! ready; then log "server did not become ready; see $RUN/server.log"; exit 1; fi

# Local socket auth is trust, so creating the database needs no password.
if ! as_server_user "$BIN/psql" -h "$RUN" -p "$PORT" -U "$ROLE" -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  as_server_user "$BIN/createdb" -h "$RUN" -p "$PORT" -U "$ROLE" "$DB" >&2
fi

echo "postgres://$ROLE:$(cat "$BASE/password")@127.0.0.1:$PORT/$DB" >"$URL_FILE.tmp"
chmod 600 "$URL_FILE.tmp"
mv "$URL_FILE.tmp" "$URL_FILE"
cat "$URL_FILE"
