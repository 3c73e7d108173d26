#!/usr/bin/env bash
# Runs the built CLI on bad input of every kind and prints: command | first line of stderr | exit
# code | lines on stderr | wall time. Every row should read exit 2 (1 for a run that started), one
# line, no "internal error", well under a second. Usage: bash apps/cli/scripts/bad-input.sh
set -u
cd "$(dirname "$0")/../../.."
bin=apps/cli/bin/asyncbench.js
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo '{"not":"a run"}' > "$tmp/bad.json"
echo 'not json' > "$tmp/garbage.json"
touch "$tmp/file"
mkdir "$tmp/dir"
printf "import { bench } from 'asyncbench';\nbench('x', () => {\n" > "$tmp/syntax.bench.ts"
printf "throw new Error('boom');\n" > "$tmp/throws.bench.ts"
printf "export const x = 1;\n" > "$tmp/nothing.bench.ts"
cases=(
  "run --out /proc/x"
  "run --out /dev/null/x"
  "run --out /sys/x"
  "run --out $tmp/file"
  "run --out $tmp/file/sub"
  "run --seed -5"
  "run --seed 4294967296"
  "run --repeats -1"
  "run --timeout-ms abc"
  "run --seed"
  "run --profile fast"
  "run --runtimes java"
  "run --runtimes nodejs@22"
  "run --runtimes node@99 --out $tmp/o"
  "run --runtimes node@"
  "run --runtimes bun@nightly --out $tmp/o"
  "run --runtime deno"
  "run --scenarios nope --runtimes node --out $tmp/o"
  "run --cache-dir /proc/x --runtimes node@22 --out $tmp/o"
  "run --pin 1;2"
  "run --pin 4095 --runtimes node --scenarios timers --out $tmp/o"
  "run --runtime deno=/nonexistent/deno --runtimes deno --out $tmp/o"
  "run extra.bench.ts"
  "run $tmp/nomatch/*.ts"
  "run $tmp/dir"
  "run $tmp/bad.json"
  "run $tmp/syntax.bench.ts --runtimes node --out $tmp/o"
  "run $tmp/throws.bench.ts --runtimes node --out $tmp/o"
  "run $tmp/nothing.bench.ts --runtimes node --out $tmp/o"
  "run --param concurrency"
  "run --param c=1,2 --param d=1,2"
  "run --scenarios timers --param conc=4 --runtimes node --out $tmp/o"
  "run --scenarios timers --param concurrency=0 --runtimes node --out $tmp/o"
  "run --scenarios timers --param unitMs=fast --runtimes node --out $tmp/o"
  "report $tmp/missing.json"
  "report $tmp/dir"
  "report $tmp/garbage.json"
  "report $tmp/bad.json"
  "report --out /proc/x.html $tmp/bad.json"
  "report --out $tmp/dir"
  "compare $tmp/missing.json $tmp/bad.json"
  "compare $tmp/dir $tmp/dir"
  "compare a.json"
  "list --json extra.bench.ts"
  "list --frob"
  "doctor --runtime x"
  "doctor --cache-dir"
  "runtimes rm node@1.0.0 --cache-dir $tmp/cache"
  "runtimes prune"
  "runtimes install nodejs@22"
  "frob"
  "--frob"
  # An environment variable, then |, then the command line.
  "ASYNCBENCH_HOST=-leading-dash|run --runtimes node --out $tmp/o"
  "ASYNCBENCH_HOST=a/b|run --runtimes node --out $tmp/o"
  "ASYNCBENCH_HOST=$(printf 'x%.0s' {1..65})|doctor"
)
printf '%s\t%s\t%s\t%s\t%s\n' command 'stderr (first line)' exit lines seconds
for c in "${cases[@]}"; do
  start=$(date +%s.%N)
  vars=()
  if [[ $c == *'|'* ]]; then
    vars=("${c%%|*}")
    c=${c#*|}
  fi
  # shellcheck disable=SC2086
  err=$(timeout -k 2 20 env "${vars[@]}" node "$bin" $c 2>&1 >/dev/null)
  code=$?
  end=$(date +%s.%N)
  lines=$(printf '%s' "$err" | grep -c '')
  printf '%s\t%s\t%s\t%s\t%.2f\n' "${vars[*]:+${vars[*]} }${c//$tmp/\$TMP}" "$(printf '%s' "${err//$tmp/\$TMP}" | head -1)" "$code" "$lines" "$(echo "$end - $start" | bc)"
done
