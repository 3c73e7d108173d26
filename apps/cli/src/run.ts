/**
 * `asyncbench run`: one child process per runtime x scenario x repeat (and one more per micro case
 * beyond a scenario's first, so that each micro case is measured alone), interleaved across
 * runtimes (repeat 1 of scenario S on A B C, then of T on A B C ..., then repeat 2 of each) so slow
 * drifts of a shared machine hit every runtime alike, and each scenario's repeats are spread over
 * the whole run. The results file is rewritten atomically after every process,
 * so an interrupt or a crash loses nothing already measured.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import {
  aggregateRepeats,
  type Entry,
  formatDuration,
  formatHalfWidth,
  inconclusiveCases,
  markPrecision,
  type ProfileName,
  type RepeatRecord,
  type RunFile,
  SCHEMA_VERSION,
  toMarkdown,
  unmetRequirements,
} from '@asyncbench/results';
import type { RunArgs } from './args.ts';
import { listScenarios, selectScenarios } from './catalogue.ts';
import { detectPinning, gitCommit, hostInfo, hostName } from './env.ts';
import { CliError, UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { startMachineProbe } from './machine-load.ts';
import { prepareNodeSqlite, type SqliteLaunch } from './node-sqlite.ts';
import { checkOutDir } from './out-dir.ts';
import { type PlannedScenario, planScenarios } from './param-plan.ts';
import {
  adapterBundle,
  adapterDir,
  binRoot,
  builtCommit,
  cliLayout,
  defaultResultsDir,
  type Layout,
  missingBundleHint,
  toolVersion,
} from './paths.ts';
import { Progress } from './progress.ts';
import { makeRedactor } from './redact.ts';
import { type JudgedRepeat, judgeChild, mergeParts } from './repeat.ts';
import { writeReport } from './report-write.ts';
import { runBaseName, writeFileAtomic, writeJsonAtomic } from './results-file.ts';
import { isRuntimeSpec } from './runtime-cache/spec.ts';
import { cacheRoot } from './runtime-cache/store.ts';
import { adapterCommand } from './runtime-kind.ts';
import { formatRuntimeLines } from './runtime-lines.ts';
import { type FoundRuntime, findRuntimes, runtimeNames } from './runtimes.ts';
import { openRuntimeCache } from './runtimes-command.ts';
import {
  DEFAULT_HORIZON,
  DEFAULT_MAX_TIME_MS,
  DEFAULT_MIN_REPEATS,
  nextStep,
  type RoundEstimate,
  type StoppedBy,
  samplingLine,
  scenarioStates,
} from './sampling.ts';
import { runChild } from './spawn.ts';
import { formatSummary } from './summary.ts';
import { bundleUserFiles, type UserBundle } from './user-bundle.ts';
import { expandUserFiles } from './user-files.ts';

/** Time limit per child process when --timeout-ms is not given. */
export const DEFAULT_TIMEOUT_MS: Record<ProfileName, number> = {
  quick: 30_000,
  default: 90_000,
  full: 300_000,
};

