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

  it('keeps a uniform sample past its capacity: exact count, mean and max, close percentiles', () => {
    const r = new LatencyRecorder(2000);
    const random = mulberry32(3);
    // 200k values uniform on [0, 100) plus one far outlier: percentiles of the sample of 2000
    // sit within a few units of the true ones; max and mean stay exact.
    let sum = 0;
    for (let i = 0; i < 200_000; i++) {
      const v = random() * 100;
      sum += v;
      r.record(v);
    }
    r.record(5000);
    expect(r.count).toBe(200_001);
    const s = r.summary();
    expect(s.max).toBe(5000);
    expect(s.mean).toBeCloseTo((sum + 5000) / 200_001, 9);
    expect(s.p50).toBeGreaterThan(46);
    expect(s.p50).toBeLessThan(54);
    expect(s.p90).toBeGreaterThan(87);
    expect(s.p90).toBeLessThan(93);
    expect(s.p99).toBeGreaterThan(97);
    expect(s.p99).toBeLessThan(100);
    // Values from late in the run reach the sample too, not only the first 2000.
    const late = new LatencyRecorder(100);
    for (let i = 0; i < 100; i++) late.record(1);
    for (let i = 0; i < 100_000; i++) late.record(2);
    expect(late.summary().p50).toBe(2);
  });

  it('clamps jitter below zero, rejects NaN and a bad capacity, and needs data', () => {
    expect(() => new LatencyRecorder(0)).toThrow(RangeError);
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
