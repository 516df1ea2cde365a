// What a window is doing at an instant, as a pure function of what happened (shift, pause, the signals
// that start and end a service: queue calls, case acceptance and completion, the staff's "finished
// serving" button, the citizen's rating), the center's hours and the clock. Shared by the supervisors' map and the public display;
// nothing stores the state, so it can never disagree with the facts it comes from.
import type { PauseReason } from "../../contracts/shifts.ts";
import type { CenterSettings } from "../../contracts/settings.ts";
import type { WindowState } from "../../contracts/liveHall.ts";
import { hallPhaseAt, shanghaiMinutes } from "../shifts/shiftRules.ts";
import { shanghaiDate, shanghaiInstant } from "../calendar/workingDays.ts";

export type { WindowState } from "../../contracts/liveHall.ts";

/**
 * A service that started this long ago and never ended (a lost "finished" report, a case accepted and
 * nobody pressed 服务结束) is taken as over rather than a citizen still at the counter, so a window
 * cannot stay SERVING forever.
 */
export const SERVICE_STALE_AFTER_MS = 3 * 60 * 60 * 1000;

/**
 * Something that happened at the window and starts or ends the service of a citizen.
 * - START: the queue system called (or started) a ticket here; a case was accepted here (受理 = serving).
 * - END: the queue system reported the ticket finished or a no-show; staff pressed "finished serving"
 *   (the 邀请评价 button opens a rating invitation); a case of this window was completed (办结).
 * - RATED: the citizen rated on the pad. It ends the service only if the invitation was opened during
 *   that service: a late rating of the previous citizen must not end the next one's service.
 */
export type ServiceSignal =
  | { kind: "START"; at: Date; source: "QUEUE_CALLED" | "CASE_ACCEPTED" }
  | { kind: "END"; at: Date; source: "QUEUE_FINISHED" | "QUEUE_NO_SHOW" | "FINISHED_BUTTON" | "CASE_COMPLETED" }
  | { kind: "RATED"; at: Date; invitedAt: Date };

export interface ServiceNow {
  /** The service running at the instant asked, if any */
  current: { startedAt: Date; source: "QUEUE_CALLED" | "CASE_ACCEPTED" } | null;
  /** When the last service ended (idle is counted from then) */
  lastEndedAt: Date | null;
}

/**
 * At equal instants an end comes first: a service that ends when the next one begins leaves the window serving.
 * Two starts at one instant (the queue calls the ticket and the case is accepted in the same minute) are one
 * service; the case's acceptance names it, whichever report arrived first.
 */
const signalOrder = (s: ServiceSignal): number => (s.kind !== "START" ? 0 : s.source === "QUEUE_CALLED" ? 1 : 2);

/** The service running at `at`, from the window's signals of the day (any order; later ones are ignored). */
export function serviceAt(signals: readonly ServiceSignal[], at: Date): ServiceNow {
  const past = signals.filter((s) => s.at.getTime() <= at.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime() || signalOrder(a) - signalOrder(b));
  let current: ServiceNow["current"] = null;
  let lastEndedAt: Date | null = null;
  for (const s of past) {
    if (s.kind === "START") {
      current = { startedAt: s.at, source: s.source };
    } else if (s.kind === "END" || (current && s.invitedAt.getTime() >= current.startedAt.getTime())) {
      current = null;
      lastEndedAt = s.at;
    }
  }
  if (current && at.getTime() - current.startedAt.getTime() >= SERVICE_STALE_AFTER_MS) current = null;
  return { current, lastEndedAt };
}

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
  /** Today's signals that start and end services at the window (see ServiceSignal) */
  serviceSignals: readonly ServiceSignal[];
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
  const { current: service, lastEndedAt } = serviceAt(input.serviceSignals, at);
  const shift = input.shift;
  if (shift?.pause) return { kind: "PAUSED", reason: shift.pause.reason, note: shift.pause.note, since: shift.pause.startedAt.toISOString() };
  if (service) return { kind: "SERVING", since: service.startedAt.toISOString() };
  if (shift) return { kind: "IDLE", since: latest(shift.startedAt, shift.lastResumedAt, lastEndedAt).toISOString() };

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
