/** Help texts: `asyncbench --help` and `asyncbench <command> --help`. */
import type { CommandName } from './args.ts';

const OVERVIEW = `asyncbench — what async concurrency buys, on Node.js, Deno and Bun

Usage: asyncbench <command> [flags]

Commands:
  run       run the scenarios on each runtime, write results/<run>.json and the HTML report
  report    build the HTML report from results files
  list      list the scenarios with their modes and parameters
  doctor    check runtimes, host, CPU pinning, adapter bundles and PostgreSQL
  compare   compare two results files figure by figure, with 95% confidence intervals; a CI gate
  export    a results file as Markdown, CSV, JSON, Bencher (BMF) or github-action-benchmark JSON
  runtimes  list, install or remove runtime versions cached from the npm registry

Flags: --help (also after a command), --version
Run \`asyncbench <command> --help\` for a command's flags.`;

const COMMAND_HELP: Record<CommandName, string> = {
  run: `Usage: asyncbench run [file.bench.ts | glob ...] [flags]

Runs every scenario in a fresh process per runtime x scenario x repeat, interleaving runtimes.
With files, runs their scenarios instead of the catalogue: each file default-exports
defineScenario({...}) (or an array of them) from the package asyncbench, or calls bench(name, fn);
the files are bundled once (esbuild) and the same bundle runs on every runtime.

  --runtimes node,deno,bun   runtimes to use (default: node,deno,bun; chromium is opt-in; a missing
                             one is skipped). A name with @ is a version from the npm registry,
                             installed into the runtime cache on first use: node@22, node@24.1.0,
                             bun@1.2, deno@2.4, bun@latest (the spec is the runtime's label in results)
  --scenarios id,...         scenarios to run (default: every listed scenario)
  --profile quick|default|full   size of the run (default: default)
  --repeats n                minimum processes per runtime x scenario (default: quick 1, default 3,
                             full 5); then auto-sampling adds rounds, see --horizon
  --horizon p%               keep adding rounds (one more repeat of the cases still wide, on the
                             runtimes where they are) while a main figure's 95% CI (throughput,
                             ops/s; over repeats, on logs) is wider than ±p (default: quick 25%,
                             default 7%, full 5%; ±7% per figure gives about ±10% on a ratio of two)
  --max-time d               whole-run time budget for that: 90s, 8m, 1h (default: quick 2m,
                             default 7.5m, full 30m); 0 runs the minimum only. A figure still wider
                             than the horizon is marked inconclusive (? in the summary)
  --seed n                   seed for the scenarios' random inputs (default: 1)
  --param name=value         set a scenario parameter (repeatable; see \`asyncbench list\`), e.g.
                             --param unitMs=11.5; name=v1,v2,... sweeps it, one set of processes
                             per value: --param concurrency=1,2,4,8,16,32,64
  --out dir                  where results go (default: <repo>/results in a checkout, else
                             ./asyncbench-results)
  --json                     print the results JSON to stdout instead of the summary table
  --runtime name=/path       use this binary for a runtime, or add one (e.g. deno-canary=/opt/deno);
                             repeatable; the kind is read from its --version output
  --timeout-ms n             time limit per process (default: quick 30000, default 90000, full 300000)
  --pg-url url               PostgreSQL for the db scenarios (default: $ASYNCBENCH_PG_URL)
  --no-report                do not write the HTML report
  --pin cpus                 run children under taskset -c cpus (e.g. 1); off by default, since it
                             also pins a runtime's server and worker threads to those CPUs
  --cache-dir dir            runtime cache for node@22-style specs (default:
                             $XDG_CACHE_HOME/asyncbench/runtimes, else ~/.cache/asyncbench/runtimes)
  --export-markdown file     also write the run as Markdown (the summary with intervals), e.g. for
                             a pull-request comment

In the summary: 7,167 ?  its 95% CI stayed wider than --horizon, inconclusive (a note under the tables)
                7,167 !  something looks wrong in its repeats (dead-code, outlier, …): listed below

Environment: ASYNCBENCH_HOST=name records this host under that name (a CI runner's own name
changes every job); ASYNCBENCH_PG_URL as --pg-url.

Exit: 0 all ran, 1 some process failed (or a requested runtime is missing), 2 bad input,
130 interrupted (the results file keeps what was measured).`,
  report: `Usage: asyncbench report [results.json ...] [--out file.html]

Builds one self-contained HTML report. Default input: the newest results/*.json. Default output:
<name>.html beside the (last) input, copied to latest.html. Two runs of one machine are compared;
three or more draw a trend per scenario; runs from several hosts stand side by side.`,
  list: `Usage: asyncbench list [file.bench.ts | glob ...] [--json]

Lists the scenarios (as the node adapter reports them), or those of benchmark files, with
description, modes, the parameters of each profile and what --param accepts for each.`,
  doctor: `Usage: asyncbench doctor [--pg-url url] [--runtime name=/path ...] [--cache-dir dir]

Shows the runtimes found (version, path, source), the runtime cache, CPU, memory, OS, whether
taskset can pin benchmark processes, whether the adapter bundles are built, and whether PostgreSQL
(--pg-url or $ASYNCBENCH_PG_URL) answers on its host:port.`,
  runtimes: `Usage: asyncbench runtimes [--cache-dir dir] [--json]
       asyncbench runtimes install <spec> ...   e.g. node@22 bun@1.2 deno@2.4.3
       asyncbench runtimes rm <spec> ...        every cached version the spec matches
       asyncbench runtimes --clear              everything asyncbench cached

Runtime versions from the npm registry (the official binary packages: node-<os>-<arch>,
@oven/bun-<os>-<arch>, @deno/<os>-<arch>), checked against the registry's integrity hash and
installed atomically into $XDG_CACHE_HOME/asyncbench/runtimes (else ~/.cache/asyncbench/runtimes)
or --cache-dir. A version list fetched within 24 hours answers a range without the registry; an
installed exact version never needs it. The registry is $npm_config_registry or
registry.npmjs.org.`,
  compare: `Usage: asyncbench compare a.json|baseline-folder b.json [--json] [--fail-on slower [--threshold 5%]]

For every runtime x scenario x case in both runs and every figure (except the relative margin of
error): b/a with a 95% confidence interval (Welch's t on log values) and a verdict: faster, slower,
no significant difference, or insufficient data (fewer than two repeats on a side). The table shows
each case's main figure and every conclusive change; --json has all. Cases whose parameters differ
are not compared, unless --ignore-params.

  a folder       pool the baseline runs in it: each figure's per-repeat values from every run are
                 put together, so the interval covers run-to-run noise too
  --fail-on slower   exit 1 when any figure is conclusively slower by more than the threshold: the
                 whole 95% CI lies beyond it (not just the median); the figures are named on stderr
  --threshold p  the threshold, a percentage (default 5%)
  --ignore-params   compare cases by id even where their parameters differ (e.g. a run with
                 --param unitMs=11.5 against one without); each such case is named in a note

Exit: 0 compared (and the gate passed), 1 the gate found a slower figure or could judge none,
2 bad input.`,
  export: `Usage: asyncbench export run.json --format markdown|csv|json|bmf|gab [--direction bigger|smaller] [--out file]

  markdown   the summary with intervals, for a pull-request comment
  csv        every figure: one row per runtime x scenario x case x figure (median, mean, 95% CI of
             the mean, min, max, n)
  json       the summary and every figure, unrounded
  bmf        Bencher Metric Format, for \`bencher run --adapter json\`
  gab        github-action-benchmark's custom JSON: --direction bigger (default: throughput, ops/s,
             efficiency; tool customBiggerIsBetter) or smaller (times; tool customSmallerIsBetter)

Default output: stdout.`,
};

export function helpText(topic: CommandName | null): string {
  return topic ? COMMAND_HELP[topic] : OVERVIEW;
}
