/**
 * The small part of Deno's API this adapter uses, declared here instead of pulling Deno's whole lib
 * (which clashes with the DOM lib the base tsconfig uses).
 */
declare namespace Deno {
  const version: { deno: string; v8: string; typescript: string };
  const args: string[];
  const env: { get(name: string): string | undefined; set(name: string, value: string): void };
  const errors: { NotFound: new (...args: never[]) => Error };
  const stdout: { writeSync(data: Uint8Array): number };
  const stdin: { readonly readable: ReadableStream<Uint8Array> };
  function exit(code?: number): never;
  function readFileSync(path: string): Uint8Array;
  function readFile(path: string): Promise<Uint8Array>;
  function writeFile(path: string, data: Uint8Array): Promise<void>;
  function makeTempDir(options?: { prefix?: string }): Promise<string>;
  function remove(path: string, options?: { recursive?: boolean }): Promise<void>;
  function memoryUsage(): { rss: number; heapTotal: number; heapUsed: number; external: number };

  interface HttpServer {
    readonly addr: { hostname: string; port: number };
    shutdown(): Promise<void>;
  }
  function serve(
    options: { hostname?: string; port?: number; onListen?: (addr: { port: number }) => void },
    handler: (request: Request) => Response | Promise<Response>,
  ): HttpServer;

  class Command {
    constructor(
      command: string,
      options?: {
        args?: string[];
        cwd?: string;
        stdout?: 'piped';
        stderr?: 'piped';
        env?: Record<string, string>;
        signal?: AbortSignal;
      },
    );
    output(): Promise<{ code: number; stdout: Uint8Array; stderr: Uint8Array }>;
  }
  const execPath: () => string;
}

/** Deno implements node:sqlite; only what openSqlite uses. */
declare module 'node:sqlite' {
  export class DatabaseSync {
    constructor(path: string);
    exec(sql: string): void;
    prepare(sql: string): {
      run(...params: unknown[]): unknown;
      all(...params: unknown[]): unknown[];
    };
    close(): void;
  }
}
