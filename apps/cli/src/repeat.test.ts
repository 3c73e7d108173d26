import { SCHEMA_VERSION } from '@asyncbench/results';
import { describe, expect, it } from 'vitest';
import { microResult, workloadResult } from '../test-support/builders.ts';
import { makeRedactor, pgHostPort, redactUrls } from './redact.ts';
import { judgeChild, mergeParts } from './repeat.ts';
import { adapterCommand, parseVersionOutput } from './runtime-kind.ts';
import type { ChildOutcome } from './spawn.ts';
import { tail } from './spawn.ts';

const hello = JSON.stringify({
  type: 'hello',
  schemaVersion: SCHEMA_VERSION,
  runtime: 'node',
  version: '20.0.0',
});
const result = JSON.stringify({
  type: 'result',
  result: workloadResult('timers', 'c', 'concurrent', 'gather', 10),
});
const done = JSON.stringify({ type: 'done', scenario: 'timers', elapsedMs: 5 });

function outcome(lines: string[], over: Partial<ChildOutcome> = {}): ChildOutcome {
  return {
    exitCode: 0,
    signal: null,
    timedOut: false,
    aborted: false,
    spawnError: null,
    stdoutLines: lines,
    stderrTail: '',
    durationMs: 12.3,
    ...over,
  };
}
const ctx = {
  scenario: 'timers',
  index: 0,
  timeoutMs: 3000,
  redact: makeRedactor('postgres://u:s3cret@db:5432/x'),
};

describe('judgeChild', () => {
  it('accepts a clean run', () => {
    const r = judgeChild(outcome([hello, result, '', done]), ctx);
    expect(r).toMatchObject({ index: 0, status: 'ok', durationMs: 12 });
    expect(r.results).toHaveLength(1);
    expect(r.reason).toBeUndefined();
  });

  it('names each failure', () => {
    expect(
      judgeChild(outcome([hello], { timedOut: true, exitCode: null, signal: 'SIGKILL' }), ctx).reason,
    ).toMatch(/^timeout/);
    expect(judgeChild(outcome([hello], { exitCode: 3, stderrTail: 'boom' }), ctx)).toMatchObject({
      status: 'failed',
      reason: 'crashed: exit code 3',
      stderrTail: 'boom',
    });
    expect(judgeChild(outcome([hello], { exitCode: null, signal: 'SIGSEGV' }), ctx).reason).toBe(
      'crashed: killed by SIGSEGV',
    );
    expect(judgeChild(outcome([hello, 'not json', done]), ctx).reason).toMatch(
      /^garbage output: .*"not json"/,
    );
    expect(judgeChild(outcome([hello, '{"type":"wat"}', done]), ctx).reason).toMatch(/^garbage output/);
    const err = JSON.stringify({ type: 'scenario-error', scenario: 'timers', message: 'nope' });
    expect(judgeChild(outcome([hello, err], { exitCode: 1 }), ctx).reason).toBe('scenario error: nope');
    expect(judgeChild(outcome([hello, result]), ctx).reason).toMatch(/no "done" line/);
    expect(judgeChild(outcome([], { spawnError: 'ENOENT' }), ctx).reason).toMatch(/could not start/);
  });

  it('takes a skipped line as a complete answer, with its reason', () => {
    const skipped = JSON.stringify({
      type: 'skipped',
      scenario: 'timers',
      reason: 'needs files: a browser page has no file system',
    });
    const r = judgeChild(outcome([hello, skipped]), ctx);
    expect(r).toMatchObject({ status: 'ok', skipped: 'needs files: a browser page has no file system' });
    expect(r.results).toEqual([]);
    expect(judgeChild(outcome([hello, result, done]), ctx).skipped).toBeUndefined();
  });

  it('keeps the micro cases a done line deferred, only from a clean run', () => {
    const deferring = JSON.stringify({
      type: 'done',
      scenario: 'timers',
      elapsedMs: 5,
      deferred: ['a', 'b'],
    });
    expect(judgeChild(outcome([hello, result, deferring]), ctx).deferred).toEqual(['a', 'b']);
    expect(judgeChild(outcome([hello, result, done]), ctx).deferred).toBeUndefined();
    expect(judgeChild(outcome([hello, result, deferring], { exitCode: 3 }), ctx).deferred).toBeUndefined();
  });

  it('merges a repeat out of its processes: results in order, time summed, the first failure kept', () => {
    const micro = (id: string) => JSON.stringify({ type: 'result', result: microResult('timers', id, 1e6) });
    const first = judgeChild(outcome([hello, result, done], { durationMs: 100 }), ctx);
    const part = (id: string, lines: string[], over: Partial<ChildOutcome> = {}) => ({
      caseId: id,
      repeat: judgeChild(outcome([hello, ...lines], { durationMs: 50, ...over }), ctx),
    });
    const ok = mergeParts(first, [part('a', [micro('a'), done]), part('b', [micro('b'), done])]);
    expect(ok).toMatchObject({ status: 'ok', durationMs: 200 });
    expect(ok.results.map((r) => r.case)).toEqual(['c', 'a', 'b']);
    expect(ok).not.toHaveProperty('deferred');
    const crashed = mergeParts(first, [part('a', [micro('a')], { exitCode: 3, stderrTail: 'boom' })]);
    expect(crashed).toMatchObject({
      status: 'failed',
      reason: 'case a (in a process of its own): crashed: exit code 3',
      stderrTail: 'boom',
    });
    // A part that answers without the case it was asked for fails the repeat: no silent gap.
    expect(mergeParts(first, [part('a', [done])]).reason).toBe(
      'case a (in a process of its own): no result for it',
    );
  });

  it('keeps the PostgreSQL password out of reasons and stderr tails', () => {
    const err = JSON.stringify({
      type: 'scenario-error',
      scenario: 'timers',
      message: 'auth failed for s3cret',
    });
    const r = judgeChild(
      outcome([hello, err], { stderrTail: 'connecting to postgres://u:s3cret@db:5432/x' }),
      ctx,
    );
    expect(JSON.stringify(r)).not.toContain('s3cret');
    expect(r.stderrTail).toBe('connecting to postgres://u:***@db:5432/x');
  });
});

