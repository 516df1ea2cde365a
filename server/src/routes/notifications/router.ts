// The SMS outbox: what was (or will be) sent to citizens, with failures and retries visible; a message
// that gave up can be sent again by the center's supervisors and leaders.
import { idParamSchema } from "../../contracts/common.ts";
import { outboxQuerySchema, type OutboxDto } from "../../contracts/notifications.ts";
import { renderSms, retryNotification, SMS_TEMPLATES, type SmsTemplate } from "../../domain/notifications/outbox.ts";
import type { Notification } from "../../generated/prisma/client.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { authorize, canSeeCenter, centerScope, requireInScope } from "../../policies/authorize.ts";
import { canReadOutbox, canRetryNotification } from "../../policies/cases.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

const isTemplate = (t: string): t is SmsTemplate => t in SMS_TEMPLATES;

const present = (n: Notification): OutboxDto => ({
  id: n.id,
  centerId: n.centerId,
  recipientMasked: n.recipientMasked,
  template: n.template,
  text: isTemplate(n.template) ? renderSms(n.template, (n.payload ?? {}) as Record<string, string>) : n.template,
  state: n.state,
  attempts: n.attempts,
  lastError: n.lastError,
  createdAt: n.createdAt.toISOString(),
  sentAt: n.sentAt?.toISOString() ?? null,
  nextAttemptAt: n.nextAttemptAt?.toISOString() ?? null,
});

export function notificationsRouter() {
  const router = createRouter("/api/notifications");

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadOutbox(actor));
    const q = parse(outboxQuerySchema, ctx.query);
    const where = { ...centerScope(actor, q.centerId), ...(q.state ? { state: q.state } : {}), ...(q.q ? { recipientMasked: { contains: q.q } } : {}) };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.notification.findMany({ where, orderBy: { id: "desc" }, ...pageArgs(q) }),
      ctx.services.prisma.notification.count({ where }),
    ]);
    const items = rows.map(present);
    ctx.body = { items, total, page: q.page, pageSize: q.pageSize };
  });

  router.post("/:id/retry", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadOutbox(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const row = await ctx.services.prisma.notification.findUnique({ where: { id } });
    requireInScope(row !== null && canSeeCenter(actor, row.centerId));
    authorize(canRetryNotification(actor, row));
    await retryNotification(ctx.services, { notificationId: row.id, auditActor: auditActorOf(ctx) });
    ctx.body = present(await ctx.services.prisma.notification.findUniqueOrThrow({ where: { id } }));
  });

  return router;
}
