// The bad-review loop's rules, pure: which step is due, what a step changes, when the next one is due,
// when a ticket is overdue. The calendar, the settings and `now` are passed in (docs/bad-reviews.md).
//
// Deadlines: the whole loop is due rectificationWorkingDays working days after the rating (the local rule,
// 5 by default); each step is due after its own working days but never after the loop's deadline, unless
// that deadline has already passed when the step begins (then the step gets its own days: the lateness is
// already on record). A rectification plan (PLAN) sets its own deadline: the callback is due then, and the
// loop's deadline moves to the plan's deadline plus the closing days.
import type { CallbackStepBody, CloseStepBody, RectificationState, RectificationStep, Resolution, ResolveStepBody, VerifyStepBody } from "../../contracts/rectifications.ts";
import type { CenterSettings } from "../../contracts/settings.ts";
import { computeDeadline, type WorkCalendar } from "../calendar/workingDays.ts";

export const isBadLevel = (level: number): boolean => level === 1 || level === 2;

/** A plan may run at most this long (a longer one is not a rectification but a project). */
export const PLAN_MAX_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DeadlineContext {
  calendar: WorkCalendar;
  settings: Pick<
    CenterSettings,
    | "closesAt"
    | "rectificationWorkingDays"
    | "rectificationVerifyWorkingDays"
    | "rectificationResolveWorkingDays"
    | "rectificationCallbackWorkingDays"
    | "rectificationCloseWorkingDays"
    | "rectificationPhoneRetentionDays"
  >;
}

/** What the rules read of a ticket. */
export interface TicketFacts {
  state: RectificationState;
  openedAt: Date;
  stepDueAt: Date;
  resolution: string | null;
  planDueAt: Date | null;
  callbackReached: boolean | null;
  hasPhone: boolean;
}

export function nextStepOf(t: Pick<TicketFacts, "state" | "callbackReached">): RectificationStep | null {
  switch (t.state) {
    case "VERIFY":
      return "verify";
    case "RESOLVE":
      return "resolve";
    case "CALLBACK":
      return t.callbackReached === null ? "callback" : "close";
    case "CLOSED":
      return null;
  }
}

/** Closing time of the n-th working day after `from` (computeDeadline's counting, as for cases). */
export function workingDaysAfter(ctx: DeadlineContext, from: Date, days: number): Date {
  return computeDeadline(ctx.calendar, { acceptedAt: from, limitDays: days, suspendedDays: 0, closesAt: ctx.settings.closesAt }).dueAt;
}

export function loopDueOf(ctx: DeadlineContext, t: Pick<TicketFacts, "openedAt" | "resolution" | "planDueAt">): Date {
  if (t.resolution === "PLAN" && t.planDueAt) return workingDaysAfter(ctx, t.planDueAt, ctx.settings.rectificationCloseWorkingDays);
  return workingDaysAfter(ctx, t.openedAt, ctx.settings.rectificationWorkingDays);
}

/** A step beginning at `start` with `days` of its own, capped by the loop's deadline while that is still ahead. */
export function stepDue(ctx: DeadlineContext, start: Date, days: number, loopDue: Date): Date {
  const own = workingDaysAfter(ctx, start, days);
  return loopDue.getTime() >= start.getTime() && own.getTime() > loopDue.getTime() ? loopDue : own;
}

/** The first step's due time, for a ticket opened at `openedAt`. */
export function openingDue(ctx: DeadlineContext, openedAt: Date): Date {
  const loopDue = workingDaysAfter(ctx, openedAt, ctx.settings.rectificationWorkingDays);
  return stepDue(ctx, openedAt, ctx.settings.rectificationVerifyWorkingDays, loopDue);
}

export type StepInput =
  | { step: "verify"; body: VerifyStepBody }
  | { step: "resolve"; body: ResolveStepBody }
  | { step: "callback"; body: CallbackStepBody }
  | { step: "close"; body: CloseStepBody };

