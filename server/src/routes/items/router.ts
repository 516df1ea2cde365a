// Service items (服务事项) as the staff and supervisors read them; the public catalogue is separate.
import { idParamSchema } from "../../contracts/common.ts";
import { listQuerySchema } from "../../contracts/masterData.ts";
import { requireActor } from "../../middleware/session.ts";
import { authorize, canSeeCenter, centerScope, requireInScope } from "../../policies/authorize.ts";
import { canReadItems } from "../../policies/masterData.ts";
import { presentItem } from "../../presenters/masterData.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

export function itemsRouter() {
  const router = createRouter("/api/items");

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadItems(actor));
    const q = parse(listQuerySchema, ctx.query);
    const where = {
      ...centerScope(actor, q.centerId),
      ...(q.departmentId ? { departmentId: q.departmentId } : {}),
      ...(q.active !== undefined ? { active: q.active } : {}),
      ...(q.q ? { OR: [{ name: { contains: q.q } }, { code: { contains: q.q } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.serviceItem.findMany({ where, orderBy: [{ centerId: "asc" }, { code: "asc" }], ...pageArgs(q) }),
      ctx.services.prisma.serviceItem.count({ where }),
    ]);
    ctx.body = { items: rows.map(presentItem), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/:id", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadItems(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const row = await ctx.services.prisma.serviceItem.findUnique({ where: { id } });
    requireInScope(row !== null && canSeeCenter(actor, row.centerId));
    ctx.body = presentItem(row);
  });

  return router;
}
