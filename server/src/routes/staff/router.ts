// Staff working in the hall. Liaisons read their department's staff; window staff read themselves.
import { idParamSchema } from "../../contracts/common.ts";
import { listQuerySchema } from "../../contracts/masterData.ts";
import { requireActor } from "../../middleware/session.ts";
import { authorize, canSeeCenter, centerScope, requireInScope } from "../../policies/authorize.ts";
import { canReadStaff, departmentLimit, staffLimit } from "../../policies/masterData.ts";
import { presentStaff } from "../../presenters/masterData.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

export function staffRouter() {
  const router = createRouter("/api/staff");

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadStaff(actor));
    const q = parse(listQuerySchema, ctx.query);
    const dept = departmentLimit(actor) ?? q.departmentId;
    const self = staffLimit(actor);
    const where = {
      ...centerScope(actor, q.centerId),
      ...(dept !== undefined ? { departmentId: dept } : {}),
      ...(self !== null ? { id: self } : {}),
      ...(q.active !== undefined ? { active: q.active } : {}),
      ...(q.q ? { OR: [{ name: { contains: q.q } }, { staffNo: { contains: q.q } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.staff.findMany({ where, orderBy: [{ centerId: "asc" }, { staffNo: "asc" }], ...pageArgs(q) }),
      ctx.services.prisma.staff.count({ where }),
    ]);
    ctx.body = { items: rows.map(presentStaff), total, page: q.page, pageSize: q.pageSize };
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

  return router;
}
