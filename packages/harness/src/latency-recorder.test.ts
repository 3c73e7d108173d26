import { describe, expect, it } from 'vitest';
import { LatencyRecorder } from './latency-recorder.ts';
import { mulberry32 } from './random.ts';

describe('LatencyRecorder', () => {
  it('gives exact percentiles on known data (1..1000 ms, recorded shuffled)', () => {
    const r = new LatencyRecorder();
    const random = mulberry32(42);
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [values[i], values[j]] = [values[j]!, values[i]!];
    }
    for (const v of values) r.record(v);
    expect(r.count).toBe(1000);
    const s = r.summary();
    expect(s.mean).toBeCloseTo(500.5);
    expect(s.p50).toBeCloseTo(500.5);
    expect(s.p90).toBeCloseTo(900.1);
    expect(s.p99).toBeCloseTo(990.01);
    expect(s.max).toBe(1000);
  });

  it('grows past its initial capacity, clamps jitter below zero, rejects NaN, and needs data', () => {
    const r = new LatencyRecorder();
    expect(() => r.summary()).toThrow(/no latencies/);
    for (let i = 0; i < 10_000; i++) r.record(1);
    r.record(-0.001);
    expect(r.count).toBe(10_001);
    expect(r.summary().max).toBe(1);
    expect(r.summary().mean).toBeLessThan(1);
    expect(() => r.record(Number.NaN)).toThrow(RangeError);
    r.reset();
    expect(r.count).toBe(0);
  });
});

describe('mulberry32', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const seqA = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(seqA);
    expect(Array.from({ length: 100 }, c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
