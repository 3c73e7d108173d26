/**
 * `asyncbench run file.bench.ts` and `--param`, for real: the built CLI, the real node adapter, user
 * files written to a temp folder and bundled by esbuild. Bad input must stop the run in one line
 * naming the file or parameter, exit 2, with no results file; good input must be recorded with the
 * parameters as run. Asserts behaviour only, never speed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunFile, validateRunFile } from '@asyncbench/results';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(appDir, 'bin/asyncbench.js');
let tmp: string;

/** Runs the CLI in `tmp` (where the user files are), results into tmp/out. */
function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.ASYNCBENCH_PG_URL;
  const r = spawnSync(process.execPath, [bin, 'run', ...args, '--out', join(tmp, 'out'), '--no-report'], {
    cwd: tmp,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function results(): Promise<RunFile[]> {
  const dir = join(tmp, 'out');
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  return Promise.all(
    files.map(async (f) => validateRunFile(JSON.parse(await readFile(join(dir, f), 'utf8')), f)),
  );
}

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['build.mjs'], { cwd: appDir, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the CLI failed');
  tmp = await mkdtemp(join(tmpdir(), 'asyncbench-user-files-'));
  const files: Record<string, string> = {
    'syntax.bench.ts': "import { bench } from 'asyncbench';\nbench('x', () => {\n",
    'missing-import.bench.ts': "import leftPad from 'left-pad-not-installed';\nexport default leftPad;\n",
    'throws.bench.ts': "import { bench } from 'asyncbench';\nthrow new Error('no fixture file');\n",
    'nothing.bench.ts': 'export const x = 1;\n',
    'ok.bench.ts': "import { bench } from 'asyncbench';\nbench('add', () => 1 + 1);\n",
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(tmp, name), text);
  // What `npm init -y` makes with npm 11: a package with "type": "commonjs".
  await mkdir(join(tmp, 'cjs'));
  await writeFile(join(tmp, 'cjs/package.json'), '{ "name": "mine", "type": "commonjs" }\n');
  await writeFile(
    join(tmp, 'cjs/only.bench.ts'),
    "import { bench } from 'asyncbench';\nbench('add', () => 1 + 1);\n",
  );
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('asyncbench run <files>: bad files stop the run at once, exit 2, one line naming the file', () => {
  const cases: [string[], RegExp][] = [
    [['absent.bench.ts'], /^asyncbench: benchmark file "absent\.bench\.ts" not found$/],
    [['nomatch/*.bench.ts'], /^asyncbench: no benchmark file matches "nomatch\/\*\.bench\.ts"/],
    [
      ['syntax.bench.ts'],
      /^asyncbench: benchmark file does not bundle: syntax\.bench\.ts:3:1: Unexpected end of file$/,
    ],
    [
      ['missing-import.bench.ts'],
      /^asyncbench: benchmark file does not bundle: missing-import\.bench\.ts:1:21: Could not resolve "left-pad-not-installed"/,
    ],
    [
      ['ok.bench.ts', 'throws.bench.ts'],
      /^asyncbench: throws\.bench\.ts: throws while loading: Error: no fixture file$/,
    ],
    [['nothing.bench.ts'], /^asyncbench: nothing\.bench\.ts: exports nothing usable/],
  ];
  for (const [args, expected] of cases) {
    it(args.join(' '), async () => {
      const r = run([...args, '--runtimes', 'node']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(expected);
      expect(r.stderr).not.toContain('internal error');
      expect(await results()).toEqual([]);
    });
  }
});

describe('--param: checked against the listed parameters before anything runs', () => {
  it('a file of bench() calls only, in a "type": "commonjs" package (npm init -y), runs', async () => {
    const r = run(['cjs/only.bench.ts', '--runtimes', 'node', '--profile', 'quick', '--max-time', '0']);
    expect(r.code, r.stderr).toBe(0);
    const [file] = (await results()).filter((f) => f.scenarios.some((x) => x.id === 'only'));
    expect(file?.entries.find((e) => e.scenario === 'only')).toMatchObject({ status: 'ok' });
    await rm(join(tmp, 'out'), { recursive: true, force: true });
  });

  it('names the valid parameters for an unknown one, and what a parameter takes for a bad value', async () => {
    const unknown = run(['--scenarios', 'timers,http', '--param', 'conc=4']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe(
      'asyncbench: unknown parameter "conc" for --param (valid: concurrency, delayMs, requests, unitMs or units)',
    );
    const bad = run(['--scenarios', 'timers', '--param', 'concurrency=1,0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(
      'asyncbench: bad value "0" for --param concurrency (in timers it takes a whole number from 1)',
    );
    expect(await results()).toEqual([]);
  });
});

describe('runs that go through', () => {
  it('a user file sweeping a parameter: one scenario per point, params recorded as run', async () => {
    const example = join(appDir, 'examples/json.bench.ts');
    const r = run([
      example,
      '--runtimes',
      'node',
      '--profile',
      'quick',
      '--max-time',
      '0',
      '--param',
      'concurrency=2,8',
      '--param',
      'units=16',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [file] = await results();
    expect(file!.notes.join(' ')).toMatch(/scenarios from .*json\.bench\.ts \(bundled once/);
    expect(file!.scenarios.map((s) => s.id)).toEqual([
      'json-fetch[concurrency=2]',
      'json-fetch[concurrency=8]',
      'json',
    ]);
    expect(file!.scenarios[1]).toMatchObject({
      params: { units: 16, unitMs: 5, concurrency: 8 },
      overrides: { units: 16, concurrency: 8 },
      sweep: { scenario: 'json-fetch', param: 'concurrency', value: 8, index: 1 },
      unit: { singular: 'document', plural: 'documents' },
    });
    // bench() files take no parameters: `json` runs once, unswept.
    expect(file!.scenarios[2]).not.toHaveProperty('sweep');
    for (const e of file!.entries) expect(e.status, e.reason).toBe('ok');
    const pool = file!.entries
      .find((e) => e.scenario === 'json-fetch[concurrency=8]')!
      .cases.find((c) => c.case === 'pool');
    expect(pool).toMatchObject({ concurrency: 8, units: 16, params: { concurrency: 8, units: 16 } });
    await rm(join(tmp, 'out'), { recursive: true, force: true });
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'a user file in a headless Chromium page too: the same bundle, served to the page in place of the catalogue',
    async () => {
      const example = join(appDir, 'examples/json.bench.ts');
      const r = run([
        example,
        '--runtimes',
        'node,chromium',
        '--profile',
        'quick',
        '--max-time',
        '0',
        '--param',
        'units=16',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const [file] = await results();
      const chromium = file!.entries.filter((e) => e.runtime === 'chromium');
      expect(chromium.map((e) => e.scenario)).toEqual(['json-fetch', 'json']);
      for (const e of chromium) expect(e.status, e.reason).toBe('ok');
      const pool = chromium[0]!.cases.find((c) => c.case === 'pool');
      expect(pool).toMatchObject({ units: 16, params: { units: 16 } });
      await rm(join(tmp, 'out'), { recursive: true, force: true });
    },
  );

  it('a catalogue scenario with d raised 15% (the known-truth A/B check): recorded as overrides', async () => {
    const r = run([
      '--scenarios',
      'timers',
      '--profile',
      'quick',
      '--max-time',
      '0',
      '--runtimes',
      'node',
      '--param',
      'unitMs=5.75',
      '--param',
      'units=8',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [file] = await results();
    expect(file!.scenarios[0]).toMatchObject({ id: 'timers', overrides: { unitMs: 5.75, units: 8 } });
    const cases = file!.entries[0]!.cases;
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(c).toMatchObject({ unitMs: 5.75, units: 8 });
    await rm(join(tmp, 'out'), { recursive: true, force: true });
  });
});
