/**
 * A user's benchmark file, as `npx asyncbench run json.bench.ts` runs it: bench() for plain
 * micro-benchmarks (one scenario per file, named after it), and a scenario for async work whose
 * units can overlap, with parameters that `--param` can set or sweep.
 */
import { bench, defineScenario, type WorkloadCase } from 'asyncbench';

// A small document, built once: every runtime parses and prints the same text.
const doc = {
  id: 42,
  name: 'asyncbench',
  tags: ['node', 'deno', 'bun'],
  items: Array.from({ length: 50 }, (_, i) => ({ i, label: `item ${i}`, ok: i % 3 === 0 })),
};
const text = JSON.stringify(doc);

bench('JSON.parse (3 KB)', () => JSON.parse(text));
bench('JSON.stringify (3 KB)', () => JSON.stringify(doc));
bench('structuredClone (3 KB)', () => structuredClone(doc));

/** Parse a document after an await of d ms: I/O-shaped, so concurrency pays until c reaches N. */
type Params = { units: number; unitMs: number; concurrency: number };

function parseAfter(ms: number): Promise<unknown> {
  return new Promise((resolve) => setTimeout(() => resolve(JSON.parse(text)), ms));
}

export default defineScenario<Params>({
  id: 'json-fetch',
  label: 'Fetch-and-parse: N documents, at most c in flight',
  description: 'Each unit waits d ms (a response arriving) and parses the document.',
  params: { units: 64, unitMs: 5, concurrency: 8 },
  paramRules: {
    units: { integer: true, min: 1 },
    unitMs: { min: 0 },
    concurrency: { integer: true, min: 1 },
  },
  modes: ['sequential', 'concurrent'],
  unit: { singular: 'document', plural: 'documents' },
  cases: ({ units, unitMs, concurrency }): WorkloadCase[] => [
    {
      kind: 'workload',
      id: 'sequential',
      label: 'await each document in turn',
      mode: 'sequential',
      variant: 'loop',
      units,
      concurrency: 1,
      unitMs,
      async run(ctx) {
        for (let i = 0; i < units; i++) await ctx.time(() => parseAfter(unitMs));
      },
    },
    {
      kind: 'workload',
      id: 'pool',
      label: `${concurrency} workers`,
      mode: 'concurrent',
      variant: 'workers',
      units,
      concurrency: Math.min(concurrency, units),
      unitMs,
      async run(ctx) {
        let next = 0;
        const worker = async () => {
          while (next < units) {
            next++;
            await ctx.time(() => parseAfter(unitMs));
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, units) }, worker));
      },
    },
  ],
});
