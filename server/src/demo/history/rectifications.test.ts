// The demo's handful of rectifications: several states, each reached through the loop's own rules, and
// the same rows for the same seed.
import { describe, expect, it } from "vitest";
import { generateHall } from "../generateHall.ts";
import { generateEvaluationHistory } from "./evaluations.ts";
import { generateRectificationHistory } from "./rectifications.ts";

const now = new Date("2026-11-30T02:00:00.000Z");

describe("demo rectifications", () => {
  const hall = generateHall({ seed: 7, centerIndex: 0, now });
  const ratings = generateEvaluationHistory(hall, { seed: 7, now });
  const rows = generateRectificationHistory(hall, ratings, { now });

  it("opens a handful of the last week's bad reviews in several states, one of them overdue", () => {
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((r) => r.facts.state)).size).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.sweptOverdue)).toBe(true);
    const bad = new Set(ratings.filter((r) => r.level <= 2).map((r) => r.id));
    for (const r of rows) {
      expect(bad.has(r.evaluationId)).toBe(true);
      expect(r.events[0]!.step).toBe("open");
      // History in time order, nothing after now
      const times = r.events.map((e) => e.at.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(Math.max(...times)).toBeLessThan(now.getTime());
    }
  });

  it("is the same for the same seed", () => {
    expect(generateRectificationHistory(hall, generateEvaluationHistory(hall, { seed: 7, now }), { now })).toEqual(rows);
  });
});
