// The audit log, read-only, for auditors.
import { auditQuerySchema, type AuditEntryDto } from "../../contracts/audit.ts";
import { requireActor } from "../../middleware/session.ts";
import { canReadAudit } from "../../policies/audit.ts";
import { authorize, centerScope } from "../../policies/authorize.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

export function auditRouter() {
  const router = createRouter("/api/audit");
  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadAudit(actor));
    const q = parse(auditQuerySchema, ctx.query);
    const where = {
      ...centerScope(actor),
      ...(q.action ? { action: { contains: q.action } } : {}),
      ...(q.entity ? { entity: q.entity } : {}),
      ...(q.actorId ? { actorId: q.actorId } : {}),
    };
    const { prisma } = ctx.services;
    const [rows, total] = await Promise.all([
      prisma.auditEntry.findMany({ where, orderBy: { id: "desc" }, ...pageArgs(q) }),
      prisma.auditEntry.count({ where }),
    ]);
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is number => id !== null))];
    const names = new Map(
      (await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]),
    );
    const items: AuditEntryDto[] = rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      centerId: r.centerId,
      actorId: r.actorId,
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      actorRole: r.actorRole,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      ip: r.ip,
      hash: r.hash,
    }));
    ctx.body = { items, total, page: q.page, pageSize: q.pageSize };
  });
  return router;
}
