// Approved absences (请假、出差、培训) recorded by a supervisor or leader, optionally with an AB岗
// cover: while the absence lasts the cover may sign in to the absent colleague's windows, and an
// empty window with cover is not the window's failure. An absence may not overlap another of the
// same person, and the cover may not be away themselves while covering.
import type { CreateAbsenceBody } from "../../contracts/shifts.ts";
import { AppError } from "../../errors.ts";
import type { StaffAbsence } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { badReference } from "../masterData/fieldErrors.ts";

export type AbsenceWithNames = StaffAbsence & { staff: { name: string }; cover: { name: string } | null };
/** What a presented absence needs loaded with it. */
export const ABSENCE_NAMES = { staff: { select: { name: true } }, cover: { select: { name: true } } } as const;

const overlapping = (startsAt: Date, endsAt: Date) => ({ startsAt: { lt: endsAt }, endsAt: { gt: startsAt } });

export async function recordAbsence(services: Services, opts: { auditActor: AuditActor; centerId: number; approvedById: number; body: CreateAbsenceBody }): Promise<AbsenceWithNames> {
  const now = services.clock.now();
  const { body, centerId } = opts;
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  return services.prisma.$transaction(async (tx) => {
    const staff = await tx.staff.findUnique({ where: { id: body.staffId } });
    if (!staff || staff.centerId !== centerId) throw badReference("staffId", "工作人员不存在", "No such staff member");
    if (await tx.staffAbsence.findFirst({ where: { staffId: staff.id, ...overlapping(startsAt, endsAt) } })) {
      throw new AppError("CONFLICT", { issues: [{ path: "startsAt", code: "overlap", message: "该工作人员在这段时间内已有请假记录", messageEn: "This staff member already has an absence in this period" }] });
    }
    if (body.coverStaffId !== null) {
      const cover = await tx.staff.findUnique({ where: { id: body.coverStaffId } });
      if (!cover || cover.centerId !== centerId || !cover.active) throw badReference("coverStaffId", "代班人员不存在或已停用", "No such active cover staff member");
      if (await tx.staffAbsence.findFirst({ where: { staffId: cover.id, ...overlapping(startsAt, endsAt) } })) {
        throw new AppError("CONFLICT", { issues: [{ path: "coverStaffId", code: "cover_absent", message: "代班人员在这段时间内本人也不在岗", messageEn: "The cover is away during this period too" }] });
      }
    }
    const absence = await tx.staffAbsence.create({
      data: { staffId: body.staffId, kind: body.kind, startsAt, endsAt, coverStaffId: body.coverStaffId, approvedById: opts.approvedById, note: body.note ?? null },
      include: ABSENCE_NAMES,
    });
    await recordAudit(tx, opts.auditActor, { action: "create.absence", entity: "StaffAbsence", entityId: absence.id, centerId, after: absence }, now);
    return absence;
  });
}
