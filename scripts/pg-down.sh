#!/usr/bin/env bash
# Stops the throwaway PostgreSQL that scripts/pg-up.sh started and removes its directory.
# Safe to run when nothing is up.
set -euo pipefail

BASE="${ASYNCBENCH_PG_DIR:-/tmp/asyncbench-pg}"
DATA="$BASE/data"

log() { echo "pg-down: $*" >&2; }

as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

mkdir -p "$BASE"
exec 9>"$BASE.lock"
flock 9

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -n "$BIN" ] && [ -f "$DATA/postmaster.pid" ]; then
  log "stopping the server in $DATA"
  as_server_user "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >&2 || log "pg_ctl stop failed; removing anyway"
fi
rm -rf "$BASE"
rm -f "$BASE.lock"
log "removed $BASE"
