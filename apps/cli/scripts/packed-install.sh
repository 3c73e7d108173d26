#!/usr/bin/env bash
# The path a user takes: `npm pack` the asyncbench package, `npm install` the tarball into an empty
# folder outside the repository, write a benchmark file there and run it with `npx asyncbench` on
# node (and in Chromium where Debian's chromium is installed: the packed chromium adapter needs
# only the package's optional playwright-core). Checks that the run wrote its results and report into ./asyncbench-results of that folder
# (and nothing into the repository), that the results validate and name the user's scenarios, and
# that a --param sweep is recorded point by point. Prints the tarball's size and file count.
# Usage: bash apps/cli/scripts/packed-install.sh [extra args for `asyncbench run`]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "packed install: $*" >&2; exit 1; }
repo_results_before="$(ls -A "$repo/results" 2>/dev/null | sort)"

echo "== npm pack (prepack bundles the CLI, adapters and declarations)"
(cd "$repo/apps/cli" && npm pack --silent --pack-destination "$work" >/dev/null)
tarball="$(ls "$work"/asyncbench-*.tgz)"
tar -tzf "$tarball" | sort >"$work/files.txt"
echo "tarball $(basename "$tarball"): $(du -k "$tarball" | cut -f1) KiB, $(wc -l <"$work/files.txt") files"
for needed in package/bin/asyncbench.js package/dist/asyncbench.js package/dist/lib/api.js \
  package/dist/lib/api.d.ts package/dist/adapters/node/main.js package/dist/adapters/node/scenarios.js \
  package/dist/adapters/deno/main.js package/dist/adapters/bun/main.js \
  package/dist/adapters/chromium/main.js package/dist/adapters/chromium/page.js; do
  grep -qx "$needed" "$work/files.txt" || fail "the tarball lacks $needed"
done

echo "== npm install <tarball> in an empty folder"
project="$work/project"
mkdir "$project"
cd "$project"
npm init -y >/dev/null
npm install --no-audit --no-fund "$tarball" >/dev/null

cat >sum.bench.ts <<'EOF'
import { bench, defineScenario } from 'asyncbench';

bench('sum of 100', () => {
  let s = 0;
  for (let i = 0; i < 100; i++) s += i;
  return s;
});

export default defineScenario({
  id: 'waits',
  params: { units: 16, unitMs: 2, concurrency: 4 },
  paramRules: { concurrency: { integer: true, min: 1 } },
  modes: ['concurrent'],
  unit: { singular: 'wait', plural: 'waits' },
  cases: ({ units, unitMs, concurrency }) => [
    {
      kind: 'workload',
      id: 'pool',
      label: 'c waiters',
      mode: 'concurrent',
      variant: 'workers',
      units,
      concurrency,
      unitMs,
      async run(ctx) {
        let left = units;
        const worker = async () => {
          while (left-- > 0) await ctx.time(() => new Promise((r) => setTimeout(r, unitMs)));
        };
        await Promise.all(Array.from({ length: concurrency }, worker));
      },
    },
  ],
});
EOF

runtimes=node
[ -x /usr/bin/chromium ] && runtimes=node,chromium
echo "== npx asyncbench run sum.bench.ts --runtimes $runtimes --param concurrency=1,4"
npx --no-install asyncbench run sum.bench.ts --runtimes "$runtimes" --profile quick --param concurrency=1,4 "$@"

echo "== check"
results="$project/asyncbench-results"
run_json="$(ls "$results"/*.json | head -1)"
[ -f "$run_json" ] || fail "no results file in $results"
ls "$results"/*.html >/dev/null || fail "no report in $results"
[ -f "$results/latest.html" ] || fail "no latest.html in $results"
node --input-type=module - "$run_json" <<'EOF'
import { readFileSync } from 'node:fs';
const run = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const ids = run.scenarios.map((s) => s.id).join(' ');
const expected = 'waits[concurrency=1] waits[concurrency=4] sum';
if (ids !== expected) throw new Error(`scenarios "${ids}", expected "${expected}"`);
const bad = run.entries.filter((e) => e.status !== 'ok');
if (bad.length > 0) throw new Error(`entries not ok: ${bad.map((e) => `${e.scenario}: ${e.reason}`).join('; ')}`);
const point = run.scenarios[1].sweep;
if (point.param !== 'concurrency' || point.value !== 4) throw new Error(`sweep ${JSON.stringify(point)}`);
const cases = run.entries.find((e) => e.scenario === 'waits[concurrency=4]').cases;
if (cases[0].concurrency !== 4) throw new Error(`case concurrency ${cases[0].concurrency}`);
console.log(`results ok: ${run.entries.length} entries, ${run.status}, tool ${run.tool.name} ${run.tool.version} (${run.tool.commit})`);
EOF
[ "$(ls -A "$repo/results" 2>/dev/null | sort)" = "$repo_results_before" ] || fail "the run wrote into $repo/results"
[ ! -e "$repo/asyncbench-results" ] || fail "the run wrote $repo/asyncbench-results"
echo "packed install: ok"
