// Service items (服务事项) as staff, supervisors and administrators read and edit them; the public
// catalogue is separate (routes/catalog). Lists sort, filter and export to Excel as filtered.
import { idParamSchema } from "../../contracts/common.ts";
import { createItemBodySchema, sortedListQuerySchema, updateItemBodySchema, type SortedListQuery } from "../../contracts/masterData.ts";
import { orderByOf } from "../../domain/masterData/listOrder.ts";
import { createItem, updateItem } from "../../domain/masterData/manageItems.ts";
import type { AppContext } from "../../koa.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, canSeeCenter, centerScope, requireInScope } from "../../policies/authorize.ts";
import { canEditInCenter, canEditMasterData, canReadItems } from "../../policies/masterData.ts";
import { presentItem } from "../../presenters/masterData.ts";
import { EXPORT_MAX_ROWS, sendWorkbook } from "../exports/sendWorkbook.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

const SORTABLE = ["code", "name", "category", "departmentId", "statutoryLimitDays", "promisedLimitDays", "updatedAt"] as const;

function listWhere(actor: Actor, q: SortedListQuery) {
  return {
    ...centerScope(actor, q.centerId),
    ...(q.departmentId ? { departmentId: q.departmentId } : {}),
    ...(q.active !== undefined ? { active: q.active } : {}),
    ...(q.q ? { OR: [{ name: { contains: q.q } }, { code: { contains: q.q } }] } : {}),
  };
}

async function loadForEdit(ctx: AppContext & { params: Record<string, string> }, actor: Actor) {
  authorize(canEditMasterData(actor));
  const { id } = parse(idParamSchema, ctx.params);
  const row = await ctx.services.prisma.serviceItem.findUnique({ where: { id } });
  requireInScope(row !== null && canEditInCenter(actor, row.centerId));
  return row;
}

export function itemsRouter() {
  const router = createRouter("/api/items");
  const fallback: Record<string, "asc" | "desc">[] = [{ centerId: "asc" }, { code: "asc" }];

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadItems(actor));
    const q = parse(sortedListQuerySchema, ctx.query);
    const where = listWhere(actor, q);
    const [rows, total] = await Promise.all([
      ctx.services.prisma.serviceItem.findMany({ where, orderBy: orderByOf(q.sort, SORTABLE, fallback), ...pageArgs(q) }),
      ctx.services.prisma.serviceItem.count({ where }),
    ]);
    ctx.body = { items: rows.map(presentItem), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/export.xlsx", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadItems(actor));
    const q = parse(sortedListQuerySchema, ctx.query);
    const rows = await ctx.services.prisma.serviceItem.findMany({
      where: listWhere(actor, q),
      orderBy: orderByOf(q.sort, SORTABLE, fallback),
      include: { department: { select: { name: true } } },
      take: EXPORT_MAX_ROWS,
    });
    await sendWorkbook(ctx, "服务事项", [
      { header: "事项编码", width: 24, value: (r) => r.code },
      { header: "事项名称", width: 40, value: (r) => r.name },
      { header: "部门", width: 24, value: (r) => r.department.name },
      { header: "类别", value: (r) => r.category },
      { header: "法定时限(工作日)", value: (r) => r.statutoryLimitDays },
      { header: "承诺时限(工作日)", value: (r) => r.promisedLimitDays },
      { header: "收费", value: (r) => r.fee },
      { header: "是否公开", value: (r) => (r.public ? "是" : "否") },
      { header: "状态", value: (r) => (r.active ? "启用" : "停用") },
    ], rows);
  });

  router.get("/:id", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadItems(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const row = await ctx.services.prisma.serviceItem.findUnique({ where: { id } });
    requireInScope(row !== null && canSeeCenter(actor, row.centerId));
    ctx.body = presentItem(row);
  });

  router.post("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canEditMasterData(actor) && actor.centerId !== null);
    const body = parse(createItemBodySchema, ctx.request.body);
    const item = await createItem(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId ?? -1, body });
    ctx.status = 201;
    ctx.body = presentItem(item);
  });

  router.patch("/:id", async (ctx) => {
    const actor = requireActor(ctx);
    const item = await loadForEdit(ctx, actor);
    const body = parse(updateItemBodySchema, ctx.request.body);
    ctx.body = presentItem(await updateItem(ctx.services, { auditActor: auditActorOf(ctx), item, body }));
  });

  return router;
}
