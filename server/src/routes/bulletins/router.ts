// The bulletin API (#9); the route table and who may call what is in contracts/bulletins.ts. Handlers
// parse with the contract's schemas, ask policies/bulletins.ts, and hand over to domain/bulletins.
// Static paths (/generate, /runs, /release, /deliveries) are registered before /:id.
import {
  bulletinCommentBodySchema,
  bulletinListQuerySchema,
  deliveryListQuerySchema,
  generateBulletinsBodySchema,
  bulletinRunListQuerySchema,
  releaseBulletinsBodySchema,
  resendBulletinBodySchema,
} from "../../contracts/bulletins.ts";
import { idParamSchema } from "../../contracts/common.ts";
import { bulletinFileName } from "../../domain/bulletins/bulletinMail.ts";
import { kickBulletinDelivery, retryBulletinDelivery } from "../../domain/bulletins/deliverBulletins.ts";
import { startBulletinGeneration } from "../../domain/bulletins/generateBulletins.ts";
import { releaseBulletins } from "../../domain/bulletins/releaseBulletins.ts";
import { resendBulletin } from "../../domain/bulletins/resendBulletin.ts";
import { setBulletinComment } from "../../domain/bulletins/setBulletinComment.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { AppContext } from "../../koa.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, requireInScope } from "../../policies/authorize.ts";
import {
  bulletinReadLimit,
  canManageBulletins,
  canReadBulletinDeliveries,
  canReadBulletinRuns,
  canReadBulletins,
  canRetryBulletinDelivery,
  canSeeBulletin,
} from "../../policies/bulletins.ts";
import { spec } from "../openapi/routeSpec.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";
import { deliveryInclude, presentBulletin, presentDelivery, presentRun, presentSummaries, summarySelect } from "./present.ts";

/** Every policy that lets an actor in requires a center, so this is the actor's own. */
const centerOf = (actor: Actor): number => actor.centerId!;

/** The bulletin named by :id, if the actor may see it; otherwise 404 (drafts and other departments are not revealed). */
async function visibleBulletin(ctx: AppContext, actor: Actor, params: unknown) {
  const { id } = parse(idParamSchema, params);
  // The PDF bytes are read only by the route that sends them
  const row = await ctx.services.prisma.bulletin.findUnique({ where: { id }, omit: { pdf: true } });
  requireInScope(row !== null && canSeeBulletin(actor, row));
  return row;
}

