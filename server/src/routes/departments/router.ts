// Departments stationed in the hall (进驻部门).
import { idParamSchema } from "../../contracts/common.ts";
import { listQuerySchema } from "../../contracts/masterData.ts";
import { requireActor } from "../../middleware/session.ts";
import { authorize, canSeeCenter, centerScope, requireInScope } from "../../policies/authorize.ts";
import { canReadDepartments, departmentLimit } from "../../policies/masterData.ts";
import { presentDepartment } from "../../presenters/masterData.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

export function departmentsRouter() {
  const router = createRouter("/api/departments");

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadDepartments(actor));
    const q = parse(listQuerySchema, ctx.query);
    const onlyDept = departmentLimit(actor);
    const where = {
      ...centerScope(actor, q.centerId),
      ...(onlyDept !== null ? { id: onlyDept } : {}),
      ...(q.active !== undefined ? { active: q.active } : {}),
      ...(q.q ? { OR: [{ name: { contains: q.q } }, { code: { contains: q.q } }, { shortName: { contains: q.q } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.department.findMany({
        where,
        orderBy: [{ centerId: "asc" }, { code: "asc" }],
        include: { _count: { select: { staff: true, items: true } } },
        ...pageArgs(q),
      }),
      ctx.services.prisma.department.count({ where }),
    ]);
    ctx.body = { items: rows.map(presentDepartment), total, page: q.page, pageSize: q.pageSize };
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
