import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import { centerSettingsSchema } from "../../contracts/settings.ts";
import { hallPhaseAt, shanghaiMinutes, signInVia, signInWindowAt } from "./shiftRules.ts";

describe("signInVia", () => {
  it("names the regular post, the AB岗 backup post and cover for an absent colleague", () => {
    const own = [{ windowId: 1, backup: false }, { windowId: 2, backup: true }];
    expect(signInVia(own, [3], 1)).toBe("REGULAR");
    expect(signInVia(own, [3], 2)).toBe("BACKUP");
    expect(signInVia(own, [3], 3)).toBe("COVER");
    expect(signInVia(own, [3], 4)).toBeNull();
  });

  it("never allows a window that is neither assigned nor covered", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ windowId: fc.integer({ min: 1, max: 50 }), backup: fc.boolean() })), fc.array(fc.integer({ min: 1, max: 50 })), fc.integer({ min: 1, max: 60 }), (own, cover, windowId) => {
        const via = signInVia(own, cover, windowId);
        const allowed = own.some((a) => a.windowId === windowId) || cover.includes(windowId);
        expect(via !== null).toBe(allowed);
      }),
    );
  });
});

describe("hallPhaseAt", () => {
  const at = (shanghai: string) => new Date(`2026-11-30T${shanghai}:00+08:00`);
  it("follows the center's hours and lunch break in Shanghai time", () => {
    expect(hallPhaseAt(DEFAULT_CENTER_SETTINGS, at("08:59"))).toBe("CLOSED");
    expect(hallPhaseAt(DEFAULT_CENTER_SETTINGS, at("09:00"))).toBe("OPEN");
    expect(hallPhaseAt(DEFAULT_CENTER_SETTINGS, at("12:00"))).toBe("LUNCH");
    expect(hallPhaseAt(DEFAULT_CENTER_SETTINGS, at("13:29"))).toBe("LUNCH");
    expect(hallPhaseAt(DEFAULT_CENTER_SETTINGS, at("13:30"))).toBe("OPEN");
    expect(hallPhaseAt(DEFAULT_CENTER_SETTINGS, at("17:00"))).toBe("CLOSED");
  });

  it("Shanghai minutes are always within one day and 8 hours ahead of UTC", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), (d) => {
        const m = shanghaiMinutes(d);
        expect(m).toBeGreaterThanOrEqual(0);
        expect(m).toBeLessThan(1440);
        expect(m).toBe((d.getUTCHours() * 60 + d.getUTCMinutes() + 480) % 1440);
      }),
    );
  });
});

describe("signInWindowAt", () => {
  const at = (shanghai: string) => new Date(`2026-11-30T${shanghai}:00+08:00`);
  it("opens signInEarlyMinutes before opening and closes at closing time, lunch included", () => {
    const s = DEFAULT_CENTER_SETTINGS; // 09:00–17:00, 30 minutes early
    expect(signInWindowAt(s, at("08:29"))).toBe("TOO_EARLY");
    expect(signInWindowAt(s, at("08:30"))).toBe("OK");
    expect(signInWindowAt(s, at("12:45"))).toBe("OK");
    expect(signInWindowAt(s, at("16:59"))).toBe("OK");
    expect(signInWindowAt(s, at("17:00"))).toBe("CLOSED");
    expect(signInWindowAt({ ...s, signInEarlyMinutes: 0 }, at("08:59"))).toBe("TOO_EARLY");
  });

  it("never allows a sign-in outside [opening - grace, closing) for any valid hours", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1438 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 1439 }), (opens, length, early, minute) => {
        const closes = Math.min(opens + length, 1439);
        fc.pre(closes > opens);
        const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        const instant = new Date(Date.UTC(2026, 10, 30, 0, 0) - 8 * 3600_000 + minute * 60_000);
        const ok = signInWindowAt({ opensAt: hhmm(opens), closesAt: hhmm(closes), signInEarlyMinutes: early }, instant) === "OK";
        expect(ok).toBe(minute >= opens - early && minute < closes);
      }),
    );
  });
});

describe("center settings: hours", () => {
  it("refuse closing before opening and a lunch break outside the hours", () => {
    const issues = (v: Record<string, string>) => centerSettingsSchema.safeParse(v).error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(issues({})).toEqual([]);
    expect(issues({ opensAt: "18:00" })).toContain("closesAt");
    expect(issues({ lunchStartsAt: "08:30" })).toEqual(["lunchStartsAt"]);
    expect(issues({ lunchEndsAt: "17:30" })).toEqual(["lunchEndsAt"]);
    expect(issues({ lunchStartsAt: "13:00", lunchEndsAt: "12:30" })).toEqual(["lunchEndsAt"]);
  });
});
