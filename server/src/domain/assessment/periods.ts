// Assessment periods in Asia/Shanghai: ISO weeks (Monday–Sunday, the week belongs to the year of its
// Thursday, so 2026-12-28 … 2027-01-03 is 2026-W53), calendar months and quarters Q1–Q4. Shanghai has
// had no daylight saving since 1991, so +08:00 is exact and the arithmetic below needs no tz database.
export type PeriodKind = "WEEK" | "MONTH" | "QUARTER";

export interface Period {
  kind: PeriodKind;
  /** 2026-W53, 2026-01, 2026-Q1 */
  label: string;
  /** First and last Shanghai calendar day, inclusive */
  firstDay: string;
  lastDay: string;
  /** Shanghai midnight of firstDay, and of the day after lastDay (exclusive): the [start, end) to query */
  start: Date;
  end: Date;
}

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A Shanghai calendar day as a UTC-midnight Date, so getUTC* read the Shanghai date */
function shanghaiDay(at: Date): Date {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

const iso = (day: Date) => day.toISOString().slice(0, 10);
const addDays = (day: Date, n: number) => new Date(day.getTime() + n * DAY_MS);
const pad = (n: number) => String(n).padStart(2, "0");

function build(kind: PeriodKind, label: string, first: Date, dayAfterLast: Date): Period {
  return {
    kind,
    label,
    firstDay: iso(first),
    lastDay: iso(addDays(dayAfterLast, -1)),
    start: new Date(first.getTime() - OFFSET_MS),
    end: new Date(dayAfterLast.getTime() - OFFSET_MS),
  };
}

/** The period of the given kind that contains the instant `at`. */
export function periodContaining(kind: PeriodKind, at: Date): Period {
  const day = shanghaiDay(at);
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  if (kind === "MONTH") return build(kind, `${y}-${pad(m + 1)}`, new Date(Date.UTC(y, m, 1)), new Date(Date.UTC(y, m + 1, 1)));
  if (kind === "QUARTER") {
    const q = Math.floor(m / 3);
    return build(kind, `${y}-Q${q + 1}`, new Date(Date.UTC(y, q * 3, 1)), new Date(Date.UTC(y, q * 3 + 3, 1)));
  }
  const monday = addDays(day, -((day.getUTCDay() + 6) % 7));
  const thursday = addDays(monday, 3);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS)) + 1;
  return build(kind, `${isoYear}-W${pad(week)}`, monday, addDays(monday, 7));
}

/** The period just before: the weekly review run on a Monday covers previousPeriod(periodContaining("WEEK", now)). */
export function previousPeriod(period: Period): Period {
  return periodContaining(period.kind, new Date(period.start.getTime() - 1));
}

export function nextPeriod(period: Period): Period {
  return periodContaining(period.kind, period.end);
}

/** The period named by its label (2026-W53, 2026-01, 2026-Q1); null when the label names none. */
export function periodByLabel(label: string): Period | null {
  const shanghaiNoon = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d, 4));
  let match = /^(\d{4})-(\d{2})$/.exec(label);
  if (match) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? periodContaining("MONTH", shanghaiNoon(Number(match[1]), month - 1, 1)) : null;
  }
  match = /^(\d{4})-Q([1-4])$/.exec(label);
  if (match) return periodContaining("QUARTER", shanghaiNoon(Number(match[1]), (Number(match[2]) - 1) * 3, 1));
  match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (match) {
    // Week 1 is the week holding 4 January.
    const week1 = periodContaining("WEEK", shanghaiNoon(Number(match[1]), 0, 4));
    const candidate = periodContaining("WEEK", new Date(week1.start.getTime() + (Number(match[2]) - 1) * 7 * DAY_MS + 12 * 3600_000));
    return candidate.label === label ? candidate : null;
  }
  return null;
}
