import { describe, expect, it } from 'vitest';
import { flush, track } from '../test-support/track.ts';
import { InvalidStateError, QueueEmpty, QueueFull, QueueShutDown } from './errors.ts';
import { LifoQueue, PriorityQueue, Queue } from './queue.ts';

describe('Queue basics', () => {
  it('is FIFO and reports size/empty/full', async () => {
    const q = new Queue<number>(2);
    expect(q.maxsize).toBe(2);
    expect(q.empty()).toBe(true);
    await q.put(1);
    await q.put(2);
    expect(q.size).toBe(2);
    expect(q.full()).toBe(true);
    expect(await q.get()).toBe(1);
    expect(q.getNowait()).toBe(2);
    expect(q.empty()).toBe(true);
  });

  it('treats maxsize <= 0 as unbounded', () => {
    for (const q of [new Queue<number>(), new Queue<number>(0), new Queue<number>(-3)]) {
      expect(q.maxsize).toBe(0);
      for (let i = 0; i < 1000; i++) q.putNowait(i);
      expect(q.full()).toBe(false);
      expect(q.size).toBe(1000);
      for (let i = 0; i < 1000; i++) expect(q.getNowait()).toBe(i);
    }
  });

  it('keeps FIFO order across ring-buffer growth and wrap-around', () => {
    const q = new Queue<number>();
    let next = 0;
    let expected = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 7 + round; i++) q.putNowait(next++);
      for (let i = 0; i < 5 + round; i++) expect(q.getNowait()).toBe(expected++);
    }
    while (!q.empty()) expect(q.getNowait()).toBe(expected++);
    expect(expected).toBe(next);
  });

  it('putNowait throws QueueFull and getNowait throws QueueEmpty', () => {
    const q = new Queue<number>(1);
    q.putNowait(1);
    expect(() => q.putNowait(2)).toThrow(QueueFull);
    q.getNowait();
    expect(() => q.getNowait()).toThrow(QueueEmpty);
  });
});

describe('Queue waiting', () => {
  it('serves waiting getters in arrival order', async () => {
    const q = new Queue<string>();
    const a = q.get();
    const b = q.get();
    const c = q.get();
    q.putNowait('x');
    q.putNowait('y');
    await q.put('z');
    expect(await Promise.all([a, b, c])).toEqual(['x', 'y', 'z']);
    expect(q.size).toBe(0);
  });

  it('hands an item to a waiting getter before a later synchronous getNowait can take it', async () => {
    const q = new Queue<number>();
    const waiting = q.get();
    q.putNowait(1);
    expect(() => q.getNowait()).toThrow(QueueEmpty);
    expect(await waiting).toBe(1);
  });

  it('applies backpressure: put blocks while full until a get frees a slot', async () => {
    const q = new Queue<number>(1);
    await q.put(1);
    const p2 = track(q.put(2));
    const p3 = track(q.put(3));
    await flush();
    expect(p2.status).toBe('pending');
    expect(q.size).toBe(1);
    expect(await q.get()).toBe(1);
    await flush();
    expect(p2.status).toBe('fulfilled');
    expect(p3.status).toBe('pending');
    expect(q.size).toBe(1);
    expect(q.getNowait()).toBe(2);
    await flush();
    expect(p3.status).toBe('fulfilled');
    expect(q.getNowait()).toBe(3);
  });

  it('gives a freed slot to the first waiting putter, not to a newcomer', async () => {
    const q = new Queue<string>(1);
    q.putNowait('a');
    const waiting = q.put('b');
    expect(q.getNowait()).toBe('a');
    // The slot already holds b, so a newcomer cannot barge.
    expect(() => q.putNowait('c')).toThrow(QueueFull);
    await waiting;
    expect(q.getNowait()).toBe('b');
  });
});

