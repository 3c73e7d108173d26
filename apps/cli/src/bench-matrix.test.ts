/**
 * The shipped GitHub Actions workflow (.github/workflows/bench-matrix.yml), checked by GitHub's own
 * workflow parser (@actions/workflow-parser, from actions/languageservices: the schema the
 * github.com editor validates against) and a strict YAML parser, then against this repository:
 * every asyncbench command in it parses with the CLI's own argument parser, every runner is a
 * platform for which the lock file has a Deno and a Bun build, and the artifacts the report job
 * downloads are the ones the bench jobs upload.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseCli } from './args.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const path = join(root, '.github/workflows/bench-matrix.yml');
const text = readFileSync(path, 'utf8');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, unknown>;
};

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string;
  if?: string;
  env?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; matrix: { include: { runner: string; host: string }[] } };
  steps: Step[];
}
interface Workflow {
  on: { workflow_dispatch: { inputs: Record<string, { default: string; options?: string[] }> } };
  jobs: Record<string, Job>;
}

/** A GitHub Actions expression as the workflow writes it: expr('matrix.host') is `${{ matrix.host }}`. */
const expr = (inner: string): string => ['$', '{{ ', inner, ' }}'].join('');

/** Where GitHub's hosted runners run: the npm platform names of their Deno and Bun builds. */
const RUNNER_PLATFORM: Record<string, { deno: string; bun: string }> = {
  'ubuntu-latest': { deno: 'linux-x64-glibc', bun: 'linux-x64' },
  'ubuntu-24.04': { deno: 'linux-x64-glibc', bun: 'linux-x64' },
  'ubuntu-24.04-arm': { deno: 'linux-arm64-glibc', bun: 'linux-aarch64' },
  'macos-latest': { deno: 'darwin-arm64', bun: 'darwin-aarch64' },
  'macos-13': { deno: 'darwin-x64', bun: 'darwin-x64' },
};

describe('.github/workflows/bench-matrix.yml', () => {
  it('is valid YAML without duplicate keys or warnings', () => {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
    expect(doc.errors.map((e) => e.message)).toEqual([]);
    expect(doc.warnings.map((e) => e.message)).toEqual([]);
  });

  it('is a valid workflow to GitHub’s own parser: bench jobs, then the report job', async () => {
    const parsed = parseWorkflow({ name: 'bench-matrix.yml', content: text }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.map((j) => [j.id.value, (j.needs ?? []).map((n) => n.value)])).toEqual([
      ['bench', []],
      ['report', ['bench']],
    ]);
  });

  it('is what GitHub’s parser rejects when broken, so the check above can fail', () => {
    const broken = text.replace(`runs-on: ${expr('matrix.runner')}`, `runs-onn: ${expr('matrix.runner')}`);
    const parsed = parseWorkflow({ name: 'broken.yml', content: broken }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().length).toBeGreaterThan(0);
  });

  const workflow = parseDocument(text).toJS() as Workflow;
  const bench = workflow.jobs.bench!;
  const report = workflow.jobs.report!;
  const matrix = bench.strategy!.matrix.include;

  it('runs on runners where the lock file has Node’s, Deno’s and Bun’s builds, named per host', () => {
    expect(bench['runs-on']).toBe(expr('matrix.runner'));
    expect(bench.strategy!['fail-fast']).toBe(false);
    expect(matrix.length).toBeGreaterThanOrEqual(3);
    expect(new Set(matrix.map((m) => m.host)).size).toBe(matrix.length);
    for (const { runner } of matrix) {
      const platform = RUNNER_PLATFORM[runner];
      expect(platform, `${runner}: a GitHub-hosted runner this test knows`).toBeDefined();
      expect(lock.packages[`node_modules/@deno/${platform!.deno}`], `${runner}: deno`).toBeDefined();
      expect(lock.packages[`node_modules/@oven/bun-${platform!.bun}`], `${runner}: bun`).toBeDefined();
    }
    // Runs are labelled with the matrix's host name, not the runner's random one.
    expect(bench.env!.ASYNCBENCH_HOST).toBe(expr('matrix.host'));
  });

  it('calls asyncbench only with flags the CLI accepts, for every profile it offers', () => {
    const commands = Object.values(workflow.jobs)
      .flatMap((j) => j.steps)
      .flatMap((s) => (s.run ?? '').split('\n'))
      .filter((line) => line.includes('apps/cli/bin/asyncbench.js'));
    expect(commands).toHaveLength(2);
    const profiles = workflow.on.workflow_dispatch.inputs.profile!.options!;
    for (const profile of profiles) {
      for (const scenarios of ['', 'timers,http']) {
        for (const line of commands) {
          // The shell's part: the inputs' values, and ${VAR:+...} expanding only when VAR is set.
          const expanded = line
            .replace(/\$\{SCENARIOS:\+([^}]*)\}/, scenarios ? '$1' : '')
            .replace(/"\$PROFILE"/g, profile)
            .replace(/"\$SCENARIOS"/g, scenarios)
            .replace('runs/*.json', 'runs/a.json runs/b.json');
          const argv = expanded.split(/\s+/).filter(Boolean).slice(2);
          const parsed = parseCli(argv);
          expect(parsed.command, expanded).toBe(argv[0]);
          if (parsed.command === 'run') {
            expect(parsed.profile).toBe(profile);
            expect(parsed.scenarios).toEqual(scenarios ? scenarios.split(',') : null);
            expect(parsed.report).toBe(false);
            expect(parsed.out).toBe('bench-out');
            expect(parsed.exportMarkdown).toBe('bench-out/summary.md');
          } else if (parsed.command === 'report') {
            expect(parsed.files).toEqual(['runs/a.json', 'runs/b.json']);
            expect(parsed.out).toBe('bench-matrix.html');
          }
        }
      }
    }
  });

  it('hands every host’s results JSON to the report job, and only those', () => {
    const upload = bench.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBe(expr('!cancelled()'));
    expect(upload.with).toMatchObject({ name: `results-${expr('matrix.host')}`, path: 'bench-out/*.json' });
    const download = report.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toMatchObject({ pattern: 'results-*', path: 'runs', 'merge-multiple': true });
    const reportUpload = report.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(String(reportUpload.with!.name).startsWith('results-')).toBe(false);
    expect(report.needs).toBe('bench');
    expect(report.if).toBe(expr('!cancelled()'));
  });
});
