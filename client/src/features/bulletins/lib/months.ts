// Bulletin months (YYYY-MM) as the hall counts them, in Asia/Shanghai whatever the browser's zone.
import { bulletinMonthSchema } from "../../../../../server/src/contracts/bulletins.ts";

const SHANGHAI_MONTH = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" });

function shanghaiYearMonth(now: Date): { year: number; month: number } {
  const parts = new Map(SHANGHAI_MONTH.formatToParts(now).map((p) => [p.type, p.value]));
  return { year: Number(parts.get("year")), month: Number(parts.get("month")) };
}

const label = (year: number, month: number): string => `${year}-${String(month).padStart(2, "0")}`;

/** The months before `now`'s month, newest first: the first is last month (the default bulletin month). */
export function pastMonths(now: Date, count: number): string[] {
  const { year, month } = shanghaiYearMonth(now);
  const months: string[] = [];
  for (let back = 1; back <= count; back++) {
    const index = year * 12 + (month - 1) - back;
    months.push(label(Math.floor(index / 12), (index % 12) + 1));
  }
  return months;
}

export const isMonth = (value: string | null | undefined): value is string => bulletinMonthSchema.safeParse(value).success;
