import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { hostInfo, hostName } from './env.ts';
import { UsageError } from './errors.ts';

const pinning = { prefix: [], how: 'not requested' };

describe('host name', () => {
  it('is the OS’s unless ASYNCBENCH_HOST names the host', () => {
    expect(hostName({})).toBe(os.hostname());
    expect(hostName({ ASYNCBENCH_HOST: '' })).toBe(os.hostname());
    expect(hostName({ ASYNCBENCH_HOST: 'ubuntu-24.04-arm' })).toBe('ubuntu-24.04-arm');
    expect(hostName({ ASYNCBENCH_HOST: 'ci runner 3' })).toBe('ci runner 3');
    expect(hostInfo(pinning, { ASYNCBENCH_HOST: 'macos-latest' }).hostname).toBe('macos-latest');
    // Everything else about the host stays what the OS says.
    expect(hostInfo(pinning, { ASYNCBENCH_HOST: 'macos-latest' }).cpuCount).toBe(os.cpus().length);
  });

  it('refuses a label that is not plain text, as bad input (exit 2)', () => {
    for (const bad of ['-x', 'a/b', 'line\nbreak', '<b>', 'x'.repeat(65)]) {
      expect(() => hostName({ ASYNCBENCH_HOST: bad }), bad).toThrow(UsageError);
    }
    let caught: unknown;
    try {
      hostName({ ASYNCBENCH_HOST: 'a/b' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      exitCode: 2,
      message:
        'ASYNCBENCH_HOST must be 1-64 letters, digits, spaces or ._@:+- starting with a letter or digit, got "a/b"',
    });
  });
});
