/** Platform.blockingSleep, the same on every runtime: Atomics.wait on a cell nobody ever notifies. */
export function createBlockingSleep(): (ms: number) => void {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  return (ms) => void Atomics.wait(cell, 0, 0, ms);
}
