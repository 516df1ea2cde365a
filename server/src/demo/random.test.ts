import { describe, expect, it } from "vitest";
import { createRandom, deriveSeed } from "./random.ts";

const draw = (seed: number, n = 20) => {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => r.next());
};

describe("seeded random", () => {
  it("gives the same numbers for the same seed and different ones for another", () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("keeps int within its inclusive bounds and reaches both ends", () => {
    const r = createRandom(7);
    const seen = new Set(Array.from({ length: 2000 }, () => r.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("shuffles into a permutation without touching the input", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createRandom(1).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
  });

  it("picks by weight", () => {
    const r = createRandom(9);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[r.weighted([["a", 9], ["b", 1]] as const)]++;
    expect(counts.a / 10_000).toBeGreaterThan(0.85);
    expect(counts.a / 10_000).toBeLessThan(0.95);
  });

  it("forks streams that do not depend on how much the parent has drawn", () => {
    const a = createRandom(5);
    const b = createRandom(5);
    b.next();
    b.next();
    expect(a.fork("staff").next()).toBe(b.fork("staff").next());
    expect(a.fork("staff").next()).not.toBe(a.fork("items").next());
  });

  it("derives distinct seeds for distinct labels", () => {
    const seeds = new Set(Array.from({ length: 100 }, (_, i) => deriveSeed(1, `hall:${i}`)));
    expect(seeds.size).toBe(100);
  });
});
