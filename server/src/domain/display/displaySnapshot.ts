// What the public display shows, built from the hall's window facts and today's ratings. Everything
// here is public by design: window states without pause notes, and for staff on duty only their
// name, staff number and photo (served by the public photo route, which answers only while they are on duty).
import { isBadReview } from "../../contracts/indicators.ts";
import type { DisplayHonoursDto, DisplayPromiseDto, DisplaySatisfactionDto, DisplayWindowDto } from "../../contracts/display.ts";
import type { Services } from "../../services.ts";
import { addDays, shanghaiDate, shanghaiInstant, type IsoDate } from "../calendar/workingDays.ts";
import type { HallWindow } from "./loadHallWindows.ts";

/** The ticker's length: enough to cycle for a few minutes without repeating. */
const MAX_PROMISES = 80;

export const publicPhotoUrl = (staffId: number): string => `/api/public/staff/${staffId}/photo?size=256`;

export function presentDisplayWindow(w: HallWindow): DisplayWindowDto {
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

/** The quarter's red flag windows and service models: named by the quarterly evaluation (#8), none before. */
export function loadHonours(now: Date): DisplayHonoursDto {
  const date = shanghaiDate(now);
  const quarter = `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
  return { quarter, redFlagWindows: [], serviceModels: [] };
}
