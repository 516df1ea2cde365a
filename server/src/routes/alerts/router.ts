// Alerts: the open feed and the history (filters), and acknowledging one (who, when, note).
import { acknowledgeAlertBodySchema, alertListQuerySchema, type AlertListQuery } from "../../contracts/alerts.ts";
import { idParamSchema } from "../../contracts/common.ts";
import { shanghaiInstant } from "../../domain/calendar/workingDays.ts";
import { acknowledgeAlert } from "../../domain/alerts/manageAlerts.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { alertDepartmentLimit, canAcknowledgeAlert, canReadAlerts, canSeeAlert } from "../../policies/alerts.ts";
import { authorize, centerScope, requireInScope } from "../../policies/authorize.ts";
import { presentAlert } from "../../presenters/alerts.ts";
import type { Services } from "../../services.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

const include = { window: { select: { number: true, name: true } } } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

function whereOf(actor: Actor, q: AlertListQuery): Prisma.AlertWhereInput {
  const status: Prisma.AlertWhereInput =
    q.status === "open" ? { acknowledgedAt: null, resolvedAt: null } : q.status === "history" ? { OR: [{ acknowledgedAt: { not: null } }, { resolvedAt: { not: null } }] } : {};
  const createdAt: Prisma.DateTimeFilter = {};
  if (q.from) createdAt.gte = shanghaiInstant(q.from, "00:00");
  if (q.to) createdAt.lt = new Date(shanghaiInstant(q.to, "00:00").getTime() + DAY_MS);
  return {
    ...centerScope(actor, q.centerId),
    ...alertDepartmentLimit(actor),
    ...status,
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.severity ? { severity: q.severity } : {}),
    ...(q.windowId ? { windowId: q.windowId } : {}),
    ...(q.q ? { message: { contains: q.q } } : {}),
    ...(q.from || q.to ? { createdAt } : {}),
  };
}

async function ackNames(services: Services, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (wanted.length === 0) return new Map();
  const users = await services.prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

export function alertsRouter() {
  const router = createRouter("/api/alerts");

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadAlerts(actor));
    const q = parse(alertListQuerySchema, ctx.query);
    const where = whereOf(actor, q);
    const [rows, total] = await Promise.all([
      ctx.services.prisma.alert.findMany({ where, include, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageArgs(q) }),
      ctx.services.prisma.alert.count({ where }),
    ]);
    const names = await ackNames(ctx.services, rows.map((r) => r.acknowledgedById));
    ctx.body = { items: rows.map((r) => presentAlert(r, r.acknowledgedById !== null ? (names.get(r.acknowledgedById) ?? null) : null)), total, page: q.page, pageSize: q.pageSize };
  });

  router.post("/:id/acknowledge", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadAlerts(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const row = await ctx.services.prisma.alert.findUnique({ where: { id }, include: { window: { select: { departments: { select: { departmentId: true } } } } } });
    requireInScope(row !== null && canSeeAlert(actor, { centerId: row.centerId, windowDepartmentIds: row.window?.departments.map((d) => d.departmentId) ?? [] }));
    authorize(canAcknowledgeAlert(actor, row));
    const body = parse(acknowledgeAlertBodySchema, ctx.request.body ?? {});
    await acknowledgeAlert(ctx.services, { actor, auditActor: auditActorOf(ctx), alert: row, body });
    const fresh = await ctx.services.prisma.alert.findUniqueOrThrow({ where: { id }, include });
    ctx.body = presentAlert(fresh, (await ackNames(ctx.services, [fresh.acknowledgedById])).get(fresh.acknowledgedById ?? -1) ?? null);
  });

  return router;
}
