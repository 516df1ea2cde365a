// What the public display shows, built from the hall's window facts and today's ratings. Everything
// here is public by design: window states without pause notes, and for staff on duty only their
// name, staff number and photo (served by the public photo route, which answers only while they are on duty).
import { isBadReview } from "../../contracts/indicators.ts";
import type { DisplayHonoursDto, DisplayPromiseDto, DisplaySatisfactionDto, DisplayWindowDto } from "../../contracts/display.ts";
import type { Services } from "../../services.ts";
import { addDays, shanghaiDate, shanghaiInstant, type IsoDate } from "../calendar/workingDays.ts";
import { periodContaining } from "../assessment/periods.ts";
import type { WindowTile } from "../../contracts/liveHall.ts";
import type { HallWindow } from "./loadHallWindows.ts";

/** The ticker's length: enough to cycle for a few minutes without repeating. */
const MAX_PROMISES = 80;

export const publicPhotoUrl = (staffId: number): string => `/api/public/staff/${staffId}/photo?size=256`;

export function presentDisplayWindow(w: Pick<HallWindow, "id" | "number" | "name" | "zone" | "state" | "onDuty">): DisplayWindowDto {
  const s = w.state;
  return {
    id: w.id,
    number: w.number,
    name: w.name,
    zone: w.zone,
    state: { kind: s.kind, reason: s.kind === "CLOSED" || s.kind === "PAUSED" ? s.reason : null },
    onDuty: w.onDuty ? { name: w.onDuty.name, staffNo: w.onDuty.staffNo, photoUrl: w.onDuty.hasPhoto ? publicPhotoUrl(w.onDuty.staffId) : null } : null,
  };
}

/** The same public part of a supervisors' map tile (the live deltas are derived from those tiles). */
export function displayWindowOfTile(tile: WindowTile): DisplayWindowDto {
  const { windowId: id, number, name, zone, state, staff } = tile;
  const onDuty = staff ? { staffId: staff.id, name: staff.name, staffNo: staff.staffNo, hasPhoto: staff.photoUrl !== null } : null;
  return presentDisplayWindow({ id, number, name, zone, state, onDuty });
}

/** The bounds of a Shanghai day's ratings: [00:00, next day 00:00), genuine ratings only (defaulted ones are
 * kept apart, DOMAIN.md), as the supervisors' tiles count them. */
export function satisfactionDay(now: Date): { date: IsoDate; from: Date; to: Date } {
  const date = shanghaiDate(now);
  return { date, from: shanghaiInstant(date, "00:00"), to: shanghaiInstant(addDays(date, 1), "00:00") };
}

export function tallyOf(date: IsoDate, byLevel: { level: number; n: number }[]): DisplaySatisfactionDto {
  let good = 0;
  let total = 0;
  for (const row of byLevel) {
    total += row.n;
    if (!isBadReview(row.level)) good += row.n;
  }
  return { date, good, total, share: total ? good / total : null };
}

/** Today's share of good ratings (好评: levels 3–5) over every rating of the center. */
export async function loadSatisfaction(services: Services, centerId: number, now: Date): Promise<DisplaySatisfactionDto> {
  const day = satisfactionDay(now);
  const where = { centerId, defaulted: false, ratedAt: { gte: day.from, lt: day.to } };
  const byLevel = await services.prisma.evaluation.groupBy({ by: ["level"], where, _count: { _all: true } });
  return tallyOf(day.date, byLevel.map((r) => ({ level: r.level, n: r._count._all })));
}

/** The center's public promises: same-day items first, then the largest cut against the statutory limit. */
export async function loadPromises(services: Services, centerId: number): Promise<DisplayPromiseDto[]> {
  const items = await services.prisma.serviceItem.findMany({
    where: { centerId, public: true, active: true },
    select: { name: true, promisedLimitDays: true, statutoryLimitDays: true, department: { select: { shortName: true } } },
  });
  return items
    .map((i) => ({ itemName: i.name, departmentName: i.department.shortName, promisedLimitDays: i.promisedLimitDays, statutoryLimitDays: i.statutoryLimitDays }))
    .sort((a, b) => a.promisedLimitDays - b.promisedLimitDays || b.statutoryLimitDays - b.promisedLimitDays - (a.statutoryLimitDays - a.promisedLimitDays) || a.itemName.localeCompare(b.itemName, "zh"))
    .slice(0, MAX_PROMISES);
}

/** The red flag windows and service models of the center's latest published quarter (#8), as granted by the
 * leader; none before a quarter is published (a proposal is not shown in public). Service models are shown
 * by name and staff number only: their photos are public only while they are on duty. */
export async function loadHonours(services: Services, centerId: number): Promise<DisplayHonoursDto> {
  const { prisma } = services;
  const snapshot = await prisma.publishedSnapshot.findFirst({
    where: { centerId, periodKind: "QUARTER" },
    orderBy: [{ periodStart: "desc" }, { publishedAt: "desc" }],
    select: { runId: true, periodStart: true },
  });
  if (!snapshot) return { quarter: periodContaining("QUARTER", services.clock.now()).label, redFlagWindows: [], serviceModels: [] };
  const honours = await prisma.honour.findMany({ where: { runId: snapshot.runId, granted: true }, orderBy: [{ rank: "asc" }, { subjectId: "asc" }], select: { kind: true, subjectId: true } });
  const ids = (kind: "RED_FLAG_WINDOW" | "SERVICE_MODEL") => honours.filter((h) => h.kind === kind).map((h) => h.subjectId);
  const [windows, staff] = await Promise.all([
    prisma.window.findMany({ where: { id: { in: ids("RED_FLAG_WINDOW") } }, select: { id: true, number: true, name: true } }),
    prisma.staff.findMany({ where: { id: { in: ids("SERVICE_MODEL") } }, select: { id: true, name: true, staffNo: true } }),
  ]);
  const windowById = new Map(windows.map((w) => [w.id, w]));
  const staffById = new Map(staff.map((m) => [m.id, m]));
  return {
    quarter: periodContaining("QUARTER", snapshot.periodStart).label,
    redFlagWindows: ids("RED_FLAG_WINDOW").flatMap((id) => {
      const w = windowById.get(id);
      return w ? [{ number: w.number, name: w.name }] : [];
    }),
    serviceModels: ids("SERVICE_MODEL").flatMap((id) => {
      const m = staffById.get(id);
      return m ? [{ name: m.name, staffNo: m.staffNo, photoUrl: null }] : [];
    }),
  };
}
