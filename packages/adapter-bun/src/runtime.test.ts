import { describeRuntimeCheck } from '@asyncbench/harness/testing';

describeRuntimeCheck('bun', process.env.ASYNCBENCH_EXPECT_RUNTIME);
