import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyQueueStep, ticketFigures, type TicketFacts } from "./queueRules.ts";

const t = (hhmm: string) => new Date(`2026-11-30T${hhmm}:00+08:00`);
const issued: TicketFacts = { issuedAt: t("09:00"), windowId: null, calledAt: null, startedAt: null, finishedAt: null, noShow: false };
const step = (facts: TicketFacts, kind: "CALLED" | "STARTED" | "FINISHED" | "NO_SHOW", at: Date, windowId = 3) => {
  const out = applyQueueStep(facts, { kind, at, windowId });
  if (!out.ok) throw new Error(out.reason);
  return out.facts;
};

describe("queue ticket rules", () => {
  it("wait is first call − issue, service is finish − start", () => {
    const done = step(step(step(step(issued, "CALLED", t("09:12")), "CALLED", t("09:14")), "STARTED", t("09:15")), "FINISHED", t("09:27"));
    expect(done.windowId).toBe(3);
    expect(ticketFigures(done)).toEqual({ waitSeconds: 12 * 60, serviceSeconds: 12 * 60 });
  });

  it("a start that was never reported counts the service from the call; a late call report moves the wait back", () => {
    const finished = step(step(issued, "CALLED", t("09:10")), "FINISHED", t("09:20"));
    expect(ticketFigures(finished)).toEqual({ waitSeconds: 600, serviceSeconds: 600 });
    const lateCall = step(finished, "CALLED", t("09:05"));
    expect(ticketFigures(lateCall).waitSeconds).toBe(300);
    const lateStart = step(lateCall, "STARTED", t("09:12"));
    expect(ticketFigures(lateStart).serviceSeconds).toBe(480);
  });

  it("refuses a second finish, a call after the finish, a no-show after service and service after a no-show", () => {
    const finished = step(step(issued, "STARTED", t("09:10")), "FINISHED", t("09:20"));
    expect(applyQueueStep(finished, { kind: "FINISHED", at: t("09:30"), windowId: 3 })).toEqual({ ok: false, reason: "ALREADY_FINISHED" });
    expect(applyQueueStep(finished, { kind: "CALLED", at: t("09:30"), windowId: 3 })).toEqual({ ok: false, reason: "AFTER_END" });
    expect(applyQueueStep(finished, { kind: "NO_SHOW", at: t("09:30"), windowId: 3 })).toEqual({ ok: false, reason: "NO_SHOW_AFTER_SERVICE" });
    const gone = step(step(issued, "CALLED", t("09:10")), "NO_SHOW", t("09:13"));
    expect(ticketFigures(gone)).toEqual({ waitSeconds: 600, serviceSeconds: null });
    expect(applyQueueStep(gone, { kind: "STARTED", at: t("09:14"), windowId: 3 })).toEqual({ ok: false, reason: "SERVICE_AFTER_NO_SHOW" });
  });

  it("whatever order the reports arrive in, the figures are never negative and the wait is the earliest call", () => {
    const minute = fc.integer({ min: 0, max: 240 }).map((m) => new Date(t("09:00").getTime() + m * 60_000));
    const kinds = fc.constantFrom("CALLED" as const, "STARTED" as const, "FINISHED" as const, "NO_SHOW" as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(kinds, minute), { maxLength: 8 }), (reports) => {
        let facts = issued;
        const calls: Date[] = [];
        for (const [kind, at] of reports) {
          const out = applyQueueStep(facts, { kind, at, windowId: 1 });
          if (out.ok) {
            facts = out.facts;
            calls.push(at);
          }
        }
        const figures = ticketFigures(facts);
        if (figures.waitSeconds !== null) expect(figures.waitSeconds).toBe(Math.round((Math.min(...calls.map((c) => c.getTime())) - issued.issuedAt.getTime()) / 1000));
        if (figures.serviceSeconds !== null) expect(figures.serviceSeconds).toBeGreaterThanOrEqual(0);
        expect(facts.noShow && facts.startedAt !== null).toBe(false);
      }),
    );
  });
});