describe('Queue abort', () => {
  it('rejects at once with an already-aborted signal and takes nothing', async () => {
    const q = new Queue<number>(1);
    q.putNowait(1);
    const reason = new Error('stop');
    const signal = AbortSignal.abort(reason);
    await expect(q.get({ signal })).rejects.toBe(reason);
    await expect(q.put(2, { signal })).rejects.toBe(reason);
    await expect(q.join({ signal })).rejects.toBe(reason);
    expect(q.size).toBe(1);
    expect(q.getNowait()).toBe(1);
  });

  it('an aborted getter loses no item and leaves no trace', async () => {
    const q = new Queue<number>();
    const ac = new AbortController();
    const first = q.get({ signal: ac.signal });
    const second = q.get();
    ac.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    q.putNowait(42);
    expect(await second).toBe(42);
    // Nothing left waiting: the next item stays in the queue.
    q.putNowait(43);
    expect(q.size).toBe(1);
  });

  it('an aborted getter in the middle of the line leaves the others in order', async () => {
    const q = new Queue<number>();
    const ac = new AbortController();
    const a = q.get();
    const b = q.get({ signal: ac.signal });
    const c = q.get();
    ac.abort(new Error('b gave up'));
    q.putNowait(1);
    q.putNowait(2);
    expect(await a).toBe(1);
    expect(await c).toBe(2);
    await expect(b).rejects.toThrow('b gave up');
  });

  it('an abort after the item was handed over does not lose it', async () => {
    const q = new Queue<number>();
    const ac = new AbortController();
    const g = q.get({ signal: ac.signal });
    q.putNowait(7);
    ac.abort();
    expect(await g).toBe(7);
  });

  it('an aborted putter adds nothing and leaves no trace', async () => {
    const q = new Queue<number>(1);
    q.putNowait(1);
    const ac = new AbortController();
    const p = q.put(2, { signal: ac.signal });
    const p3 = q.put(3);
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(q.getNowait()).toBe(1);
    await p3;
    expect(q.getNowait()).toBe(3);
    expect(q.empty()).toBe(true);
    // join counts only accepted items: 1 and 3.
    q.taskDone();
    q.taskDone();
    expect(() => q.taskDone()).toThrow(InvalidStateError);
  });

  it('an aborted join() leaves the line and the others still resolve', async () => {
    const q = new Queue<number>();
    q.putNowait(1);
    const ac = new AbortController();
    const j1 = q.join({ signal: ac.signal });
    const j2 = track(q.join());
    ac.abort();
    await expect(j1).rejects.toMatchObject({ name: 'AbortError' });
    q.getNowait();
    q.taskDone();
    await flush();
    expect(j2.status).toBe('fulfilled');
  });
});

describe('Queue join/taskDone', () => {
  it('join waits until every put item is marked done', async () => {
    const q = new Queue<number>();
    await q.join();
    q.putNowait(1);
    q.putNowait(2);
    const j = track(q.join());
    q.getNowait();
    q.taskDone();
    await flush();
    expect(j.status).toBe('pending');
    q.getNowait();
    q.taskDone();
    await flush();
    expect(j.status).toBe('fulfilled');
  });

  it('counts items handed straight to a waiting getter', async () => {
    const q = new Queue<number>();
    const g = q.get();
    q.putNowait(1);
    await g;
    const j = track(q.join());
    await flush();
    expect(j.status).toBe('pending');
    q.taskDone();
    await flush();
    expect(j.status).toBe('fulfilled');
  });

  it('taskDone more times than items were put throws InvalidStateError', () => {
    const q = new Queue<number>();
    expect(() => q.taskDone()).toThrow(InvalidStateError);
    q.putNowait(1);
    q.getNowait();
    q.taskDone();
    expect(() => q.taskDone()).toThrow(InvalidStateError);
  });
});

describe('Queue shutdown', () => {
  it('rejects later puts, drains what is left, then rejects gets', async () => {
    const q = new Queue<number>();
    q.putNowait(1);
    q.putNowait(2);
    q.shutdown();
    await expect(q.put(3)).rejects.toBeInstanceOf(QueueShutDown);
    expect(() => q.putNowait(3)).toThrow(QueueShutDown);
    expect(await q.get()).toBe(1);
    expect(q.getNowait()).toBe(2);
    await expect(q.get()).rejects.toBeInstanceOf(QueueShutDown);
    expect(() => q.getNowait()).toThrow(QueueShutDown);
  });

  it('wakes waiting getters with QueueShutDown', async () => {
    const q = new Queue<number>();
    const a = q.get();
    const b = q.get();
    q.shutdown();
    await expect(a).rejects.toBeInstanceOf(QueueShutDown);
    await expect(b).rejects.toBeInstanceOf(QueueShutDown);
  });

  it('wakes waiting putters with QueueShutDown without adding their items', async () => {
    const q = new Queue<number>(1);
    q.putNowait(1);
    const p = q.put(2);
    q.shutdown();
    await expect(p).rejects.toBeInstanceOf(QueueShutDown);
    expect(q.size).toBe(1);
    expect(q.getNowait()).toBe(1);
    expect(() => q.getNowait()).toThrow(QueueShutDown);
  });

  it('shutdown(true) empties the queue, counts removed items done, and unblocks join', async () => {
    const q = new Queue<number>(2);
    q.putNowait(1);
    q.putNowait(2);
    const putter = q.put(3);
    const j = track(q.join());
    q.shutdown(true);
    await expect(putter).rejects.toBeInstanceOf(QueueShutDown);
    expect(q.size).toBe(0);
    await flush();
    expect(j.status).toBe('fulfilled');
    await expect(q.get()).rejects.toBeInstanceOf(QueueShutDown);
    expect(() => q.taskDone()).toThrow(InvalidStateError);
  });

  it('shutdown(true) leaves join waiting for items already taken but not done', async () => {
    const q = new Queue<number>();
    q.putNowait(1);
    q.putNowait(2);
    q.getNowait();
    q.shutdown(true);
    const j = track(q.join());
    await flush();
    expect(j.status).toBe('pending');
    q.taskDone();
    await flush();
    expect(j.status).toBe('fulfilled');
  });
});

