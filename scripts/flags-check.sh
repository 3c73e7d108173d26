#!/usr/bin/env bash
# Shows the flags on real runs (issue 9, item 4): a quick queue+timers run as the machine is (bun's
# queue/array-push-shift should be flagged dead-code), then the same with a CPU hog of our own
# running, which every process should see as a busy machine. Runs under the shared measurement
# lock; the hog is killed by its PID whatever happens.
#   bash scripts/flags-check.sh [extra asyncbench run args, e.g. --runtimes node,bun]
set -euo pipefail
cd "$(dirname "$0")/.."
LOCK=/tmp/asyncbench-measure.lock
CLI="node apps/cli/bin/asyncbench.js run --profile quick --scenarios queue,timers --repeats 3"

echo "== 1. as the machine is ($(uptime))"
flock "$LOCK" $CLI "$@" | sed -n '/^warning: measured on a /,$p;/^flags (/,$p' | awk '!seen[$0]++'

echo "== 2. with a CPU hog of our own ($(uptime))"
flock "$LOCK" bash -c '
  node -e "for(;;){}" & HOG=$!
  trap "kill $HOG 2>/dev/null || true" EXIT
  sleep 2
  '"$CLI"' "$@" | sed -n "/^warning: measured on a /,\$p;/^flags (/,\$p" | awk "!seen[\$0]++"
' hog "$@"
echo "== done ($(uptime))"
