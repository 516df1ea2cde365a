// Complaints: recorded (due in the center's complaintWorkingDays working days), assigned to a
// supervisor or leader, answered, closed with a finding. A substantiated complaint about a staff
// member proposes an accountability record (source COMPLAINT, idempotent by complaint). Audited.
import type { CloseComplaintBody, RecordComplaintBody } from "../../contracts/complaints.ts";
import { AppError } from "../../errors.ts";
import type { Complaint } from "../../generated/prisma/client.ts";
import { cipherFor } from "../../lib/crypto.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { loadCenterContext } from "../calendar/centerContext.ts";
import { computeDeadline } from "../calendar/workingDays.ts";

const invalid = (path: string, zh: string, en: string) => new AppError("VALIDATION_FAILED", { issues: [{ path, code: "invalid_reference", message: zh, messageEn: en }] });
const view = (c: Complaint) => ({ ...c, complainantPhoneEnc: undefined });

export async function recordComplaint(services: Services, opts: { centerId: number; auditActor: AuditActor; body: RecordComplaintBody }): Promise<Complaint> {
  const { prisma, clock } = services;
  const { body, centerId } = opts;
  const check = async (found: { centerId: number } | null, path: string, zh: string, en: string) => {
    if (!found || found.centerId !== centerId) throw invalid(path, zh, en);
  };
  if (body.windowId) await check(await prisma.window.findUnique({ where: { id: body.windowId } }), "windowId", "窗口不存在", "No such window");
  if (body.staffId) await check(await prisma.staff.findUnique({ where: { id: body.staffId } }), "staffId", "工作人员不存在", "No such staff member");
  if (body.caseId) await check(await prisma.case.findUnique({ where: { id: body.caseId } }), "caseId", "办件不存在", "No such case");
  const now = clock.now();
  const { settings, calendar } = await loadCenterContext(prisma, centerId);
  const dueAt = computeDeadline(calendar, { acceptedAt: now, limitDays: settings.complaintWorkingDays, suspendedDays: 0, closesAt: settings.closesAt }).dueAt;
  return prisma.$transaction(async (tx) => {
    const row = await tx.complaint.create({
      data: {
        centerId,
        channel: body.channel,
        complainantName: body.complainantName ?? null,
        complainantPhoneEnc: body.complainantPhone ? cipherFor(services.config).encrypt(body.complainantPhone) : null,
        content: body.content,
        windowId: body.windowId ?? null,
        staffId: body.staffId ?? null,
        caseId: body.caseId ?? null,
        state: "OPEN",
        receivedAt: now,
        dueAt,
      },
    });
    await recordAudit(tx, opts.auditActor, { action: "record.complaint", entity: "Complaint", entityId: row.id, centerId, after: view(row) }, now);
    return row;
  });
}

type Step = { kind: "assign"; assignedToId: number } | { kind: "answer"; answer: string } | { kind: "close"; body: CloseComplaintBody };
const ALLOWED: Record<Step["kind"], readonly Complaint["state"][]> = { assign: ["OPEN", "ASSIGNED"], answer: ["OPEN", "ASSIGNED"], close: ["ANSWERED"] };

export async function advanceComplaint(services: Services, opts: { complaintId: number; auditActor: AuditActor; step: Step }): Promise<Complaint> {
  const { prisma, clock } = services;
  const now = clock.now();
  const { step } = opts;
  if (step.kind === "assign") {
    const user = await prisma.user.findUnique({ where: { id: step.assignedToId } });
    const complaint = await prisma.complaint.findUniqueOrThrow({ where: { id: opts.complaintId } });
    if (!user || user.centerId !== complaint.centerId || !["SUPERVISOR", "LEADER"].includes(user.role)) {
      throw invalid("assignedToId", "只能指派给本中心的督查员或中心领导", "Assign to a supervisor or leader of the center");
    }
  }
  return prisma.$transaction(async (tx) => {
    const before = await tx.complaint.findUniqueOrThrow({ where: { id: opts.complaintId } });
    if (!ALLOWED[step.kind].includes(before.state)) throw new AppError("COMPLAINT_ILLEGAL_STEP");
    const data =
      step.kind === "assign"
        ? { state: "ASSIGNED" as const, assignedToId: step.assignedToId }
        : step.kind === "answer"
          ? { state: "ANSWERED" as const, answer: step.answer, answeredAt: now }
          : { state: "CLOSED" as const, substantiated: step.body.substantiated, closedAt: now };
    const row = await tx.complaint.update({ where: { id: before.id, state: before.state }, data });
    await recordAudit(tx, opts.auditActor, { action: `${step.kind}.complaint`, entity: "Complaint", entityId: row.id, centerId: row.centerId, before: view(before), after: view(row) }, now);
    if (step.kind === "close" && step.body.substantiated && row.staffId !== null) {
      const sourceKey = `complaint:${row.id}:substantiated`;
      if (!(await tx.accountabilityRecord.findUnique({ where: { sourceKey }, select: { id: true } }))) {
        const record = await tx.accountabilityRecord.create({
          data: {
            centerId: row.centerId, sourceKey, kind: step.body.kind, source: "COMPLAINT", state: "PROPOSED", staffId: row.staffId, windowId: row.windowId, caseId: row.caseId,
            complaintId: row.id, description: `投诉经核实属实：${row.content.slice(0, 200)}`, proposedPoints: step.body.proposedPoints, proposedById: opts.auditActor.userId, occurredAt: row.receivedAt,
          },
        });
        await recordAudit(tx, opts.auditActor, { action: "propose.accountability", entity: "AccountabilityRecord", entityId: record.id, centerId: row.centerId, after: record }, now);
      }
    }
    return row;
  });
}
