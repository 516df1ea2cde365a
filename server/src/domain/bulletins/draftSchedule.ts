// When last month's bulletin drafts are due: on the nth working day of the month (1 = the first),
// counted on the center's working-day calendar (holidays and 调休 make-up days included).
import { addDays, type IsoDate, type WorkCalendar } from "../calendar/workingDays.ts";

/** The nth working day on or after the month's first day (a month always has more than ten). */
export function nthWorkingDay(calendar: WorkCalendar, monthFirstDay: IsoDate, n: number): IsoDate {
  let day = monthFirstDay;
  let seen = 0;
  for (let i = 0; i < 62; i++, day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day) && ++seen === n) return day;
  }
  throw new Error(`no ${n}th working day after ${monthFirstDay}`);
}
