// Creating, changing and deactivating departments stationed in the hall (进驻部门). A department with
// active staff cannot be deactivated: their home department would vanish under them.
import type { CreateDepartmentBody, UpdateDepartmentBody } from "../../contracts/masterData.ts";
import { AppError } from "../../errors.ts";
import type { Department } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { duplicate } from "./fieldErrors.ts";

export async function createDepartment(services: Services, opts: { auditActor: AuditActor; centerId: number; body: CreateDepartmentBody }): Promise<Department> {
  const now = services.clock.now();
  const { body, centerId } = opts;
  return services.prisma.$transaction(async (tx) => {
    if (await tx.department.findUnique({ where: { centerId_code: { centerId, code: body.code } } })) {
      throw duplicate("code", "部门编码已存在", "The department code already exists");
    }
    const dept = await tx.department.create({ data: { ...body, centerId } });
    await recordAudit(tx, opts.auditActor, { action: "create.department", entity: "Department", entityId: dept.id, centerId, after: dept }, now);
    return dept;
  });
}

export async function updateDepartment(services: Services, opts: { auditActor: AuditActor; department: Department; body: UpdateDepartmentBody }): Promise<Department> {
  const now = services.clock.now();
  const { body, department } = opts;
  return services.prisma.$transaction(async (tx) => {
    if (body.code !== undefined && body.code !== department.code) {
      if (await tx.department.findUnique({ where: { centerId_code: { centerId: department.centerId, code: body.code } } })) {
        throw duplicate("code", "部门编码已存在", "The department code already exists");
      }
    }
    if (body.active === false && department.active) {
      const activeStaff = await tx.staff.count({ where: { departmentId: department.id, active: true } });
      if (activeStaff > 0) throw new AppError("DEPARTMENT_HAS_ACTIVE_STAFF", { issues: [{ path: "active", code: "active_staff", message: `该部门仍有 ${activeStaff} 名在岗工作人员`, messageEn: `${activeStaff} active staff members` }] });
    }
    const updated = await tx.department.update({ where: { id: department.id }, data: body });
    await recordAudit(tx, opts.auditActor, { action: "update.department", entity: "Department", entityId: department.id, centerId: department.centerId, before: department, after: updated }, now);
    return updated;
  });
}
