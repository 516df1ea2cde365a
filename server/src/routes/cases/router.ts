// Cases (办件): window staff accept and advance their own; supervisors, leaders, liaisons (their
// department) and city leaders read. The acceptance notice carries a QR code to the public lookup.
import QRCode from "qrcode";
import { idParamSchema } from "../../contracts/common.ts";
import { acceptCaseBodySchema, caseActionBodySchema, caseListQuerySchema, type CaseListQuery } from "../../contracts/cases.ts";
import { loadCenterContext } from "../../domain/calendar/centerContext.ts";
import { loadCalendar } from "../../domain/calendar/officialCalendar.ts";
import { acceptCase, advanceCase } from "../../domain/cases/manageCases.ts";
import { findOpenShift } from "../../domain/shifts/manageShifts.ts";
import type { AppContext } from "../../koa.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, centerScope, requireInScope } from "../../policies/authorize.ts";
import { canAcceptCase, canAdvanceCase, canReadCases, canSeeCase, caseListLimit } from "../../policies/cases.ts";
import { presentCase } from "../../presenters/cases.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";
import { casesWorkbook, XLSX_TYPE } from "./workbook.ts";

const withNames = { item: { select: { name: true } }, window: { select: { number: true } }, handledBy: { select: { name: true } } } as const;
const OPEN_STATES = ["ACCEPTED", "IN_PROGRESS", "SUSPENDED"] as const;

async function loadCase(ctx: AppContext & { params: Record<string, string> }, actor: Actor) {
  const { id } = parse(idParamSchema, ctx.params);
  const row = await ctx.services.prisma.case.findUnique({ where: { id }, include: { ...withNames, transitions: { orderBy: [{ at: "asc" }, { id: "asc" }] } } });
  requireInScope(row !== null && canSeeCase(actor, row));
  return row;
}

async function presentOne(ctx: AppContext, id: number) {
  const { prisma, clock } = ctx.services;
  const row = await prisma.case.findUniqueOrThrow({ where: { id }, include: { ...withNames, transitions: { orderBy: [{ at: "asc" }, { id: "asc" }] } } });
  const actorIds = [...new Set(row.transitions.flatMap((t) => (t.actorId === null ? [] : [t.actorId])))];
  const users = await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } });
  return presentCase(row, clock.now(), await loadCalendar(prisma, row.centerId), new Map(users.map((u) => [u.id, u.displayName])));
}

export function casesRouter() {
  const router = createRouter("/api/cases");

  const listWhere = (actor: Actor, q: CaseListQuery) => ({
    ...centerScope(actor, q.centerId),
    ...caseListLimit(actor),
    ...(q.state ? { state: q.state } : q.open === "1" ? { state: { in: [...OPEN_STATES] } } : {}),
    ...(q.warning ? { warning: q.warning } : {}),
    ...(q.departmentId && actor.role !== "LIAISON" ? { departmentId: q.departmentId } : {}),
    ...(q.q ? { OR: [{ caseNo: { contains: q.q } }, { citizenName: { contains: q.q } }, { item: { name: { contains: q.q } } }] } : {}),
  });

  // The windows the signed-in staff member works at (and the one they are signed in at, which may be
  // a colleague's as cover), with the items each serves: the acceptance form.
  router.get("/intake-options", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canAcceptCase(actor));
    const { prisma } = ctx.services;
    const shift = await findOpenShift(prisma, actor.staffId ?? -1);
    const windows = await prisma.window.findMany({
      where: { active: true, centerId: actor.centerId ?? -1, OR: [{ staff: { some: { staffId: actor.staffId ?? -1 } } }, ...(shift ? [{ id: shift.windowId }] : [])] },
      include: { items: { where: { item: { active: true } }, include: { item: true } } },
      orderBy: { number: "asc" },
    });
    ctx.body = {
      signedInWindowId: shift?.windowId ?? null,
      windows: windows.map((w) => ({
        id: w.id,
        number: w.number,
        name: w.name,
        items: w.items.map((wi) => ({ id: wi.item.id, name: wi.item.name, promisedLimitDays: wi.item.promisedLimitDays })),
      })),
    };
  });

  router.get("/export", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadCases(actor));
    const q = parse(caseListQuerySchema, ctx.query);
    const { prisma, clock } = ctx.services;
    const rows = await prisma.case.findMany({ where: listWhere(actor, q), orderBy: [{ dueAt: "asc" }, { id: "asc" }], include: withNames, take: 20_000 });
    const now = clock.now();
    const calendars = new Map<number, Awaited<ReturnType<typeof loadCalendar>>>();
    for (const centerId of new Set(rows.map((r) => r.centerId))) calendars.set(centerId, await loadCalendar(prisma, centerId));
    ctx.set("Content-Disposition", `attachment; filename="cases.xlsx"`);
    ctx.type = XLSX_TYPE;
    ctx.body = await casesWorkbook(rows.map((r) => presentCase(r, now, calendars.get(r.centerId)!)));
  });

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadCases(actor));
    const q = parse(caseListQuerySchema, ctx.query);
    const where = listWhere(actor, q);
    const { prisma, clock } = ctx.services;
    const [rows, total] = await Promise.all([
      prisma.case.findMany({ where, orderBy: [{ dueAt: "asc" }, { id: "asc" }], include: withNames, ...pageArgs(q) }),
      prisma.case.count({ where }),
    ]);
    const calendars = new Map<number, Awaited<ReturnType<typeof loadCalendar>>>();
    for (const centerId of new Set(rows.map((r) => r.centerId))) calendars.set(centerId, await loadCalendar(prisma, centerId));
    const now = clock.now();
    ctx.body = { items: rows.map((r) => presentCase(r, now, calendars.get(r.centerId)!)), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/:id", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadCases(actor));
    const row = await loadCase(ctx, actor);
    ctx.body = await presentOne(ctx, row.id);
  });

  router.post("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canAcceptCase(actor));
    const body = parse(acceptCaseBodySchema, ctx.request.body);
    const created = await acceptCase(ctx.services, { actor, auditActor: auditActorOf(ctx), body });
    ctx.status = 201;
    ctx.body = await presentOne(ctx, created.id);
  });

  router.post("/:id/actions", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadCases(actor));
    const row = await loadCase(ctx, actor);
    authorize(canAdvanceCase(actor, row));
    const body = parse(caseActionBodySchema, ctx.request.body);
    await advanceCase(ctx.services, { actor, auditActor: auditActorOf(ctx), caseId: row.id, body });
    ctx.body = await presentOne(ctx, row.id);
  });

  // The acceptance notice (受理通知书): what the printable page needs, with the lookup QR code as SVG.
  router.get("/:id/notice", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadCases(actor));
    const row = await loadCase(ctx, actor);
    const { settings } = await loadCenterContext(ctx.services.prisma, row.centerId);
    const center = await ctx.services.prisma.center.findUniqueOrThrow({ where: { id: row.centerId }, select: { name: true } });
    const lookupUrl = `${ctx.origin}/lookup?caseNo=${row.caseNo}`;
    ctx.body = {
      case: await presentOne(ctx, row.id),
      centerName: center.name,
      closesAt: settings.closesAt,
      lookupUrl,
      qrSvg: await QRCode.toString(lookupUrl, { type: "svg", margin: 1, width: 160 }),
    };
  });

  return router;
}
