// Approved absences (请假、出差、培训) recorded by a supervisor or leader, optionally with an AB岗
// cover: while the absence lasts the cover may sign in to the absent colleague's windows, and an
// empty window with cover is not the window's failure.
import type { CreateAbsenceBody } from "../../contracts/shifts.ts";
import type { StaffAbsence } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { badReference } from "../masterData/fieldErrors.ts";

export async function recordAbsence(services: Services, opts: { auditActor: AuditActor; centerId: number; approvedById: number; body: CreateAbsenceBody }): Promise<StaffAbsence> {
  const now = services.clock.now();
  const { body, centerId } = opts;
  return services.prisma.$transaction(async (tx) => {
    const staff = await tx.staff.findUnique({ where: { id: body.staffId } });
    if (!staff || staff.centerId !== centerId) throw badReference("staffId", "工作人员不存在", "No such staff member");
    if (body.coverStaffId !== null) {
      const cover = await tx.staff.findUnique({ where: { id: body.coverStaffId } });
      if (!cover || cover.centerId !== centerId || !cover.active) throw badReference("coverStaffId", "代班人员不存在或已停用", "No such active cover staff member");
    }
    const absence = await tx.staffAbsence.create({
      data: {
        staffId: body.staffId,
        kind: body.kind,
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
        coverStaffId: body.coverStaffId,
        approvedById: opts.approvedById,
        note: body.note ?? null,
      },
    });
    await recordAudit(tx, opts.auditActor, { action: "create.absence", entity: "StaffAbsence", entityId: absence.id, centerId, after: absence }, now);
    return absence;
  });
}
