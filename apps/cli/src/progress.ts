/**
 * Progress on stderr. On a terminal: one line rewritten in place (done/total, what runs now,
 * elapsed, ETA). Elsewhere (CI logs, pipes): one plain line per finished process. When
 * auto-sampling adds processes the total grows, and the counter says why until the next process
 * ends: `[13/15, +3 processes: sampling]`.
 */
import { formatDuration } from '@asyncbench/results';

export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

export class Progress {
  private readonly out: ProgressSink;
  private total: number;
  private readonly started = performance.now();
  private done = 0;
  /** Processes added since the last finished one, not yet explained on a progress line. */
  private grown = 0;
  private busyMs = 0;
  private current = '';
  private currentStarted = performance.now();
  private ticker: ReturnType<typeof setInterval> | null = null;

  constructor(out: ProgressSink, total: number) {
    this.out = out;
    this.total = total;
    if (out.isTTY) {
      this.ticker = setInterval(() => this.draw(), 1000);
      this.ticker.unref();
    }
  }

  start(what: string): void {
    this.current = what;
    this.currentStarted = performance.now();
    if (this.out.isTTY) this.draw();
  }

  finish(what: string, status: string, durationMs: number): void {
    this.done++;
    this.busyMs += durationMs;
    if (this.out.isTTY) this.draw();
    else this.out.write(`${this.counter()} ${what}: ${status} (${formatDuration(durationMs)})\n`);
    this.grown = 0;
  }

  /** More processes than planned (auto-sampling added a round). */
  grow(processes: number): void {
    this.total += processes;
    this.grown += processes;
  }

  /** `[12/15]`, or `[12/15, +3 processes: sampling]` right after the total grew. */
  private counter(): string {
    const why = this.grown > 0 ? `, +${this.grown} process${this.grown === 1 ? '' : 'es'}: sampling` : '';
    return `[${this.done}/${this.total}${why}]`;
  }

  /** Prints a line above the progress line (notes, warnings). */
  note(text: string): void {
    if (this.out.isTTY) this.out.write('\r\x1b[2K');
    this.out.write(`${text}\n`);
    if (this.out.isTTY && this.current) this.draw();
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    if (this.out.isTTY) this.out.write('\r\x1b[2K');
  }

  private draw(): void {
    const elapsed = performance.now() - this.started;
    // Mean process time so far times what is left, minus what the running process has already used.
    const left = (this.busyMs / Math.max(this.done, 1)) * (this.total - this.done);
    const eta =
      this.done > 0 ? formatDuration(Math.max(0, left - (performance.now() - this.currentStarted))) : '?';
    const line = `${this.counter()} ${this.current}  elapsed ${formatDuration(elapsed)}  ETA ${eta}`;
    this.out.write(`\r\x1b[2K${line}`);
  }
}
