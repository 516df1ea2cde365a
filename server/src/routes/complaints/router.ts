// Complaints: supervisors and leaders record, assign, answer and close; city leaders read.
import { idParamSchema } from "../../contracts/common.ts";
import {
  answerComplaintBodySchema,
  assignComplaintBodySchema,
  closeComplaintBodySchema,
  complaintListQuerySchema,
  recordComplaintBodySchema,
  type ComplaintDto,
} from "../../contracts/complaints.ts";
import { advanceComplaint, recordComplaint } from "../../domain/complaints/manageComplaints.ts";
import type { Complaint } from "../../generated/prisma/client.ts";
import type { AppContext } from "../../koa.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { authorize, centerScope, requireInScope } from "../../policies/authorize.ts";
import { canHandleComplaints, canReadComplaints, canSeeComplaint, canWorkComplaint } from "../../policies/complaints.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

const present = (c: Complaint): ComplaintDto => ({
  id: c.id, centerId: c.centerId, channel: c.channel, complainantName: c.complainantName, content: c.content, windowId: c.windowId, staffId: c.staffId, caseId: c.caseId,
  assignedToId: c.assignedToId, state: c.state, receivedAt: c.receivedAt.toISOString(), dueAt: c.dueAt.toISOString(), answer: c.answer,
  answeredAt: c.answeredAt?.toISOString() ?? null, substantiated: c.substantiated, closedAt: c.closedAt?.toISOString() ?? null,
});

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
    const now = ctx.services.clock.now();
    const where = {
      ...centerScope(actor, q.centerId),
      ...(q.state ? { state: q.state } : {}),
      ...(q.overdue ? { state: { in: ["OPEN" as const, "ASSIGNED" as const] }, dueAt: { lt: now } } : {}),
    };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.complaint.findMany({ where, orderBy: [{ dueAt: "asc" }, { id: "asc" }], ...pageArgs(q) }),
      ctx.services.prisma.complaint.count({ where }),
    ]);
    ctx.body = { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
  });

  router.post("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canHandleComplaints(actor));
    const body = parse(recordComplaintBodySchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = present(await recordComplaint(ctx.services, { centerId: actor.centerId!, auditActor: auditActorOf(ctx), body }));
  });

  router.post("/:id/assign", async (ctx) => {
    const row = await loadForWork(ctx);
    const body = parse(assignComplaintBodySchema, ctx.request.body);
    ctx.body = present(await advanceComplaint(ctx.services, { complaintId: row.id, auditActor: auditActorOf(ctx), step: { kind: "assign", assignedToId: body.assignedToId } }));
  });

  router.post("/:id/answer", async (ctx) => {
    const row = await loadForWork(ctx);
    const body = parse(answerComplaintBodySchema, ctx.request.body);
    ctx.body = present(await advanceComplaint(ctx.services, { complaintId: row.id, auditActor: auditActorOf(ctx), step: { kind: "answer", answer: body.answer } }));
  });

  router.post("/:id/close", async (ctx) => {
    const row = await loadForWork(ctx);
    const body = parse(closeComplaintBodySchema, ctx.request.body);
    ctx.body = present(await advanceComplaint(ctx.services, { complaintId: row.id, auditActor: auditActorOf(ctx), step: { kind: "close", body } }));
  });

  return router;
}
