// The working-day calendar and deadline arithmetic (限时办结). Pure: the calendar and the instants are
// passed in, so the rules are property-tested without a database. Dates are Asia/Shanghai calendar
// days as "YYYY-MM-DD"; Shanghai has had no daylight saving since 1991, so +08:00 is exact.

export type IsoDate = string;

export interface WorkCalendar {
  /** Is this Shanghai calendar day a working day of the center? */
  isWorkingDay(date: IsoDate): boolean;
  /** Does the calendar know this year's official holidays (package or admin-entered)? */
  knowsYear(year: number): boolean;
}

export interface CalendarSource {
  /** Official holidays (法定节假日) by date */
  holidays: ReadonlySet<IsoDate>;
  /** Official make-up working days (调休上班), weekend days that are working days */
  workdays: ReadonlySet<IsoDate>;
  /** The center's own closures */
  closures: ReadonlySet<IsoDate>;
  knownYears: ReadonlySet<number>;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function shanghaiDate(at: Date): IsoDate {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant of a Shanghai wall-clock time "HH:MM" on a date. */
export function shanghaiInstant(date: IsoDate, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+08:00`);
}

export function buildCalendar(source: CalendarSource): WorkCalendar {
  return {
    isWorkingDay(date) {
      if (source.closures.has(date)) return false;
      if (source.holidays.has(date)) return false;
      if (source.workdays.has(date)) return true;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
    knowsYear: (year) => source.knownYears.has(year),
  };
}

export interface DeadlineInput {
  acceptedAt: Date;
  /** Working days; 0 = 即办件, due at closing time the same day */
  limitDays: number;
  /** Working days the clock was paused (补正), added to the limit */
  suspendedDays: number;
  closesAt: string;
}

export interface Deadline {
  dueAt: Date;
  dueDate: IsoDate;
  /** The deadline counts days of a year the calendar does not know: an admin must enter that year */
  beyondKnownYears: boolean;
}

/** Bounds the walk so a corrupt calendar with no working days cannot loop forever. */
const MAX_WALK_DAYS = 3660;

/**
 * Day 1 is the first working day after the day of acceptance; the case is due at closing time of
 * the last working day. Limit 0 is due at closing time of the day of acceptance.
 */
export function computeDeadline(calendar: WorkCalendar, input: DeadlineInput): Deadline {
  const start = shanghaiDate(input.acceptedAt);
  const total = input.limitDays + input.suspendedDays;
  let beyond = !calendar.knowsYear(Number(start.slice(0, 4)));
  let date = start;
  let counted = 0;
  for (let step = 0; counted < total; step++) {
    if (step > MAX_WALK_DAYS) throw new Error("calendar has no working days in ten years");
    date = addDays(date, 1);
    if (!calendar.knowsYear(Number(date.slice(0, 4)))) beyond = true;
    if (calendar.isWorkingDay(date)) counted++;
  }
  return { dueAt: shanghaiInstant(date, input.closesAt), dueDate: date, beyondKnownYears: beyond };
}

/** Working days d with from < d <= to (0 when to <= from). */
export function workingDaysBetween(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let date = addDays(from, 1), step = 0; date <= to && step <= MAX_WALK_DAYS; date = addDays(date, 1), step++) {
    if (calendar.isWorkingDay(date)) n++;
  }
  return n;
}

/**
 * Working days left: 0 = due today, 1 = due on the next working day; negative once overdue (−1 on
 * the day of the deadline after closing time and on the first working day after it, and so on).
 */
export function workingDaysLeft(calendar: WorkCalendar, now: Date, dueAt: Date): number {
  const today = shanghaiDate(now);
  const dueDate = shanghaiDate(dueAt);
  if (now.getTime() <= dueAt.getTime()) return workingDaysBetween(calendar, today, dueDate);
  return -Math.max(1, workingDaysBetween(calendar, dueDate, today));
}

export type Urgency = "NONE" | "YELLOW" | "RED";

/** Red once overdue; yellow within warnDays working days of the deadline. */
export function urgencyOf(calendar: WorkCalendar, now: Date, dueAt: Date, warnDays: number): Urgency {
  if (now.getTime() > dueAt.getTime()) return "RED";
  return workingDaysLeft(calendar, now, dueAt) <= warnDays ? "YELLOW" : "NONE";
}
