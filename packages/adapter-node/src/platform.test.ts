import { describePlatformContract } from '@asyncbench/harness/testing';
import { platform } from './platform.ts';

describePlatformContract(() => platform, {
  runtime: 'node',
  version: process.versions.node,
  setEnv: (name, value) => {
    process.env[name] = value;
  },
});
