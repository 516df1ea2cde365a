// The official calendar from the chinese-days package (holidays and 调休 workdays up to the year it
// was published for), merged with what admins enter: CalendarDay rows with no center are the State
// Council's calendar for a year the package lacks (recorded in CalendarYear); rows with a center are
// that center's closures.
import chineseDays from "chinese-days/dist/chinese-days.json" with { type: "json" };
import type { PrismaClient } from "../../db/database.ts";
import { buildCalendar, type IsoDate, type WorkCalendar } from "./workingDays.ts";

const PACKAGE_HOLIDAYS: readonly IsoDate[] = Object.keys(chineseDays.holidays);
const PACKAGE_WORKDAYS: readonly IsoDate[] = Object.keys(chineseDays.workdays);
export const PACKAGE_YEARS: ReadonlySet<number> = new Set(PACKAGE_HOLIDAYS.map((d) => Number(d.slice(0, 4))));

export interface CalendarRow {
  centerId: number | null;
  date: IsoDate;
  kind: "HOLIDAY" | "WORKDAY" | "CLOSURE";
}

/** Pure: the package's calendar plus admin rows for one center. */
export function officialCalendar(opts: { rows: readonly CalendarRow[]; extraYears: readonly number[]; centerId: number }): WorkCalendar {
  const holidays = new Set(PACKAGE_HOLIDAYS);
  const workdays = new Set(PACKAGE_WORKDAYS);
  const closures = new Set<IsoDate>();
  for (const row of opts.rows) {
    if (row.centerId !== null && row.centerId !== opts.centerId) continue;
    if (row.kind === "CLOSURE") closures.add(row.date);
    else if (row.kind === "HOLIDAY") {
      holidays.add(row.date);
      workdays.delete(row.date);
    } else {
      workdays.add(row.date);
      holidays.delete(row.date);
    }
  }
  return buildCalendar({ holidays, workdays, closures, knownYears: new Set([...PACKAGE_YEARS, ...opts.extraYears]) });
}

export async function loadCalendar(prisma: PrismaClient, centerId: number): Promise<WorkCalendar> {
  const [rows, years] = await Promise.all([
    prisma.calendarDay.findMany({ where: { OR: [{ centerId: null }, { centerId }] }, select: { centerId: true, date: true, kind: true } }),
    prisma.calendarYear.findMany({ select: { year: true } }),
  ]);
  return officialCalendar({ rows, extraYears: years.map((y) => y.year), centerId });
}
