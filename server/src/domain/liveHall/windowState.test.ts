import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import { windowStateSchema } from "../../contracts/liveHall.ts";
import { SERVICE_STALE_AFTER_MS, serviceAt, windowStateAt, type ServiceSignal, type WindowStateInput } from "./windowState.ts";

const at = (hhmm: string, date = "2026-11-30") => new Date(`${date}T${hhmm}:00+08:00`);
const empty: WindowStateInput = {
  active: true,
  workingDay: true,
  hours: DEFAULT_CENTER_SETTINGS,
  shift: null,
  serviceSignals: [],
  excusedAbsence: false,
  lastSignOutAt: null,
};
const signedIn = (startedAt: Date): WindowStateInput["shift"] => ({ staffId: 7, startedAt, pause: null });
const called = (hhmm: string): ServiceSignal => ({ kind: "START", at: at(hhmm), source: "QUEUE_CALLED" });
const accepted = (hhmm: string): ServiceSignal => ({ kind: "START", at: at(hhmm), source: "CASE_ACCEPTED" });
const finished = (hhmm: string): ServiceSignal => ({ kind: "END", at: at(hhmm), source: "QUEUE_FINISHED" });
const button = (hhmm: string): ServiceSignal => ({ kind: "END", at: at(hhmm), source: "FINISHED_BUTTON" });
const completed = (hhmm: string): ServiceSignal => ({ kind: "END", at: at(hhmm), source: "CASE_COMPLETED" });
const rated = (hhmm: string, invited: string): ServiceSignal => ({ kind: "RATED", at: at(hhmm), invitedAt: at(invited) });

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
    expect(windowStateAt({ ...empty, shift, serviceSignals: [called("09:30"), finished("09:40")] }, at("10:00"))).toEqual({ kind: "IDLE", since: at("09:40").toISOString() });
    expect(windowStateAt({ ...empty, shift: { ...shift!, lastResumedAt: at("09:50") } }, at("10:00"))).toEqual({ kind: "IDLE", since: at("09:50").toISOString() });
    expect(windowStateAt({ ...empty, shift, serviceSignals: [called("09:58")] }, at("10:00"))).toEqual({ kind: "SERVING", since: at("09:58").toISOString() });
    const paused = { ...shift!, pause: { reason: "MEETING" as const, note: "周例会", startedAt: at("09:30") } };
    expect(windowStateAt({ ...empty, shift: paused, serviceSignals: [called("09:58")] }, at("10:00"))).toEqual({ kind: "PAUSED", reason: "MEETING", note: "周例会", since: at("09:30").toISOString() });
  });

  it("a service whose 'finished' report never came stops counting as serving after the stale limit", () => {
    const serviceSignals = [accepted("09:00")];
    expect(windowStateAt({ ...empty, shift: signedIn(at("08:50")), serviceSignals }, new Date(at("09:00").getTime() + SERVICE_STALE_AFTER_MS - 1)).kind).toBe("SERVING");
    expect(windowStateAt({ ...empty, shift: signedIn(at("08:50")), serviceSignals }, new Date(at("09:00").getTime() + SERVICE_STALE_AFTER_MS)).kind).toBe("IDLE");
  });

  it("a case accepted at the window is a service; the staff's 'finished serving', the case's completion or the queue's report ends it", () => {
    const shift = signedIn(at("08:50"));
    expect(windowStateAt({ ...empty, shift, serviceSignals: [accepted("09:10")] }, at("09:20"))).toEqual({ kind: "SERVING", since: at("09:10").toISOString() });
    for (const end of [button("09:15"), completed("09:15"), finished("09:15")]) {
      expect(windowStateAt({ ...empty, shift, serviceSignals: [end, accepted("09:10")] }, at("09:20"))).toEqual({ kind: "IDLE", since: at("09:15").toISOString() });
    }
    // the button ended an earlier service; a later accepted case is running
    expect(windowStateAt({ ...empty, shift, serviceSignals: [button("09:05"), accepted("09:10")] }, at("09:20"))).toEqual({ kind: "SERVING", since: at("09:10").toISOString() });
  });

  it("a rating ends the service its invitation was opened in, never the next citizen's", () => {
    const shift = signedIn(at("08:50"));
    // accepted at 09:10 (the acceptance invites a rating at once), rated at 09:12: the citizen has left
    expect(windowStateAt({ ...empty, shift, serviceSignals: [accepted("09:10"), rated("09:12", "09:10")] }, at("09:20"))).toEqual({ kind: "IDLE", since: at("09:12").toISOString() });
    // the previous citizen (invited at 09:08) rates after the next one was called at 09:10
    expect(windowStateAt({ ...empty, shift, serviceSignals: [finished("09:08"), called("09:10"), rated("09:11", "09:08")] }, at("09:20"))).toEqual({ kind: "SERVING", since: at("09:10").toISOString() });
  });

  it("signals later than the instant asked change nothing; at one instant the end comes before the next start", () => {
    expect(serviceAt([called("09:00"), finished("09:30")], at("09:20"))).toEqual({ current: { startedAt: at("09:00"), source: "QUEUE_CALLED" }, lastEndedAt: null });
    expect(serviceAt([called("09:30"), finished("09:30")], at("09:40"))).toEqual({ current: { startedAt: at("09:30"), source: "QUEUE_CALLED" }, lastEndedAt: at("09:30") });
    // called and accepted in the same minute: one service, named by the acceptance whichever came first
    for (const signals of [[called("10:48"), accepted("10:48")], [accepted("10:48"), called("10:48")]]) {
      expect(serviceAt(signals, at("10:50"))).toEqual({ current: { startedAt: at("10:48"), source: "CASE_ACCEPTED" }, lastEndedAt: null });
    }
  });

  it("the outcome is the order of the signals, not the order they are listed in", () => {
    const hhmm = fc.integer({ min: 9 * 60, max: 11 * 60 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
    const signal = fc.oneof(hhmm.map(called), hhmm.map(accepted), hhmm.map(button), hhmm.map(completed), fc.tuple(hhmm, hhmm).map(([a, b]) => rated(a, b)));
    fc.assert(
      fc.property(fc.array(signal, { maxLength: 8 }), (signals) => {
        const now = at("11:30");
        const result = serviceAt(signals, now);
        expect(serviceAt([...signals].reverse(), now)).toEqual(result);
        const starts = signals.filter((s) => s.kind === "START").map((s) => s.at.getTime());
        const ends = signals.filter((s) => s.kind === "END").map((s) => s.at.getTime());
        // serving only if some start is later than every end; and then since the latest start
        if (result.current) {
          expect(result.current.startedAt.getTime()).toBe(Math.max(...starts));
          expect(ends.every((e) => e <= result.current!.startedAt.getTime())).toBe(true);
        } else if (starts.length > 0 && Math.max(...starts) >= Math.max(-Infinity, ...ends)) {
          // not serving although the latest start follows every end: a rating of that service ended it
          expect(signals.some((s) => s.kind === "RATED" && s.invitedAt.getTime() >= Math.max(...starts) && s.at.getTime() >= Math.max(...starts))).toBe(true);
        }
      }),
    );
  });

  it("reality first: whoever is signed in makes the window open even at lunch or on a holiday", () => {
    expect(windowStateAt({ ...empty, shift: signedIn(at("12:10")) }, at("12:30")).kind).toBe("IDLE");
    expect(windowStateAt({ ...empty, workingDay: false, serviceSignals: [called("10:00")] }, at("10:05")).kind).toBe("SERVING");
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
