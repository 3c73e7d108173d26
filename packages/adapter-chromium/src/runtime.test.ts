import { describeRuntimeCheck } from '@asyncbench/harness/testing';

// The driver and these tests run on Node; the scenarios run in the page it drives.
describeRuntimeCheck('node', process.env.ASYNCBENCH_EXPECT_RUNTIME);
