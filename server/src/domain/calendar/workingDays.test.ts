import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { officialCalendar } from "./officialCalendar.ts";
import { addDays, computeDeadline, shanghaiDate, urgencyOf, workingDaysBetween, workingDaysLeft } from "./workingDays.ts";

const cal = officialCalendar({ rows: [], extraYears: [], centerId: 1 });
const at = (iso: string) => new Date(iso);
const due = (acceptedAt: string, limitDays: number, suspendedDays = 0) =>
  computeDeadline(cal, { acceptedAt: at(acceptedAt), limitDays, suspendedDays, closesAt: "17:00" });

describe("working-day calendar", () => {
  it("knows weekends, holidays and 调休 Saturdays of 2026", () => {
    expect(cal.isWorkingDay("2026-11-27")).toBe(true); // Friday
    expect(cal.isWorkingDay("2026-11-28")).toBe(false); // Saturday
    expect(cal.isWorkingDay("2026-10-01")).toBe(false); // National Day
    expect(cal.isWorkingDay("2026-10-10")).toBe(true); // 调休 Saturday
    expect(cal.isWorkingDay("2026-01-04")).toBe(true); // 调休 Sunday after New Year
  });

  it("treats unknown 2027 holidays as working days until an admin enters the year", () => {
    expect(cal.knowsYear(2027)).toBe(false);
    expect(cal.isWorkingDay("2027-01-01")).toBe(true);
    const entered = officialCalendar({ rows: [{ centerId: null, date: "2027-01-01", kind: "HOLIDAY" }], extraYears: [2027], centerId: 1 });
    expect(entered.isWorkingDay("2027-01-01")).toBe(false);
    expect(entered.knowsYear(2027)).toBe(true);
  });

  it("applies a center's own closures only to that center", () => {
    const rows = [{ centerId: 2, date: "2026-11-30", kind: "CLOSURE" as const }];
    expect(officialCalendar({ rows, extraYears: [], centerId: 2 }).isWorkingDay("2026-11-30")).toBe(false);
    expect(officialCalendar({ rows, extraYears: [], centerId: 1 }).isWorkingDay("2026-11-30")).toBe(true);
  });
});

describe("deadlines", () => {
  it("counts day 1 as the first working day after acceptance and is due at closing time", () => {
    // Accepted Monday 2026-11-23 10:00 Shanghai; 3 working days → Thursday 17:00
    expect(due("2026-11-23T02:00:00Z", 3).dueAt.toISOString()).toBe("2026-11-26T09:00:00.000Z");
  });

  it("is due the same day at closing time for 即办件 (limit 0)", () => {
    expect(due("2026-11-23T02:00:00Z", 0).dueAt.toISOString()).toBe("2026-11-23T09:00:00.000Z");
  });

  it("uses the Shanghai date, not the UTC date, of a late acceptance", () => {
    // 2026-11-23T17:30Z is Tuesday 01:30 in Shanghai
    expect(due("2026-11-23T17:30:00Z", 1).dueDate).toBe("2026-11-25");
  });

  it("skips the National Day week and counts the 调休 Saturday", () => {
    // Accepted Wednesday 2026-09-30; working days after: 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, 调休)
    expect(due("2026-09-30T02:00:00Z", 1).dueDate).toBe("2026-10-08");
    expect(due("2026-09-30T02:00:00Z", 3).dueDate).toBe("2026-10-10");
    expect(due("2026-09-30T02:00:00Z", 4).dueDate).toBe("2026-10-12");
  });

  it("skips New Year's Day 2026 and counts 2026-01-04 (a 调休 Sunday)", () => {
    // Accepted Wednesday 2025-12-31: 01-01..01-03 holiday, 01-04 Sunday working
    expect(due("2025-12-31T02:00:00Z", 1).dueDate).toBe("2026-01-04");
    expect(due("2025-12-31T02:00:00Z", 2).dueDate).toBe("2026-01-05");
  });

  it("flags a deadline running into a year the calendar does not know", () => {
    const d = due("2026-12-28T02:00:00Z", 10);
    expect(d.beyondKnownYears).toBe(true);
    expect(due("2026-11-23T02:00:00Z", 10).beyondKnownYears).toBe(false);
  });

  it("adds suspended working days to the limit", () => {
    expect(due("2026-11-23T02:00:00Z", 3, 2).dueDate).toBe(due("2026-11-23T02:00:00Z", 5).dueDate);
  });

  it("property: the due date is a working day and exactly limit working days after acceptance", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2024-01-01"), max: new Date("2026-10-31"), noInvalidDate: true }), fc.integer({ min: 1, max: 40 }), (accepted, limit) => {
        const d = computeDeadline(cal, { acceptedAt: accepted, limitDays: limit, suspendedDays: 0, closesAt: "17:00" });
        expect(cal.isWorkingDay(d.dueDate)).toBe(true);
        expect(workingDaysBetween(cal, shanghaiDate(accepted), d.dueDate)).toBe(limit);
      }),
    );
  });

  it("property: a longer limit never gives an earlier deadline", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2024-01-01"), max: new Date("2026-10-31"), noInvalidDate: true }), fc.integer({ min: 0, max: 30 }), (accepted, limit) => {
        const a = computeDeadline(cal, { acceptedAt: accepted, limitDays: limit, suspendedDays: 0, closesAt: "17:00" });
        const b = computeDeadline(cal, { acceptedAt: accepted, limitDays: limit + 1, suspendedDays: 0, closesAt: "17:00" });
        expect(b.dueAt.getTime()).toBeGreaterThan(a.dueAt.getTime());
      }),
    );
  });
});

describe("urgency", () => {
  const dueAt = at("2026-11-26T09:00:00Z"); // Thursday 17:00
  it("is none, then yellow within the warning window, then red once overdue", () => {
    expect(urgencyOf(cal, at("2026-11-23T02:00:00Z"), dueAt, 2)).toBe("NONE"); // Monday: 3 left
    expect(urgencyOf(cal, at("2026-11-24T02:00:00Z"), dueAt, 2)).toBe("YELLOW"); // Tuesday: 2 left
    expect(urgencyOf(cal, at("2026-11-26T08:59:00Z"), dueAt, 2)).toBe("YELLOW");
    expect(urgencyOf(cal, at("2026-11-26T09:01:00Z"), dueAt, 2)).toBe("RED");
  });

  it("counts working days left across a weekend and goes negative once overdue", () => {
    expect(workingDaysLeft(cal, at("2026-11-20T02:00:00Z"), dueAt)).toBe(4); // Fri → Mon..Thu
    expect(workingDaysLeft(cal, at("2026-11-26T10:00:00Z"), dueAt)).toBe(-1);
    expect(workingDaysLeft(cal, at("2026-11-30T02:00:00Z"), dueAt)).toBe(-2); // Fri, Mon
  });

  it("a clock moved backwards simply gives the earlier answer again", () => {
    expect(urgencyOf(cal, at("2026-11-27T02:00:00Z"), dueAt, 2)).toBe("RED");
    expect(urgencyOf(cal, at("2026-11-23T02:00:00Z"), dueAt, 2)).toBe("NONE");
  });

  it("addDays crosses month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
