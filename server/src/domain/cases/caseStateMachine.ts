// The case lifecycle as a pure function: accepted → in progress → completed, or rejected (不予受理),
// suspended for 补正 (the deadline clock pauses and resumes), or transferred. Completed, rejected and
// transferred are terminal. A suspended case must be resumed before it can end, so no pause is left
// open; each resume adds the paused working days to the limit and moves the deadline.
import { computeDeadline, shanghaiDate, workingDaysBetween, type WorkCalendar } from "../calendar/workingDays.ts";

export const CASE_STATES = ["ACCEPTED", "IN_PROGRESS", "SUSPENDED", "COMPLETED", "REJECTED", "TRANSFERRED"] as const;
export type CaseStateName = (typeof CASE_STATES)[number];
export const TERMINAL_STATES: readonly CaseStateName[] = ["COMPLETED", "REJECTED", "TRANSFERRED"];

export const CASE_ACTIONS = ["start", "suspend", "resume", "complete", "reject", "transfer"] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Which actions each state allows, and where they lead. */
const TRANSITIONS: Record<CaseStateName, Partial<Record<CaseAction, CaseStateName>>> = {
  ACCEPTED: { start: "IN_PROGRESS", suspend: "SUSPENDED", complete: "COMPLETED", reject: "REJECTED", transfer: "TRANSFERRED" },
  IN_PROGRESS: { suspend: "SUSPENDED", complete: "COMPLETED", transfer: "TRANSFERRED" },
  SUSPENDED: { resume: "IN_PROGRESS" },
  COMPLETED: {},
  REJECTED: {},
  TRANSFERRED: {},
};

/** Actions that must say why (the reason is printed or shown to the citizen). */
export const REASON_REQUIRED: readonly CaseAction[] = ["suspend", "reject", "transfer"];

export interface CaseSnapshot {
  state: CaseStateName;
  acceptedAt: Date;
  promisedLimitDays: number;
  statutoryLimitDays: number;
  suspendedDays: number;
  dueAt: Date;
  statutoryDueAt: Date;
  /** When the open pause began (null unless SUSPENDED) */
  suspendedSince: Date | null;
  completedAt: Date | null;
  rejectedReason: string | null;
  /** Time of the last transition: a clock that moved backwards is refused */
  lastAt: Date;
}

export type CaseRuleError = "CASE_ILLEGAL_TRANSITION" | "CASE_REASON_REQUIRED" | "CASE_CLOCK_BACKWARDS";

export type CaseStep = { ok: true; next: CaseSnapshot; pausedDays: number } | { ok: false; error: CaseRuleError };

export const allowedActions = (state: CaseStateName): CaseAction[] => Object.keys(TRANSITIONS[state]) as CaseAction[];

export function applyCaseAction(
  calendar: WorkCalendar,
  snapshot: CaseSnapshot,
  action: CaseAction,
  opts: { at: Date; reason?: string | null; closesAt: string },
): CaseStep {
  const to = TRANSITIONS[snapshot.state][action];
  if (!to) return { ok: false, error: "CASE_ILLEGAL_TRANSITION" };
  if (REASON_REQUIRED.includes(action) && !opts.reason?.trim()) return { ok: false, error: "CASE_REASON_REQUIRED" };
  if (opts.at.getTime() < snapshot.lastAt.getTime()) return { ok: false, error: "CASE_CLOCK_BACKWARDS" };

  const next: CaseSnapshot = { ...snapshot, state: to, lastAt: opts.at };
  let pausedDays = 0;
  if (action === "suspend") next.suspendedSince = opts.at;
  if (action === "resume") {
    const since = snapshot.suspendedSince ?? opts.at;
    pausedDays = workingDaysBetween(calendar, shanghaiDate(since), shanghaiDate(opts.at));
    next.suspendedSince = null;
    next.suspendedDays = snapshot.suspendedDays + pausedDays;
    const deadline = (limitDays: number) =>
      computeDeadline(calendar, { acceptedAt: snapshot.acceptedAt, limitDays, suspendedDays: next.suspendedDays, closesAt: opts.closesAt }).dueAt;
    next.dueAt = deadline(snapshot.promisedLimitDays);
    next.statutoryDueAt = deadline(snapshot.statutoryLimitDays);
  }
  if (action === "complete") next.completedAt = opts.at;
  if (action === "reject") next.rejectedReason = opts.reason!.trim();
  return { ok: true, next, pausedDays };
}

/** The snapshot of a newly accepted case. */
export function acceptedSnapshot(
  calendar: WorkCalendar,
  opts: { acceptedAt: Date; promisedLimitDays: number; statutoryLimitDays: number; closesAt: string },
): CaseSnapshot & { beyondKnownYears: boolean } {
  const promised = computeDeadline(calendar, { acceptedAt: opts.acceptedAt, limitDays: opts.promisedLimitDays, suspendedDays: 0, closesAt: opts.closesAt });
  const statutory = computeDeadline(calendar, { acceptedAt: opts.acceptedAt, limitDays: opts.statutoryLimitDays, suspendedDays: 0, closesAt: opts.closesAt });
  return {
    state: "ACCEPTED",
    acceptedAt: opts.acceptedAt,
    promisedLimitDays: opts.promisedLimitDays,
    statutoryLimitDays: opts.statutoryLimitDays,
    suspendedDays: 0,
    dueAt: promised.dueAt,
    statutoryDueAt: statutory.dueAt,
    suspendedSince: null,
    completedAt: null,
    rejectedReason: null,
    lastAt: opts.acceptedAt,
    beyondKnownYears: promised.beyondKnownYears || statutory.beyondKnownYears,
  };
}
