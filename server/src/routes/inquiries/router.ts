// First-inquiry responsibility: staff register, hand over, acknowledge and close; supervisors,
// leaders and city leaders read, filter and export the list.
import { idParamSchema } from "../../contracts/common.ts";
import {
  closeInquiryBodySchema,
  handOverInquiryBodySchema,
  inquiryListQuerySchema,
  registerInquiryBodySchema,
  type HandoverTargetDto,
  type InquiryListQuery,
} from "../../contracts/inquiries.ts";
import { acknowledgeHandover, closeInquiry, handOverInquiry, registerInquiry } from "../../domain/inquiries/manageInquiries.ts";
import type { AppContext } from "../../koa.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, centerScope, requireInScope } from "../../policies/authorize.ts";
import { canHandOverInquiry, canReadInquiries, canRegisterInquiry, canSeeInquiry, canWorkInquiry } from "../../policies/inquiries.ts";
import { inquiryInclude as include, presentInquiry } from "../../presenters/inquiries.ts";
import { EXPORT_MAX_ROWS, sendWorkbook } from "../exports/sendWorkbook.ts";
import { INQUIRY_EXPORT_COLUMNS } from "../exports/inquiriesExport.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

async function windowIdsOf(ctx: AppContext, actor: Actor): Promise<number[]> {
  if (actor.staffId === null) return [];
  const rows = await ctx.services.prisma.windowStaff.findMany({ where: { staffId: actor.staffId }, select: { windowId: true } });
  return rows.map((r) => r.windowId);
}

async function loadInquiry(ctx: AppContext & { params: Record<string, string> }, actor: Actor) {
  const { id } = parse(idParamSchema, ctx.params);
  const row = await ctx.services.prisma.inquiry.findUnique({ where: { id }, include });
  const windowIds = await windowIdsOf(ctx, actor);
  requireInScope(row !== null && canSeeInquiry(actor, row, windowIds));
  return { row, windowIds };
}

const presentById = async (ctx: AppContext, id: number) => presentInquiry(await ctx.services.prisma.inquiry.findUniqueOrThrow({ where: { id }, include }));

export function inquiriesRouter() {
  const router = createRouter("/api/inquiries");

  const listWhere = (actor: Actor, q: InquiryListQuery, windowIds: number[]) => {
    const me = actor.staffId ?? -1;
    const waitingForMe = { handovers: { some: { acknowledgedAt: null, OR: [{ toStaffId: me }, { toStaffId: null, toWindowId: { in: windowIds } }] } } };
    return {
      ...centerScope(actor, q.centerId),
      ...(q.state ? { state: q.state } : {}),
      ...(q.warned ? { warnedAt: { not: null } } : {}),
      ...(q.windowId ? { windowId: q.windowId } : {}),
      ...(q.departmentId ? { firstStaff: { departmentId: q.departmentId } } : {}),
      AND: [
        ...(actor.role === "STAFF"
          ? [{ OR: [{ firstStaffId: me }, { handovers: { some: { toStaffId: me } } }, { handovers: { some: { toStaffId: null, toWindowId: { in: windowIds } } } }] }]
          : []),
        ...(q.toAcknowledge ? [{ state: { not: "CLOSED" as const }, ...waitingForMe }] : []),
        ...(q.q ? [{ OR: [{ topic: { contains: q.q } }, { askerName: { contains: q.q } }, { firstStaff: { name: { contains: q.q } } }] }] : []),
      ],
    };
  };

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadInquiries(actor));
    const q = parse(inquiryListQuerySchema, ctx.query);
    const where = listWhere(actor, q, await windowIdsOf(ctx, actor));
    const [rows, total] = await Promise.all([
      ctx.services.prisma.inquiry.findMany({ where, include, orderBy: [{ openedAt: "desc" }, { id: "desc" }], ...pageArgs(q) }),
      ctx.services.prisma.inquiry.count({ where }),
    ]);
    ctx.body = { items: rows.map(presentInquiry), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/export.xlsx", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadInquiries(actor));
    const q = parse(inquiryListQuerySchema, ctx.query);
    const rows = await ctx.services.prisma.inquiry.findMany({
      where: listWhere(actor, q, await windowIdsOf(ctx, actor)),
      include,
      orderBy: [{ openedAt: "desc" }, { id: "desc" }],
      take: EXPORT_MAX_ROWS,
    });
    await sendWorkbook(ctx, "首问登记", INQUIRY_EXPORT_COLUMNS, rows.map(presentInquiry));
  });

  // Where the staff member may hand an inquiry: every active window of the center and its staff.
  router.get("/handover-targets", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canRegisterInquiry(actor));
    const windows = await ctx.services.prisma.window.findMany({
      where: { centerId: actor.centerId ?? -1, active: true },
      include: { staff: { where: { staff: { active: true } }, include: { staff: { select: { id: true, name: true } } } } },
      orderBy: { number: "asc" },
    });
    const items: HandoverTargetDto[] = windows.map((w) => ({ windowId: w.id, number: w.number, name: w.name, staff: w.staff.map((ws) => ws.staff) }));
    ctx.body = { items };
  });

  router.post("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canRegisterInquiry(actor));
    const body = parse(registerInquiryBodySchema, ctx.request.body);
    const row = await registerInquiry(ctx.services, { actor, auditActor: auditActorOf(ctx), body });
    ctx.status = 201;
    ctx.body = await presentById(ctx, row.id);
  });

  router.post("/:id/handover", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadInquiries(actor));
    const { row } = await loadInquiry(ctx, actor);
    authorize(canHandOverInquiry(actor, row));
    const body = parse(handOverInquiryBodySchema, ctx.request.body);
    await handOverInquiry(ctx.services, { actor, auditActor: auditActorOf(ctx), inquiryId: row.id, body });
    ctx.body = await presentById(ctx, row.id);
  });

  router.post("/:id/acknowledge", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadInquiries(actor));
    const { row, windowIds } = await loadInquiry(ctx, actor);
    authorize(canWorkInquiry(actor, row, windowIds));
    await acknowledgeHandover(ctx.services, { actor, auditActor: auditActorOf(ctx), inquiryId: row.id, actorWindowIds: windowIds });
    ctx.body = await presentById(ctx, row.id);
  });

  router.post("/:id/close", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadInquiries(actor));
    const { row, windowIds } = await loadInquiry(ctx, actor);
    authorize(canWorkInquiry(actor, row, windowIds));
    const body = parse(closeInquiryBodySchema, ctx.request.body);
    await closeInquiry(ctx.services, { auditActor: auditActorOf(ctx), inquiryId: row.id, outcome: body.outcome });
    ctx.body = await presentById(ctx, row.id);
  });

  return router;
}
