/** What test/build.ts (globalSetup) hands to the tests through vitest's provide/inject. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** Why bundling dist/main.js failed, or null when it bundled. */
    bundleError: string | null;
  }
}

export {};
