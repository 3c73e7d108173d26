/** Test-only: run code at an exact microtask offset, to cancel at every await point in turn. */

function noop(): void {}

/**
 * Calls fn after n microtask hops (n = 0: on the first one). Each hop is one promise reaction,
 * queued behind every reaction already queued, so offsets 0, 1, 2, … step through the await points
 * of code that started before this call.
 */
export function afterTicks(n: number, fn: () => void): void {
  let p: Promise<void> = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(noop);
  void p.then(fn);
}

/**
 * The harness's seeded PRNG (mulberry32), so a stress run can be replayed from its seed. Imported
 * by path, test-only: core cannot depend on the harness package, which depends on core.
 */
export { mulberry32 as seededRandom } from '../../harness/src/random.ts';
