// What a window is doing at an instant, as a pure function of what happened (shift, pause, queue
// service), the center's hours and the clock. Shared by the supervisors' map and the public display;
// nothing stores the state, so it can never disagree with the facts it comes from.
import type { PauseReason } from "../../contracts/shifts.ts";
import type { CenterSettings } from "../../contracts/settings.ts";
import type { WindowState } from "../../contracts/liveHall.ts";
import { hallPhaseAt, shanghaiMinutes } from "../shifts/shiftRules.ts";
import { shanghaiDate, shanghaiInstant } from "../calendar/workingDays.ts";

export type { WindowState } from "../../contracts/liveHall.ts";

/**
 * A queue service (叫号: called or started, not yet finished) older than this is taken as a lost
 * "finished" report rather than a citizen still at the counter, so a window cannot stay SERVING forever.
 */
export const SERVICE_STALE_AFTER_MS = 3 * 60 * 60 * 1000;

export type HallHours = Pick<CenterSettings, "opensAt" | "closesAt" | "lunchStartsAt" | "lunchEndsAt">;

export interface WindowStateInput {
  /** The window is switched on in master data */
  active: boolean;
  /** The day of `at` is a working day of the center's calendar (holidays, 调休) */
  workingDay: boolean;
  hours: HallHours;
  /** The open shift at the window (a staff member signed in), with its open pause */
  shift: {
    staffId: number;
    startedAt: Date;
    pause: { reason: PauseReason; note: string | null; startedAt: Date } | null;
    /** When the last pause of this shift ended (idle is counted from then) */
    lastResumedAt?: Date | null;
  } | null;
  /** The queue system's service in progress at the window (called or started, not finished) */
  service: { startedAt: Date } | null;
  /** When the last service at the window finished today (idle is counted from then) */
  lastServiceEndedAt?: Date | null;
  /** Every regular staff member of the window is on an approved absence now (with or without AB岗 cover) */
  excusedAbsence: boolean;
  /** When the last shift at the window ended (unattended is counted from then, not from opening) */
  lastSignOutAt: Date | null;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const latest = (...dates: (Date | null | undefined)[]): Date =>
  new Date(Math.max(...dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime())));

/** The window's state at `at`. Reality first: a signed-in or serving window is open whatever the hours say. */
export function windowStateAt(input: WindowStateInput, at: Date): WindowState {
  const service = input.service && at.getTime() - input.service.startedAt.getTime() < SERVICE_STALE_AFTER_MS ? input.service : null;
  const shift = input.shift;
  if (shift?.pause) return { kind: "PAUSED", reason: shift.pause.reason, note: shift.pause.note, since: shift.pause.startedAt.toISOString() };
  if (service) return { kind: "SERVING", since: service.startedAt.toISOString() };
  if (shift) return { kind: "IDLE", since: latest(shift.startedAt, shift.lastResumedAt, input.lastServiceEndedAt).toISOString() };

  if (!input.active) return { kind: "CLOSED", reason: "INACTIVE" };
  if (!input.workingDay) return { kind: "CLOSED", reason: "NON_WORKING_DAY" };
  const phase = hallPhaseAt(input.hours, at);
  if (phase === "CLOSED") return { kind: "CLOSED", reason: shanghaiMinutes(at) < minutesOf(input.hours.opensAt) ? "BEFORE_HOURS" : "AFTER_HOURS" };
  if (phase === "LUNCH") return { kind: "CLOSED", reason: "LUNCH" };
  if (input.excusedAbsence) return { kind: "CLOSED", reason: "ABSENCE" };
  return { kind: "UNATTENDED", since: unattendedSince(input.hours, input.lastSignOutAt, at).toISOString() };
}

/** The start of the current empty stretch: opening, the end of lunch, or the last sign-out, whichever is latest today. */
function unattendedSince(hours: HallHours, lastSignOutAt: Date | null, at: Date): Date {
  const today = shanghaiDate(at);
  const opened = shanghaiInstant(today, hours.opensAt);
  const lunchEnded = shanghaiInstant(today, hours.lunchEndsAt);
  const signedOut = lastSignOutAt && lastSignOutAt.getTime() <= at.getTime() ? lastSignOutAt : null;
  return latest(opened, lunchEnded.getTime() <= at.getTime() ? lunchEnded : null, signedOut);
}

/** States a supervisor should look at: nobody where somebody should be. */
export const needsAttention = (state: WindowState): boolean => state.kind === "UNATTENDED";
