// The time rules, as properties: ratedAt is always within the tolerance of arrival, and walk-up spacing
// is symmetric and off at 0.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RATED_AT_TOLERANCE_MS, clampRatedAt, walkupTooSoon } from "./rules.ts";

const ms = fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 });

describe("clampRatedAt", () => {
  it("keeps ratedAt within ±5 min of arrival, unchanged when already inside", () => {
    fc.assert(
      fc.property(ms, fc.integer({ min: -86_400_000, max: 86_400_000 }), (now, offset) => {
        const out = clampRatedAt(new Date(now + offset), new Date(now)).getTime();
        expect(Math.abs(out - now)).toBeLessThanOrEqual(RATED_AT_TOLERANCE_MS);
        if (Math.abs(offset) <= RATED_AT_TOLERANCE_MS) expect(out).toBe(now + offset);
      }),
    );
  });
  it("uses the arrival time for an invalid date", () => {
    expect(clampRatedAt(new Date("nope"), new Date(5)).getTime()).toBe(5);
  });
});

describe("walkupTooSoon", () => {
  it("is symmetric, off at 0 and without a previous walk-up", () => {
    fc.assert(
      fc.property(ms, ms, fc.integer({ min: 0, max: 3600 }), (a, b, s) => {
        expect(walkupTooSoon(a, b, s)).toBe(walkupTooSoon(b, a, s));
        expect(walkupTooSoon(a, b, 0)).toBe(false);
        expect(walkupTooSoon(null, b, s)).toBe(false);
        if (s > 0) expect(walkupTooSoon(a, b, s)).toBe(Math.abs(a - b) < s * 1000);
      }),
    );
  });
});
