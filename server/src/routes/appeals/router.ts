// Appeals (申诉复核): staff file one against a bad review of their own service, leaders decide; the
// appeals list and the bad reviews with their appeal state are read within each role's scope
// (policies/appeals.ts). Writes go through domain/appeals, which audits them.
import fs from "node:fs/promises";
import { appealListQuerySchema, badReviewListQuerySchema, BAD_REVIEW_MAX_LEVEL, decideAppealBodySchema, fileAppealBodySchema } from "../../contracts/appeals.ts";
import { idParamSchema } from "../../contracts/common.ts";
import { appealPhotoFile, setAppealPhoto } from "../../domain/appeals/appealPhoto.ts";
import { decideAppeal, fileAppeal } from "../../domain/appeals/manageAppeals.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { AppContext } from "../../koa.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { appealScopeOf, type AppealScope, canAppealRating, canAttachAppealPhoto, canDecideAppeal, canDecideAppeals, canFileAppeals, canReadAppeals, canSeeAppealOf } from "../../policies/appeals.ts";
import { authorize, requireInScope } from "../../policies/authorize.ts";
import { presentAppeal, presentBadReview, ratingInclude } from "../../presenters/appeals.ts";
import { readRawBody } from "../imports/readRawBody.ts";
import { spec } from "../openapi/routeSpec.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

/** The ratings an actor's scope covers, with the list's own filters. */
function ratingWhere(scope: AppealScope, q: { departmentId?: number; windowId?: number; staffId?: number }): Prisma.EvaluationWhereInput {
  return {
    ...(scope.centerId !== undefined ? { centerId: scope.centerId } : {}),
    ...(scope.kind === "staff" ? { staffId: scope.staffId } : q.staffId ? { staffId: q.staffId } : {}),
    ...(q.windowId ? { windowId: q.windowId } : {}),
    AND: [
      ...(scope.kind === "department" ? [{ staff: { departmentId: scope.departmentId } }] : []),
      ...(q.departmentId ? [{ staff: { departmentId: q.departmentId } }] : []),
    ],
  };
}

function requireScope(ctx: AppContext, centerId?: number): AppealScope {
  const actor = requireActor(ctx);
  authorize(canReadAppeals(actor));
  const scope = appealScopeOf(actor, centerId);
  authorize(scope !== null);
  return scope;
}

