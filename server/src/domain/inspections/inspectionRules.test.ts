// The pure rules of an inspection record: every item answered once, deductions from the checklist,
// and which tablet time a retried save keeps.
import { describe, expect, it } from "vitest";
import { DEFAULT_CHECKLIST } from "../../contracts/inspections.ts";
import { inspectionTime, MAX_SAVE_AGE_MS, scoreFindings } from "./inspectionRules.ts";

const all = (failed: string[] = []) => DEFAULT_CHECKLIST.map((i) => ({ code: i.code, passed: !failed.includes(i.code) }));

describe("scoring", () => {
  it("deducts the checklist's points for failed items only, to one decimal", () => {
    expect(scoreFindings(DEFAULT_CHECKLIST, all())).toMatchObject({ total: 0 });
    const scored = scoreFindings(DEFAULT_CHECKLIST, all(["ON_POST", "TIDINESS", "APPEARANCE"]));
    expect("total" in scored && scored.total).toBe(3.5);
    expect("findings" in scored && scored.findings.map((f) => f.deduction)).toEqual([1, 0, 0, 2, 0, 0.5]);
  });

  it("names every missing, unknown and repeated item", () => {
    const answers = [...all().slice(1), { code: "SMOKING", passed: false }, { code: "CONDUCT", passed: true }];
    const result = scoreFindings(DEFAULT_CHECKLIST, answers);
    expect("issues" in result && result.issues.map((i) => [i.path, i.code])).toEqual([
      ["findings.5.code", "unknown_item"],
      ["findings.6.code", "duplicate"],
      ["findings", "missing_item"],
    ]);
  });
});

describe("the time kept", () => {
  const now = new Date("2026-11-23T02:00:00Z");
  it("is now without a claimed time, the claim within a day, now for a claim ahead, and nothing older", () => {
    expect(inspectionTime(undefined, now)).toEqual(now);
    const earlier = new Date(now.getTime() - 3_600_000);
    expect(inspectionTime(earlier.toISOString(), now)).toEqual(earlier);
    expect(inspectionTime(new Date(now.getTime() + 86_400_000).toISOString(), now)).toEqual(now);
    expect(inspectionTime(new Date(now.getTime() - MAX_SAVE_AGE_MS - 1).toISOString(), now)).toBeNull();
  });
});
