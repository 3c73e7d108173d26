#!/usr/bin/env bash
# What measuring each micro case in a process of its own costs, per runtime, with hyperfine:
# - the bare start-up of an adapter process (main.js --list: runtime, bundle, catalogue);
# - the tasks scenario (6 micro cases, default profile) as one process, as runs measured it before,
#   against the way a run measures it now: --micro-alone, then one process per deferred case.
# Run from the repository root after `npm run build`, under the shared lock:
#   flock /tmp/asyncbench-measure.lock bash scripts/crosscheck/isolation-cost.sh [node,deno,bun] [runs]
set -euo pipefail
runtimes=${1:-node,deno,bun}
runs=${2:-3}
bin=$PWD/node_modules/.bin
for rt in ${runtimes//,/ }; do
  case $rt in
    node) cmd="node --expose-gc $PWD/packages/adapter-node/dist/main.js" ;;
    deno) cmd="$bin/deno run -A --v8-flags=--expose-gc $PWD/packages/adapter-deno/dist/main.js" ;;
    bun) cmd="$bin/bun $PWD/packages/adapter-bun/dist/main.js" ;;
    *) echo "isolation-cost: unknown runtime $rt" >&2; exit 2 ;;
  esac
  rest=$($cmd --scenarios tasks --micro-alone | node -e '
    const lines = require("fs").readFileSync(0, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    console.log(lines.find((l) => l.type === "done").deferred.join(" "))')
  alone="$cmd --scenarios tasks --micro-alone >/dev/null"
  for c in $rest; do alone="$alone; $cmd --scenarios tasks --cases $c >/dev/null"; done
  echo "== $rt: $(uptime)"
  hyperfine -N --warmup 2 --runs 10 -n "$rt start-up (--list)" "$cmd --list"
  hyperfine --runs "$runs" -n "$rt tasks in one process" "$cmd --scenarios tasks >/dev/null" \
    -n "$rt tasks, each micro case alone" "$alone"
done
