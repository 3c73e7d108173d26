/**
 * Vitest 5 prints failed tests with Map.groupBy, which Node 20 lacks (Node 21+ has it), so on
 * Node 20 a failing run crashed in the reporter and hid the failure. Imported by every
 * vitest.config.ts; a no-op on Deno, Bun and newer Node.
 */
const MapWithGroupBy = Map as unknown as {
  groupBy?: <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]>;
};
if (typeof MapWithGroupBy.groupBy !== 'function') {
  MapWithGroupBy.groupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => {
    const groups = new Map<K, T[]>();
    let index = 0;
    for (const item of items) {
      const k = key(item, index++);
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [item]);
    }
    return groups;
  };
}
