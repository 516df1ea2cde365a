// Who is on duty in a center now, for supervisors, leaders and administrators: every open shift with
// its window, staff member and pause, and every absence going on now with its cover and the window
// the cover is signed in at (an absence whose cover is at work is not a gap in the hall).
import { centerSettingsSchema, DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import type { DutyBoardDto } from "../../contracts/shifts.ts";
import { presentAbsence } from "../../presenters/shifts.ts";
import type { Services } from "../../services.ts";
import { ABSENCE_NAMES } from "./manageAbsences.ts";
import { hallPhaseAt } from "./shiftRules.ts";

export async function loadDutyBoard(prisma: Services["prisma"], centerId: number, now: Date): Promise<DutyBoardDto> {
  const [center, shifts, absences] = await Promise.all([
    prisma.center.findUnique({ where: { id: centerId }, select: { settings: true } }),
    prisma.shift.findMany({
      where: { centerId, endedAt: null },
      include: { pauses: { where: { endedAt: null } }, window: { select: { number: true, name: true, zone: true } }, staff: { select: { name: true, staffNo: true } } },
      orderBy: { window: { number: "asc" } },
    }),
    prisma.staffAbsence.findMany({
      where: { staff: { centerId }, startsAt: { lte: now }, endsAt: { gt: now } },
      include: { ...ABSENCE_NAMES, staff: { select: { name: true, windows: { where: { backup: false }, select: { window: { select: { number: true } } } } } } },
      orderBy: { startsAt: "asc" },
    }),
  ]);
  const settings = centerSettingsSchema.catch(DEFAULT_CENTER_SETTINGS).parse(center?.settings ?? {});
  const windowOfStaff = new Map(shifts.map((s) => [s.staffId, s.window.number]));
  return {
    at: now.toISOString(),
    phase: hallPhaseAt(settings, now),
    onDuty: shifts.map((s) => {
      const pause = s.pauses[0];
      return {
        shiftId: s.id,
        windowId: s.windowId,
        windowNumber: s.window.number,
        windowName: s.window.name,
        zone: s.window.zone,
        staffId: s.staffId,
        staffName: s.staff.name,
        staffNo: s.staff.staffNo,
        startedAt: s.startedAt.toISOString(),
        pause: pause ? { reason: pause.reason, note: pause.note, startedAt: pause.startedAt.toISOString() } : null,
      };
    }),
    absentNow: absences.map((a) => ({
      ...presentAbsence(a),
      windowNumbers: a.staff.windows.map((w) => w.window.number).sort((x, y) => x - y),
      coverWindowNumber: a.coverStaffId !== null ? (windowOfStaff.get(a.coverStaffId) ?? null) : null,
    })),
  };
}
