/// <reference path="./deno.d.ts" />
import { describeRuntimeCheck } from '@asyncbench/harness/testing';

describeRuntimeCheck('deno', Deno.env.get('ASYNCBENCH_EXPECT_RUNTIME'));
