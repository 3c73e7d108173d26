import { describe, expect, it } from 'vitest';
import { BODY, delayOf } from './http-server-protocol.ts';

describe('http protocol', () => {
  it('answers with 64 bytes', () => {
    expect(new TextEncoder().encode(BODY).byteLength).toBe(64);
  });

  it('reads the delay from the query, 0 when absent, malformed or not positive', () => {
    expect(delayOf('/?delay=5')).toBe(5);
    expect(delayOf('http://127.0.0.1:8000/?delay=2.5&x=1')).toBe(2.5);
    expect(delayOf('/?x=1&delay=10')).toBe(10);
    expect(delayOf('/')).toBe(0);
    expect(delayOf('/?delay=0')).toBe(0);
    expect(delayOf('/?delay=')).toBe(0);
    expect(delayOf('/?delay=abc')).toBe(0);
    expect(delayOf('/?delay=-3')).toBe(0);
    expect(delayOf('/?delay=Infinity')).toBe(0);
  });
});
