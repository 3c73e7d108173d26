import { describeRuntimeCheck } from '@asyncbench/harness/testing';

describeRuntimeCheck('node', process.env.ASYNCBENCH_EXPECT_RUNTIME);
