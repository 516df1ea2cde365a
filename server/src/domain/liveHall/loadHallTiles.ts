// Reads everything the live window map shows about a center's windows, in a fixed number of queries
// whatever the number of windows (90 tiles in ~12 grouped queries), and derives each window's state.
// Used for the snapshot (all windows of a scope) and for one window's delta after a change.
// The tile feed also keeps each window's facts (what its state was derived from), so a shift change can
// be applied to them without reading again (applyShiftToTile.ts).
import { SATISFIED_MIN_LEVEL, BAD_MAX_LEVEL, type WindowTile } from "../../contracts/liveHall.ts";
import type { PauseReason } from "../../contracts/shifts.ts";
import type { Services } from "../../services.ts";
import { padPresence } from "../devices/padPresence.ts";
import { cachedCenterContext } from "../calendar/centerContext.ts";
import { shanghaiDate, shanghaiInstant } from "../calendar/workingDays.ts";
import { windowStateAt, type WindowStateInput } from "./windowState.ts";
import { loadServiceSignals } from "./loadServiceSignals.ts";

export interface TileScope {
  centerId: number;
  /** A liaison's department: only windows that serve it */
  departmentId?: number;
  /** One or a few windows (a delta) */
  windowIds?: number[];
}

const OPEN_CASE_STATES = ["ACCEPTED", "IN_PROGRESS"] as const;
const OPEN_INQUIRY_STATES = ["OPEN", "HANDED_OVER"] as const;

/** The public on-duty photo (any signed-in viewer may see who sits at the window). */
export const onDutyPhotoUrl = (staffId: number): string => `/api/public/staff/${staffId}/photo?size=64`;

const countBy = <K>(rows: { key: K; n: number }[]): Map<K, number> => new Map(rows.map((r) => [r.key, r.n]));

/** Each window's last rating of the past month (older ones say nothing about the window now). The newest
 * time per window comes from the (windowId, ratedAt) index; a findMany with `distinct` would read every
 * rating of the month and drop all but one per window in memory (measured: 100+ ms on a busy day). */
async function loadLastRatings(prisma: Services["prisma"], windowIds: number[], dayStart: Date): Promise<{ windowId: number | null; level: number; ratedAt: Date }[]> {
  const since = new Date(dayStart.getTime() - 30 * 86_400_000);
  const newest = await prisma.evaluation.groupBy({ by: ["windowId"], where: { windowId: { in: windowIds }, defaulted: false, ratedAt: { gte: since } }, _max: { ratedAt: true } });
  const at = newest.flatMap((r) => (r.windowId !== null && r._max.ratedAt ? [{ windowId: r.windowId, ratedAt: r._max.ratedAt }] : []));
  if (at.length === 0) return [];
  const rows = await prisma.evaluation.findMany({ where: { defaulted: false, OR: at }, select: { windowId: true, level: true, ratedAt: true, receivedAt: true } });
  // Two ratings of one window at the same instant: the one received last is "last"
  const byWindow = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    const seen = r.windowId === null ? undefined : byWindow.get(r.windowId);
    if (r.windowId !== null && (!seen || r.receivedAt > seen.receivedAt)) byWindow.set(r.windowId, r);
  }
  return [...byWindow.values()];
}

/** What a window's state is derived from, as read: windowStateAt's input, its open shift with the shift's id
 * (a later shift event is applied only to the shift it is about). */
export interface WindowFacts extends WindowStateInput {
  shift: (NonNullable<WindowStateInput["shift"]> & { id: number }) | null;
}

export interface TileWithFacts {
  tile: WindowTile;
  facts: WindowFacts;
}

export async function loadHallTiles(services: Services, scope: TileScope): Promise<WindowTile[]> {
  return (await loadHallTilesWithFacts(services, scope)).map((r) => r.tile);
}

