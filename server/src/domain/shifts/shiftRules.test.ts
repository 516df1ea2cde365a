import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import { hallPhaseAt, shanghaiMinutes, signInVia } from "./shiftRules.ts";

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
