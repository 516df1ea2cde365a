// Creating and changing windows (服务窗口) and what they handle. Window numbers are unique in the
// center. A window may only be assigned items that one of its departments offers (an item belongs to
// one department), so the catalogue never sends a citizen to a window that cannot serve them.
import type { CreateWindowBody, UpdateWindowBody, WindowStaffDto } from "../../contracts/masterData.ts";
import { AppError } from "../../errors.ts";
import type { Window } from "../../generated/prisma/client.ts";
import type { Tx } from "../../db/database.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { badReference, duplicate } from "./fieldErrors.ts";

type WindowWithDepartments = Window & { departments: { departmentId: number }[] };

async function assertDepartments(tx: Tx, centerId: number, ids: number[]): Promise<void> {
  const rows = await tx.department.findMany({ where: { id: { in: ids }, centerId, active: true } });
  if (rows.length !== new Set(ids).size) throw badReference("departmentIds", "部门不存在或已停用", "No such active department");
}

export async function createWindow(services: Services, opts: { auditActor: AuditActor; centerId: number; body: CreateWindowBody }): Promise<WindowWithDepartments> {
  const now = services.clock.now();
  const { body, centerId } = opts;
  return services.prisma.$transaction(async (tx) => {
    if (await tx.window.findUnique({ where: { centerId_number: { centerId, number: body.number } } })) {
      throw duplicate("number", "窗口号已存在", "The window number already exists");
    }
    await assertDepartments(tx, centerId, body.departmentIds);
    const { departmentIds, ...fields } = body;
    const win = await tx.window.create({
      data: { ...fields, centerId, departments: { create: [...new Set(departmentIds)].map((departmentId) => ({ departmentId })) } },
      include: { departments: { select: { departmentId: true } } },
    });
    await recordAudit(tx, opts.auditActor, { action: "create.window", entity: "Window", entityId: win.id, centerId, after: win }, now);
    return win;
  });
}

export async function updateWindow(services: Services, opts: { auditActor: AuditActor; window: WindowWithDepartments; body: UpdateWindowBody }): Promise<WindowWithDepartments> {
  const now = services.clock.now();
  const { body, window } = opts;
  return services.prisma.$transaction(async (tx) => {
    if (body.number !== undefined && body.number !== window.number) {
      if (await tx.window.findUnique({ where: { centerId_number: { centerId: window.centerId, number: body.number } } })) {
        throw duplicate("number", "窗口号已存在", "The window number already exists");
      }
    }
    const { departmentIds, ...fields } = body;
    if (departmentIds) {
      await assertDepartments(tx, window.centerId, departmentIds);
      // Items the window keeps must still be offered by one of its departments
      const stranded = await tx.windowItem.count({ where: { windowId: window.id, item: { departmentId: { notIn: departmentIds } } } });
      if (stranded > 0) throw new AppError("ITEM_NOT_OFFERED", { issues: [{ path: "departmentIds", code: "stranded_items", message: `有 ${stranded} 个已分配事项不属于这些部门`, messageEn: `${stranded} assigned items belong to no remaining department` }] });
      const strandedStaff = await tx.windowStaff.count({ where: { windowId: window.id, staff: { departmentId: { notIn: departmentIds } } } });
      if (strandedStaff > 0) throw new AppError("STAFF_NOT_AT_WINDOW", { issues: [{ path: "departmentIds", code: "stranded_staff", message: `有 ${strandedStaff} 名窗口人员不属于这些部门，请先调整窗口人员`, messageEn: `${strandedStaff} staff of this window belong to no remaining department` }] });
      await tx.windowDepartment.deleteMany({ where: { windowId: window.id } });
      await tx.windowDepartment.createMany({ data: [...new Set(departmentIds)].map((departmentId) => ({ windowId: window.id, departmentId })) });
    }
    const updated = await tx.window.update({ where: { id: window.id }, data: fields, include: { departments: { select: { departmentId: true } } } });
    await recordAudit(tx, opts.auditActor, { action: "update.window", entity: "Window", entityId: window.id, centerId: window.centerId, before: window, after: updated }, now);
    return updated;
  });
}