export async function loadHallTilesWithFacts(services: Services, scope: TileScope): Promise<TileWithFacts[]> {
  const { prisma } = services;
  const now = services.clock.now();
  const today = shanghaiDate(now);
  const dayStart = shanghaiInstant(today, "00:00");
  const windowWhere = {
    centerId: scope.centerId,
    active: true,
    ...(scope.windowIds ? { id: { in: scope.windowIds } } : {}),
    ...(scope.departmentId !== undefined ? { departments: { some: { departmentId: scope.departmentId } } } : {}),
  };
  const windows = await prisma.window.findMany({
    where: windowWhere,
    include: { departments: { include: { department: { select: { id: true, shortName: true } } } }, staff: { where: { backup: false }, select: { staffId: true } } },
    orderBy: { number: "asc" },
  });
  if (windows.length === 0) return [];
  const ids = windows.map((w) => w.id);
  const regularStaffIds = [...new Set(windows.flatMap((w) => w.staff.map((s) => s.staffId)))];
  const inWindows = { windowId: { in: ids } };

  const [context, shifts, signOuts, absences, serviceSignals, finished, noShows, ratings, lastRatings, cases, accepted, inquiries, pads] = await Promise.all([
    cachedCenterContext(services, scope.centerId),
    prisma.shift.findMany({
      where: { ...inWindows, endedAt: null },
      include: { staff: { select: { id: true, name: true, staffNo: true, photoPath: true } }, pauses: { orderBy: { startedAt: "desc" }, take: 2 } },
    }),
    prisma.shift.groupBy({ by: ["windowId"], where: { ...inWindows, endedAt: { gte: dayStart } }, _max: { endedAt: true } }),
    prisma.staffAbsence.findMany({ where: { staffId: { in: regularStaffIds }, startsAt: { lte: now }, endsAt: { gt: now } }, select: { staffId: true } }),
    loadServiceSignals(prisma, { centerId: scope.centerId, windowIds: ids, dayStart, now }),
    prisma.queueTicket.groupBy({
      by: ["windowId"],
      where: { centerId: scope.centerId, ...inWindows, serviceDate: today, finishedAt: { not: null }, noShow: false },
      _count: { _all: true },
      _avg: { waitSeconds: true, serviceSeconds: true },
    }),
    prisma.queueTicket.groupBy({ by: ["windowId"], where: { centerId: scope.centerId, ...inWindows, serviceDate: today, noShow: true }, _count: { _all: true } }),
    prisma.evaluation.groupBy({ by: ["windowId", "level"], where: { ...inWindows, ratedAt: { gte: dayStart }, defaulted: false }, _count: { _all: true } }),
    loadLastRatings(prisma, ids, dayStart),
    prisma.case.groupBy({ by: ["windowId", "warning"], where: { ...inWindows, state: { in: [...OPEN_CASE_STATES] }, warning: { not: "NONE" } }, _count: { _all: true } }),
    prisma.case.groupBy({ by: ["windowId"], where: { ...inWindows, acceptedAt: { gte: dayStart } }, _count: { _all: true } }),
    prisma.inquiry.groupBy({ by: ["windowId"], where: { ...inWindows, state: { in: [...OPEN_INQUIRY_STATES] } }, _count: { _all: true } }),
    prisma.kioskDevice.findMany({ where: { ...inWindows, revokedAt: null, pairedAt: { not: null } }, select: { id: true, windowId: true } }),
  ]);

  const workingDay = context.calendar.isWorkingDay(today);
  const shiftByWindow = new Map(shifts.map((s) => [s.windowId, s]));
  const signOutByWindow = new Map(signOuts.map((s) => [s.windowId, s._max.endedAt]));
  const absent = new Set(absences.map((a) => a.staffId));
  const finishedByWindow = new Map(finished.map((f) => [f.windowId, f]));
  const noShowsByWindow = countBy(noShows.map((r) => ({ key: r.windowId, n: r._count._all })));
  const lastRatingByWindow = new Map(lastRatings.map((r) => [r.windowId, r]));
  const acceptedByWindow = countBy(accepted.map((r) => ({ key: r.windowId, n: r._count._all })));
  const inquiriesByWindow = countBy(inquiries.map((r) => ({ key: r.windowId, n: r._count._all })));
  const presence = padPresence(services);
  const padsOf = (windowId: number) => pads.filter((p) => p.windowId === windowId);

  return windows.map((w): TileWithFacts => {
    const shift = shiftByWindow.get(w.id);
    const openPause = shift?.pauses.find((p) => p.endedAt === null) ?? null;
    const lastResumedAt = shift?.pauses.find((p) => p.endedAt !== null)?.endedAt ?? null;
    const regular = w.staff.map((s) => s.staffId);
    const f = finishedByWindow.get(w.id);
    const windowRatings = ratings.filter((r) => r.windowId === w.id);
    const sumRatings = (pred: (level: number) => boolean) => windowRatings.filter((r) => pred(r.level)).reduce((n, r) => n + r._count._all, 0);
    const windowCases = cases.filter((c) => c.windowId === w.id);
    const caseCount = (level: "YELLOW" | "RED") => windowCases.find((c) => c.warning === level)?._count._all ?? 0;
    const last = lastRatingByWindow.get(w.id);
    const facts: WindowFacts = {
      active: w.active,
      workingDay,
      hours: context.settings,
      shift: shift
        ? {
            id: shift.id,
            staffId: shift.staffId,
            startedAt: shift.startedAt,
            pause: openPause ? { reason: openPause.reason as PauseReason, note: openPause.note, startedAt: openPause.startedAt } : null,
            lastResumedAt,
          }
        : null,
      serviceSignals: serviceSignals.get(w.id) ?? [],
      excusedAbsence: regular.length > 0 && regular.every((id) => absent.has(id)),
      lastSignOutAt: signOutByWindow.get(w.id) ?? null,
    };
    const state = windowStateAt(facts, now);
    const tile: WindowTile = {
      windowId: w.id,
      number: w.number,
      name: w.name,
      zone: w.zone,
      partyPost: w.partyPost,
      departments: w.departments.map((d) => ({ id: d.department.id, shortName: d.department.shortName })),
      state,
      staff: shift ? { id: shift.staff.id, name: shift.staff.name, staffNo: shift.staff.staffNo, photoUrl: shift.staff.photoPath ? onDutyPhotoUrl(shift.staff.id) : null } : null,
      today: {
        served: f?._count._all ?? 0,
        casesAccepted: acceptedByWindow.get(w.id) ?? 0,
        ratings: sumRatings(() => true),
        satisfied: sumRatings((level) => level >= SATISFIED_MIN_LEVEL),
        bad: sumRatings((level) => level <= BAD_MAX_LEVEL),
        noShows: noShowsByWindow.get(w.id) ?? 0,
        avgWaitSeconds: f?._avg.waitSeconds ?? null,
        avgServiceSeconds: f?._avg.serviceSeconds ?? null,
      },
      lastRating: last ? { level: last.level, ratedAt: last.ratedAt.toISOString() } : null,
      warnings: { casesNearDeadline: caseCount("YELLOW"), casesOverdue: caseCount("RED"), openInquiries: inquiriesByWindow.get(w.id) ?? 0 },
      pads: { paired: padsOf(w.id).length, online: padsOf(w.id).filter((p) => presence.isOnline(p.id)).length },
    };
    return { tile, facts };
  });
}
