import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describeMainBundle } from '@asyncbench/harness/testing';
import { describe, expect, inject, it } from 'vitest';
import { CHROMIUM, chromiumVersion, hasChromium, main, root } from '../test-support/chromium.ts';
import { splitArgs } from './args.ts';

describe('splitArgs', () => {
  it('takes --chromium (both spellings) out and leaves the rest for the page', () => {
    expect(splitArgs(['--list'])).toEqual({ executable: '/usr/bin/chromium', rest: ['--list'] });
    expect(splitArgs(['--chromium', '/opt/c', '--scenarios', 'timers'])).toEqual({
      executable: '/opt/c',
      rest: ['--scenarios', 'timers'],
    });
    expect(splitArgs(['--profile', 'quick', '--chromium=/opt/c'])).toEqual({
      executable: '/opt/c',
      rest: ['--profile', 'quick'],
    });
    expect(splitArgs(['--chromium']).executable).toBe('');
  });
});

describe.skipIf(!hasChromium)('with chromium', () => {
  describeMainBundle({
    runtime: 'chromium',
    version: hasChromium ? chromiumVersion() : '',
    bundleError: () => inject('bundleError'),
    elsewhere: tmpdir(),
    skips: ['files'],
    inputSource: 'dom-input',
    /** As the CLI does: `node packages/adapter-chromium/dist/main.js --chromium /usr/bin/chromium ARGS`. */
    run(args, cwd = root) {
      const result = spawnSync(process.execPath, [main, '--chromium', CHROMIUM, ...args], {
        cwd,
        encoding: 'utf8',
        // A crashed run that hangs instead of exiting fails here, well before the fault's 10 minutes.
        timeout: 60_000,
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  });

  it('dist/main.js refuses a --chromium without a path, and a browser that does not start', () => {
    const none = spawnSync(process.execPath, [main, '--list', '--chromium'], { encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('asyncbench chromium adapter: --chromium needs the path of a chromium binary\n');
    const bad = spawnSync(process.execPath, [main, '--chromium', '/nonexistent/chromium', '--list'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/chromium exited .* before it was ready|could not start/);
  });
});