describe('Queue iteration', () => {
  it('for await yields items until shut down and drained', async () => {
    const q = new Queue<number>(2);
    const producer = (async () => {
      for (let i = 0; i < 10; i++) await q.put(i);
      q.shutdown();
    })();
    const seen: number[] = [];
    for await (const item of q) {
      seen.push(item);
      q.taskDone();
    }
    await producer;
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await q.join();
  });

  it('ends an iteration waiting on an empty queue when shut down', async () => {
    const q = new Queue<number>();
    const collected = (async () => {
      const out: number[] = [];
      for await (const item of q) out.push(item);
      return out;
    })();
    q.putNowait(1);
    await flush();
    q.shutdown();
    expect(await collected).toEqual([1]);
  });

  it('several consumers share the items in arrival order', async () => {
    const q = new Queue<number>();
    const got: string[] = [];
    const consumer = async (name: string) => {
      for await (const item of q) got.push(`${name}${item}`);
    };
    const done = Promise.all([consumer('a'), consumer('b')]);
    await flush();
    for (let i = 0; i < 4; i++) q.putNowait(i);
    await flush();
    q.shutdown();
    await done;
    expect(got.sort()).toEqual(['a0', 'a2', 'b1', 'b3'].sort());
  });
});

describe('LifoQueue', () => {
  it('returns the last item put first, with the same waiting rules', async () => {
    const q = new LifoQueue<number>(3);
    q.putNowait(1);
    q.putNowait(2);
    q.putNowait(3);
    expect(q.full()).toBe(true);
    const p = q.put(4);
    expect(await q.get()).toBe(3);
    await p;
    expect([q.getNowait(), q.getNowait(), q.getNowait()]).toEqual([4, 2, 1]);
    const g = q.get();
    q.putNowait(5);
    expect(await g).toBe(5);
    q.putNowait(6);
    q.shutdown(true);
    expect(q.size).toBe(0);
  });
});

describe('PriorityQueue', () => {
  it('returns the smallest number first', () => {
    const q = new PriorityQueue<number>();
    const input = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0, 3];
    for (const n of input) q.putNowait(n);
    const out: number[] = [];
    while (!q.empty()) out.push(q.getNowait());
    expect(out).toEqual([...input].sort((a, b) => a - b));
  });

  it('orders strings ascending by default', () => {
    const q = new PriorityQueue<string>();
    for (const s of ['pear', 'apple', 'fig']) q.putNowait(s);
    expect([q.getNowait(), q.getNowait(), q.getNowait()]).toEqual(['apple', 'fig', 'pear']);
  });

  it('takes a comparator, e.g. for [priority, value] tuples', () => {
    const q = new PriorityQueue<[number, string]>(0, (a, b) => a[0] - b[0]);
    q.putNowait([2, 'b']);
    q.putNowait([0, 'z']);
    q.putNowait([1, 'a']);
    expect(q.getNowait()).toEqual([0, 'z']);
    expect(q.getNowait()).toEqual([1, 'a']);
    expect(q.getNowait()).toEqual([2, 'b']);
  });

  it('keeps heap order for many random items', () => {
    const q = new PriorityQueue<number>();
    // A fixed linear congruential sequence: deterministic "random" input.
    let x = 12345;
    const input: number[] = [];
    for (let i = 0; i < 500; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      input.push(x % 1000);
      q.putNowait(x % 1000);
    }
    const out: number[] = [];
    while (!q.empty()) out.push(q.getNowait());
    expect(out).toEqual(input.sort((a, b) => a - b));
  });

  it('a bounded priority queue blocks putters and inserts their items in order when a slot frees', async () => {
    const q = new PriorityQueue<number>(2);
    q.putNowait(5);
    q.putNowait(3);
    const p = q.put(1);
    expect(await q.get()).toBe(3);
    await p;
    expect(q.getNowait()).toBe(1);
    expect(q.getNowait()).toBe(5);
  });
});
