// The home page's figures: counts of what the signed-in user may see.
import type { Overview } from "../../contracts/overview.ts";
import { requireActor } from "../../middleware/session.ts";
import { canReadAudit } from "../../policies/audit.ts";
import { centerScope } from "../../policies/authorize.ts";
import { canReadDepartments, canReadHall, canReadItems, canReadWindows, departmentLimit } from "../../policies/masterData.ts";
import { canListUsers } from "../../policies/users.ts";
import { createRouter } from "../router.ts";

export function overviewRouter() {
  const router = createRouter("/api/overview");
  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    const { prisma, clock } = ctx.services;
    const scope = centerScope(actor);
    const dept = departmentLimit(actor);
    const when = <T>(allowed: boolean, count: () => Promise<T>) => (allowed ? count() : Promise.resolve(null));
    const [center, centers, departments, items, windows, staff, users, lockedUsers, auditEntries, self] = await Promise.all([
      actor.centerId ? prisma.center.findUnique({ where: { id: actor.centerId }, select: { name: true } }) : null,
      prisma.center.count({ where: scope.centerId ? { id: scope.centerId } : {} }),
      when(canReadDepartments(actor), () => prisma.department.count({ where: { ...scope, ...(dept !== null ? { id: dept } : {}) } })),
      when(canReadItems(actor), () => prisma.serviceItem.count({ where: scope })),
      when(canReadWindows(actor), () =>
        prisma.window.count({ where: { ...scope, ...(dept !== null ? { departments: { some: { departmentId: dept } } } : {}) } }),
      ),
      when(canReadHall(actor) || actor.role === "LIAISON", () => prisma.staff.count({ where: { ...scope, ...(dept !== null ? { departmentId: dept } : {}) } })),
      when(canListUsers(actor), () => prisma.user.count({ where: { centerId: actor.centerId ?? -1 } })),
      when(canListUsers(actor), () => prisma.user.count({ where: { centerId: actor.centerId ?? -1, lockedUntil: { gt: clock.now() } } })),
      when(canReadAudit(actor), () => prisma.auditEntry.count({ where: scope })),
      actor.staffId
        ? prisma.staff.findUnique({
            where: { id: actor.staffId },
            include: { department: { select: { name: true } }, windows: { include: { window: { select: { number: true, name: true } } } } },
          })
        : null,
    ]);
    const body: Overview = {
      centerName: center?.name ?? null,
      centers,
      departments,
      items,
      windows,
      staff,
      users,
      lockedUsers,
      auditEntries,
      self: self
        ? {
            staffNo: self.staffNo,
            name: self.name,
            departmentName: self.department.name,
            partyMember: self.partyMember,
            windows: self.windows
              .map((w) => ({ number: w.window.number, name: w.window.name, backup: w.backup }))
              .sort((a, b) => a.number - b.number),
          }
        : null,
    };
    ctx.body = body;
  });
  return router;
}
