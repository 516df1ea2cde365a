// Shifts and absences as JSON.
import type { AbsenceDto, ShiftDto } from "../contracts/shifts.ts";
import type { AbsenceWithNames } from "../domain/shifts/manageAbsences.ts";
import type { Shift, ShiftPause } from "../generated/prisma/client.ts";

export const presentShift = (s: Shift & { pauses: ShiftPause[] }): ShiftDto => {
  const open = s.pauses.find((p) => p.endedAt === null);
  return {
    id: s.id,
    centerId: s.centerId,
    windowId: s.windowId,
    staffId: s.staffId,
    startedAt: s.startedAt.toISOString(),
    endedAt: s.endedAt ? s.endedAt.toISOString() : null,
    pause: open ? { reason: open.reason, note: open.note, startedAt: open.startedAt.toISOString() } : null,
  };
};

export const presentAbsence = (a: AbsenceWithNames): AbsenceDto => ({
  id: a.id,
  staffId: a.staffId,
  staffName: a.staff.name,
  kind: a.kind,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt.toISOString(),
  coverStaffId: a.coverStaffId,
  coverStaffName: a.cover?.name ?? null,
  approvedById: a.approvedById,
  note: a.note,
});
