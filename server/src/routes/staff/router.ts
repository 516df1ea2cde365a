// Staff working in the hall. Liaisons read their department's staff; window staff read themselves.
// Administrators create and change staff records (never delete them: ratings and cases refer to them).
import { idParamSchema } from "../../contracts/common.ts";
import { createStaffBodySchema, sortedListQuerySchema, updateStaffBodySchema, type SortedListQuery } from "../../contracts/masterData.ts";
import { orderByOf } from "../../domain/masterData/listOrder.ts";
import { createStaff, updateStaff } from "../../domain/masterData/manageStaff.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, canSeeCenter, centerScope, requireInScope } from "../../policies/authorize.ts";
import { canEditInCenter, canEditMasterData, canReadStaff, departmentLimit, staffLimit } from "../../policies/masterData.ts";
import { presentStaff } from "../../presenters/masterData.ts";
import { EXPORT_MAX_ROWS, sendWorkbook } from "../exports/sendWorkbook.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

const SORTABLE = ["staffNo", "name", "departmentId", "title", "partyMember", "active", "joinedAt", "updatedAt"] as const;
const FALLBACK: Record<string, "asc" | "desc">[] = [{ centerId: "asc" }, { staffNo: "asc" }];

function listWhere(actor: Actor, q: SortedListQuery) {
  const dept = departmentLimit(actor) ?? q.departmentId;
  const self = staffLimit(actor);
  return {
    ...centerScope(actor, q.centerId),
    ...(dept !== undefined ? { departmentId: dept } : {}),
    ...(self !== null ? { id: self } : {}),
    ...(q.active !== undefined ? { active: q.active } : {}),
    ...(q.q ? { OR: [{ name: { contains: q.q } }, { staffNo: { contains: q.q } }] } : {}),
  };
}

export function staffRouter() {
  const router = createRouter("/api/staff");

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadStaff(actor));
    const q = parse(sortedListQuerySchema, ctx.query);
    const where = listWhere(actor, q);
    const [rows, total] = await Promise.all([
      ctx.services.prisma.staff.findMany({ where, orderBy: orderByOf(q.sort, SORTABLE, FALLBACK), ...pageArgs(q) }),
      ctx.services.prisma.staff.count({ where }),
    ]);
    ctx.body = { items: rows.map(presentStaff), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/export.xlsx", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadStaff(actor));
    const q = parse(sortedListQuerySchema, ctx.query);
    const rows = await ctx.services.prisma.staff.findMany({
      where: listWhere(actor, q),
      include: { department: { select: { name: true } } },
      orderBy: orderByOf(q.sort, SORTABLE, FALLBACK),
      take: EXPORT_MAX_ROWS,
    });
    await sendWorkbook(ctx, "工作人员", [
      { header: "工号", value: (r) => r.staffNo },
      { header: "姓名", value: (r) => r.name },
      { header: "部门", width: 32, value: (r) => r.department.name },
      { header: "职务", value: (r) => r.title },
      { header: "党员", value: (r) => (r.partyMember ? "是" : "否") },
      { header: "状态", value: (r) => (r.active ? "在岗" : "停用") },
    ], rows);
  });

  router.get("/:id", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadStaff(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const row = await ctx.services.prisma.staff.findUnique({ where: { id } });
    const dept = departmentLimit(actor);
    const self = staffLimit(actor);
    requireInScope(
      row !== null && canSeeCenter(actor, row.centerId) && (dept === null || row.departmentId === dept) && (self === null || row.id === self),
    );
    ctx.body = presentStaff(row);
  });

  router.post("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canEditMasterData(actor) && actor.centerId !== null);
    const body = parse(createStaffBodySchema, ctx.request.body);
    const staff = await createStaff(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId ?? -1, body });
    ctx.status = 201;
    ctx.body = presentStaff(staff);
  });

  router.patch("/:id", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canEditMasterData(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const staff = await ctx.services.prisma.staff.findUnique({ where: { id } });
    requireInScope(staff !== null && canEditInCenter(actor, staff.centerId));
    const body = parse(updateStaffBodySchema, ctx.request.body);
    ctx.body = presentStaff(await updateStaff(ctx.services, { auditActor: auditActorOf(ctx), staff, body }));
  });

  return router;
}