/** Replaces the set of items a window handles; refuses any item no department of the window offers. */
export async function assignWindowItems(services: Services, opts: { auditActor: AuditActor; window: WindowWithDepartments; itemIds: number[] }): Promise<number[]> {
  const now = services.clock.now();
  const { window } = opts;
  const itemIds = [...new Set(opts.itemIds)];
  const departmentIds = window.departments.map((d) => d.departmentId);
  return services.prisma.$transaction(async (tx) => {
    const items = await tx.serviceItem.findMany({ where: { id: { in: itemIds }, centerId: window.centerId } });
    if (items.length !== itemIds.length) throw badReference("itemIds", "事项不存在", "No such item");
    const foreign = items.filter((i) => !departmentIds.includes(i.departmentId));
    if (foreign.length > 0) {
      throw new AppError("ITEM_NOT_OFFERED", {
        issues: foreign.map((i) => ({ path: "itemIds", code: "not_offered", message: `窗口所属部门不办理事项「${i.name}」(${i.code})`, messageEn: `No department of this window offers ${i.code}` })),
      });
    }
    const before = (await tx.windowItem.findMany({ where: { windowId: window.id }, select: { itemId: true } })).map((r) => r.itemId).sort((a, b) => a - b);
    await tx.windowItem.deleteMany({ where: { windowId: window.id } });
    await tx.windowItem.createMany({ data: itemIds.map((itemId) => ({ windowId: window.id, itemId })) });
    const after = [...itemIds].sort((a, b) => a - b);
    await recordAudit(tx, opts.auditActor, { action: "assign.windowItems", entity: "Window", entityId: window.id, centerId: window.centerId, before: { itemIds: before }, after: { itemIds: after } }, now);
    return after;
  });
}

/**
 * Replaces a window's regular staff and AB岗 backups: only active staff of the same center whose home
 * department is stationed at the window (a citizen must not be served by a department that is not
 * there). Refusals name each offending person.
 */
export async function assignWindowStaff(
  services: Services,
  opts: { auditActor: AuditActor; window: WindowWithDepartments; staff: { staffId: number; backup: boolean }[] },
): Promise<WindowStaffDto> {
  const now = services.clock.now();
  const { window } = opts;
  const wanted = opts.staff;
  const departmentIds = window.departments.map((d) => d.departmentId);
  return services.prisma.$transaction(async (tx) => {
    const rows = await tx.staff.findMany({ where: { id: { in: wanted.map((s) => s.staffId) }, centerId: window.centerId } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = wanted.filter((w) => !byId.get(w.staffId)?.active);
    if (missing.length > 0) {
      throw new AppError("VALIDATION_FAILED", {
        issues: missing.map((m) => ({ path: "staff", code: "invalid_reference", message: `工作人员 #${m.staffId} 不存在或已停用`, messageEn: `No such active staff member #${m.staffId}` })),
      });
    }
    const foreign = rows.filter((r) => !departmentIds.includes(r.departmentId));
    if (foreign.length > 0) {
      throw new AppError("STAFF_NOT_AT_WINDOW", {
        issues: foreign.map((r) => ({ path: "staff", code: "not_stationed", message: `${r.name}（${r.staffNo}）所在部门未进驻该窗口`, messageEn: `${r.staffNo}'s department is not stationed at this window` })),
      });
    }
    const before = await tx.windowStaff.findMany({ where: { windowId: window.id }, select: { staffId: true, backup: true }, orderBy: { staffId: "asc" } });
    await tx.windowStaff.deleteMany({ where: { windowId: window.id } });
    await tx.windowStaff.createMany({ data: wanted.map((s) => ({ windowId: window.id, staffId: s.staffId, backup: s.backup })) });
    const after = [...wanted].sort((a, b) => a.staffId - b.staffId);
    await recordAudit(tx, opts.auditActor, { action: "assign.windowStaff", entity: "Window", entityId: window.id, centerId: window.centerId, before: { staff: before }, after: { staff: after } }, now);
    return loadWindowStaff(tx, window.id);
  });
}

/** A window's regulars first, then its backups, each by staff number. */
export async function loadWindowStaff(db: Tx | Services["prisma"], windowId: number): Promise<WindowStaffDto> {
  const rows = await db.windowStaff.findMany({ where: { windowId }, include: { staff: true } });
  const staff = rows
    .map((r) => ({ staffId: r.staffId, backup: r.backup, name: r.staff.name, staffNo: r.staff.staffNo, departmentId: r.staff.departmentId, active: r.staff.active }))
    .sort((a, b) => Number(a.backup) - Number(b.backup) || a.staffNo.localeCompare(b.staffNo));
  return { staff };
}
