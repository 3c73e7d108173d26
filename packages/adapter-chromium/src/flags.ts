/**
 * The flags that keep a headless Chromium quiet on a closed network: no sandbox (root in a
 * container), no GPU, and none of the background connections (QUIC, component updates, sync,
 * first-run pings) that this machine's network refuses, many at a time. Shared by the chromium
 * adapter and the report's browser tests (@asyncbench/adapter-chromium/flags).
 */
export const OFFLINE_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
