import { describe, expect, it } from "vitest";
import { appealDecisionRefusal, appealFilingRefusal, isBadReview, ratingCountsAfterAppeal } from "./appealRules.ts";

describe("appeal rules", () => {
  it("only levels 1 and 2 are bad reviews", () => {
    expect([1, 2, 3, 4, 5].map(isBadReview)).toEqual([true, true, false, false, false]);
  });
  it("the rated staff member appeals a bad review once; someone else's is refused before anything else", () => {
    expect(appealFilingRefusal({ level: 1, staffId: 7 }, 7, null)).toBeNull();
    expect(appealFilingRefusal({ level: 2, staffId: 7 }, 7, null)).toBeNull();
    expect(appealFilingRefusal({ level: 3, staffId: 7 }, 7, null)).toBe("APPEAL_NOT_BAD_REVIEW");
    expect(appealFilingRefusal({ level: 1, staffId: 7 }, 7, { state: "REJECTED" })).toBe("APPEAL_EXISTS");
    expect(appealFilingRefusal({ level: 1, staffId: 8 }, 7, null)).toBe("APPEAL_NOT_OWN");
    expect(appealFilingRefusal({ level: 5, staffId: null }, 7, { state: "UPHELD" })).toBe("APPEAL_NOT_OWN");
  });
  it("only a pending appeal is decided, and only an upheld one takes the rating out of scoring", () => {
    expect(appealDecisionRefusal({ state: "PENDING" })).toBeNull();
    expect(appealDecisionRefusal({ state: "UPHELD" })).toBe("APPEAL_DECIDED");
    expect(appealDecisionRefusal({ state: "REJECTED" })).toBe("APPEAL_DECIDED");
    expect([null, { state: "PENDING" as const }, { state: "REJECTED" as const }, { state: "UPHELD" as const }].map(ratingCountsAfterAppeal)).toEqual([true, true, true, false]);
  });
});
