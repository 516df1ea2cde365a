// The facts of every window of a center at an instant, fed through the live hall's pure window-state
// function (domain/liveHall/windowState.ts): what the public display shows and what the alert sweep
// judges. Read-only; a handful of queries per center whatever the number of windows.
import type { WindowState } from "../../contracts/liveHall.ts";
import type { CenterSettings } from "../../contracts/settings.ts";
import type { Services } from "../../services.ts";
import { cachedCenterContext } from "../calendar/centerContext.ts";
import { shanghaiDate, shanghaiInstant } from "../calendar/workingDays.ts";
import { windowStateAt } from "../liveHall/windowState.ts";
import { loadServiceSignals } from "../liveHall/loadServiceSignals.ts";

export interface HallWindow {
  id: number;
  number: number;
  zone: string;
  name: string;
  active: boolean;
  departmentIds: number[];
  state: WindowState;
  /** Who is signed in now (public: name, staff number, whether a photo exists) */
  onDuty: { staffId: number; name: string; staffNo: string; hasPhoto: boolean } | null;
}

export async function loadHallWindows(services: Services, centerId: number, now: Date, opts: { windowIds?: readonly number[] } = {}): Promise<{ settings: CenterSettings; windows: HallWindow[] }> {
  const { prisma } = services;
  const only = opts.windowIds ? { windowId: { in: [...opts.windowIds] } } : {};
  const { settings, calendar } = await cachedCenterContext(services, centerId);
  const dayStart = shanghaiInstant(shanghaiDate(now), "00:00");
  const [windows, shifts, serviceSignals, lastSignOut, absences] = await Promise.all([
    prisma.window.findMany({
      where: { centerId, ...(opts.windowIds ? { id: { in: [...opts.windowIds] } } : {}) },
      select: { id: true, number: true, zone: true, name: true, active: true, departments: { select: { departmentId: true } }, staff: { where: { backup: false }, select: { staffId: true } } },
      orderBy: { number: "asc" },
    }),
    prisma.shift.findMany({
      where: { centerId, endedAt: null, ...only },
      include: { pauses: { orderBy: { startedAt: "desc" }, take: 2 }, staff: { select: { name: true, staffNo: true, photoPath: true } } },
    }),
    loadServiceSignals(prisma, { centerId, ...(opts.windowIds ? { windowIds: opts.windowIds } : {}), dayStart, now }),
    prisma.shift.groupBy({ by: ["windowId"], where: { centerId, ...only, endedAt: { gte: dayStart, lte: now } }, _max: { endedAt: true } }),
    prisma.staffAbsence.findMany({ where: { staff: { centerId }, startsAt: { lte: now }, endsAt: { gt: now } }, select: { staffId: true } }),
  ]);
  const shiftByWindow = new Map(shifts.map((s) => [s.windowId, s]));
  const signOutByWindow = new Map(lastSignOut.map((r) => [r.windowId, r._max.endedAt]));
  const absent = new Set(absences.map((a) => a.staffId));
  const workingDay = calendar.isWorkingDay(shanghaiDate(now));

  return {
    settings,
    windows: windows.map((w) => {
      const shift = shiftByWindow.get(w.id);
      const openPause = shift?.pauses.find((p) => p.endedAt === null) ?? null;
      const lastResumed = shift?.pauses.find((p) => p.endedAt !== null)?.endedAt ?? null;
      const state = windowStateAt(
        {
          active: w.active,
          workingDay,
          hours: settings,
          shift: shift
            ? { staffId: shift.staffId, startedAt: shift.startedAt, pause: openPause ? { reason: openPause.reason, note: openPause.note, startedAt: openPause.startedAt } : null, lastResumedAt: lastResumed }
            : null,
          serviceSignals: serviceSignals.get(w.id) ?? [],
          excusedAbsence: w.staff.length > 0 && w.staff.every((s) => absent.has(s.staffId)),
          lastSignOutAt: signOutByWindow.get(w.id) ?? null,
        },
        now,
      );
      return {
        id: w.id,
        number: w.number,
        zone: w.zone,
        name: w.name,
        active: w.active,
        departmentIds: w.departments.map((d) => d.departmentId),
        state,
        onDuty: shift ? { staffId: shift.staffId, name: shift.staff.name, staffNo: shift.staff.staffNo, hasPhoto: shift.staff.photoPath !== null } : null,
      };
    }),
  };
}
