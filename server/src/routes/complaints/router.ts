// Complaints: supervisors and leaders record, link, assign, answer and close; city leaders read. The
// list filters by state, channel, department, window and lateness, and exports to Excel as filtered.
import { idParamSchema } from "../../contracts/common.ts";
import {
  answerComplaintBodySchema,
  assignComplaintBodySchema,
  closeComplaintBodySchema,
  complaintListQuerySchema,
  linkComplaintBodySchema,
  recordComplaintBodySchema,
  type ComplaintAssigneeDto,
  type ComplaintListQuery,
} from "../../contracts/complaints.ts";
import { advanceComplaint, listComplaintAssignees, recordComplaint, type ComplaintStep } from "../../domain/complaints/manageComplaints.ts";
import type { AppContext } from "../../koa.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, centerScope, requireInScope } from "../../policies/authorize.ts";
import { canHandleComplaints, canListComplaintAssignees, canReadComplaints, canSeeComplaint, canWorkComplaint } from "../../policies/complaints.ts";
import { complaintInclude, presentComplaint, type ComplaintRow } from "../../presenters/complaints.ts";
import { COMPLAINT_EXPORT_COLUMNS } from "../exports/complaintsExport.ts";
import { EXPORT_MAX_ROWS, sendWorkbook } from "../exports/sendWorkbook.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

const UNANSWERED = ["OPEN" as const, "ASSIGNED" as const];
/** A worklist: complaints still open first, the most urgent deadline on top; closed ones after, latest first. */
const WORKLIST_ORDER = [{ closedAt: { sort: "desc" as const, nulls: "first" as const } }, { dueAt: "asc" as const }, { id: "asc" as const }];

function listWhere(actor: Actor, q: ComplaintListQuery, now: Date) {
  return {
    ...centerScope(actor, q.centerId),
    ...(q.state ? { state: q.state } : {}),
    ...(q.channel ? { channel: q.channel } : {}),
    ...(q.windowId ? { windowId: q.windowId } : {}),
    ...(q.mine ? { assignedToId: actor.userId } : {}),
    ...(q.overdue ? { dueAt: { lt: now }, ...(q.state ? {} : { state: { in: UNANSWERED } }) } : {}),
    AND: [
      ...(q.departmentId
        ? [{ OR: [{ staff: { departmentId: q.departmentId } }, { case: { departmentId: q.departmentId } }, { window: { departments: { some: { departmentId: q.departmentId } } } }] }]
        : []),
      ...(q.q ? [{ OR: [{ content: { contains: q.q } }, { complainantName: { contains: q.q } }] }] : []),
    ],
  };
}

async function present(ctx: AppContext, rows: ComplaintRow[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.assignedToId === null ? [] : [r.assignedToId])))];
  const users = ids.length ? await ctx.services.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const now = ctx.services.clock.now();
  return rows.map((r) => presentComplaint(r, now, names));
}

async function presentById(ctx: AppContext, id: number) {
  const row = await ctx.services.prisma.complaint.findUniqueOrThrow({ where: { id }, include: complaintInclude });
  return (await present(ctx, [row]))[0]!;
}

async function loadForWork(ctx: AppContext & { params: Record<string, string> }) {
  const actor = requireActor(ctx);
  authorize(canReadComplaints(actor));
  const { id } = parse(idParamSchema, ctx.params);
  const row = await ctx.services.prisma.complaint.findUnique({ where: { id } });
  requireInScope(row !== null && canSeeComplaint(actor, row));
  authorize(canWorkComplaint(actor, row));
  return row;
}

export function complaintsRouter() {
  const router = createRouter("/api/complaints");

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadComplaints(actor));
    const q = parse(complaintListQuerySchema, ctx.query);
    const where = listWhere(actor, q, ctx.services.clock.now());
    const [rows, total] = await Promise.all([
      ctx.services.prisma.complaint.findMany({ where, include: complaintInclude, orderBy: WORKLIST_ORDER, ...pageArgs(q) }),
      ctx.services.prisma.complaint.count({ where }),
    ]);
    ctx.body = { items: await present(ctx, rows), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/export.xlsx", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadComplaints(actor));
    const q = parse(complaintListQuerySchema, ctx.query);
    const rows = await ctx.services.prisma.complaint.findMany({
      where: listWhere(actor, q, ctx.services.clock.now()),
      include: complaintInclude,
      orderBy: WORKLIST_ORDER,
      take: EXPORT_MAX_ROWS,
    });
    await sendWorkbook(ctx, "投诉", COMPLAINT_EXPORT_COLUMNS, await present(ctx, rows));
  });

  // The people the signed-in handler may assign a complaint to: supervisors and leaders of their center.
  router.get("/assignees", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canListComplaintAssignees(actor));
    const users = await listComplaintAssignees(ctx.services.prisma, actor.centerId ?? -1);
    const items: ComplaintAssigneeDto[] = users.flatMap((u) => (u.role === "SUPERVISOR" || u.role === "LEADER" ? [{ id: u.id, displayName: u.displayName, role: u.role }] : []));
    ctx.body = { items };
  });

  router.post("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canHandleComplaints(actor));
    const body = parse(recordComplaintBodySchema, ctx.request.body);
    const row = await recordComplaint(ctx.services, { centerId: actor.centerId!, auditActor: auditActorOf(ctx), body });
    ctx.status = 201;
    ctx.body = await presentById(ctx, row.id);
  });

  const step = (path: string, toStep: (body: unknown) => ComplaintStep) =>
    router.post(`/:id/${path}`, async (ctx) => {
      const row = await loadForWork(ctx);
      const next = toStep(ctx.request.body);
      await advanceComplaint(ctx.services, { complaintId: row.id, auditActor: auditActorOf(ctx), step: next });
      ctx.body = await presentById(ctx, row.id);
    });
  step("assign", (b) => ({ kind: "assign", assignedToId: parse(assignComplaintBodySchema, b).assignedToId }));
  step("answer", (b) => ({ kind: "answer", answer: parse(answerComplaintBodySchema, b).answer }));
  step("link", (b) => ({ kind: "link", body: parse(linkComplaintBodySchema, b) }));
  step("close", (b) => ({ kind: "close", body: parse(closeComplaintBodySchema, b) }));

  return router;
}
