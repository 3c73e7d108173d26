/**
 * A diagnostic for `npm run bench:crosscheck` (issue 9): how Deno's http-raw raw-fetch-loops rate
 * rises from the first request, in asyncbench's own rounds (benchmarks/http.ts, the default
 * profile's N and c) against its own server (the adapter's Platform), with no warm-up rule in the
 * way. Rounds run back to back for `seconds`; each bucket's rate is the units of the rounds that
 * ended in it over those rounds' summed wall time. Shows where the rate stops rising, which is
 * what CLIENT_WARMUP_MS in benchmarks/http.ts rests on. Runs from source on Deno:
 *
 *   DENO_CONDITIONS=source deno run -A scripts/crosscheck/http-ramp.ts [seconds=3] [bucketMs=250]
 *
 * Prints one line per bucket: "<from>-<to> ms  <requests/s>".
 */

import { httpRaw } from '../../benchmarks/http.ts';
import { platform } from '../../packages/adapter-deno/src/platform.ts';
import { LatencyRecorder } from '../../packages/harness/src/latency-recorder.ts';
import { createWorkloadContext } from '../../packages/harness/src/workload.ts';

const [seconds = 3, bucketMs = 250] = Deno.args.map(Number);
const params = httpRaw.params.default;
const rawCase = httpRaw.cases(params).find((c) => c.id === 'raw-fetch-loops');
if (!rawCase?.setup || !rawCase.teardown) throw new Error('http-raw has no raw-fetch-loops case');
const state = await rawCase.setup(platform);
const recorder = new LatencyRecorder();
const units: number[] = [];
const ms: number[] = [];
const start = performance.now();
try {
  while (performance.now() - start < seconds * 1000) {
    const t0 = performance.now();
    await rawCase.run(createWorkloadContext(platform, 1, recorder), state);
    const t1 = performance.now();
    const bucket = Math.floor((t1 - start) / bucketMs);
    units[bucket] = (units[bucket] ?? 0) + rawCase.units;
    ms[bucket] = (ms[bucket] ?? 0) + (t1 - t0);
  }
} finally {
  await rawCase.teardown(state);
}
for (let b = 0; b < units.length; b++) {
  const rate = units[b] ? Math.round((units[b] ?? 0) / ((ms[b] ?? 1) / 1000)) : '-';
  console.log(`${b * bucketMs}-${(b + 1) * bucketMs} ms  ${rate}`);
}
Deno.exit(0);
