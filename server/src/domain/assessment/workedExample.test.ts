// Computes the worked example of docs/scoring.md and asserts every figure the document shows; if a
// default rule changes, this test fails until the document is brought up to date.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../contracts/assessmentRules.ts";
import { periodByLabel } from "./periods.ts";
import { rankAndHonour } from "./rankAndHonour.ts";
import { hallBaseline, mergeFacts, scoreSubject, sumContributions } from "./scoreSubject.ts";
import { WINDOW_12, WINDOW_20, WINDOW_31 } from "./workedExample.ts";

const rules = DEFAULT_RULES;
const doc = readFileSync(path.resolve(import.meta.dirname, "../../../../docs/scoring.md"), "utf8");

describe("docs/scoring.md worked example (2026-Q3, three windows)", () => {
  const baseline = hallBaseline(rules, mergeFacts([WINDOW_12, WINDOW_20, WINDOW_31]));
  const scores = { 12: scoreSubject(rules, baseline, WINDOW_12), 20: scoreSubject(rules, baseline, WINDOW_20), 31: scoreSubject(rules, baseline, WINDOW_31) };

  it("the quarter runs from 2026-07-01 to 2026-09-30 in Shanghai", () => {
    const q = periodByLabel("2026-Q3")!;
    expect([q.firstDay, q.lastDay, q.start.toISOString(), q.end.toISOString()]).toEqual(["2026-07-01", "2026-09-30", "2026-06-30T16:00:00.000Z", "2026-09-30T16:00:00.000Z"]);
  });

  it("the hall baseline", () => {
    const rounded = Object.fromEntries(Object.entries(baseline).map(([k, v]) => [k, Math.round(v * 100) / 100]));
    expect(rounded).toEqual({ satisfaction: 96.85, caseOnTime: 99.68, inquiryOnTime: 99.54, rectificationOnTime: 80 });
  });

  it("window 12's explanation, line by line, adds up to 94.78", () => {
    const table = scores[12].lines.map((l) => [l.component, l.rawValue, l.points, l.weight, l.contribution]);
    expect(table).toEqual([
      ["satisfaction", 94.95, 95.04, 0.6, 57.02],
      ["satisfaction.excluded", 92, 0, 0, 0],
      ["caseTimeliness", 99.27, 99.28, 0.2, 19.86],
      ["inquiryTimeliness", 98.96, 99.01, 0.1, 9.9],
      ["rectificationTimeliness", 80, 80, 0.1, 8],
      ["inspection.ON_POST", 1, -2, 1, -2],
      ["bonus.PRAISE_LETTER", 2, 1, 1, 2],
    ]);
    expect(scores[12].total).toBe(94.78);
    expect(sumContributions(scores[12].lines)).toBe(94.78);
    expect(scores[12].lines[1]!.reason).toBe("92条评价不计入：未绑定的自发评价80条、默认评价10条、申诉成立2条");
  });

  it("the three windows' totals and the quarter's proposal", () => {
    expect([scores[12].total, scores[20].total, scores[31].total]).toEqual([94.78, 94.06, 96.19]);
    const { ranked, quota } = rankAndHonour(
      rules,
      ([12, 20, 31] as const).map((id) => ({ subjectKind: "WINDOW" as const, subjectId: id, partyMemberPost: id === 20, score: scores[id] })),
    );
    expect(quota.RED_FLAG_WINDOW).toBe(1);
    expect(ranked.map((r) => [r.subjectId, r.rank, r.total, r.decision])).toEqual([
      [12, 1, 94.78, "HONOURED"],
      [20, 2, 94.06, "VETOED"],
      [31, 3, 96.19, "BELOW_MIN_SAMPLES"],
    ]);
  });

  it("the document shows these figures", () => {
    for (const figure of ["96.85", "99.68", "99.54", "94.95", "95.04", "57.02", "99.28", "19.86", "99.01", "9.9", "94.78", "94.06", "96.19", "97.14"]) {
      expect(doc).toContain(figure);
    }
    expect(scores[31].satisfaction).toBe(97.14);
  });
});
