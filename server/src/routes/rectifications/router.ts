// The bad-review loop (#6, contracts/rectifications.ts): the worklist and one ticket within each role's
// scope (policies/rectifications.ts), the four steps, and the audited reveal of the callback number.
import {
  callbackStepBodySchema,
  closeStepBodySchema,
  rectificationIdParamSchema,
  rectificationListQuerySchema,
  resolveStepBodySchema,
  verifyStepBodySchema,
  type RectificationListQuery,
  type RectificationPhoneDto,
} from "../../contracts/rectifications.ts";
import { recordRectificationStep, revealRectificationPhone } from "../../domain/rectifications/manageRectifications.ts";
import type { StepInput } from "../../domain/rectifications/stepRules.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { AppContext } from "../../koa.ts";
import { cipherFor } from "../../lib/crypto.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, requireInScope } from "../../policies/authorize.ts";
import {
  canReadRectifications,
  canRevealRectificationPhone,
  canSeeRectification,
  canWorkRectification,
  rectificationScopeOf,
  type RectificationFacts,
  type RectificationScope,
} from "../../policies/rectifications.ts";
import { departmentIdsOf, presentRectification, presentRectificationItem, rectificationInclude, type RectificationRow } from "../../presenters/rectifications.ts";
import { spec } from "../openapi/routeSpec.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

/** Tickets of a department: stationed at the rated window, or owned by one of its staff. */
const ofDepartment = (departmentId: number): Prisma.RectificationWhereInput => ({
  OR: [{ owner: { departmentId } }, { evaluation: { window: { departments: { some: { departmentId } } } } }],
});

function listWhere(scope: RectificationScope, q: RectificationListQuery, actor: Actor, now: Date): Prisma.RectificationWhereInput {
  return {
    ...(scope.centerId !== undefined ? { centerId: scope.centerId } : {}),
    ...(scope.kind === "owner" ? { ownerStaffId: scope.staffId } : q.staffId ? { ownerStaffId: q.staffId } : {}),
    ...(q.mine ? { ownerStaffId: actor.staffId ?? -1 } : {}),
    ...(q.state ? { state: q.state } : {}),
    ...(q.overdue ? { stepDueAt: { lt: now }, ...(q.state ? {} : { state: { not: "CLOSED" as const } }) } : {}),
    ...(q.windowId ? { evaluation: { windowId: q.windowId } } : {}),
    AND: [...(scope.kind === "department" ? [ofDepartment(scope.departmentId)] : []), ...(q.departmentId ? [ofDepartment(q.departmentId)] : [])],
  };
}

/** A worklist: open tickets first, the most urgent step on top; closed ones after, latest first. */
const WORKLIST_ORDER: Prisma.RectificationOrderByWithRelationInput[] = [{ closedAt: { sort: "desc", nulls: "first" } }, { stepDueAt: "asc" }, { id: "asc" }];

const factsOf = (r: RectificationRow): RectificationFacts => ({ centerId: r.centerId, ownerStaffId: r.ownerStaffId, departmentIds: departmentIdsOf(r) });

async function loadVisible(ctx: AppContext & { params: Record<string, string> }): Promise<{ actor: Actor; row: RectificationRow }> {
  const actor = requireActor(ctx);
  authorize(canReadRectifications(actor));
  const { id } = parse(rectificationIdParamSchema, ctx.params);
  const row = await ctx.services.prisma.rectification.findUnique({ where: { id }, include: rectificationInclude });
  requireInScope(row !== null && canSeeRectification(actor, factsOf(row)));
  return { actor, row };
}

async function presentDetail(ctx: AppContext, actor: Actor, id: string) {
  const { prisma, clock, config } = ctx.services;
  const [row, events] = await Promise.all([
    prisma.rectification.findUniqueOrThrow({ where: { id }, include: rectificationInclude }),
    prisma.rectificationEvent.findMany({ where: { rectificationId: id }, orderBy: { id: "asc" } }),
  ]);
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId === null ? [] : [e.actorId])))];
  const users = actorIds.length ? await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } }) : [];
  const facts = factsOf(row);
  return presentRectification(row, events, new Map(users.map((u) => [u.id, u.displayName])), clock.now(), cipherFor(config), {
    act: row.state !== "CLOSED" && canWorkRectification(actor, facts),
    revealPhone: row.citizenPhoneEnc !== null && canRevealRectificationPhone(actor, facts),
  });
}

export function rectificationsRouter() {
  const router = createRouter("/api/rectifications");

  router.get("/", spec({ summary: "Bad-review rectifications in the caller's scope: open ones by urgency, then closed ones", query: rectificationListQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadRectifications(actor));
    const q = parse(rectificationListQuerySchema, ctx.query);
    const scope = rectificationScopeOf(actor, q.centerId);
    authorize(scope !== null);
    const now = ctx.services.clock.now();
    const where = listWhere(scope, q, actor, now);
    const [rows, total] = await Promise.all([
      ctx.services.prisma.rectification.findMany({ where, include: rectificationInclude, orderBy: WORKLIST_ORDER, ...pageArgs(q) }),
      ctx.services.prisma.rectification.count({ where }),
    ]);
    const cipher = cipherFor(ctx.services.config);
    ctx.body = { items: rows.map((r) => presentRectificationItem(r, now, cipher)), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/:id", spec({ summary: "One rectification with its rating, its steps and what the caller may do", params: rectificationIdParamSchema }), async (ctx) => {
    const { actor, row } = await loadVisible(ctx);
    ctx.body = await presentDetail(ctx, actor, row.id);
  });

  router.get("/:id/phone", spec({ summary: "The citizen's full callback number, for the call (owner, supervisor, leader); audited", params: rectificationIdParamSchema }), async (ctx) => {
    const { actor, row } = await loadVisible(ctx);
    authorize(canRevealRectificationPhone(actor, factsOf(row)));
    const phone = await revealRectificationPhone(ctx.services, { id: row.id, auditActor: auditActorOf(ctx) });
    ctx.set("Cache-Control", "no-store");
    const body: RectificationPhoneDto = { id: row.id, phone };
    ctx.body = body;
  });

  const step = (path: StepInput["step"], summary: string, schema: typeof verifyStepBodySchema | typeof resolveStepBodySchema | typeof callbackStepBodySchema | typeof closeStepBodySchema, toInput: (body: unknown) => StepInput) =>
    router.post(`/:id/${path}`, spec({ summary, params: rectificationIdParamSchema, body: schema }), async (ctx) => {
      const { actor, row } = await loadVisible(ctx);
      authorize(canWorkRectification(actor, factsOf(row)));
      const input = toInput(ctx.request.body);
      await recordRectificationStep(ctx.services, { id: row.id, auditActor: auditActorOf(ctx), input });
      ctx.body = await presentDetail(ctx, actor, row.id);
    });
  step("verify", "Verify the bad review: borne out or not, with the evidence", verifyStepBodySchema, (b) => ({ step: "verify", body: parse(verifyStepBodySchema, b) }));
  step("resolve", "Rectify: fixed at once, a plan with its own deadline, or explained", resolveStepBodySchema, (b) => ({ step: "resolve", body: parse(resolveStepBodySchema, b) }));
  step("callback", "Record the callback: reached? satisfied now?", callbackStepBodySchema, (b) => ({ step: "callback", body: parse(callbackStepBodySchema, b) }));
  step("close", "Close the ticket after the callback", closeStepBodySchema, (b) => ({ step: "close", body: parse(closeStepBodySchema, b) }));

  return router;
}