export async function runCommand(args: RunArgs, io: Io, signal: AbortSignal): Promise<number> {
  const layout = cliLayout();
  const runStarted = performance.now();
  const startedAt = new Date();
  const notes: string[] = [];
  const pgUrl = args.pgUrl ?? io.env.ASYNCBENCH_PG_URL ?? null;
  const redact = makeRedactor(pgUrl);
  const note = (text: string) => {
    notes.push(redact(text));
    io.stderr.write(`asyncbench: ${redact(text)}\n`);
  };

  // 0. The host name results will carry (ASYNCBENCH_HOST or the OS's) and where results go:
  // usable, or one line and exit 2 before anything runs.
  const hostname = hostName(io.env);
  if (hostname !== os.hostname())
    notes.push(`host name from ASYNCBENCH_HOST (the OS calls it ${os.hostname()})`);
  const outDir = await checkOutDir('--out', args.out ? resolve(args.out) : defaultResultsDir(layout));
  // User benchmark files: found and bundled now, so a file that does not bundle stops the run at once.
  let bundle: UserBundle | null = null;
  if (args.files.length > 0) {
    const files = await expandUserFiles(args.files);
    bundle = await bundleUserFiles(files, layout);
    notes.push(
      `scenarios from ${files.map((f) => f.display).join(', ')} (bundled once, the same file on every runtime)`,
    );
  }

  // 1. Runtimes: which, where, exact versions. Missing ones are skipped, not fatal.
  const names = runtimeNames(args.runtimes, args.runtimeFlags);
  for (const f of args.runtimeFlags) {
    if (!names.includes(f.name)) note(`--runtime ${f.name} ignored: not among --runtimes ${names.join(',')}`);
  }
  // Registry specs (node@22): resolved and installed now; one that cannot be met is exit 2.
  let registry = names.some(isRuntimeSpec) ? await openRuntimeCache(args.cacheDir, io, signal) : undefined;
  const runtimes = await findRuntimes(names, args.runtimeFlags, binRoot(layout), {
    explicitNames: args.runtimes !== null,
    ...(registry ? { registry } : {}),
    // A plain deno/bun found nowhere comes from the runtime cache (downloaded once, with progress).
    registryFallback: async () => {
      registry ??= await openRuntimeCache(args.cacheDir, io, signal);
      return registry;
    },
  });
  if (signal.aborted) throw new CliError('interrupted', 130);
  for (const r of runtimes)
    if (r.info.source === 'registry' && r.info.note) note(`${r.info.name}: ${r.info.note}`);
  const available = runtimes.filter((r) => r.kind !== null);
  if (available.length === 0) {
    // Nothing could run at all, and nothing has: the runtimes asked for are bad input (exit 2).
    throw new UsageError(`no runtime found: ${runtimes.map((r) => r.info.note).join('; ')}`);
  }
  for (const r of available) {
    const main = adapterBundle(layout, r.kind!);
    if (!existsSync(main)) throw new CliError(`${main} is missing: ${missingBundleHint(layout)}`);
  }

  // 2. Scenarios, from the first runtime's own catalogue: unknown ids stop here, nothing run.
  const childEnv: NodeJS.ProcessEnv = { ...io.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' };
  delete childEnv.FORCE_COLOR;
  if (pgUrl) childEnv.ASYNCBENCH_PG_URL = pgUrl;
  const lister = available[0]!;
  const bundleArgs = bundle?.adapterArgs ?? [];
  const catalogue = await listScenarios(
    lister.kind!,
    lister.info.path!,
    layout,
    childEnv,
    signal,
    bundleArgs,
  );
  // --param: checked against the listed parameters; a sweep makes one planned scenario per value.
  const plan = planScenarios(selectScenarios(catalogue, args.scenarios), args.params, args.profile);
  const scenarios = plan.map((p) => p.info);

  const repeats = args.repeats ?? DEFAULT_MIN_REPEATS[args.profile];
  const horizon = args.horizon ?? DEFAULT_HORIZON[args.profile];
  const maxTimeMs = args.maxTimeMs ?? DEFAULT_MAX_TIME_MS[args.profile];
  const timeoutMs = args.timeoutMs ?? DEFAULT_TIMEOUT_MS[args.profile];
  const pinning = await detectPinning(args.pin);
  const host = hostInfo(pinning, io.env);
  const id = runBaseName(startedAt, host.hostname);
  const path = join(outDir, `${id}.json`);

  for (const r of runtimes) if (r.kind === null) note(`skipping ${r.info.note ?? r.info.name}`);
  if (pgUrl) notes.push('PostgreSQL URL given to the adapters (ASYNCBENCH_PG_URL); not stored here');
  // A scenario whose declared requirements (e.g. a PostgreSQL URL) are not met is not started:
  // one note says what it needs, and each runtime's entry is marked skipped with that reason.
  const unmet = new Map<string, string>();
  for (const s of scenarios) {
    const why = unmetRequirements(s.requires, childEnv);
    if (why !== null) {
      unmet.set(s.id, why);
      note(`${s.id} skipped: ${why}`);
    }
  }
  const runnable = plan.filter((p) => !unmet.has(p.info.id));

  // SQLite on each Node: node:sqlite, its flag, or a better-sqlite3 built for that Node's ABI.
  const sqliteLaunch = new Map<FoundRuntime, SqliteLaunch>();
  if (runnable.some((p) => p.info.requires.includes('sqlite'))) {
    for (const r of available.filter((x) => x.kind === 'node')) {
      const launch = await prepareNodeSqlite(r.info.path!, r.info.version!, {
        adapterDir: adapterDir(layout, 'node'),
        cacheRoot: registry?.root ?? cacheRoot(args.cacheDir, io.env),
        log: io.stderr,
        env: childEnv,
        signal,
      });
      if (launch.note) note(`${r.info.name}: ${launch.note}`);
      sqliteLaunch.set(r, launch);
    }
  }
  if (signal.aborted) throw new CliError('interrupted', 130);

  const run: RunFile = {
    schemaVersion: SCHEMA_VERSION,
    id,
    tool: {
      name: 'asyncbench',
      version: toolVersion(layout),
      commit: layout.repoRoot ? await gitCommit(layout.repoRoot) : builtCommit(layout),
    },
    status: 'running',
    startedAt: startedAt.toISOString(),
    finishedAt: null,
    elapsedMs: 0,
    profile: args.profile,
    seed: args.seed,
    repeats,
    host,
    runtimes: runtimes.map((r) => r.info),
    scenarios,
    entries: [],
    notes,
  };
  for (const s of scenarios) {
    for (const r of runtimes) {
      const reason = r.kind === null ? (r.info.note ?? 'runtime not found') : unmet.get(s.id);
      if (reason !== undefined) {
        run.entries.push({
          runtime: r.info.name,
          scenario: s.id,
          status: 'skipped',
          reason,
          repeats: [],
          cases: [],
        });
      }
    }
  }
  const order = (e: Entry) =>
    scenarios.findIndex((s) => s.id === e.scenario) * 1000 +
    runtimes.findIndex((r) => r.info.name === e.runtime);
  const save = async () => {
    run.elapsedMs = Math.round(performance.now() - runStarted);
    run.entries.sort((a, b) => order(a) - order(b));
    await writeJsonAtomic(path, run);
  };
  await save();

  // 3. The processes, interleaved across runtimes: the minimum repeats of every scenario, then
  // rounds added by auto-sampling (sampling.ts) until the main figures are within the horizon.
  // Processes planned so far: the minimum, plus one per runtime for each round sampling adds.
  let planned = runnable.length * repeats * available.length;
  const progress = new Progress(io.stderr, planned);
  let failed = false;
  let finished = 0;
  const roundsRun = new Map<string, number>();
  // What each child took, by the cases it ran (runtime, scenario, case -> the last process that
  // ran it): sampling prices a round of some cases by the processes that ran them last time.
  const processCost = new Map<string, { ms: number }>();
  const costKey = (runtime: string, scenario: string, caseId: string) => `${runtime}\0${scenario}\0${caseId}`;
  const estimate: RoundEstimate = (runtime, scenario, cases) => {
    const processes = new Set(cases.map((c) => processCost.get(costKey(runtime, scenario, c))));
    if (processes.has(undefined)) return undefined;
    return [...processes].reduce((sum, p) => sum + p!.ms, 0);
  };
  /**
   * One round: repeat `index` of scenario s on every runtime, back to back; with `only`, just the
   * listed cases on the runtimes listed (sampling's rounds). False: interrupted.
   */
  const runRound = async (
    s: PlannedScenario,
    index: number,
    of: string,
    only?: Record<string, string[]>,
  ): Promise<boolean> => {
    roundsRun.set(s.info.id, index + 1);
    for (const r of available) {
      if (signal.aborted) return false;
      const cases = only ? only[r.info.name] : null;
      if (cases === undefined) continue;
      const what = `${r.info.name} × ${s.info.id} #${index + 1}${of}${cases ? ` (${cases.length} case${cases.length === 1 ? '' : 's'})` : ''}`;
      // Once a runtime has declined a scenario (it lacks what the scenario requires), the other
      // repeats would only decline again.
      if (isSkipped(run, r.info.name, s.info.id)) {
        progress.finish(what, 'skipped', 0);
        continue;
      }
      progress.start(what);
      const launch = s.info.requires.includes('sqlite') ? sqliteLaunch.get(r) : undefined;
      const record = await runOne(
        r,
        s,
        index,
        args,
        layout,
        bundleArgs,
        launch ? { ...childEnv, ...launch.env } : childEnv,
        timeoutMs,
        pinning.prefix,
        redact,
        signal,
        launch?.flags ?? [],
        cases,
        (ran, ms) => {
          const cost = { ms };
          for (const c of ran) processCost.set(costKey(r.info.name, s.info.id, c), cost);
        },
      );
      if (record === null) return false; // interrupted mid-process: that repeat is not a measurement
      finished++;
      if (record.skipped !== undefined) {
        markSkipped(run, r.info.name, s.info.id, record.skipped);
        progress.finish(what, `skipped: ${record.skipped}`, record.durationMs);
        await save();
        continue;
      }
      if (record.status === 'failed') failed = true;
      addRepeat(run, r.info.name, s.info.id, record);
      progress.finish(what, record.status === 'ok' ? 'ok' : `failed: ${record.reason}`, record.durationMs);
      await save();
    }
    return true;
  };
  let addedRounds = 0;
  /** The minimum rounds, then sampling passes; why it ended ('interrupted' on a signal). */
  const sample = async (): Promise<StoppedBy> => {
    // Repeat r of every scenario, then r + 1: a scenario's repeats lie minutes apart, so its
    // interval carries the run's slow drifts (other tenants, thermal state), which is what a
    // second run differs by. Back to back, the three repeats of bun x queue once ran 6-11% slower
    // than in the run before, with intervals too narrow to hold it: an A/A false alarm on all of
    // its eight figures (7.4% of an A/A's figures flagged, target 5%).
    for (let index = 0; index < repeats; index++)
      for (const s of runnable) if (!(await runRound(s, index, `/${repeats}`))) return 'interrupted';
    const ids = runnable.map((p) => p.info.id);
    for (;;) {
      const remaining = maxTimeMs - (performance.now() - runStarted);
      const step = nextStep(scenarioStates(run, ids, horizon, estimate), remaining);
      if (step.next === 'stop') return step.stoppedBy;
      for (const id of step.scenarios) {
        const s = runnable.find((p) => p.info.id === id)!;
        // The state now, not at the pass's start: this scenario's wide cases are as they were (it
        // has one round a pass), but the line's totals count every scenario as it stands.
        const states = scenarioStates(run, ids, horizon, estimate);
        const only = states.find((x) => x.id === id)!.wideCases;
        progress.note(samplingLine(states, formatHalfWidth(horizon), id));
        const runtimesInRound = Object.keys(only).length;
        planned += runtimesInRound;
        progress.grow(runtimesInRound);
        if (!(await runRound(s, roundsRun.get(id) ?? 0, '', only))) return 'interrupted';
        addedRounds++;
      }
    }
  };
  const stoppedBy = await sample();
  progress.stop();
  markPrecision(run, horizon);
  const wide = inconclusiveCases(run);
  const inconclusive = wide.length;
  // One repeat gives no interval at all: "wider than the horizon" would be untrue of those.
  const noInterval = wide.filter((x) => x.case.precision?.halfWidth === null).length;
  run.sampling = { horizon, maxTimeMs, minRepeats: repeats, rounds: addedRounds, stoppedBy, inconclusive };
  if (inconclusive === 0 && addedRounds > 0) {
    note(
      `sampling: every main figure within ${formatHalfWidth(horizon)} after ${addedRounds} added ` +
        `round${addedRounds === 1 ? '' : 's'} over all scenarios`,
    );
  }
  if (inconclusive > 0 && stoppedBy !== 'interrupted') {
    note(
      [
        ...(noInterval > 0
          ? [`${noInterval} main figure${noInterval === 1 ? '' : 's'} with no interval`]
          : []),
        ...(inconclusive > noInterval
          ? [
              `${inconclusive - noInterval}${noInterval > 0 ? '' : ` main figure${inconclusive === 1 ? '' : 's'}`} ` +
                `still wider than ${formatHalfWidth(horizon)}`,
            ]
          : []),
      ].join(', ') +
        ` (${maxTimeMs === 0 ? '--max-time 0: minimum repeats only' : `stopped by ${stoppedBy}`}): marked inconclusive`,
    );
  }

  run.finishedAt = new Date().toISOString();
  if (signal.aborted) {
    run.status = 'interrupted';
    notes.push(
      `interrupted by ${String(signal.reason ?? 'signal')} after ${finished} of ${planned} processes`,
    );
    await save();
    io.stderr.write(`asyncbench: interrupted; ${finished} of ${planned} processes kept in ${path}\n`);
    return 130;
  }
  run.status = 'complete';
  await save();

  const elapsed = formatDuration(performance.now() - runStarted);
  if (args.json) {
    io.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
    io.stderr.write(`elapsed ${elapsed}; results ${path}\n`);
  } else {
    io.stdout.write(
      `\n${formatRuntimeLines(run)}\n\n${formatSummary(run)}\n\nelapsed ${elapsed}\nresults ${path}\n`,
    );
  }
  if (args.exportMarkdown) {
    const file = resolve(args.exportMarkdown);
    await writeFileAtomic(file, toMarkdown(run));
    if (!args.json) io.stdout.write(`markdown ${file}\n`);
  }
  if (args.report) {
    try {
      const html = await writeReport([run], outDir, id, io);
      if (html && !args.json) io.stdout.write(`report  ${html}\n`);
    } catch (err) {
      // The measurements are safe on disk; a report bug must not hide them, but it is a failure.
      io.stderr.write(`asyncbench: report failed: ${err instanceof Error ? err.message : String(err)}\n`);
      failed = true;
    }
  }

  const missingExplicit = runtimes.filter((r) => r.kind === null && r.explicit);
  if (missingExplicit.length > 0) {
    io.stderr.write(
      `asyncbench: requested runtime${missingExplicit.length > 1 ? 's' : ''} not found: ${missingExplicit
        .map((r) => r.info.name)
        .join(', ')}\n`,
    );
  }
  if (failed) io.stderr.write('asyncbench: some processes failed (see status column and the results file)\n');
  return failed || missingExplicit.length > 0 ? 1 : 0;
}

function isSkipped(run: RunFile, runtime: string, scenario: string): boolean {
  return run.entries.some((e) => e.runtime === runtime && e.scenario === scenario && e.status === 'skipped');
}

/** The runtime declined the scenario: one skipped entry with the adapter's reason, no repeats. */
function markSkipped(run: RunFile, runtime: string, scenario: string, reason: string): void {
  run.entries = run.entries.filter((e) => !(e.runtime === runtime && e.scenario === scenario));
  run.entries.push({ runtime, scenario, status: 'skipped', reason, repeats: [], cases: [] });
}

/**
 * One repeat: one child process, plus one per micro case beyond the first (each alone, asked for
 * by the first's `deferred`); null when interrupted (what they printed so far is not kept). The adapter runs
 * the planned scenario's catalogue id with its parameter overrides (`--params`), from the user
 * bundle when there is one (`--bundle`, first).
 */
async function runOne(
  r: FoundRuntime,
  planned: PlannedScenario,
  index: number,
  args: RunArgs,
  layout: Layout,
  bundleArgs: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  prefix: string[],
  redact: (text: string) => string,
  signal: AbortSignal,
  flags: readonly string[],
  cases: readonly string[] | null,
  onProcess: (cases: string[], ms: number) => void,
): Promise<JudgedRepeat | null> {
  const scenario = planned.listed.id;
  const childArgs = [
    ...bundleArgs,
    ...['--scenarios', scenario, '--profile', args.profile, '--seed', String(args.seed)],
    ...(planned.overrides ? ['--params', JSON.stringify(planned.overrides)] : []),
  ];
  /** One child with `extra` arguments, judged; null when interrupted. */
  const child = async (extra: string[]): Promise<JudgedRepeat | null> => {
    const command = [
      ...prefix,
      ...adapterCommand(
        r.kind!,
        r.info.path!,
        adapterBundle(layout, r.kind!),
        [...childArgs, ...extra],
        flags,
      ),
    ];
    const outcome = await runChild(command, { cwd: process.cwd(), env, timeoutMs, signal });
    if (outcome.aborted) return null;
    const judged = judgeChild(outcome, { scenario, index, timeoutMs, redact });
    onProcess(
      judged.results.map((x) => x.case),
      outcome.durationMs,
    );
    return judged;
  };
  const probe = startMachineProbe(); // load and other processes' CPU time around the children
  // Each micro case alone in a fresh process: measured after other cases in the same process, a
  // micro op runs with the type feedback and compiled code they left behind (runner.ts microAlone).
  const first = await child(['--micro-alone', ...(cases ? ['--cases', cases.join(',')] : [])]);
  if (first === null) return null;
  const parts: { caseId: string; repeat: JudgedRepeat }[] = [];
  for (const caseId of first.deferred ?? []) {
    const repeat = await child(['--cases', caseId]);
    if (repeat === null) return null;
    parts.push({ caseId, repeat });
    if (repeat.status === 'failed') break;
  }
  return { ...mergeParts(first, parts), machine: probe.stop() };
}

function addRepeat(run: RunFile, runtime: string, scenario: string, record: RepeatRecord): void {
  let entry = run.entries.find((e) => e.runtime === runtime && e.scenario === scenario);
  if (!entry) {
    entry = { runtime, scenario, status: 'ok', repeats: [], cases: [] };
    run.entries.push(entry);
  }
  entry.repeats.push(record);
  const failures = entry.repeats.filter((x) => x.status === 'failed');
  entry.status = failures.length > 0 ? 'failed' : 'ok';
  if (failures.length > 0) entry.reason = failures[0]!.reason ?? 'failed';
  entry.cases = aggregateRepeats(entry.repeats);
}
