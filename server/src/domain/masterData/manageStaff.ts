// Creating and changing staff records (工作人员). Staff numbers (工号) are unique in the center;
// deactivating a staff member also ends their window assignments' use for sign-in.
import type { CreateStaffBody, UpdateStaffBody } from "../../contracts/masterData.ts";
import type { Staff } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { duplicate } from "./fieldErrors.ts";
import { assertDepartmentOfCenter } from "./manageItems.ts";

/** Join dates are calendar days in Asia/Shanghai; stored as that day's midnight there. */
export const shanghaiMidnight = (day: string): Date => new Date(`${day}T00:00:00+08:00`);

export async function createStaff(services: Services, opts: { auditActor: AuditActor; centerId: number; body: CreateStaffBody }): Promise<Staff> {
  const now = services.clock.now();
  const { body, centerId } = opts;
  return services.prisma.$transaction(async (tx) => {
    await assertDepartmentOfCenter(tx, centerId, body.departmentId);
    if (await tx.staff.findUnique({ where: { centerId_staffNo: { centerId, staffNo: body.staffNo } } })) {
      throw duplicate("staffNo", "工号已存在", "The staff number already exists");
    }
    const staff = await tx.staff.create({ data: { ...body, centerId, joinedAt: shanghaiMidnight(body.joinedAt) } });
    await recordAudit(tx, opts.auditActor, { action: "create.staff", entity: "Staff", entityId: staff.id, centerId, after: staff }, now);
    return staff;
  });
}

export async function updateStaff(services: Services, opts: { auditActor: AuditActor; staff: Staff; body: UpdateStaffBody }): Promise<Staff> {
  const now = services.clock.now();
  const { body, staff } = opts;
  return services.prisma.$transaction(async (tx) => {
    if (body.departmentId !== undefined && body.departmentId !== staff.departmentId) await assertDepartmentOfCenter(tx, staff.centerId, body.departmentId);
    if (body.staffNo !== undefined && body.staffNo !== staff.staffNo) {
      if (await tx.staff.findUnique({ where: { centerId_staffNo: { centerId: staff.centerId, staffNo: body.staffNo } } })) {
        throw duplicate("staffNo", "工号已存在", "The staff number already exists");
      }
    }
    const { joinedAt, ...rest } = body;
    const updated = await tx.staff.update({ where: { id: staff.id }, data: { ...rest, ...(joinedAt ? { joinedAt: shanghaiMidnight(joinedAt) } : {}) } });
    await recordAudit(tx, opts.auditActor, { action: "update.staff", entity: "Staff", entityId: staff.id, centerId: staff.centerId, before: staff, after: updated }, now);
    return updated;
  });
}
