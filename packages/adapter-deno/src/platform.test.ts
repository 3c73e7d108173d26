/// <reference path="./deno.d.ts" />
import { describePlatformContract } from '@asyncbench/harness/testing';
import { platform } from './platform.ts';

describePlatformContract(() => platform, {
  runtime: 'deno',
  version: Deno.version.deno,
  setEnv: (name, value) => Deno.env.set(name, value),
});
