// The queue-calling system API (docs/queue-api.md): POST /api/queue/v1/tickets/{issued,called,started,
// finished,no-show}, authenticated by a center's API key (Bearer), idempotent by eventId. And the
// administrator's key management: GET/POST /api/queue/keys, POST /api/queue/keys/:id/revoke.
import { z } from "zod";
import {
  createdQueueKeySchema,
  createQueueKeyBodySchema,
  QUEUE_BODY_SCHEMAS,
  QUEUE_EVENT_KINDS,
  QUEUE_EVENT_PATHS,
  queueKeyDtoSchema,
  queueKeyParamsSchema,
  queueReportResultSchema,
  type QueueReport,
} from "../../contracts/queue.ts";
import { authenticateQueueKey, createQueueKey, presentQueueKey, revokeQueueKey } from "../../domain/liveHall/queueKeys.ts";
import { recordQueueReport } from "../../domain/liveHall/recordQueueReport.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { authorize } from "../../policies/authorize.ts";
import { canManageQueueKeys } from "../../policies/liveHall.ts";
import { spec } from "../openapi/routeSpec.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

export function queueRouter() {
  const router = createRouter("/api/queue");

  // Authenticated by the API key alone and reading no cookie, so middleware/csrf.ts exempts /api/queue/v1/.
  for (const kind of QUEUE_EVENT_KINDS) {
    const summary = `Queue system (Bearer API key, idempotent by eventId; docs/queue-api.md): ticket ${QUEUE_EVENT_PATHS[kind]}`;
    router.post(`/v1/tickets/${QUEUE_EVENT_PATHS[kind]}`, spec({ tag: "queue", summary, body: QUEUE_BODY_SCHEMAS[kind], response: queueReportResultSchema, public: true }), async (ctx) => {
      // The key first: an unauthenticated caller learns nothing about what a valid report looks like.
      const key = await authenticateQueueKey(ctx.services, ctx.get("authorization"));
      const body = parse(QUEUE_BODY_SCHEMAS[kind], ctx.request.body);
      const report = { kind, ...body } as QueueReport;
      const result = await recordQueueReport(ctx.services, { centerId: key.centerId, apiKeyId: key.id, report });
      ctx.status = result.duplicate ? 200 : 201;
      ctx.body = result;
    });
  }

  router.get("/keys", spec({ tag: "queue", summary: "The center's queue-system API keys (administrators; the keys themselves are never shown again)", response: z.object({ items: z.array(queueKeyDtoSchema) }) }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageQueueKeys(actor));
    const rows = await ctx.services.prisma.queueApiKey.findMany({ where: { centerId: actor.centerId ?? -1 }, orderBy: { id: "desc" } });
    ctx.body = { items: rows.map(presentQueueKey) };
  });

  router.post("/keys", spec({ tag: "queue", summary: "Create a queue-system API key (shown once; only its hash is stored; audited)", body: createQueueKeyBodySchema, response: createdQueueKeySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageQueueKeys(actor));
    const body = parse(createQueueKeyBodySchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = await createQueueKey(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId ?? -1, createdById: actor.userId, name: body.name });
  });

  router.post("/keys/:id/revoke", spec({ tag: "queue", summary: "Revoke a queue-system API key (audited)", params: queueKeyParamsSchema, noBody: true, response: queueKeyDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageQueueKeys(actor));
    const { id } = parse(queueKeyParamsSchema, ctx.params);
    ctx.body = await revokeQueueKey(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId ?? -1, revokedById: actor.userId, keyId: id });
  });

  return router;
}
