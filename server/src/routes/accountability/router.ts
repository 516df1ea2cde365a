// Accountability records: the review queue. Supervisors and leaders propose; a leader decides.
import {
  accountabilityListQuerySchema,
  decideAccountabilityBodySchema,
  proposeAccountabilityBodySchema,
  type AccountabilityListQuery,
} from "../../contracts/accountability.ts";
import { idParamSchema } from "../../contracts/common.ts";
import { decideAccountability, proposeAccountability } from "../../domain/accountability/manageAccountability.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import {
  accountabilityListLimit,
  canDecideAccountability,
  canProposeAccountability,
  canReadAccountability,
  canSeeAccountability,
} from "../../policies/accountability.ts";
import { authorize, centerScope, requireInScope } from "../../policies/authorize.ts";
import { presentAccountability } from "../../presenters/cases.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";
import { accountabilityWorkbook, XLSX_TYPE } from "../cases/workbook.ts";

const include = { staff: { select: { name: true } }, case: { select: { caseNo: true } } } as const;

function listWhere(actor: Actor, q: AccountabilityListQuery) {
  const id = q.q && /^\d{1,9}$/.test(q.q) ? Number(q.q) : null;
  return {
    ...centerScope(actor, q.centerId),
    ...accountabilityListLimit(actor),
    ...(q.state ? { state: q.state } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.source ? { source: q.source } : {}),
    ...(q.departmentId ? { staff: { departmentId: q.departmentId } } : {}),
    ...(q.q ? { OR: [...(id !== null ? [{ id }] : []), { staff: { name: { contains: q.q } } }, { description: { contains: q.q } }] } : {}),
  };
}

export function accountabilityRouter() {
  const router = createRouter("/api/accountability");

  router.get("/export", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadAccountability(actor));
    const q = parse(accountabilityListQuerySchema, ctx.query);
    const where = listWhere(actor, q);
    const rows = await ctx.services.prisma.accountabilityRecord.findMany({ where, include, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], take: 20_000 });
    ctx.set("Content-Disposition", `attachment; filename="accountability.xlsx"`);
    ctx.type = XLSX_TYPE;
    ctx.body = await accountabilityWorkbook(rows.map(presentAccountability));
  });

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadAccountability(actor));
    const q = parse(accountabilityListQuerySchema, ctx.query);
    const where = listWhere(actor, q);
    const [rows, total] = await Promise.all([
      ctx.services.prisma.accountabilityRecord.findMany({ where, include, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], ...pageArgs(q) }),
      ctx.services.prisma.accountabilityRecord.count({ where }),
    ]);
    ctx.body = { items: rows.map(presentAccountability), total, page: q.page, pageSize: q.pageSize };
  });

  router.post("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canProposeAccountability(actor));
    const body = parse(proposeAccountabilityBodySchema, ctx.request.body);
    const row = await proposeAccountability(ctx.services, { actor, auditActor: auditActorOf(ctx), body });
    ctx.status = 201;
    ctx.body = presentAccountability(await ctx.services.prisma.accountabilityRecord.findUniqueOrThrow({ where: { id: row.id }, include }));
  });

  router.post("/:id/decision", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadAccountability(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const row = await ctx.services.prisma.accountabilityRecord.findUnique({ where: { id } });
    requireInScope(row !== null && canSeeAccountability(actor, row));
    authorize(canDecideAccountability(actor, row));
    const body = parse(decideAccountabilityBodySchema, ctx.request.body);
    await decideAccountability(ctx.services, { actor, auditActor: auditActorOf(ctx), recordId: row.id, body });
    ctx.body = presentAccountability(await ctx.services.prisma.accountabilityRecord.findUniqueOrThrow({ where: { id }, include }));
  });

  return router;
}
