// The report's pure arithmetic and the rating link's rules, without a database: periods across a
// year's end (ISO week 53), rates with nothing to divide, defaulted ratings kept out of every rate,
// the link's refusal order and the masks.
import { describe, expect, it } from "vitest";
import { judgeLink, linkExpiresAt, maskCaseNo, ratingLinkUrl } from "../../server/src/domain/ratingLinks/ratingLinkRules.ts";
import { csvField, maskRater, satisfactionCode } from "../../server/src/domain/ratingReports/gbt39046Export.ts";
import { buildReportRows, periodOf, periodsBetween } from "../../server/src/domain/ratingReports/reportFigures.ts";

describe("report periods", () => {
  it("day, ISO week (2026-W53 holds 3 January 2027) and month", () => {
    expect(periodsBetween("2026-12-30", "2027-01-05", "WEEK")).toEqual(["2026-W53", "2027-W01"]);
    expect(periodOf("2027-01-03", "WEEK")).toBe("2026-W53");
    expect(periodsBetween("2026-11-29", "2027-01-02", "MONTH")).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(periodsBetween("2026-02-27", "2026-03-01", "DAY")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
  });
});

describe("report figures", () => {
  const base = { windowId: 1, staffId: 7 };
  it("defaulted ratings are counted apart: not in the total, the good rate or the bad reviews", () => {
    const { totals } = buildReportRows({
      scope: "STAFF",
      granularity: "MONTH",
      periods: ["2026-11"],
      ratings: [
        { ...base, day: "2026-11-02", level: 1, defaulted: false, count: 1 },
        { ...base, day: "2026-11-02", level: 3, defaulted: true, count: 9 },
        { ...base, day: "2026-11-03", level: 4, defaulted: false, count: 3 },
      ],
      tickets: [],
      subjectOf: (f) => f.staffId,
      nameOf: (id) => `staff ${id}`,
    });
    expect(totals).toHaveLength(1);
    expect(totals[0]).toMatchObject({ subjectId: 7, total: 4, goodRate: 0.75, defaulted: 9, badReviews: 1, rectification: { none: 1, open: 0, closed: 0, overdue: 0 }, callbackRate: 0, onTimeRate: null });
  });
  it("a subject shown nowhere (undefined) is left out; the hall has a row for each period even without ratings", () => {
    const { rows } = buildReportRows({ scope: "HALL", granularity: "DAY", periods: ["2026-11-01", "2026-11-02"], ratings: [], tickets: [], subjectOf: () => null, nameOf: () => "hall" });
    expect(rows.map((r) => [r.period, r.total, r.goodRate])).toEqual([
      ["2026-11-01", 0, null],
      ["2026-11-02", 0, null],
    ]);
    const none = buildReportRows({ scope: "WINDOW", granularity: "DAY", periods: ["2026-11-01"], ratings: [{ windowId: null, staffId: null, day: "2026-11-01", level: 5, defaulted: false, count: 1 }], tickets: [], subjectOf: () => undefined, nameOf: () => "" });
    expect(none).toEqual({ rows: [], totals: [] });
  });
});

describe("rating link rules", () => {
  const now = new Date("2026-11-23T02:00:00Z");
  it("expires whole days after completion; used first, then rated elsewhere, then expired", () => {
    expect(linkExpiresAt(now, 7).toISOString()).toBe("2026-11-30T02:00:00.000Z");
    const expiresAt = new Date(now.getTime() + 1);
    expect(judgeLink({ now, expiresAt, usedByLink: false, ratedElsewhere: false })).toBeNull();
    expect(judgeLink({ now: expiresAt, expiresAt, usedByLink: false, ratedElsewhere: false })).toBe("LINK_EXPIRED");
    expect(judgeLink({ now: expiresAt, expiresAt, usedByLink: true, ratedElsewhere: true })).toBe("LINK_USED");
    expect(judgeLink({ now: expiresAt, expiresAt, usedByLink: false, ratedElsewhere: true })).toBe("ALREADY_RATED");
  });
  it("keeps the token in the fragment and masks what the page and the export show", () => {
    expect(ratingLinkUrl("https://a.gov.cn", "t".repeat(24))).toBe(`https://a.gov.cn/kiosk/r#${"t".repeat(24)}`);
    expect(maskCaseNo("2026112300017")).toBe("2026*****0017");
    expect(maskRater("欧阳娜娜")).toBe("欧***");
    expect(maskRater("王")).toBe("王*");
    expect(maskRater(null)).toBe("");
    expect([5, 4, 3, 2, 1].map(satisfactionCode)).toEqual(["1", "2", "3", "4", "5"]);
    expect(csvField("=HYPERLINK(1)", true)).toBe("'=HYPERLINK(1)");
    expect(csvField("-5", false)).toBe("-5");
    expect(csvField('a,"b"\nc', true)).toBe('"a,""b""\nc"');
  });
});