async function userNames(ctx: AppContext, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await ctx.services.prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

const appealInclude = { evaluation: { include: ratingInclude } } as const;
const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"];

/** One appeal the actor may read, with what scoping and the photo need. */
async function loadVisible(ctx: AppContext & { params: Record<string, string> }) {
  const actor = requireActor(ctx);
  authorize(canReadAppeals(actor));
  const { id } = parse(idParamSchema, ctx.params);
  const row = await ctx.services.prisma.appeal.findUnique({ where: { id }, include: { evaluation: { select: { centerId: true, staffId: true, staff: { select: { departmentId: true } } } } } });
  requireInScope(row !== null && canSeeAppealOf(actor, { centerId: row.evaluation.centerId, staffId: row.evaluation.staffId, staffDepartmentId: row.evaluation.staff?.departmentId ?? null }));
  return { actor, row };
}

async function presentById(ctx: AppContext, id: number) {
  const row = await ctx.services.prisma.appeal.findUniqueOrThrow({ where: { id }, include: appealInclude });
  return presentAppeal(row, await userNames(ctx, [row.decidedById]));
}

export function appealsRouter() {
  const router = createRouter("/api/appeals");

  router.get("/", spec({ summary: "Appeals in the caller's scope (pending first), with the rating each is about", query: appealListQuerySchema }), async (ctx) => {
    const q = parse(appealListQuerySchema, ctx.query);
    const scope = requireScope(ctx, q.centerId);
    const where: Prisma.AppealWhereInput = { ...(q.state ? { state: q.state } : {}), evaluation: ratingWhere(scope, q) };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.appeal.findMany({ where, include: appealInclude, orderBy: [{ decidedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }], ...pageArgs(q) }),
      ctx.services.prisma.appeal.count({ where }),
    ]);
    const names = await userNames(ctx, rows.map((r) => r.decidedById));
    ctx.body = { items: rows.map((r) => presentAppeal(r, names)), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/bad-reviews", spec({ summary: "Bad reviews (levels 1–2) in the caller's scope with their appeal state; staff see their own, to appeal", query: badReviewListQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    const q = parse(badReviewListQuerySchema, ctx.query);
    const scope = requireScope(ctx, q.centerId);
    const appealFilter: Prisma.EvaluationWhereInput =
      q.appealState === undefined ? {} : q.appealState === "NONE" ? { appeal: { is: null } } : { appeal: { is: { state: q.appealState } } };
    const where: Prisma.EvaluationWhereInput = { ...ratingWhere(scope, q), ...appealFilter, level: { gte: 1, lte: BAD_REVIEW_MAX_LEVEL } };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.evaluation.findMany({ where, include: { ...ratingInclude, appeal: true }, orderBy: [{ ratedAt: "desc" }, { id: "asc" }], ...pageArgs(q) }),
      ctx.services.prisma.evaluation.count({ where }),
    ]);
    const names = await userNames(ctx, rows.map((r) => r.appeal?.decidedById ?? null));
    ctx.body = { items: rows.map((r) => presentBadReview(r, names, r.appeal === null && canAppealRating(actor, r))), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/:id", spec({ summary: "One appeal with its rating and decision" }), async (ctx) => {
    const { row } = await loadVisible(ctx);
    ctx.body = await presentById(ctx, row.id);
  });

  router.post("/:id/photo", spec({ summary: "Attach an evidence photo to one's pending appeal (JPEG, PNG or WebP; stored re-encoded)", consumes: PHOTO_TYPES }), async (ctx) => {
    const { actor, row } = await loadVisible(ctx);
    authorize(canAttachAppealPhoto(actor, row));
    if (!ctx.is(...PHOTO_TYPES)) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
    await setAppealPhoto(ctx.services, { auditActor: auditActorOf(ctx), appeal: row, centerId: row.evaluation.centerId, input: await readRawBody(ctx, PHOTO_MAX_BYTES) });
    ctx.body = await presentById(ctx, row.id);
  });

  router.get("/:id/photo", spec({ summary: "An appeal's evidence photo (WebP)", produces: "image/webp" }), async (ctx) => {
    const { row } = await loadVisible(ctx);
    if (!row.evidencePhotoPath) throw new AppError("NOT_FOUND");
    try {
      ctx.body = await fs.readFile(appealPhotoFile(ctx.services, row.evidencePhotoPath));
    } catch {
      throw new AppError("NOT_FOUND");
    }
    ctx.type = "image/webp";
    ctx.set("Cache-Control", "private, max-age=3600");
  });

  router.post("/", spec({ summary: "Appeal a bad review of one's own service, once (window staff)", body: fileAppealBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canFileAppeals(actor));
    const body = parse(fileAppealBodySchema, ctx.request.body);
    const row = await fileAppeal(ctx.services, { staffId: actor.staffId!, centerId: actor.centerId!, auditActor: auditActorOf(ctx), body });
    ctx.status = 201;
    ctx.body = await presentById(ctx, row.id);
  });

  router.post("/:id/decide", spec({ summary: "Uphold or reject an appeal with a reason (center leader); decided once", body: decideAppealBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canDecideAppeals(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const current = await ctx.services.prisma.appeal.findUnique({ where: { id }, include: { evaluation: { select: { centerId: true } } } });
    requireInScope(current !== null && canDecideAppeal(actor, current.evaluation));
    const body = parse(decideAppealBodySchema, ctx.request.body);
    await decideAppeal(ctx.services, { appealId: id, auditActor: { ...auditActorOf(ctx), userId: actor.userId }, body });
    ctx.body = await presentById(ctx, id);
  });

  return router;
}
