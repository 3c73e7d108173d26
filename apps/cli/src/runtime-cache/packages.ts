/**
 * Which npm package holds a runtime's official binary for this machine, and where the binary sits in
 * it. Names and layouts as published (checked with `npm view` and the tarballs themselves):
 * - Node.js: `node-<os>-<arch>` (os linux | darwin | win), `bin/node` (`bin/node.exe` on Windows);
 *   the package also carries `include/node`, the headers a native addon is built against.
 * - Bun: `@oven/bun-<os>-<arch>` (arch x64 | aarch64), `bin/bun`; `-musl` on musl libc, and
 *   `-baseline` on x64 CPUs without AVX2 (the default build needs it).
 * - Deno: `@deno/<os>-<arch>` (`linux-x64-glibc`, `linux-arm64-glibc`, `darwin-arm64`, `win32-x64`
 *   ...), the binary `deno` at the package root; no musl build.
 */
import { readFileSync } from 'node:fs';
import type { RuntimeSpec } from './spec.ts';

export interface Machine {
  platform: NodeJS.Platform;
  arch: string;
  /** Linux only: the C library (Bun and Deno publish separate musl / glibc builds). */
  libc: 'glibc' | 'musl' | null;
  /** x64 only: whether the CPU has AVX2 (Bun's default build needs it). */
  avx2: boolean;
}

export interface PlatformPackage {
  /** npm package name, e.g. `@oven/bun-linux-x64`. */
  name: string;
  /** Path of the executable inside the package, e.g. `bin/bun`. */
  binary: string;
}

/** Thrown when a runtime publishes no build for this machine. */
export class UnsupportedPlatform extends Error {}

/** This machine, as the package names need it. */
export function thisMachine(): Machine {
  const report =
    process.platform === 'linux' ? (process.report?.getReport() as ReportLike | undefined) : null;
  const glibc = report?.header?.glibcVersionRuntime;
  return {
    platform: process.platform,
    arch: process.arch,
    libc: process.platform === 'linux' ? (glibc ? 'glibc' : 'musl') : null,
    avx2: process.arch === 'x64' ? hasAvx2() : false,
  };
}

interface ReportLike {
  header?: { glibcVersionRuntime?: string };
}

function hasAvx2(): boolean {
  // Read from /proc/cpuinfo on Linux only; elsewhere the default build is assumed to run.
  if (process.platform !== 'linux') return true;
  try {
    return /\bavx2\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return false;
  }
}

const exe = (m: Machine, path: string) => (m.platform === 'win32' ? `${path}.exe` : path);

export function platformPackage(kind: RuntimeSpec['kind'], m: Machine): PlatformPackage {
  const unsupported = (why: string) =>
    new UnsupportedPlatform(`no official ${kind} build on npm for ${m.platform} ${m.arch}${why}`);
  const arches = ['x64', 'arm64'];
  if (!arches.includes(m.arch)) throw unsupported('');
  switch (kind) {
    case 'node': {
      const os = { linux: 'linux', darwin: 'darwin', win32: 'win' }[m.platform as string];
      if (!os) throw unsupported('');
      return { name: `node-${os}-${m.arch}`, binary: exe(m, 'bin/node') };
    }
    case 'bun': {
      const os = { linux: 'linux', darwin: 'darwin', win32: 'windows' }[m.platform as string];
      if (!os) throw unsupported('');
      const arch = m.arch === 'arm64' ? 'aarch64' : 'x64';
      let name = `@oven/bun-${os}-${arch}`;
      if (m.libc === 'musl') name += '-musl';
      // @oven/bun-linux-x64-musl-baseline: the suffixes stack in this order.
      if (m.arch === 'x64' && !m.avx2) name += '-baseline';
      return { name, binary: exe(m, 'bin/bun') };
    }
    case 'deno': {
      if (m.platform === 'linux') {
        if (m.libc === 'musl') throw unsupported(' with musl libc');
        return { name: `@deno/linux-${m.arch}-glibc`, binary: 'deno' };
      }
      if (m.platform === 'darwin') return { name: `@deno/darwin-${m.arch}`, binary: 'deno' };
      if (m.platform === 'win32') return { name: `@deno/win32-${m.arch}`, binary: 'deno.exe' };
      throw unsupported('');
    }
  }
}
