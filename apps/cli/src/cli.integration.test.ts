/**
 * Spawns the built CLI for real, against the real node adapter and the catalogue's hidden fault
 * fixtures: what a user sees (exit codes, one-line errors) and what lands on disk. Asserts
 * behaviour only, never speed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunFile, validateRunFile } from '@asyncbench/results';
import { slowedDown } from '@asyncbench/results/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(appDir, '../..');
const bin = join(appDir, 'bin/asyncbench.js');

interface CliResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  opts: { onStart?: (child: ReturnType<typeof spawn>) => void } = {},
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.ASYNCBENCH_PG_URL;
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    opts.onStart?.(child);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

async function jsonFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.endsWith('.json')).map((n) => join(dir, n));
}

async function readRun(path: string): Promise<RunFile> {
  return validateRunFile(JSON.parse(await readFile(path, 'utf8')), path);
}

let tmp: string;

beforeAll(() => {
  // Always bundle the CLI from the current source; the adapter must already be built (turbo's
  // test task depends on it; by hand: `npx --no-install turbo run build`).
  const built = spawnSync(process.execPath, ['build.mjs'], { cwd: appDir, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the CLI failed');
  if (!existsSync(join(root, 'packages/adapter-node/dist/main.js'))) {
    throw new Error(
      'packages/adapter-node/dist/main.js is missing: run `npx --no-install turbo run build` first',
    );
  }
});

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'asyncbench-cli-it-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('asyncbench run', () => {
  let faultsFile = '';

  it('costs a failing process only its own repeat, records why, and exits 1', async () => {
    // 8 s, not 3: the limit must hold the hang yet never cut tasks short on a busy shared machine.
    const out = join(tmp, 'faults');
    const r = await cli([
      'run',
      '--runtimes',
      'node',
      '--scenarios',
      'fault-crash,fault-hang,fault-garbage,fault-throw,tasks',
      '--profile',
      'quick',
      '--max-time',
      '0',
      '--timeout-ms',
      '8000',
      '--out',
      out,
      '--no-report',
    ]);
    expect(r.code, r.stderr).toBe(1);
    const files = await jsonFiles(out);
    expect(files).toHaveLength(1);
    faultsFile = files[0]!;
    const run = await readRun(faultsFile);
    expect(run.status).toBe('complete');
    expect(run.profile).toBe('quick');
    expect(run.repeats).toBe(1);
    expect(run.runtimes).toEqual([
      expect.objectContaining({ name: 'node', status: 'ok', version: process.versions.node }),
    ]);
    const byScenario = (id: string) => run.entries.find((e) => e.runtime === 'node' && e.scenario === id)!;

    const tasks = byScenario('tasks');
    expect(tasks.status).toBe('ok');
    expect(tasks.cases.length).toBeGreaterThan(0);
    expect(tasks.repeats[0]!.results.length).toBeGreaterThan(0);

    for (const id of ['fault-crash', 'fault-hang', 'fault-garbage', 'fault-throw']) {
      const e = byScenario(id);
      expect(e.status, id).toBe('failed');
      expect(e.repeats, id).toHaveLength(1);
      expect(e.repeats[0]!.status, id).toBe('failed');
      expect(e.repeats[0]!.reason, id).toBeTruthy();
    }
    expect(byScenario('fault-hang').repeats[0]!.reason).toMatch(/timeout/);
    expect(byScenario('fault-crash').repeats[0]!.reason).toMatch(/crash/);
    expect(byScenario('fault-crash').repeats[0]!.stderrTail).toBeTruthy();
    expect(byScenario('fault-garbage').repeats[0]!.reason).toMatch(/garbage/);
    expect(byScenario('fault-throw').repeats[0]!.reason).toMatch(/scenario error/);

    // The summary goes to stdout; progress lines (not a TTY) to stderr.
    // One process (--max-time 0): no interval, so each figure carries the inconclusive mark, and
    // the flag mark where the flags found something (high rme on a busy machine).
    expect(r.stdout).toMatch(/^tasks\s+\S+\s+[\d,.]+ \?( !)?$/m);
    expect(r.stdout).toMatch(/^fault-hang\s+node\s.*timeout/m);
    expect(r.stdout).toContain(faultsFile);
    expect(r.stderr).toMatch(/\[5\/5\] node × tasks/);
  });

  it('report refuses an invalid file in one line naming file and field, exit 2', async () => {
    const run = JSON.parse(await readFile(faultsFile, 'utf8'));
    run.host.cpuCount = 'two';
    const bad = join(tmp, 'bad.json');
    await writeFile(bad, JSON.stringify(run));
    const r = await cli(['report', bad, '--out', join(tmp, 'bad.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toContain('cpuCount');
    expect(existsSync(join(tmp, 'bad.html'))).toBe(false);
  });

  it('auto-samples: adds rounds until the horizon, or marks what stayed wide', async () => {
    // quick's minimum is one process: the first pass must add a second round to give an interval.
    const out = join(tmp, 'sampling');
    const r = await cli([
      'run',
      '--runtimes',
      'node',
      '--scenarios',
      'tasks',
      '--profile',
      'quick',
      '--horizon',
      '100%',
      '--max-time',
      '60s',
      '--out',
      out,
      '--no-report',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/sampling: \d+ figures? with no interval yet, adding round 2 of tasks/);
    const run = await readRun((await jsonFiles(out))[0]!);
    expect(run.repeats).toBe(1);
    expect(run.sampling).toMatchObject({ horizon: 1, maxTimeMs: 60_000, minRepeats: 1 });
    expect(run.sampling!.rounds).toBeGreaterThanOrEqual(1);
    const tasks = run.entries.find((e) => e.scenario === 'tasks')!;
    expect(tasks.repeats.length).toBe(1 + run.sampling!.rounds);
    expect(tasks.repeats.map((x) => x.index)).toEqual(tasks.repeats.map((_, i) => i));
    // Round 2 runs every case (one repeat gives no interval); a later round only the cases still
    // wide, so each case's interval is over the repeats that hold it.
    expect(tasks.repeats[1]!.results.map((x) => x.case)).toEqual(
      tasks.repeats[0]!.results.map((x) => x.case),
    );
    for (const c of tasks.cases) {
      const held = tasks.repeats.filter((x) => x.results.some((y) => y.case === c.case)).length;
      expect(held, c.case).toBeGreaterThanOrEqual(2);
      expect(c.precision, c.case).toMatchObject({ horizon: 1, repeats: held });
    }
    const wide = tasks.cases.filter((c) => !c.precision!.conclusive).length;
    expect(run.sampling!.inconclusive).toBe(wide);
    expect(run.sampling!.stoppedBy).toBe(wide === 0 ? 'horizon' : 'max-time');
    // Success is said too, not only what stayed wide.
    if (wide === 0)
      expect(r.stderr).toMatch(/sampling: every main figure within ±100% after \d+ added rounds?/);
    else expect(r.stderr).toMatch(/still wider than ±100%/);
  });

  it('with --max-time 0 runs the minimum and marks every figure inconclusive, never silently', async () => {
    const out = join(tmp, 'no-sampling');
    const md = join(tmp, 'no-sampling.md');
    const r = await cli([
      'run',
      '--runtimes',
      'node',
      '--scenarios',
      'tasks',
      '--profile',
      'quick',
      '--max-time',
      '0',
      '--out',
      out,
      '--no-report',
      '--export-markdown',
      md,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const run = await readRun((await jsonFiles(out))[0]!);
    const tasks = run.entries.find((e) => e.scenario === 'tasks')!;
    expect(tasks.repeats).toHaveLength(1);
    expect(run.sampling).toMatchObject({ horizon: 0.25, maxTimeMs: 0, rounds: 0, stoppedBy: 'max-time' });
    expect(run.sampling!.inconclusive).toBe(tasks.cases.length);
    // One repeat: no interval at all, and the line says so rather than "wider than ±25%".
    const n = tasks.cases.length;
    const line =
      `? all ${n} main figures have no interval (one repeat or no usable value); ` +
      '--max-time 0: minimum repeats only (1 per figure); to narrow them give sampling time (--max-time 2m) or more --repeats';
    expect(r.stdout).toContain(line);
    expect(await readFile(md, 'utf8')).toContain(line);
    expect(r.stderr).toMatch(/\(--max-time 0: minimum repeats only\): marked inconclusive/);
    // One repeat: no interval, so not "wider than the horizon".
    expect(r.stderr).toMatch(/\d+ main figures? with no interval \(--max-time 0/);
    expect(r.stderr).not.toMatch(/still wider than/);
  });

  it('compare reads two runs and says when there is too little data', async () => {
    const r = await cli(['compare', faultsFile, faultsFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/tasks/);
    expect(r.stdout).toContain('insufficient data');
  });

  it.each([
    [
      ['run', '--runtimes', 'node', '--scenarios', 'nope'],
      /^asyncbench: unknown scenario "nope" \(choose .*tasks/,
    ],
    [['run', '--profile', 'fast'], /^asyncbench: unknown profile "fast" \(choose quick, default or full\)$/],
    [
      ['run', '--runtimes', 'node,java'],
      /^asyncbench: unknown runtime "java" \(choose node, deno, bun or chromium/,
    ],
    [['run', '--frobnicate'], /^asyncbench: unknown flag "--frobnicate" for run \(choose /],
    [['run', '--repeats', 'many'], /^asyncbench: bad number for --repeats: "many"/],
    [['run', '--horizon', '0%'], /^asyncbench: bad --horizon "0%" \(a percentage above 0%/],
    [['run', '--max-time', 'soon'], /^asyncbench: bad --max-time "soon" \(a duration such as 90s/],
    // CPUs this machine does not have (taskset is there: .ci/run installs util-linux).
    [
      ['run', '--runtimes', 'node', '--scenarios', 'timers', '--pin', '4095'],
      /^asyncbench: --pin 4095: taskset cannot pin to these CPUs \(allowed: /,
    ],
    [
      ['run', '--runtimes', 'deno', '--runtime', 'deno=/nonexistent/deno'],
      /^asyncbench: no runtime found: deno: --runtime binary \/nonexistent\/deno not found/,
    ],
    [
      ['bench'],
      /^asyncbench: unknown command "bench" \(choose run, report, list, doctor, compare, export or runtimes\)$/,
    ],
  ])('bad input %j: one line, exit 2, nothing written', async (args, message) => {
    const out = join(tmp, `bad-${args.join('-').replace(/\W+/g, '_')}`);
    const r = await cli([...args, '--out', out]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('skips a runtime whose binary is missing, with a note (exit 1: it was asked for)', async () => {
    const out = join(tmp, 'missing');
    const r = await cli([
      'run',
      '--runtimes',
      'node,deno',
      '--runtime',
      'deno=/nonexistent/deno',
      '--scenarios',
      'tasks',
      '--profile',
      'quick',
      '--max-time',
      '0',
      '--out',
      out,
      '--no-report',
    ]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('/nonexistent/deno');
    const run = await readRun((await jsonFiles(out))[0]!);
    expect(run.runtimes.find((x) => x.name === 'deno')).toMatchObject({ status: 'missing', source: 'flag' });
    expect(run.entries.find((e) => e.runtime === 'deno')).toMatchObject({
      status: 'skipped',
      scenario: 'tasks',
    });
    expect(run.entries.find((e) => e.runtime === 'node')).toMatchObject({ status: 'ok' });
    expect(run.notes.join('\n')).toContain('/nonexistent/deno');
  });

  it('records a chromium that is not there as missing, and runs the rest', async () => {
    const out = join(tmp, 'no-chromium');
    const r = await cli([
      'run',
      '--runtimes',
      'node,chromium',
      '--runtime',
      'chromium=/nonexistent/chromium',
      '--scenarios',
      'tasks',
      '--profile',
      'quick',
      '--max-time',
      '0',
      '--out',
      out,
      '--no-report',
    ]);
    // Asked for by name, so its absence is an error at the end; the run itself went on.
    expect(r.code, r.stderr).toBe(1);
    const run = await readRun((await jsonFiles(out))[0]!);
    expect(run.runtimes.find((x) => x.name === 'chromium')).toMatchObject({ status: 'missing' });
    expect(run.entries.find((e) => e.runtime === 'chromium')).toMatchObject({ status: 'skipped' });
    expect(run.entries.find((e) => e.runtime === 'node')).toMatchObject({ status: 'ok' });
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'runs chromium as a runtime: measures the web-standard scenarios, skips files with the reason once',
    async () => {
      const out = join(tmp, 'chromium');
      const r = await cli([
        'run',
        '--runtimes',
        'node,chromium',
        '--scenarios',
        'timers,files',
        '--profile',
        'quick',
        '--max-time',
        '0',
        '--repeats',
        '2',
        '--out',
        out,
        '--no-report',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const run = await readRun((await jsonFiles(out))[0]!);
      expect(run.runtimes.find((x) => x.name === 'chromium')).toMatchObject({
        status: 'ok',
        path: '/usr/bin/chromium',
        version: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
      });
      const entry = (runtime: string, scenario: string) =>
        run.entries.find((e) => e.runtime === runtime && e.scenario === scenario);
      expect(entry('chromium', 'timers')).toMatchObject({ status: 'ok' });
      expect(entry('chromium', 'timers')!.repeats).toHaveLength(2);
      expect(entry('chromium', 'files')).toEqual({
        runtime: 'chromium',
        scenario: 'files',
        status: 'skipped',
        reason: 'needs files: a browser page has no file system',
        repeats: [],
        cases: [],
      });
      expect(entry('node', 'files')).toMatchObject({ status: 'ok' });
      expect(r.stdout).toMatch(/files\s+chromium\s.*skipped: needs files: a browser page has no file system/);
      expect(r.stderr).toMatch(/chromium × files #2\/2: skipped/);
    },
  );

  it('keeps what was measured when interrupted (SIGINT): status interrupted, exit 130', async () => {
    const out = join(tmp, 'interrupt');
    let child: ReturnType<typeof spawn> | undefined;
    const running = cli(
      [
        'run',
        '--runtimes',
        'node',
        '--scenarios',
        'tasks,fault-hang',
        '--profile',
        'quick',
        '--max-time',
        '0',
        '--timeout-ms',
        '120000',
        '--out',
        out,
        '--no-report',
      ],
      { onStart: (c) => (child = c) },
    );
    // Wait until tasks is on disk (the hang is then in progress), then interrupt.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const files = existsSync(out) ? await jsonFiles(out) : [];
      if (files.length === 1) {
        const text = await readFile(files[0]!, 'utf8').catch(() => '');
        if (text && JSON.parse(text).entries.some((e: { scenario: string }) => e.scenario === 'tasks')) break;
      }
      if (Date.now() > deadline) throw new Error('tasks never finished');
      await new Promise((r) => setTimeout(r, 100));
    }
    child!.kill('SIGINT');
    const r = await running;
    expect(r.code, r.stderr).toBe(130);
    const run = await readRun((await jsonFiles(out))[0]!);
    expect(run.status).toBe('interrupted');
    expect(run.finishedAt).not.toBeNull();
    expect(run.entries.map((e) => `${e.scenario}:${e.status}`)).toEqual(['tasks:ok']);
    expect(run.entries[0]!.cases.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/interrupted/);
  });
});

describe('exports and the CI gate, on a real run', () => {
  let dir = '';
  let runPath = '';
  let markdownPath = '';
  let runOut: CliResult;

  beforeAll(async () => {
    dir = join(tmp, 'gate');
    markdownPath = join(dir, 'summary.md');
    runOut = await cli([
      'run',
      '--runtimes',
      'node',
      '--scenarios',
      'timers,tasks,db-pg',
      '--profile',
      'quick',
      '--max-time',
      '0',
      '--repeats',
      '2',
      '--out',
      dir,
      '--no-report',
      '--export-markdown',
      markdownPath,
    ]);
    runPath = (await jsonFiles(dir))[0]!;
  }, 120_000);

  it('run --export-markdown writes the summary; db-pg is skipped by its declared requirement', async () => {
    expect(runOut.code, runOut.stderr).toBe(0);
    expect(runOut.stderr).toContain(
      'asyncbench: db-pg skipped: needs a PostgreSQL URL (--pg-url or ASYNCBENCH_PG_URL',
    );
    const run = await readRun(runPath);
    expect(run.entries.find((e) => e.scenario === 'db-pg')).toMatchObject({ status: 'skipped', repeats: [] });
    expect(run.scenarios.find((s) => s.id === 'timers')!.unit).toEqual({
      singular: 'timer wait',
      plural: 'timer waits',
    });
    const md = await readFile(markdownPath, 'utf8');
    expect(md).toMatch(/^### asyncbench: quick profile, 2 repeats, /);
    expect(md).toMatch(
      /^\| timers \| node \S+ \| timer waits\/s \| [\d,.]+( \?)? \((blocking|sequential)\)( !)?( · \S+)? \| [\d,.]+( \?)? \(\w+\)( !)?( · \S+)? \| [\d.]+× \| [\d.]+–[\d.]+× \|/m,
    );
    expect(md).toContain('| db-pg | node');
    expect(runOut.stdout).toContain(`markdown ${markdownPath}`);
  });

  it('export writes every format, to stdout or --out', async () => {
    const md = await cli(['export', runPath, '--format', 'markdown']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toBe(await readFile(markdownPath, 'utf8'));
    const csv = await cli(['export', runPath, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^run,runtime,runtimeVersion,scenario,case,/);
    const bmf = JSON.parse((await cli(['export', runPath, '--format', 'bmf'])).stdout);
    expect(bmf['timers/sleep-gather [node]'].throughput.value).toBeGreaterThan(0);
    const out = join(dir, 'smaller.json');
    const gab = await cli(['export', runPath, '--format', 'gab', '--direction', 'smaller', '--out', out]);
    expect(gab.code, gab.stderr).toBe(0);
    const benches = JSON.parse(await readFile(out, 'utf8'));
    expect(benches.every((b: { unit: string }) => b.unit === 'ms' || b.unit === 'ns')).toBe(true);
    const json = JSON.parse((await cli(['export', runPath, '--format', 'json'])).stdout);
    expect(json.speedups.find((r: { scenario: string }) => r.scenario === 'timers').speedup).toBeGreaterThan(
      1,
    );
  });

  it('the gate: exit 0 against itself, 1 against a slower run (naming the figures), 2 on bad input', async () => {
    const same = await cli(['compare', runPath, runPath, '--fail-on', 'slower']);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain('gate: no figure is conclusively slower by more than 5%');

    const slowPath = join(tmp, 'slower.json');
    await writeFile(slowPath, JSON.stringify(slowedDown(await readRun(runPath), 1.5)));
    const slow = await cli(['compare', runPath, slowPath, '--fail-on', 'slower', '--threshold', '5%']);
    expect(slow.code, slow.stderr).toBe(1);
    expect(slow.stderr).toMatch(/^gate: \d+ figures? conclusively slower by more than 5%:$/m);
    expect(slow.stderr).toMatch(
      /^ {2}node timers sleep-\S+ throughput: b\/a 0\.67× \(95% CI .*\): 1\.50× slower/m,
    );
    const lenient = await cli(['compare', runPath, slowPath, '--fail-on', 'slower', '--threshold', '1000%']);
    expect(lenient.code, lenient.stderr).toBe(0);
    const report = await cli(['compare', runPath, slowPath]);
    expect(report.code).toBe(0); // without --fail-on, compare only reports

    const bad = await cli(['compare', runPath, slowPath, '--fail-on', 'slower', '--threshold', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([
      'asyncbench: bad --threshold "lots" (a percentage from 0% to 1000%, e.g. 5%)',
    ]);
    // Nothing in common (every case run with other parameters): the gate judged nothing, it fails.
    const otherPath = join(tmp, 'other-params.json');
    const other = await readRun(runPath);
    for (const e of other.entries) for (const c of e.cases) c.params = { ...c.params, unitMs: 999 };
    await writeFile(otherPath, JSON.stringify(other));
    const none = await cli(['compare', runPath, otherPath, '--fail-on', 'slower']);
    expect(none.code, none.stderr).toBe(1);
    expect(none.stdout).toContain('--ignore-params compares them by case id anyway');
    expect(none.stderr).toContain('gate: failed, no figure could be judged');

    const missing = await cli(['compare', join(tmp, 'nope.json'), runPath, '--fail-on', 'slower']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(`asyncbench: ${join(tmp, 'nope.json')}: no such file`);
  });

  it('compare pools a folder of baseline runs', async () => {
    const baseline = join(tmp, 'baseline');
    await mkdir(baseline, { recursive: true });
    const run = await readRun(runPath);
    await writeFile(join(baseline, 'a.json'), JSON.stringify(run));
    await writeFile(
      join(baseline, 'b.json'),
      JSON.stringify({ ...run, id: 'copy', startedAt: '2099-01-01T00:00:00.000Z' }),
    );
    const r = await cli(['compare', baseline, runPath, '--fail-on', 'slower', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const gather = out.rows.find(
      (x: { case: string; figure: string }) => x.case === 'sleep-gather' && x.figure === 'throughput',
    );
    expect(gather.base.values).toHaveLength(4); // 2 runs x 2 repeats
    expect(gather.candidate.values).toHaveLength(2);
    expect(out.regressions).toEqual([]);
    const text = await cli(['compare', baseline, runPath]);
    expect(text.stdout).toContain(`a = ${baseline} (2 runs pooled)`);
    const empty = join(tmp, 'empty-baseline');
    await mkdir(empty, { recursive: true });
    const none = await cli(['compare', empty, runPath]);
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe(`asyncbench: ${empty}: no results files (*.json) in this folder`);
  });
});

describe('asyncbench list, doctor, --help, --version', () => {
  it('lists the visible catalogue', async () => {
    const r = await cli(['list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((s) => s.id);
    expect(ids).toContain('tasks');
    expect(ids).not.toContain('fault-crash');
    const text = await cli(['list']);
    expect(text.stdout).toMatch(/^tasks — /m);
    expect(text.stdout).toMatch(/quick:/);
    expect(text.stdout).toMatch(/^ {2}unit: {4}request \(throughput in requests\/s\)$/m);
    expect(text.stdout).toMatch(/^ {2}needs: {3}a PostgreSQL URL \(--pg-url or ASYNCBENCH_PG_URL/m);
    expect(text.stdout).toMatch(/^responsiveness — Responsiveness: input delay while work runs$/m);
    expect(text.stdout).toMatch(
      /^ {2}modes: {3}blocking, sequential, concurrent\n(?:.*\n)*? {2}quick: {3}intervalMs=5 /m,
    );
  });

  it('doctor shows runtimes and says PostgreSQL is not configured, never a password', async () => {
    const r = await cli(['doctor']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/node\s+\d+\.\d+\.\d+/);
    // chromium is a runtime like the others: found with its version, or missing with the hint.
    expect(r.stdout).toMatch(/chromium\s+(\d+\.\d+\.\d+\.\d+|missing.*apt-get install chromium)/);
    expect(r.stdout).toMatch(/chromium\s+(built|missing)\s+\S*packages\/adapter-chromium\/dist\/main\.js/);
    expect(r.stdout).toContain('PostgreSQL: not configured');
    const withUrl = await cli(['doctor', '--pg-url', 'postgres://me:hunter2@127.0.0.1:1/db']);
    expect(withUrl.stdout).toMatch(/PostgreSQL: 127\.0\.0\.1:1 not reachable/);
    expect(withUrl.stdout + withUrl.stderr).not.toContain('hunter2');
  });

  it('prints help and version', async () => {
    expect((await cli(['--version'])).stdout).toMatch(/^asyncbench \d+\.\d+\.\d+/);
    expect((await cli(['--help'])).stdout).toContain('Commands:');
    expect((await cli(['run', '--help'])).stdout).toContain('--timeout-ms');
  });
});
