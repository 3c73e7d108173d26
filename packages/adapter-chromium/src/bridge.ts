/**
 * What the page and its Node driver say to each other. The page calls the driver through functions
 * the driver exposes on the page's global object (playwright's exposeFunction: each call resolves
 * with the driver's answer); the driver hands the page its configuration before any page script
 * runs (an init script setting CONFIG_GLOBAL). Imported by both sides; types and names only.
 */

/** Names of the functions the driver exposes to the page. */
export const BRIDGE = {
  /** (line: string) => void: one JSON line for the driver's stdout. */
  write: '__asyncbenchWrite',
  /** () => string: starts an HTTP target on 127.0.0.1 in the driver; resolves to its base URL. */
  httpStart: '__asyncbenchHttpStart',
  /** (url: string) => void: stops that target. */
  httpStop: '__asyncbenchHttpStop',
  /** (intervalMs: number) => void: starts dispatching real keyboard and mouse input to the page. */
  inputStart: '__asyncbenchInputStart',
  /** () => number: stops dispatching once every dispatch was acknowledged; resolves to how many. */
  inputStop: '__asyncbenchInputStop',
} as const;

/** The page's entry: runs the adapter protocol with these arguments, resolves to the exit code. */
export const RUN_GLOBAL = '__asyncbenchRun';

/** Where the page puts its Platform, for the adapter's own tests (platform.test.ts). */
export const PLATFORM_GLOBAL = '__asyncbenchPlatform';

/** Where the init script puts the PageConfig. */
export const CONFIG_GLOBAL = '__asyncbenchConfig';

/** What the page learns from the driver before it starts. */
export interface PageConfig {
  /** The browser's exact version, e.g. `156.0.8078.108`. */
  version: string;
  /** The driver's ASYNCBENCH_* environment variables (a page has no environment of its own). */
  env: Record<string, string>;
}

/**
 * The DOM events the driver dispatches, one per tick in this order, over and over: a key press and
 * a mouse click, each as its down and up event. The page counts and times exactly these.
 */
export const INPUT_EVENT_TYPES = ['keydown', 'keyup', 'mousedown', 'mouseup'] as const;
