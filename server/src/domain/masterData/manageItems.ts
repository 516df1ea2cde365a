// Creating and changing service items (服务事项). Items are never deleted: cases and ratings refer to
// them; `active: false` takes an item out of the catalogue and the forms.
import type { CreateItemBody, UpdateItemBody } from "../../contracts/masterData.ts";
import type { ServiceItem } from "../../generated/prisma/client.ts";
import type { Tx } from "../../db/database.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { badReference, duplicate } from "./fieldErrors.ts";
import { AppError } from "../../errors.ts";

export async function assertDepartmentOfCenter(tx: Tx, centerId: number, departmentId: number, path = "departmentId"): Promise<void> {
  const dept = await tx.department.findUnique({ where: { id: departmentId } });
  if (!dept || dept.centerId !== centerId) throw badReference(path, "部门不存在", "No such department");
  if (!dept.active) throw badReference(path, "部门已停用", "The department is inactive");
}

export async function createItem(services: Services, opts: { auditActor: AuditActor; centerId: number; body: CreateItemBody }): Promise<ServiceItem> {
  const now = services.clock.now();
  const { body, centerId } = opts;
  return services.prisma.$transaction(async (tx) => {
    await assertDepartmentOfCenter(tx, centerId, body.departmentId);
    if (await tx.serviceItem.findUnique({ where: { centerId_code: { centerId, code: body.code } } })) {
      throw duplicate("code", "事项编码已存在", "The item code already exists");
    }
    const item = await tx.serviceItem.create({ data: { ...body, centerId } });
    await recordAudit(tx, opts.auditActor, { action: "create.item", entity: "ServiceItem", entityId: item.id, centerId, after: item }, now);
    return item;
  });
}

export async function updateItem(services: Services, opts: { auditActor: AuditActor; item: ServiceItem; body: UpdateItemBody }): Promise<ServiceItem> {
  const now = services.clock.now();
  const { body, item } = opts;
  const statutory = body.statutoryLimitDays ?? item.statutoryLimitDays;
  const promised = body.promisedLimitDays ?? item.promisedLimitDays;
  if (promised > statutory) throw badReference("promisedLimitDays", "承诺时限不能长于法定时限", "The promised limit cannot exceed the statutory limit");
  return services.prisma.$transaction(async (tx) => {
    if (body.departmentId !== undefined && body.departmentId !== item.departmentId) {
      await assertDepartmentOfCenter(tx, item.centerId, body.departmentId);
      const assigned = await tx.windowItem.count({ where: { itemId: item.id } });
      if (assigned > 0) throw new AppError("ITEM_NOT_OFFERED", { issues: [{ path: "departmentId", code: "assigned", message: "事项已分配到窗口，请先取消分配再更换部门", messageEn: "The item is assigned to windows; unassign it before moving it" }] });
    }
    if (body.code !== undefined && body.code !== item.code) {
      if (await tx.serviceItem.findUnique({ where: { centerId_code: { centerId: item.centerId, code: body.code } } })) {
        throw duplicate("code", "事项编码已存在", "The item code already exists");
      }
    }
    const updated = await tx.serviceItem.update({ where: { id: item.id }, data: body });
    await recordAudit(tx, opts.auditActor, { action: "update.item", entity: "ServiceItem", entityId: item.id, centerId: item.centerId, before: item, after: updated }, now);
    return updated;
  });
}
