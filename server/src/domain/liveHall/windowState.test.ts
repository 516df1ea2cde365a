import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import { windowStateSchema } from "../../contracts/liveHall.ts";
import { SERVICE_STALE_AFTER_MS, windowStateAt, type WindowStateInput } from "./windowState.ts";

const at = (hhmm: string, date = "2026-11-30") => new Date(`${date}T${hhmm}:00+08:00`);
const empty: WindowStateInput = {
  active: true,
  workingDay: true,
  hours: DEFAULT_CENTER_SETTINGS,
  shift: null,
  service: null,
  excusedAbsence: false,
  lastSignOutAt: null,
};
const signedIn = (startedAt: Date): WindowStateInput["shift"] => ({ staffId: 7, startedAt, pause: null });

describe("windowStateAt", () => {
  it("an empty window during opening hours is unattended since opening, since lunch ended or since the last sign-out", () => {
    expect(windowStateAt(empty, at("10:15"))).toEqual({ kind: "UNATTENDED", since: at("09:00").toISOString() });
    expect(windowStateAt(empty, at("14:00"))).toEqual({ kind: "UNATTENDED", since: at("13:30").toISOString() });
    expect(windowStateAt({ ...empty, lastSignOutAt: at("10:05") }, at("10:15"))).toEqual({ kind: "UNATTENDED", since: at("10:05").toISOString() });
  });

  it("an empty window is closed, not unattended, outside hours, at lunch, on holidays, when switched off or when its staff are on approved absence", () => {
    expect(windowStateAt(empty, at("08:59"))).toEqual({ kind: "CLOSED", reason: "BEFORE_HOURS" });
    expect(windowStateAt(empty, at("17:00"))).toEqual({ kind: "CLOSED", reason: "AFTER_HOURS" });
    expect(windowStateAt(empty, at("12:30"))).toEqual({ kind: "CLOSED", reason: "LUNCH" });
    expect(windowStateAt({ ...empty, workingDay: false }, at("10:00"))).toEqual({ kind: "CLOSED", reason: "NON_WORKING_DAY" });
    expect(windowStateAt({ ...empty, active: false }, at("10:00"))).toEqual({ kind: "CLOSED", reason: "INACTIVE" });
    expect(windowStateAt({ ...empty, excusedAbsence: true }, at("10:00"))).toEqual({ kind: "CLOSED", reason: "ABSENCE" });
  });

  it("signed in is idle (since sign-in, the last resume or the last finished service), serving while a service runs, paused with its reason", () => {
    const shift = signedIn(at("08:50"));
    expect(windowStateAt({ ...empty, shift }, at("10:00"))).toEqual({ kind: "IDLE", since: at("08:50").toISOString() });
    expect(windowStateAt({ ...empty, shift, lastServiceEndedAt: at("09:40") }, at("10:00"))).toEqual({ kind: "IDLE", since: at("09:40").toISOString() });
    expect(windowStateAt({ ...empty, shift: { ...shift!, lastResumedAt: at("09:50") } }, at("10:00"))).toEqual({ kind: "IDLE", since: at("09:50").toISOString() });
    expect(windowStateAt({ ...empty, shift, service: { startedAt: at("09:58") } }, at("10:00"))).toEqual({ kind: "SERVING", since: at("09:58").toISOString() });
    const paused = { ...shift!, pause: { reason: "MEETING" as const, note: "周例会", startedAt: at("09:30") } };
    expect(windowStateAt({ ...empty, shift: paused, service: { startedAt: at("09:58") } }, at("10:00"))).toEqual({ kind: "PAUSED", reason: "MEETING", note: "周例会", since: at("09:30").toISOString() });
  });

  it("a service whose 'finished' report never came stops counting as serving after the stale limit", () => {
    const service = { startedAt: at("09:00") };
    expect(windowStateAt({ ...empty, shift: signedIn(at("08:50")), service }, new Date(at("09:00").getTime() + SERVICE_STALE_AFTER_MS - 1)).kind).toBe("SERVING");
    expect(windowStateAt({ ...empty, shift: signedIn(at("08:50")), service }, new Date(at("09:00").getTime() + SERVICE_STALE_AFTER_MS)).kind).toBe("IDLE");
  });

  it("reality first: whoever is signed in makes the window open even at lunch or on a holiday", () => {
    expect(windowStateAt({ ...empty, shift: signedIn(at("12:10")) }, at("12:30")).kind).toBe("IDLE");
    expect(windowStateAt({ ...empty, workingDay: false, service: { startedAt: at("10:00") } }, at("10:05")).kind).toBe("SERVING");
  });

  it("always yields a valid state; unattended only in opening hours of a working day with nobody there and no excuse", () => {
    const instant = fc.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2027-01-01T00:00:00Z") }).map((t) => new Date(t));
    fc.assert(
      fc.property(instant, fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.option(instant), (now, active, workingDay, excusedAbsence, hasShift, lastSignOutAt) => {
        const input: WindowStateInput = { ...empty, active, workingDay, excusedAbsence, lastSignOutAt, shift: hasShift ? signedIn(new Date(now.getTime() - 60_000)) : null };
        const state = windowStateAt(input, now);
        expect(windowStateSchema.safeParse(state).success).toBe(true);
        const minutes = (now.getUTCHours() * 60 + now.getUTCMinutes() + 480) % 1440;
        const inHours = minutes >= 9 * 60 && minutes < 17 * 60 && !(minutes >= 12 * 60 && minutes < 13 * 60 + 30);
        expect(state.kind === "UNATTENDED").toBe(!hasShift && active && workingDay && !excusedAbsence && inHours);
        if (state.kind === "UNATTENDED") expect(Date.parse(state.since)).toBeLessThanOrEqual(now.getTime());
        if (hasShift) expect(["IDLE", "SERVING", "PAUSED"]).toContain(state.kind);
      }),
    );
  });
});
