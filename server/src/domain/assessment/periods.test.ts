// Period boundaries in Asia/Shanghai, across New Year and at the very edges of a day.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextPeriod, periodByLabel, periodContaining, previousPeriod, type PeriodKind } from "./periods.ts";

const at = (s: string) => new Date(s);

describe("periodContaining", () => {
  it("puts 2026-12-31 and 2027-01-03 in ISO week 2026-W53 (Mon 28 Dec – Sun 3 Jan)", () => {
    for (const s of ["2026-12-28T00:00:00+08:00", "2026-12-31T12:00:00+08:00", "2027-01-03T23:59:59.999+08:00"]) {
      const w = periodContaining("WEEK", at(s));
      expect(w).toMatchObject({ label: "2026-W53", firstDay: "2026-12-28", lastDay: "2027-01-03" });
      expect(w.start.toISOString()).toBe("2026-12-27T16:00:00.000Z");
      expect(w.end.toISOString()).toBe("2027-01-03T16:00:00.000Z");
    }
    expect(periodContaining("WEEK", at("2027-01-04T00:00:00+08:00")).label).toBe("2027-W01");
  });
  it("puts 2025-12-29 (a Monday) in 2026-W01, because that week's Thursday is in 2026", () => {
    expect(periodContaining("WEEK", at("2025-12-29T09:00:00+08:00"))).toMatchObject({ label: "2026-W01", firstDay: "2025-12-29", lastDay: "2026-01-04" });
    expect(periodContaining("WEEK", at("2025-12-28T23:59:00+08:00")).label).toBe("2025-W52");
  });
  it("uses the Shanghai date, not UTC: 2026-12-31T16:00Z is already 1 January 2027", () => {
    expect(periodContaining("MONTH", at("2026-12-31T15:59:59.999Z")).label).toBe("2026-12");
    expect(periodContaining("MONTH", at("2026-12-31T16:00:00Z")).label).toBe("2027-01");
    expect(periodContaining("QUARTER", at("2026-12-31T16:00:00Z"))).toMatchObject({ label: "2027-Q1", firstDay: "2027-01-01", lastDay: "2027-03-31" });
    expect(periodContaining("QUARTER", at("2026-12-31T15:00:00Z"))).toMatchObject({ label: "2026-Q4", firstDay: "2026-10-01", lastDay: "2026-12-31" });
  });
  it("knows February of a leap year and each quarter's months", () => {
    expect(periodContaining("MONTH", at("2028-02-15T12:00:00+08:00")).lastDay).toBe("2028-02-29");
    expect(periodContaining("QUARTER", at("2026-05-01T00:00:00+08:00"))).toMatchObject({ label: "2026-Q2", firstDay: "2026-04-01", lastDay: "2026-06-30" });
    expect(periodContaining("QUARTER", at("2026-09-30T23:59:59+08:00")).label).toBe("2026-Q3");
  });
});

describe("previous, next and by label", () => {
  it("the weekly review on Monday 2027-01-04 covers 2026-W53; previous month and quarter cross New Year", () => {
    const monday = at("2027-01-04T07:00:00+08:00");
    expect(previousPeriod(periodContaining("WEEK", monday)).label).toBe("2026-W53");
    expect(previousPeriod(periodContaining("MONTH", monday)).label).toBe("2026-12");
    expect(previousPeriod(periodContaining("QUARTER", monday)).label).toBe("2026-Q4");
    expect(nextPeriod(periodContaining("QUARTER", at("2026-11-01T00:00:00+08:00"))).label).toBe("2027-Q1");
  });
  it("parses labels and refuses weeks a year does not have", () => {
    expect(periodByLabel("2026-W53")?.firstDay).toBe("2026-12-28");
    expect(periodByLabel("2027-W53")).toBeNull();
    expect(periodByLabel("2026-13")).toBeNull();
    expect(periodByLabel("2026-Q4")?.lastDay).toBe("2026-12-31");
  });

  const kinds = fc.constantFrom<PeriodKind>("WEEK", "MONTH", "QUARTER");
  const instants = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }).map((n) => new Date(n));
  it("every instant lies in exactly one period: [start, end), contiguous with its neighbours, round-tripping its label", () => {
    fc.assert(
      fc.property(kinds, instants, (kind, t) => {
        const p = periodContaining(kind, t);
        expect(p.start.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(t.getTime()).toBeLessThan(p.end.getTime());
        expect(nextPeriod(p).start.getTime()).toBe(p.end.getTime());
        expect(previousPeriod(p).end.getTime()).toBe(p.start.getTime());
        expect(periodByLabel(p.label)).toEqual(p);
        if (kind === "WEEK") {
          expect(p.end.getTime() - p.start.getTime()).toBe(7 * 86_400_000);
          expect(new Date(`${p.firstDay}T00:00:00Z`).getUTCDay()).toBe(1);
        }
        // Shanghai midnight is 16:00 UTC the day before.
        expect(p.start.getUTCHours()).toBe(16);
      }),
    );
  });
});