/** The columns a step writes. */
export interface StepPatch {
  state: RectificationState;
  stepDueAt: Date;
  verified?: boolean;
  verifyNote?: string;
  resolution?: Resolution;
  resolutionNote?: string;
  planDueAt?: Date | null;
  callbackReached?: boolean;
  callbackSatisfied?: boolean | null;
  callbackNote?: string;
  closedAt?: Date;
  phonePurgeAt?: Date | null;
}

export type StepOutcome = { ok: true; patch: StepPatch; lateStep: boolean } | { ok: false; code: "RECTIFICATION_ILLEGAL_STEP" | "RECTIFICATION_PLAN_DUE_INVALID" };

/**
 * The step's effect on the ticket, or why it is refused. `lateStep`: the step is done after its due time
 * (the ticket then counts as late even if the overdue sweep had not run yet).
 */
export function applyStep(ctx: DeadlineContext, t: TicketFacts, input: StepInput, now: Date): StepOutcome {
  if (nextStepOf(t) !== input.step) return { ok: false, code: "RECTIFICATION_ILLEGAL_STEP" };
  const lateStep = now.getTime() > t.stepDueAt.getTime();
  const s = ctx.settings;
  const loopDue = loopDueOf(ctx, t);
  switch (input.step) {
    case "verify": {
      const { verified, note } = input.body;
      // Not borne out: nothing to rectify, but the citizen is still called back and told the finding
      const patch: StepPatch = verified
        ? { state: "RESOLVE", stepDueAt: stepDue(ctx, now, s.rectificationResolveWorkingDays, loopDue), verified, verifyNote: note }
        : { state: "CALLBACK", stepDueAt: stepDue(ctx, now, s.rectificationCallbackWorkingDays, loopDue), verified, verifyNote: note };
      return { ok: true, patch, lateStep };
    }
    case "resolve": {
      const { resolution, note, planDueAt } = input.body;
      if (resolution === "PLAN") {
        const due = new Date(planDueAt!);
        if (due.getTime() <= now.getTime() || due.getTime() > now.getTime() + PLAN_MAX_DAYS * DAY_MS) return { ok: false, code: "RECTIFICATION_PLAN_DUE_INVALID" };
        return { ok: true, patch: { state: "CALLBACK", stepDueAt: due, resolution, resolutionNote: note, planDueAt: due }, lateStep };
      }
      return { ok: true, patch: { state: "CALLBACK", stepDueAt: stepDue(ctx, now, s.rectificationCallbackWorkingDays, loopDue), resolution, resolutionNote: note, planDueAt: null }, lateStep };
    }
    case "callback": {
      const { reached, satisfied, note } = input.body;
      return {
        ok: true,
        patch: { state: "CALLBACK", stepDueAt: stepDue(ctx, now, s.rectificationCloseWorkingDays, loopDue), callbackReached: reached, callbackSatisfied: reached ? satisfied : null, callbackNote: note },
        lateStep,
      };
    }
    case "close":
      return {
        ok: true,
        // stepDueAt stays the closing step's due: "closed late" is closedAt > stepDueAt (assessment #8 reads it so)
        patch: { state: "CLOSED", stepDueAt: t.stepDueAt, closedAt: now, phonePurgeAt: t.hasPhone ? new Date(now.getTime() + s.rectificationPhoneRetentionDays * DAY_MS) : null },
        lateStep,
      };
  }
}

export const isOverdue = (t: Pick<TicketFacts, "state" | "stepDueAt">, now: Date): boolean => t.state !== "CLOSED" && now.getTime() > t.stepDueAt.getTime();

/** The idempotency key of one step's overdue alert and accountability proposal: once per ticket and step. */
export const overdueKey = (id: string, step: RectificationStep): string => `rectification:${id}:${step}:overdue`;

/** The citizen's number as the pad accepts it (mainland mobile). */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
