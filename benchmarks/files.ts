/**
 * `files`: N small file reads, blocking, awaited one by one, and in flight together. Reads of small
 * cached files take microseconds and no ideal is known (unitMs null): the question is whether the
 * runtime's async file API overlaps reads enough to beat a plain blocking loop.
 */
import { gather, limit } from '@asyncbench/core';
import type { Platform } from '@asyncbench/harness';
import { defineScenario, type WorkloadCase, type WorkloadContext } from '@asyncbench/harness';
import { COUNT, seededBytes, times } from './support.ts';

export type FilesParams = {
  /** N: files read per case. */
  files: number;
  /** Bytes per file. */
  fileBytes: number;
  /** c: the bound of the limited case. */
  concurrency: number;
};

interface FilesState {
  paths: string[];
  /** Removes the directory; teardown gets no platform, so setup leaves this behind for it. */
  remove: () => Promise<void>;
}

/** Writes N files of seeded content into a fresh directory: the same bytes on every runtime. */
async function makeFiles(platform: Platform, p: FilesParams): Promise<FilesState> {
  const dir = await platform.makeTempDir('asyncbench-files-');
  const paths = times(p.files, (i) => `${dir}/file-${i}.txt`);
  // Written 16 at a time: setup is untimed but still counts against the process's time limit.
  const write = limit(16);
  await gather(
    paths.map((path, i) => write(() => platform.writeFile(path, seededBytes(i + 1, p.fileBytes)))),
  );
  return { paths, remove: () => platform.removeDir(dir) };
}

/** A short read means the platform is broken; failing loudly beats reporting a fast wrong number. */
function check(bytes: Uint8Array, expected: number, path: string): void {
  if (bytes.length !== expected)
    throw new Error(`files: read ${bytes.length} bytes from ${path}, expected ${expected}`);
}

export function filesCases(p: FilesParams): WorkloadCase<FilesState>[] {
  const { files: n, fileBytes: size, concurrency: c } = p;
  const readOne = async (ctx: WorkloadContext, path: string) => {
    check(await ctx.time(() => ctx.platform.readFile(path)), size, path);
  };
  // Each case writes its own files: cases stay independent, and setup is not timed.
  const base = {
    kind: 'workload',
    units: n,
    unitMs: null,
    arrangement: `${n} files of ${size} bytes in a fresh temp directory, written in setup (so in the page cache)`,
    setup: (platform: Platform) => makeFiles(platform, p),
    teardown: (state: FilesState) => state.remove(),
  } as const;
  return [
    {
      ...base,
      id: 'read-blocking',
      label: 'readFileSync in a loop',
      mode: 'blocking',
      variant: 'loop',
      concurrency: 1,
      async run(ctx, { paths }) {
        for (const path of paths)
          check(
            ctx.timeSync(() => ctx.platform.readFileSync(path)),
            size,
            path,
          );
      },
    },
    {
      ...base,
      id: 'read-sequential',
      label: 'await readFile in a loop',
      mode: 'sequential',
      variant: 'loop',
      concurrency: 1,
      async run(ctx, { paths }) {
        for (const path of paths) await readOne(ctx, path);
      },
    },
    {
      ...base,
      id: 'read-gather',
      label: 'gather() of all reads',
      mode: 'concurrent',
      variant: 'gather',
      concurrency: n,
      async run(ctx, { paths }) {
        await gather(paths.map((path) => readOne(ctx, path)));
      },
    },
    {
      ...base,
      id: 'read-limit',
      label: `all reads through limit(${c})`,
      mode: 'concurrent',
      variant: 'limit',
      concurrency: c,
      async run(ctx, { paths }) {
        const run = limit(c);
        await gather(paths.map((path) => run(() => readOne(ctx, path))));
      },
    },
  ];
}

export const files = defineScenario<FilesParams>({
  id: 'files',
  label: 'Files: small reads',
  description:
    'N small files (seeded content, written in untimed setup) read with readFileSync in a loop, with ' +
    'await readFile one at a time, all at once with gather(), and at most c at a time with limit(). ' +
    'Cached reads take microseconds, so no ideal time is given: compare throughput across modes.',
  params: {
    quick: { files: 100, fileBytes: 4096, concurrency: 16 },
    default: { files: 500, fileBytes: 4096, concurrency: 16 },
    full: { files: 2000, fileBytes: 4096, concurrency: 32 },
  },
  paramRules: { files: COUNT, fileBytes: { integer: true, min: 0 }, concurrency: COUNT },
  modes: ['blocking', 'sequential', 'concurrent'],
  unit: { singular: 'file read', plural: 'file reads' },
  requires: ['files'],
  cases: (params) => filesCases(params),
});
