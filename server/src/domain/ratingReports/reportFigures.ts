// The report's arithmetic, pure: rating and ticket facts (already grouped by Shanghai day, window and
// staff) are bucketed into periods and subjects and turned into figures. Definitions (docs/ratings-export.md):
// genuine = not defaulted; good rate = levels 3–5 over genuine; a bad review = genuine level 1–2;
// callback rate = bad reviews with a recorded callback over bad reviews; on-time rate = closed tickets
// that never missed a due time over closed tickets. Defaulted ratings are counted apart and in nothing else.
import { TOTAL_PERIOD, type RatingFigures, type RatingReportRow, type ReportGranularity, type ReportScope } from "../../contracts/ratingReports.ts";
import { periodContaining } from "../assessment/periods.ts";
import { addDays, shanghaiInstant } from "../calendar/workingDays.ts";

export interface RatingFact {
  /** Shanghai calendar day of ratedAt */
  day: string;
  windowId: number | null;
  staffId: number | null;
  level: number;
  defaulted: boolean;
  count: number;
}

/** One bad review's rectification ticket. */
export interface TicketFact {
  day: string;
  windowId: number | null;
  staffId: number | null;
  closed: boolean;
  overdue: boolean;
  calledBack: boolean;
}

/** The subject a fact belongs to: a number, null for the hall, or undefined when it belongs to none shown. */
export type SubjectOf = (fact: { windowId: number | null; staffId: number | null }) => number | null | undefined;

export function periodOf(day: string, granularity: ReportGranularity): string {
  if (granularity === "DAY") return day;
  return periodContaining(granularity, shanghaiInstant(day, "12:00")).label;
}

/** Every period touching [from, to], in order. */
export function periodsBetween(from: string, to: string, granularity: ReportGranularity): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const p = periodOf(day, granularity);
    if (out[out.length - 1] !== p) out.push(p);
  }
  return out;
}

interface Tally {
  levels: Record<1 | 2 | 3 | 4 | 5, number>;
  defaulted: number;
  tickets: number;
  closed: number;
  overdue: number;
  calledBack: number;
  closedOnTime: number;
}

const emptyTally = (): Tally => ({ levels: { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 }, defaulted: 0, tickets: 0, closed: 0, overdue: 0, calledBack: 0, closedOnTime: 0 });
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

export function figuresOf(t: Tally): RatingFigures {
  const l = t.levels;
  const total = l[5] + l[4] + l[3] + l[2] + l[1];
  const badReviews = l[2] + l[1];
  return {
    levels: { ...l },
    total,
    goodRate: ratio(l[5] + l[4] + l[3], total),
    defaulted: t.defaulted,
    badReviews,
    rectification: { none: Math.max(0, badReviews - t.tickets), open: t.tickets - t.closed, closed: t.closed, overdue: t.overdue },
    callbacks: t.calledBack,
    callbackRate: ratio(t.calledBack, badReviews),
    closedOnTime: t.closedOnTime,
    onTimeRate: ratio(t.closedOnTime, t.closed),
  };
}

export function buildReportRows(opts: {
  scope: ReportScope;
  granularity: ReportGranularity;
  periods: string[];
  ratings: RatingFact[];
  tickets: TicketFact[];
  subjectOf: SubjectOf;
  nameOf: (subjectId: number | null) => string;
}): { rows: RatingReportRow[]; totals: RatingReportRow[] } {
  const byCell = new Map<string, Tally>();
  const bySubject = new Map<number | null, Tally>();
  const cellKey = (period: string, subject: number | null) => `${period}|${subject}`;
  const periods = new Map<string, string>();
  const periodOfDay = (day: string) => {
    let p = periods.get(day);
    if (p === undefined) periods.set(day, (p = periodOf(day, opts.granularity)));
    return p;
  };
  const tallies = (day: string, subject: number | null): Tally[] => {
    const key = cellKey(periodOfDay(day), subject);
    let cell = byCell.get(key);
    if (!cell) byCell.set(key, (cell = emptyTally()));
    let whole = bySubject.get(subject);
    if (!whole) bySubject.set(subject, (whole = emptyTally()));
    return [cell, whole];
  };
  for (const r of opts.ratings) {
    const subject = opts.subjectOf(r);
    if (subject === undefined || r.level < 1 || r.level > 5) continue;
    for (const t of tallies(r.day, subject)) {
      if (r.defaulted) t.defaulted += r.count;
      else t.levels[r.level as 1 | 2 | 3 | 4 | 5] += r.count;
    }
  }
  for (const k of opts.tickets) {
    const subject = opts.subjectOf(k);
    if (subject === undefined) continue;
    for (const t of tallies(k.day, subject)) {
      t.tickets++;
      if (k.closed) t.closed++;
      if (k.overdue) t.overdue++;
      if (k.calledBack) t.calledBack++;
      if (k.closed && !k.overdue) t.closedOnTime++;
    }
  }
  const subjects = [...bySubject.keys()].sort((a, b) => opts.nameOf(a).localeCompare(opts.nameOf(b), "zh-CN") || (a ?? 0) - (b ?? 0));
  if (opts.scope === "HALL" && subjects.length === 0) subjects.push(null);
  const row = (period: string, subject: number | null, t: Tally): RatingReportRow => ({
    period,
    subjectKind: opts.scope,
    subjectId: subject,
    subjectName: opts.nameOf(subject),
    ...figuresOf(t),
  });
  const rows: RatingReportRow[] = [];
  for (const period of opts.periods) {
    for (const subject of subjects) {
      const t = byCell.get(cellKey(period, subject));
      // The hall has a row for every period, so its chart has no gaps; other subjects only where rated
      if (t) rows.push(row(period, subject, t));
      else if (opts.scope === "HALL") rows.push(row(period, subject, emptyTally()));
    }
  }
  const totals = subjects.map((s) => row(TOTAL_PERIOD, s, bySubject.get(s) ?? emptyTally()));
  return { rows, totals };
}
