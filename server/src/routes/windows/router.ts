// Service windows (服务窗口). Liaisons see the windows of their own department only. Administrators
// create and change windows and assign their departments, items and staff (AB岗).
import { idParamSchema } from "../../contracts/common.ts";
import { createWindowBodySchema, sortedListQuerySchema, updateWindowBodySchema, windowItemsBodySchema, windowStaffBodySchema, windowStaffDtoSchema, type SortedListQuery } from "../../contracts/masterData.ts";
import { orderByOf } from "../../domain/masterData/listOrder.ts";
import { assignWindowItems, assignWindowStaff, createWindow, loadWindowStaff, updateWindow } from "../../domain/masterData/manageWindows.ts";
import type { AppContext } from "../../koa.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, canSeeCenter, centerScope, requireInScope } from "../../policies/authorize.ts";
import { canEditInCenter, canEditMasterData, canReadWindows, departmentLimit } from "../../policies/masterData.ts";
import { presentWindow } from "../../presenters/masterData.ts";
import { EXPORT_MAX_ROWS, sendWorkbook } from "../exports/sendWorkbook.ts";
import { spec } from "../openapi/routeSpec.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

const SORTABLE = ["number", "zone", "name", "partyPost", "active", "updatedAt"] as const;
const FALLBACK: Record<string, "asc" | "desc">[] = [{ centerId: "asc" }, { number: "asc" }];
const include = { departments: { select: { departmentId: true } } } as const;

function listWhere(actor: Actor, q: SortedListQuery) {
  const dept = departmentLimit(actor) ?? q.departmentId;
  const number = q.q && /^\d{1,4}$/.test(q.q) ? Number(q.q) : undefined;
  return {
    ...centerScope(actor, q.centerId),
    ...(dept !== undefined ? { departments: { some: { departmentId: dept } } } : {}),
    ...(q.active !== undefined ? { active: q.active } : {}),
    ...(q.q ? { OR: [{ name: { contains: q.q } }, { zone: { contains: q.q } }, ...(number ? [{ number }] : [])] } : {}),
  };
}

async function loadForEdit(ctx: AppContext & { params: Record<string, string> }, actor: Actor) {
  authorize(canEditMasterData(actor));
  const { id } = parse(idParamSchema, ctx.params);
  const row = await ctx.services.prisma.window.findUnique({ where: { id }, include });
  requireInScope(row !== null && canEditInCenter(actor, row.centerId));
  return row;
}

export function windowsRouter() {
  const router = createRouter("/api/windows");

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadWindows(actor));
    const q = parse(sortedListQuerySchema, ctx.query);
    const where = listWhere(actor, q);
    const [rows, total] = await Promise.all([
      ctx.services.prisma.window.findMany({ where, include, orderBy: orderByOf(q.sort, SORTABLE, FALLBACK), ...pageArgs(q) }),
      ctx.services.prisma.window.count({ where }),
    ]);
    ctx.body = { items: rows.map(presentWindow), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/export.xlsx", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadWindows(actor));
    const q = parse(sortedListQuerySchema, ctx.query);
    const rows = await ctx.services.prisma.window.findMany({
      where: listWhere(actor, q),
      include: { departments: { include: { department: { select: { name: true } } } } },
      orderBy: orderByOf(q.sort, SORTABLE, FALLBACK),
      take: EXPORT_MAX_ROWS,
    });
    await sendWorkbook(ctx, "服务窗口", [
      { header: "窗口号", value: (r) => r.number },
      { header: "区域", value: (r) => r.zone },
      { header: "名称", width: 28, value: (r) => r.name },
      { header: "进驻部门", width: 40, value: (r) => r.departments.map((d) => d.department.name).join("、") },
      { header: "党员责任岗", value: (r) => (r.partyPost ? "是" : "否") },
      { header: "状态", value: (r) => (r.active ? "启用" : "停用") },
    ], rows);
  });

  router.get("/:id", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadWindows(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const row = await ctx.services.prisma.window.findUnique({ where: { id }, include });
    const dept = departmentLimit(actor);
    requireInScope(
      row !== null && canSeeCenter(actor, row.centerId) && (dept === null || row.departments.some((d) => d.departmentId === dept)),
    );
    ctx.body = presentWindow(row);
  });

  router.post("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canEditMasterData(actor) && actor.centerId !== null);
    const body = parse(createWindowBodySchema, ctx.request.body);
    const win = await createWindow(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId ?? -1, body });
    ctx.status = 201;
    ctx.body = presentWindow(win);
  });

  router.patch("/:id", async (ctx) => {
    const actor = requireActor(ctx);
    const window = await loadForEdit(ctx, actor);
    const body = parse(updateWindowBodySchema, ctx.request.body);
    ctx.body = presentWindow(await updateWindow(ctx.services, { auditActor: auditActorOf(ctx), window, body }));
  });

  /** The items a window handles (readers of the window may see them). */
  router.get("/:id/items", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadWindows(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const row = await ctx.services.prisma.window.findUnique({ where: { id }, include });
    const dept = departmentLimit(actor);
    requireInScope(row !== null && canSeeCenter(actor, row.centerId) && (dept === null || row.departments.some((d) => d.departmentId === dept)));
    const items = await ctx.services.prisma.windowItem.findMany({ where: { windowId: id }, select: { itemId: true }, orderBy: { itemId: "asc" } });
    ctx.body = { itemIds: items.map((i) => i.itemId) };
  });

  router.put("/:id/items", async (ctx) => {
    const actor = requireActor(ctx);
    const window = await loadForEdit(ctx, actor);
    const body = parse(windowItemsBodySchema, ctx.request.body);
    ctx.body = { itemIds: await assignWindowItems(ctx.services, { auditActor: auditActorOf(ctx), window, itemIds: body.itemIds }) };
  });

  /** A window's regular staff and AB岗 backups (readers of the window may see them). */
  router.get("/:id/staff", spec({ tag: "master data", summary: "A window's regular staff and AB岗 backups", response: windowStaffDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadWindows(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const row = await ctx.services.prisma.window.findUnique({ where: { id }, include });
    const dept = departmentLimit(actor);
    requireInScope(row !== null && canSeeCenter(actor, row.centerId) && (dept === null || row.departments.some((d) => d.departmentId === dept)));
    ctx.body = await loadWindowStaff(ctx.services.prisma, id);
  });

  router.put("/:id/staff", spec({ tag: "master data", summary: "Set a window's regular staff and AB岗 backups (409 STAFF_NOT_AT_WINDOW for a department not stationed there)", body: windowStaffBodySchema, response: windowStaffDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    const window = await loadForEdit(ctx, actor);
    const body = parse(windowStaffBodySchema, ctx.request.body);
    ctx.body = await assignWindowStaff(ctx.services, { auditActor: auditActorOf(ctx), window, staff: body.staff });
  });

  return router;
}
