// Service windows (服务窗口). Liaisons see the windows of their own department only.
import { idParamSchema } from "../../contracts/common.ts";
import { listQuerySchema } from "../../contracts/masterData.ts";
import { requireActor } from "../../middleware/session.ts";
import { authorize, canSeeCenter, centerScope, requireInScope } from "../../policies/authorize.ts";
import { canReadWindows, departmentLimit } from "../../policies/masterData.ts";
import { presentWindow } from "../../presenters/masterData.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

export function windowsRouter() {
  const router = createRouter("/api/windows");
  const include = { departments: { select: { departmentId: true } } } as const;

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadWindows(actor));
    const q = parse(listQuerySchema, ctx.query);
    const dept = departmentLimit(actor) ?? q.departmentId;
    const number = q.q && /^\d{1,4}$/.test(q.q) ? Number(q.q) : undefined;
    const where = {
      ...centerScope(actor, q.centerId),
      ...(dept !== undefined ? { departments: { some: { departmentId: dept } } } : {}),
      ...(q.active !== undefined ? { active: q.active } : {}),
      ...(q.q ? { OR: [{ name: { contains: q.q } }, { zone: { contains: q.q } }, ...(number ? [{ number }] : [])] } : {}),
    };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.window.findMany({ where, include, orderBy: [{ centerId: "asc" }, { number: "asc" }], ...pageArgs(q) }),
      ctx.services.prisma.window.count({ where }),
    ]);
    ctx.body = { items: rows.map(presentWindow), total, page: q.page, pageSize: q.pageSize };
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

  return router;
}
