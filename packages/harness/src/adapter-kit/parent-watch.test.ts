import { describe, expect, it } from 'vitest';
import { exitWhenParentGone } from './parent-watch.ts';

/** A stdin stand-in the test controls: push bytes, then close (the parent's end going away). */
function pipe() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return { stream, controller };
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('exitWhenParentGone', () => {
  it('exits once stdin reaches end-of-file, not before, whatever was written', async () => {
    const { stream, controller } = pipe();
    let exits = 0;
    exitWhenParentGone({ enabled: true, stdin: () => stream, exit: () => exits++ });
    controller.enqueue(new Uint8Array([1, 2, 3]));
    await turn();
    expect(exits).toBe(0);
    controller.close();
    await turn();
    expect(exits).toBe(1);
  });

  it('treats a read error as the parent gone', async () => {
    const { stream, controller } = pipe();
    let exits = 0;
    exitWhenParentGone({ enabled: true, stdin: () => stream, exit: () => exits++ });
    controller.error(new Error('EPIPE'));
    await turn();
    expect(exits).toBe(1);
  });

  it('does not exit after stop(), and cancels the stream so it holds nothing open', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      cancel() {
        cancelled = true;
      },
    });
    let exits = 0;
    const watch = exitWhenParentGone({ enabled: true, stdin: () => stream, exit: () => exits++ });
    watch.stop();
    await turn();
    expect(cancelled).toBe(true);
    expect(exits).toBe(0);
  });

  it('does not touch stdin when not enabled (run by hand, stdin may be a terminal or /dev/null)', async () => {
    let opened = false;
    exitWhenParentGone({
      enabled: false,
      stdin: () => {
        opened = true;
        return new ReadableStream();
      },
      exit: () => {
        throw new Error('must not exit');
      },
    }).stop();
    await turn();
    expect(opened).toBe(false);
  });
});
