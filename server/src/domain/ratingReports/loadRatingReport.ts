// Reads a report's facts: ratings grouped by Shanghai day, window, staff, level and defaulted (the
// Evaluation table's covering index answers it without row lookups), and the bad reviews' tickets;
// then hands them to the pure arithmetic. A rating belongs to a department through the staff member
// who handled the service (谁办理谁负责): their home department.
import type { RatingReportDto, RatingReportQuery } from "../../contracts/ratingReports.ts";
import { REPORT_MAX_DAYS } from "../../contracts/ratingReports.ts";
import { sqliteTime } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import type { Services } from "../../services.ts";
import { addDays, shanghaiInstant } from "../calendar/workingDays.ts";
import { buildReportRows, periodsBetween, type RatingFact, type SubjectOf, type TicketFact } from "./reportFigures.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const SLICE_MS = 7 * DAY_MS;

/** [start, end) instants of the Shanghai days from … to (inclusive); refused when longer than allowed. */
export function rangeOf(from: string, to: string, maxDays: number): { start: Date; end: Date } {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  if (days > maxDays) throw new AppError("REPORT_RANGE_TOO_LONG");
  return { start: shanghaiInstant(from, "00:00"), end: shanghaiInstant(addDays(to, 1), "00:00") };
}

interface RatingRow {
  day: string;
  w: number | null;
  s: number | null;
  level: number;
  defaulted: number;
  n: number;
}
interface TicketRow {
  day: string;
  windowId: number | null;
  staffId: number | null;
  closed: number;
  overdue: number;
  calledBack: number;
}

export async function loadRatingReport(services: Services, opts: { centerId: number; query: RatingReportQuery; departmentId: number | null }): Promise<RatingReportDto> {
  const { query: q } = opts;
  const { start, end } = rangeOf(q.from, q.to, REPORT_MAX_DAYS[q.granularity]);
  const { prisma } = services;
  const raw = services.db.raw;
  const [center, departments, windows, staff] = await Promise.all([
    prisma.center.findUniqueOrThrow({ where: { id: opts.centerId }, select: { name: true } }),
    prisma.department.findMany({ where: { centerId: opts.centerId }, select: { id: true, name: true } }),
    prisma.window.findMany({ where: { centerId: opts.centerId }, select: { id: true, number: true, name: true } }),
    prisma.staff.findMany({ where: { centerId: opts.centerId }, select: { id: true, name: true, staffNo: true, departmentId: true } }),
  ]);
  const ratings: RatingFact[] = [];
  const tickets: TicketFact[] = [];
  // Grouped only by what the scope shows: the hall's quarter is a few hundred groups, not 90 thousand
  const byWindow = q.scope === "WINDOW";
  const byStaff = q.scope === "STAFF" || q.scope === "DEPARTMENT" || (q.scope === "WINDOW" && opts.departmentId !== null);
  const ratingQuery = raw.prepare(
    `SELECT date("ratedAt", '+8 hours') AS day, ${byWindow ? `"windowId"` : "NULL"} AS w, ${byStaff ? `"staffId"` : "NULL"} AS s, "level", "defaulted", COUNT(*) AS n
     FROM "Evaluation" WHERE "centerId" = ? AND "ratedAt" >= ? AND "ratedAt" < ?
     GROUP BY day, w, s, "level", "defaulted"`,
  );
  const ticketQuery = raw.prepare(
    `SELECT date(e."ratedAt", '+8 hours') AS day, e."windowId", e."staffId",
            r."closedAt" IS NOT NULL AS closed, r."overdueAt" IS NOT NULL AS overdue, r."callbackReached" IS NOT NULL AS calledBack
     FROM "Rectification" r JOIN "Evaluation" e ON e."id" = r."evaluationId"
     WHERE e."centerId" = ? AND e."ratedAt" >= ? AND e."ratedAt" < ? AND e."defaulted" = 0 AND e."level" <= 2`,
  );
  // A week at a time, yielding between: a busy hall's quarter (half a million ratings) is read in ≈ 100 ms
  // slices, so the ratings arriving from the pads meanwhile are not held up behind one long statement
  for (let sliceStart = start; sliceStart < end; sliceStart = new Date(sliceStart.getTime() + SLICE_MS)) {
    const sliceEnd = new Date(Math.min(end.getTime(), sliceStart.getTime() + SLICE_MS));
    const range = [opts.centerId, sqliteTime(sliceStart), sqliteTime(sliceEnd)];
    for (const r of ratingQuery.all(...range) as RatingRow[]) {
      ratings.push({ day: r.day, windowId: r.w, staffId: r.s, level: Number(r.level), defaulted: Boolean(r.defaulted), count: Number(r.n) });
    }
    for (const t of ticketQuery.all(...range) as TicketRow[]) {
      tickets.push({ day: t.day, windowId: t.windowId, staffId: t.staffId, closed: Boolean(t.closed), overdue: Boolean(t.overdue), calledBack: Boolean(t.calledBack) });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }

  const homeDepartment = new Map(staff.map((s) => [s.id, s.departmentId]));
  const inDepartment = (f: { staffId: number | null }) => opts.departmentId === null || (f.staffId !== null && homeDepartment.get(f.staffId) === opts.departmentId);
  const subjectOf: SubjectOf = {
    HALL: () => null,
    DEPARTMENT: (f: { staffId: number | null }) => (f.staffId !== null && inDepartment(f) ? homeDepartment.get(f.staffId) : undefined),
    WINDOW: (f: { windowId: number | null; staffId: number | null }) => (f.windowId !== null && inDepartment(f) ? f.windowId : undefined),
    STAFF: (f: { staffId: number | null }) => (f.staffId !== null && inDepartment(f) ? f.staffId : undefined),
  }[q.scope];

  const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
  const windowNames = new Map(windows.map((w) => [w.id, `${w.number}号窗口 ${w.name}`]));
  const staffNames = new Map(staff.map((s) => [s.id, `${s.name}（${s.staffNo}）`]));
  const names = { HALL: new Map<number, string>(), DEPARTMENT: departmentNames, WINDOW: windowNames, STAFF: staffNames }[q.scope];
  const nameOf = (id: number | null) => (id === null ? center.name : (names.get(id) ?? String(id)));

  const periods = periodsBetween(q.from, q.to, q.granularity);
  const { rows, totals } = buildReportRows({ scope: q.scope, granularity: q.granularity, periods, ratings, tickets, subjectOf, nameOf });
  return { centerId: opts.centerId, centerName: center.name, from: q.from, to: q.to, granularity: q.granularity, scope: q.scope, departmentId: opts.departmentId, periods, rows, totals };
}
