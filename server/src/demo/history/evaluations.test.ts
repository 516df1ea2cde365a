// The demo quarter of ratings: deterministic, mostly good, a few bad reviews, some walk-ups, reasons
// that fit their level, only on working days inside opening hours.
import { describe, expect, it } from "vitest";
import { reasonFitsLevel } from "../../contracts/indicators.ts";
import { generateHall } from "../generateHall.ts";
import { generateEvaluationHistory } from "./evaluations.ts";

const now = new Date("2026-11-28T12:00:00.000Z");
const hall = generateHall({ seed: 7, centerIndex: 0, now });

describe("generateEvaluationHistory", () => {
  const rows = generateEvaluationHistory(hall, { seed: 7, now });

  it("is deterministic for a seed", () => {
    expect(generateEvaluationHistory(hall, { seed: 7, now }).map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it("looks like a real hall's quarter", () => {
    expect(rows.length).toBeGreaterThan(5000);
    const share = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).length / rows.length;
    expect(share((r) => r.level >= 4)).toBeGreaterThan(0.85);
    expect(share((r) => r.level <= 2)).toBeGreaterThan(0.01);
    expect(share((r) => r.level <= 2)).toBeLessThan(0.06);
    expect(share((r) => !r.invited)).toBeGreaterThan(0.1);
    expect(rows.every((r) => r.reasons.every((c) => reasonFitsLevel(c, r.level)))).toBe(true);
  });

  it("rates on working days between 09:00 and 17:00 Shanghai time, within the last 90 days", () => {
    for (const r of rows) {
      const shanghai = new Date(r.ratedAt.getTime() + 8 * 3_600_000);
      expect([0, 6]).not.toContain(shanghai.getUTCDay());
      expect(shanghai.getUTCHours()).toBeGreaterThanOrEqual(9);
      expect(shanghai.getUTCHours()).toBeLessThan(17);
      expect(now.getTime() - r.ratedAt.getTime()).toBeLessThan(91 * 86_400_000);
    }
  });
});