export function bulletinsRouter() {
  const router = createRouter("/api/bulletins");

  router.get("/", spec({ summary: "Bulletins, newest month first (a liaison: their department's released ones)", query: bulletinListQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadBulletins(actor));
    const q = parse(bulletinListQuerySchema, ctx.query);
    const limit = bulletinReadLimit(actor);
    const outsideLimit = limit !== null && ((q.departmentId !== undefined && q.departmentId !== limit.departmentId) || (q.state !== undefined && q.state !== limit.state));
    if (outsideLimit) {
      ctx.body = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      return;
    }
    const where: Prisma.BulletinWhereInput = {
      centerId: centerOf(actor),
      ...(q.month ? { month: q.month } : {}),
      ...(q.departmentId ? { departmentId: q.departmentId } : {}),
      ...(q.state ? { state: q.state } : {}),
      ...(limit ?? {}),
    };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.bulletin.findMany({ where, select: summarySelect, orderBy: [{ month: "desc" }, { departmentId: "asc" }, { revision: "desc" }], ...pageArgs(q) }),
      ctx.services.prisma.bulletin.count({ where }),
    ]);
    ctx.body = { items: await presentSummaries(ctx.services, rows), total, page: q.page, pageSize: q.pageSize };
  });

  router.post("/generate", spec({ summary: "Generate a month's drafts (leader; 202, poll /runs/:id for progress)", body: generateBulletinsBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageBulletins(actor));
    const body = parse(generateBulletinsBodySchema, ctx.request.body);
    const { run } = await startBulletinGeneration(ctx.services, { centerId: centerOf(actor), month: body.month, departmentIds: body.departmentIds, auditActor: auditActorOf(ctx) });
    ctx.status = 202;
    ctx.body = presentRun(run);
  });

  router.get("/runs", spec({ summary: "A month's generation runs, newest first (at most 10), scheduled ones too", query: bulletinRunListQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadBulletinRuns(actor));
    const { month } = parse(bulletinRunListQuerySchema, ctx.query);
    const runs = await ctx.services.prisma.bulletinRun.findMany({ where: { centerId: centerOf(actor), month }, orderBy: { id: "desc" }, take: 10 });
    ctx.body = runs.map(presentRun);
  });

  router.get("/runs/:id", spec({ summary: "A generation run and its progress (0..1)" }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadBulletinRuns(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const run = await ctx.services.prisma.bulletinRun.findUnique({ where: { id } });
    requireInScope(run !== null && run.centerId === actor.centerId);
    ctx.body = presentRun(run);
  });

  router.post("/release", spec({ summary: "Release a month's drafts: PDF frozen (sha-256), one delivery per liaison address (leader)", body: releaseBulletinsBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageBulletins(actor));
    const body = parse(releaseBulletinsBodySchema, ctx.request.body);
    const result = await releaseBulletins(ctx.services, { centerId: centerOf(actor), month: body.month, bulletinIds: body.bulletinIds, comment: body.comment, releasedById: actor.userId, auditActor: auditActorOf(ctx) });
    if (result.deliveriesQueued > 0) kickBulletinDelivery(ctx.services);
    ctx.body = result;
  });

  router.get("/deliveries", spec({ summary: "The bulletin mails: recipients, attempts, failures, where each went", query: deliveryListQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadBulletinDeliveries(actor));
    const q = parse(deliveryListQuerySchema, ctx.query);
    const where: Prisma.BulletinDeliveryWhereInput = { bulletin: { centerId: centerOf(actor), ...(q.month ? { month: q.month } : {}) }, ...(q.state ? { state: q.state } : {}) };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.bulletinDelivery.findMany({ where, include: deliveryInclude, orderBy: { id: "desc" }, ...pageArgs(q) }),
      ctx.services.prisma.bulletinDelivery.count({ where }),
    ]);
    ctx.body = { items: rows.map(presentDelivery), total, page: q.page, pageSize: q.pageSize };
  });

  router.post("/deliveries/:id/retry", spec({ summary: "Send a failed bulletin mail once more", noBody: true }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canRetryBulletinDelivery(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const row = await ctx.services.prisma.bulletinDelivery.findUnique({ where: { id }, include: { bulletin: { select: { centerId: true } } } });
    requireInScope(row !== null && row.bulletin.centerId === actor.centerId);
    await retryBulletinDelivery(ctx.services, { delivery: row, centerId: row.bulletin.centerId, auditActor: auditActorOf(ctx) });
    kickBulletinDelivery(ctx.services);
    ctx.body = presentDelivery(await ctx.services.prisma.bulletinDelivery.findUniqueOrThrow({ where: { id }, include: deliveryInclude }));
  });

  router.get("/:id", spec({ summary: "One bulletin with its content (the HTML view)" }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadBulletins(actor));
    const row = await visibleBulletin(ctx, actor, ctx.params);
    ctx.body = await presentBulletin(ctx.services, row.id);
  });

  router.get("/:id/pdf", spec({ summary: "The bulletin's PDF (released: the bytes as sent)", produces: "application/pdf" }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadBulletins(actor));
    const row = await visibleBulletin(ctx, actor, ctx.params);
    const { pdf } = await ctx.services.prisma.bulletin.findUniqueOrThrow({ where: { id: row.id }, select: { pdf: true } });
    requireInScope(pdf !== null);
    const department = await ctx.services.prisma.department.findUniqueOrThrow({ where: { id: row.departmentId }, select: { name: true, code: true } });
    const zhName = bulletinFileName(department.name, row.month).replace(/\.pdf$/, row.state === "DRAFT" ? "（草稿）.pdf" : ".pdf");
    const asciiName = `bulletin-${row.month}-${department.code.replace(/[^A-Za-z0-9_-]/g, "_")}${row.state === "DRAFT" ? "-draft" : ""}.pdf`;
    ctx.type = "application/pdf";
    // RFC 6266: the ASCII name for old clients, filename* (RFC 5987, UTF-8) for the Chinese one
    ctx.set("Content-Disposition", `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(zhName)}`);
    if (row.pdfSha256) ctx.set("X-Content-SHA256", row.pdfSha256);
    ctx.body = Buffer.from(pdf);
  });

  router.put("/:id/comment", spec({ summary: "The center's comment on a draft (leader)", body: bulletinCommentBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageBulletins(actor));
    const body = parse(bulletinCommentBodySchema, ctx.request.body);
    const row = await visibleBulletin(ctx, actor, ctx.params);
    await setBulletinComment(ctx.services, { bulletin: row, comment: body.comment, auditActor: auditActorOf(ctx) });
    ctx.body = await presentBulletin(ctx.services, row.id);
  });

  router.post("/:id/resend", spec({ summary: "Mail a released bulletin again, the same bytes, with a written reason (leader; audited)", body: resendBulletinBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageBulletins(actor));
    const body = parse(resendBulletinBodySchema, ctx.request.body);
    const row = await visibleBulletin(ctx, actor, ctx.params);
    await resendBulletin(ctx.services, { bulletin: row, reason: body.reason, auditActor: auditActorOf(ctx) });
    kickBulletinDelivery(ctx.services);
    ctx.body = await presentBulletin(ctx.services, row.id);
  });

  return router;
}
