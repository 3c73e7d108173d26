/**
 * `asyncbench doctor`: what a run would find — runtimes, host, pinning, adapter bundles and the
 * PostgreSQL server — so a surprise shows up before a long run, not during it.
 */

import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { formatBytes } from '@asyncbench/results';
import { type DoctorArgs, KNOWN_RUNTIMES } from './args.ts';
import { detectPinning, hostInfo } from './env.ts';
import type { Io } from './io.ts';
import { adapterBundle, binRoot, cliLayout, missingBundleHint } from './paths.ts';
import { pgHostPort } from './redact.ts';
import { cacheRoot, listInstalled } from './runtime-cache/store.ts';
import type { RuntimeKind } from './runtime-kind.ts';
import { findRuntimes, runtimeNames } from './runtimes.ts';
import { cacheTable } from './runtimes-command.ts';
import { formatTable } from './table.ts';

/** Resolves true when a TCP connection to host:port opens within timeoutMs. */
export function tcpReachable(host: string, port: number, timeoutMs = 2000): Promise<string | null> {
  return new Promise((done) => {
    const socket = createConnection({ host, port });
    const finish = (problem: string | null) => {
      socket.destroy();
      done(problem);
    };
    socket.setTimeout(timeoutMs, () => finish(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () => finish(null));
    socket.once('error', (err) => finish(err.message));
  });
}

export async function doctorCommand(args: DoctorArgs, io: Io): Promise<number> {
  const layout = cliLayout();
  const out: string[] = [];
  const runtimes = await findRuntimes(
    runtimeNames(null, args.runtimeFlags, KNOWN_RUNTIMES),
    args.runtimeFlags,
    binRoot(layout),
    {
      explicitNames: false,
    },
  );
  out.push('Runtimes');
  out.push(
    formatTable(
      ['name', 'version', 'source', 'path / note'],
      runtimes.map((r) => [
        r.info.name,
        r.info.version ?? 'missing',
        r.info.source ?? '—',
        r.kind ? `${r.info.path}${r.info.note ? `  (${r.info.note})` : ''}` : (r.info.note ?? ''),
      ]),
    ),
  );

  const cache = cacheRoot(args.cacheDir, io.env);
  const installs = existsSync(cache) ? await listInstalled(cache) : [];
  out.push('');
  out.push(
    `Runtime cache (node@22-style specs): ${cache}${installs.length === 0 ? ' — empty' : `, ${installs.length} runtime${installs.length === 1 ? '' : 's'}, ${formatBytes(installs.reduce((n, i) => n + i.sizeBytes, 0))}`}`,
  );
  if (installs.length > 0) out.push(cacheTable(installs));

  const pinning = await detectPinning();
  const host = hostInfo(pinning, io.env);
  out.push('');
  out.push('Host');
  out.push(`  OS:      ${host.os} ${host.release} (${host.arch}), host ${host.hostname}`);
  out.push(`  CPU:     ${host.cpuModel} × ${host.cpuCount}`);
  out.push(`  Memory:  ${(host.memoryBytes / 2 ** 30).toFixed(1)} GiB`);
  out.push(`  Pinning: ${host.pinned ? `yes, children run under ${pinning.how}` : `no (${pinning.how})`}`);

  out.push('');
  out.push('Adapter bundles');
  let allBuilt = true;
  for (const kind of ['node', 'deno', 'bun', 'chromium'] as RuntimeKind[]) {
    const bundle = adapterBundle(layout, kind);
    const built = existsSync(bundle);
    allBuilt &&= built;
    out.push(`  ${kind.padEnd(8)} ${built ? 'built' : 'missing'}  ${bundle}`);
  }
  if (!allBuilt) out.push(`  ${missingBundleHint(layout)}`);

  out.push('');
  const url = args.pgUrl ?? io.env.ASYNCBENCH_PG_URL ?? null;
  if (!url) {
    out.push(
      'PostgreSQL: not configured (set ASYNCBENCH_PG_URL or pass --pg-url; `npm run pg:up` starts one)',
    );
  } else {
    const hp = pgHostPort(url);
    if (!hp) out.push('PostgreSQL: the URL does not parse (expected postgres://user:pass@host:port/db)');
    else {
      const problem = await tcpReachable(hp.host, hp.port);
      out.push(`PostgreSQL: ${hp.host}:${hp.port} ${problem ? `not reachable (${problem})` : 'reachable'}`);
    }
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
