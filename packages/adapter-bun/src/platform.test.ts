import { describePlatformContract } from '@asyncbench/harness/testing';
import { platform } from './platform.ts';

describePlatformContract(() => platform, {
  runtime: 'bun',
  version: Bun.version,
  setEnv: (name, value) => {
    process.env[name] = value;
  },
});