describe('helpers', () => {
  it('recognises runtimes from --version', () => {
    expect(parseVersionOutput('v20.20.2\n')).toEqual({ kind: 'node', version: '20.20.2' });
    expect(parseVersionOutput('deno 2.9.6 (stable, release, x86_64-unknown-linux-gnu)\nv8 15\n')).toEqual({
      kind: 'deno',
      version: '2.9.6',
    });
    expect(parseVersionOutput('1.4.5\n')).toEqual({ kind: 'bun', version: '1.4.5' });
    expect(parseVersionOutput('Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)\n')).toEqual({
      kind: 'chromium',
      version: '156.0.8078.108',
    });
    expect(
      adapterCommand('chromium', '/usr/bin/chromium', 'packages/adapter-chromium/dist/main.js', ['--list']),
    ).toEqual([
      process.execPath,
      'packages/adapter-chromium/dist/main.js',
      '--chromium',
      '/usr/bin/chromium',
      '--list',
    ]);
    expect(parseVersionOutput('Python 3.12.1')).toBeNull();
  });

  it('redacts URLs and finds host:port', () => {
    expect(redactUrls('x postgres://me:pw@h:1/db y')).toBe('x postgres://me:***@h:1/db y');
    expect(redactUrls('http://h:80/path')).toBe('http://h:80/path');
    expect(pgHostPort('postgres://me:pw@127.0.0.1:55432/db')).toEqual({ host: '127.0.0.1', port: 55432 });
    expect(pgHostPort('postgres://h/db')).toEqual({ host: 'h', port: 5432 });
  });

  it('keeps the last 20 lines of stderr', () => {
    const text = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const t = tail(`${text}\n\n`);
    expect(t.split('\n')).toHaveLength(20);
    expect(t.endsWith('line 49')).toBe(true);
    expect(tail('x'.repeat(5000)).length).toBeLessThanOrEqual(2049);
  });
});
