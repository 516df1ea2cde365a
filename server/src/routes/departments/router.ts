// Departments stationed in the hall (进驻部门).
import { idParamSchema } from "../../contracts/common.ts";
import { createDepartmentBodySchema, sortedListQuerySchema, updateDepartmentBodySchema, type SortedListQuery } from "../../contracts/masterData.ts";
import { orderByOf } from "../../domain/masterData/listOrder.ts";
import { createDepartment, updateDepartment } from "../../domain/masterData/manageDepartments.ts";
import type { Actor } from "../../policies/actor.ts";
import { EXPORT_MAX_ROWS, sendWorkbook } from "../exports/sendWorkbook.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { authorize, canSeeCenter, centerScope, requireInScope } from "../../policies/authorize.ts";
import { canEditInCenter, canEditMasterData, canReadDepartments, departmentLimit } from "../../policies/masterData.ts";
import { presentDepartment } from "../../presenters/masterData.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

const SORTABLE = ["code", "name", "shortName", "active", "updatedAt"] as const;
const FALLBACK: Record<string, "asc" | "desc">[] = [{ centerId: "asc" }, { code: "asc" }];

function listWhere(actor: Actor, q: SortedListQuery) {
  const onlyDept = departmentLimit(actor);
  return {
    ...centerScope(actor, q.centerId),
    ...(onlyDept !== null ? { id: onlyDept } : {}),
    ...(q.active !== undefined ? { active: q.active } : {}),
    ...(q.q ? { OR: [{ name: { contains: q.q } }, { code: { contains: q.q } }, { shortName: { contains: q.q } }] } : {}),
  };
}

export function departmentsRouter() {
  const router = createRouter("/api/departments");

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadDepartments(actor));
    const q = parse(sortedListQuerySchema, ctx.query);
    const where = listWhere(actor, q);
    const [rows, total] = await Promise.all([
      ctx.services.prisma.department.findMany({
        where,
        orderBy: orderByOf(q.sort, SORTABLE, FALLBACK),
        include: { _count: { select: { staff: true, items: true } } },
        ...pageArgs(q),
      }),
      ctx.services.prisma.department.count({ where }),
    ]);
    ctx.body = { items: rows.map(presentDepartment), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/export.xlsx", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadDepartments(actor));
    const q = parse(sortedListQuerySchema, ctx.query);
    const rows = await ctx.services.prisma.department.findMany({
      where: listWhere(actor, q),
      orderBy: orderByOf(q.sort, SORTABLE, FALLBACK),
      include: { _count: { select: { staff: true, items: true } } },
      take: EXPORT_MAX_ROWS,
    });
    await sendWorkbook(ctx, "进驻部门", [
      { header: "部门编码", value: (r) => r.code },
      { header: "部门名称", width: 32, value: (r) => r.name },
      { header: "简称", value: (r) => r.shortName },
      { header: "工作人员数", value: (r) => r._count.staff },
      { header: "事项数", value: (r) => r._count.items },
      { header: "状态", value: (r) => (r.active ? "启用" : "停用") },
    ], rows);
  });

  router.post("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canEditMasterData(actor) && actor.centerId !== null);
    const body = parse(createDepartmentBodySchema, ctx.request.body);
    const dept = await createDepartment(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId ?? -1, body });
    ctx.status = 201;
    ctx.body = presentDepartment(dept);
  });

  router.patch("/:id", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canEditMasterData(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const department = await ctx.services.prisma.department.findUnique({ where: { id } });
    requireInScope(department !== null && canEditInCenter(actor, department.centerId));
    const body = parse(updateDepartmentBodySchema, ctx.request.body);
    ctx.body = presentDepartment(await updateDepartment(ctx.services, { auditActor: auditActorOf(ctx), department, body }));
  });

  router.get("/:id", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadDepartments(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const row = await ctx.services.prisma.department.findUnique({
      where: { id },
      include: { _count: { select: { staff: true, items: true } } },
    });
    const onlyDept = departmentLimit(actor);
    requireInScope(row !== null && canSeeCenter(actor, row.centerId) && (onlyDept === null || onlyDept === row.id));
    ctx.body = presentDepartment(row);
  });

  return router;
}
