#!/usr/bin/env bash
# Runtime against runtime on a real run: the "Runtimes compared" lines of the summary, then one
# ratio recomputed by hand from the run's JSON (a plain script, not asyncbench's code) to show the
# two agree. Run from the repository root after `npm run build`:
#
#   bash scripts/runtime-ratios.sh [extra asyncbench run flags]
#
# Takes the shared measurement lock, prints the load average before and after, writes its run to
# a temporary folder. Defaults: quick profile, timers, http-raw and tasks, 3 repeats.
set -euo pipefail
out=$(mktemp -d)
flock /tmp/asyncbench-measure.lock bash -c '
  echo "load before: $(cut -d" " -f1-3 /proc/loadavg)"
  node apps/cli/bin/asyncbench.js run --profile quick --scenarios timers,http-raw,tasks --repeats 3 \
    --no-report --out "$0" "${@}" || true
  echo "load after: $(cut -d" " -f1-3 /proc/loadavg)"
' "$out" "$@"
# By hand: http-raw, the fastest runtime against the slowest on each one's best concurrent case
# (highest median throughput), ratio of medians and the paired 95% CI over repeat indexes.
node - "$out" <<'JS'
const fs = require('node:fs');
const path = require('node:path');
const dir = process.argv[2];
const file = fs.readdirSync(dir).find((f) => f.endsWith('.json'));
const run = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const best = run.entries
  .filter((e) => e.scenario === 'http-raw' && e.status !== 'skipped')
  .map((e) => {
    const c = e.cases.filter((x) => x.mode === 'concurrent').sort((a, b) => b.figures.throughput.median - a.figures.throughput.median)[0];
    const byIndex = new Map(e.repeats.filter((r) => r.status === 'ok').map((r) => [r.index, r.results.find((x) => x.case === c.case).workload.throughput]));
    return { runtime: e.runtime, case: c.case, median: median([...byIndex.values()]), byIndex };
  })
  .sort((a, b) => b.median - a.median);
if (best.length < 2) { console.log('by hand: fewer than two runtimes ran http-raw'); process.exit(0); }
const [hi, lo] = [best[0], best[best.length - 1]];
const logs = [...hi.byIndex.keys()].filter((i) => lo.byIndex.has(i)).map((i) => Math.log(hi.byIndex.get(i) / lo.byIndex.get(i)));
const m = logs.reduce((a, b) => a + b, 0) / logs.length;
const sd = Math.sqrt(logs.reduce((a, x) => a + (x - m) ** 2, 0) / (logs.length - 1));
// t(0.975, df) for df 1..10, NIST/SEMATECH e-Handbook 1.3.6.7.2.
const t = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228][logs.length - 2];
if (t === undefined) { console.log(`by hand: ${logs.length} pairs, outside this check's t table`); process.exit(0); }
const h = (t * sd) / Math.sqrt(logs.length);
console.log(`by hand: http-raw ${hi.runtime} (${hi.case}) / ${lo.runtime} (${lo.case}) = ${(hi.median / lo.median).toFixed(3)}, paired 95% CI ${Math.exp(m - h).toFixed(3)}–${Math.exp(m + h).toFixed(3)} over ${logs.length} repeats`);
console.log(`results: ${path.join(dir, file)}`);
JS
