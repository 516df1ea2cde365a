import { describe, expect, it } from "vitest";
import { buildCalendar } from "../calendar/workingDays.ts";
import { nthWorkingDay } from "./draftSchedule.ts";

const calendar = buildCalendar({
  // 2026: 1–3 January and 1–5 October are holidays; Sunday 27 September is a make-up working day
  holidays: new Set(["2026-01-01", "2026-01-02", "2026-01-03", "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05"]),
  workdays: new Set(["2026-09-27", "2026-10-10"]),
  closures: new Set(["2026-12-01"]),
  knownYears: new Set([2026]),
});

describe("nthWorkingDay", () => {
  it("is the first day when that is a working day", () => {
    expect(nthWorkingDay(calendar, "2026-06-01", 1)).toBe("2026-06-01"); // a Monday
  });
  it("skips the weekend", () => {
    expect(nthWorkingDay(calendar, "2026-11-01", 1)).toBe("2026-11-02"); // Sunday → Monday
  });
  it("skips the New Year and National Day holidays", () => {
    expect(nthWorkingDay(calendar, "2026-01-01", 1)).toBe("2026-01-05");
    expect(nthWorkingDay(calendar, "2026-10-01", 1)).toBe("2026-10-06");
    expect(nthWorkingDay(calendar, "2026-10-01", 4)).toBe("2026-10-09");
    expect(nthWorkingDay(calendar, "2026-10-01", 5)).toBe("2026-10-10"); // a make-up Saturday
  });
  it("skips the center's own closure", () => {
    expect(nthWorkingDay(calendar, "2026-12-01", 1)).toBe("2026-12-02");
  });
});
