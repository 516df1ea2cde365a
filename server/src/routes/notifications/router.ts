// The SMS outbox, read-only: what was (or will be) sent to citizens, with failures and retries visible.
import { outboxQuerySchema, type OutboxDto } from "../../contracts/notifications.ts";
import { renderSms, SMS_TEMPLATES, type SmsTemplate } from "../../domain/notifications/outbox.ts";
import { requireActor } from "../../middleware/session.ts";
import { authorize, centerScope } from "../../policies/authorize.ts";
import { canReadOutbox } from "../../policies/cases.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

const isTemplate = (t: string): t is SmsTemplate => t in SMS_TEMPLATES;

export function notificationsRouter() {
  const router = createRouter("/api/notifications");

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadOutbox(actor));
    const q = parse(outboxQuerySchema, ctx.query);
    const where = { ...centerScope(actor, q.centerId), ...(q.state ? { state: q.state } : {}) };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.notification.findMany({ where, orderBy: { id: "desc" }, ...pageArgs(q) }),
      ctx.services.prisma.notification.count({ where }),
    ]);
    const items: OutboxDto[] = rows.map((n) => ({
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
    }));
    ctx.body = { items, total, page: q.page, pageSize: q.pageSize };
  });

  return router;
}
