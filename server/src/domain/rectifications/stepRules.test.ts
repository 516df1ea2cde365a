// The loop's pure rules: strict order, the deadlines in working days capped by the loop's, a plan's own
// deadline, and the reported rates.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import { buildCalendar } from "../calendar/workingDays.ts";
import { applyStep, nextStepOf, openingDue, type DeadlineContext, type StepInput, type TicketFacts } from "./stepRules.ts";

// 2026-10-01..07 National Day holidays, 2026-10-10 (Saturday) a make-up working day
const calendar = buildCalendar({
  holidays: new Set(["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"]),
  workdays: new Set(["2026-10-10"]),
  closures: new Set(),
  knownYears: new Set([2026]),
});
const ctx: DeadlineContext = { calendar, settings: DEFAULT_CENTER_SETTINGS };
const openedAt = new Date("2026-11-30T02:00:00Z"); // Monday 10:00 Shanghai
const fresh = (over: Partial<TicketFacts> = {}): TicketFacts => ({
  state: "VERIFY",
  openedAt,
  stepDueAt: openingDue(ctx, openedAt),
  resolution: null,
  planDueAt: null,
  callbackReached: null,
  hasPhone: true,
  ...over,
});

const STEPS: StepInput[] = [
  { step: "verify", body: { verified: true, note: "属实" } },
  { step: "resolve", body: { resolution: "FIX", note: "已更正" } },
  { step: "callback", body: { reached: true, satisfied: true, note: "满意" } },
  { step: "close", body: {} },
];

describe("deadlines", () => {
  it("the first step is due at closing time one working day on; over a holiday it waits for the next working day", () => {
    expect(openingDue(ctx, openedAt).toISOString()).toBe("2026-12-01T09:00:00.000Z");
    // Wednesday 30 September → 8 October (1–7 October are holidays / the weekend)
    expect(openingDue(ctx, new Date("2026-09-30T02:00:00Z")).toISOString()).toBe("2026-10-08T09:00:00.000Z");
  });

  it("no step is due after the loop's deadline while that is ahead", () => {
    const tight: DeadlineContext = { calendar, settings: { ...DEFAULT_CENTER_SETTINGS, rectificationWorkingDays: 1, rectificationVerifyWorkingDays: 3 } };
    expect(openingDue(tight, openedAt).toISOString()).toBe("2026-12-01T09:00:00.000Z");
  });

  it("a plan's deadline is the callback's due", () => {
    const t = fresh({ state: "RESOLVE" });
    const out = applyStep(ctx, t, { step: "resolve", body: { resolution: "PLAN", note: "方案", planDueAt: "2026-12-20T09:00:00.000Z" } }, openedAt);
    expect(out).toMatchObject({ ok: true, patch: { state: "CALLBACK", stepDueAt: new Date("2026-12-20T09:00:00.000Z") } });
    const tooFar = applyStep(ctx, t, { step: "resolve", body: { resolution: "PLAN", note: "方案", planDueAt: "2027-12-20T09:00:00.000Z" } }, openedAt);
    expect(tooFar).toEqual({ ok: false, code: "RECTIFICATION_PLAN_DUE_INVALID" });
  });
});

describe("order", () => {
  it("only the due step is accepted, in any state reached by the steps in order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), (done, attempt) => {
        let t = fresh();
        for (const input of STEPS.slice(0, done)) {
          const out = applyStep(ctx, t, input, openedAt);
          if (!out.ok) throw new Error(out.code);
          t = { ...t, ...out.patch, callbackReached: out.patch.callbackReached ?? t.callbackReached };
        }
        const out = applyStep(ctx, t, STEPS[attempt]!, openedAt);
        expect(out.ok).toBe(done === attempt);
        if (done === 4) expect(nextStepOf(t)).toBeNull();
      }),
    );
  });

  it("not borne out goes to the callback; closing sets the purge time only when a number is held", () => {
    const out = applyStep(ctx, fresh(), { step: "verify", body: { verified: false, note: "不属实" } }, openedAt);
    expect(out).toMatchObject({ ok: true, patch: { state: "CALLBACK" } });
    const closing = fresh({ state: "CALLBACK", callbackReached: false, hasPhone: false });
    expect(applyStep(ctx, closing, { step: "close", body: {} }, openedAt)).toMatchObject({ ok: true, patch: { state: "CLOSED", phonePurgeAt: null } });
  });

  it("a step after its due time is marked late", () => {
    const t = fresh();
    expect(applyStep(ctx, t, STEPS[0]!, new Date(t.stepDueAt.getTime() + 1))).toMatchObject({ ok: true, lateStep: true });
    expect(applyStep(ctx, t, STEPS[0]!, t.stepDueAt)).toMatchObject({ ok: true, lateStep: false });
  });
});
