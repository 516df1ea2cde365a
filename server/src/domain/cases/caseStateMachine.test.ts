import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { officialCalendar } from "../calendar/officialCalendar.ts";
import { acceptedSnapshot, applyCaseAction, CASE_ACTIONS, TERMINAL_STATES, type CaseSnapshot } from "./caseStateMachine.ts";

const cal = officialCalendar({ rows: [], extraYears: [], centerId: 1 });
const start = (at = "2026-11-23T02:00:00Z") =>
  acceptedSnapshot(cal, { acceptedAt: new Date(at), promisedLimitDays: 5, statutoryLimitDays: 20, closesAt: "17:00" });
const step = (s: CaseSnapshot, action: (typeof CASE_ACTIONS)[number], at: string, reason?: string) =>
  applyCaseAction(cal, s, action, { at: new Date(at), reason, closesAt: "17:00" });

describe("case state machine", () => {
  it("accepts, starts, suspends, resumes and completes, moving the deadline by the paused working days", () => {
    const s0 = start();
    expect(s0.dueAt.toISOString()).toBe("2026-11-30T09:00:00.000Z");
    const s1 = step(s0, "start", "2026-11-23T03:00:00Z");
    if (!s1.ok) throw new Error(s1.error);
    const s2 = step(s1.next, "suspend", "2026-11-24T03:00:00Z", "缺少身份证复印件");
    if (!s2.ok) throw new Error(s2.error);
    const s3 = step(s2.next, "resume", "2026-11-26T03:00:00Z"); // Tue → Thu: 2 working days paused
    if (!s3.ok) throw new Error(s3.error);
    expect(s3.pausedDays).toBe(2);
    expect(s3.next.suspendedDays).toBe(2);
    expect(s3.next.dueAt.toISOString()).toBe("2026-12-02T09:00:00.000Z");
    const s4 = step(s3.next, "complete", "2026-11-27T03:00:00Z");
    expect(s4.ok && s4.next.state).toBe("COMPLETED");
  });

  it("refuses completing a rejected case", () => {
    const r = step(start(), "reject", "2026-11-23T03:00:00Z", "材料不属于本中心受理范围");
    if (!r.ok) throw new Error(r.error);
    expect(step(r.next, "complete", "2026-11-23T04:00:00Z")).toEqual({ ok: false, error: "CASE_ILLEGAL_TRANSITION" });
  });

  it("refuses a second start (double acceptance)", () => {
    const s1 = step(start(), "start", "2026-11-23T03:00:00Z");
    if (!s1.ok) throw new Error(s1.error);
    expect(step(s1.next, "start", "2026-11-23T03:01:00Z")).toEqual({ ok: false, error: "CASE_ILLEGAL_TRANSITION" });
  });

  it("refuses suspension without a reason", () => {
    expect(step(start(), "suspend", "2026-11-23T03:00:00Z", "  ")).toEqual({ ok: false, error: "CASE_REASON_REQUIRED" });
  });

  it("refuses a transition dated before the last one (clock moved backwards)", () => {
    expect(step(start(), "start", "2026-11-23T01:00:00Z")).toEqual({ ok: false, error: "CASE_CLOCK_BACKWARDS" });
  });

  it("refuses completing a suspended case before it resumes", () => {
    const s = step(start(), "suspend", "2026-11-23T03:00:00Z", "补正");
    if (!s.ok) throw new Error(s.error);
    expect(step(s.next, "complete", "2026-11-23T04:00:00Z")).toEqual({ ok: false, error: "CASE_ILLEGAL_TRANSITION" });
  });

  it("property: no sequence of operations leaves two terminal outcomes, no deadline, or an open pause at the end", () => {
    const op = fc.record({
      action: fc.constantFrom(...CASE_ACTIONS),
      minutes: fc.integer({ min: -600, max: 60 * 24 * 5 }),
      reason: fc.option(fc.constantFrom("补正材料", "", "转至市级窗口"), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let s: CaseSnapshot = start();
        let at = s.acceptedAt.getTime();
        let terminalSeen = 0;
        for (const o of ops) {
          at += o.minutes * 60_000;
          const r = applyCaseAction(cal, s, o.action, { at: new Date(at), reason: o.reason, closesAt: "17:00" });
          if (!r.ok) continue;
          expect(TERMINAL_STATES.includes(s.state)).toBe(false); // nothing moves a terminal case
          s = r.next;
          if (TERMINAL_STATES.includes(s.state)) terminalSeen++;
          expect(Number.isFinite(s.dueAt.getTime())).toBe(true);
          expect(s.dueAt.getTime()).toBeGreaterThanOrEqual(s.acceptedAt.getTime());
          expect(s.suspendedDays).toBeGreaterThanOrEqual(0);
          expect(s.state === "SUSPENDED").toBe(s.suspendedSince !== null);
        }
        expect(terminalSeen).toBeLessThanOrEqual(1);
        const outcomes = [s.completedAt !== null, s.rejectedReason !== null, s.state === "TRANSFERRED"].filter(Boolean).length;
        expect(outcomes).toBeLessThanOrEqual(1);
        if (TERMINAL_STATES.includes(s.state)) expect(s.suspendedSince).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
