// Complaints: recorded (due in the center's complaintWorkingDays working days), linked to the window,
// staff member and case they are about, assigned to a supervisor or leader, answered, closed with a
// finding. A substantiated complaint about a staff member proposes an accountability record (source
// COMPLAINT, idempotent by complaint). Every step is audited in its own transaction.
import type { CloseComplaintBody, LinkComplaintBody, RecordComplaintBody } from "../../contracts/complaints.ts";
import type { PrismaClient } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import type { AccountabilityRecord, Complaint } from "../../generated/prisma/client.ts";
import { cipherFor } from "../../lib/crypto.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { loadCenterContext } from "../calendar/centerContext.ts";
import { computeDeadline } from "../calendar/workingDays.ts";

const invalid = (path: string, zh: string, en: string) => new AppError("VALIDATION_FAILED", { issues: [{ path, code: "invalid_reference", message: zh, messageEn: en }] });
const view = (c: Complaint) => ({ ...c, complainantPhoneEnc: undefined });

/** Who may be handed a complaint: the active supervisors and leaders of its center (DOMAIN.md "Roles"). */
export const assignableUsersWhere = (centerId: number) => ({ centerId, active: true, role: { in: ["SUPERVISOR" as const, "LEADER" as const] } });

export function listComplaintAssignees(prisma: PrismaClient, centerId: number) {
  return prisma.user.findMany({ where: assignableUsersWhere(centerId), select: { id: true, displayName: true, role: true }, orderBy: [{ role: "asc" }, { displayName: "asc" }] });
}

interface Links {
  windowId?: number | null;
  staffId?: number | null;
  caseId?: number | null;
}

/** Checks each named window, staff member and case belongs to the center; a case number becomes its id. */
async function resolveLinks(prisma: PrismaClient, centerId: number, body: { windowId?: number | null; staffId?: number | null; caseNo?: string | null; caseId?: number }): Promise<Links> {
  const links: Links = {};
  if (body.windowId !== undefined) {
    const w = body.windowId === null ? null : await prisma.window.findUnique({ where: { id: body.windowId } });
    if (body.windowId !== null && (!w || w.centerId !== centerId)) throw invalid("windowId", "窗口不存在", "No such window");
    links.windowId = body.windowId;
  }
  if (body.staffId !== undefined) {
    const s = body.staffId === null ? null : await prisma.staff.findUnique({ where: { id: body.staffId } });
    if (body.staffId !== null && (!s || s.centerId !== centerId)) throw invalid("staffId", "工作人员不存在", "No such staff member");
    links.staffId = body.staffId;
  }
  if (body.caseNo !== undefined && body.caseNo !== null) {
    const c = await prisma.case.findUnique({ where: { centerId_caseNo: { centerId, caseNo: body.caseNo } }, select: { id: true } });
    if (!c) throw invalid("caseNo", "本中心没有该编号的办件", "No case with this number in the center");
    links.caseId = c.id;
  } else if (body.caseNo === null) {
    links.caseId = null;
  } else if (body.caseId !== undefined) {
    const c = await prisma.case.findUnique({ where: { id: body.caseId }, select: { centerId: true } });
    if (!c || c.centerId !== centerId) throw invalid("caseId", "办件不存在", "No such case");
    links.caseId = body.caseId;
  }
  return links;
}

export async function recordComplaint(services: Services, opts: { centerId: number; auditActor: AuditActor; body: RecordComplaintBody }): Promise<Complaint> {
  const { prisma, clock } = services;
  const { body, centerId } = opts;
  const links = await resolveLinks(prisma, centerId, body);
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
        windowId: links.windowId ?? null,
        staffId: links.staffId ?? null,
        caseId: links.caseId ?? null,
        state: "OPEN",
        receivedAt: now,
        dueAt,
      },
    });
    await recordAudit(tx, opts.auditActor, { action: "record.complaint", entity: "Complaint", entityId: row.id, centerId, after: view(row) }, now);
    return row;
  });
}

export type ComplaintStep =
  | { kind: "assign"; assignedToId: number }
  | { kind: "answer"; answer: string }
  | { kind: "link"; body: LinkComplaintBody }
  | { kind: "close"; body: CloseComplaintBody };
const ALLOWED: Record<ComplaintStep["kind"], readonly Complaint["state"][]> = {
  assign: ["OPEN", "ASSIGNED"],
  answer: ["OPEN", "ASSIGNED"],
  link: ["OPEN", "ASSIGNED", "ANSWERED"],
  close: ["ANSWERED"],
};

export async function advanceComplaint(
  services: Services,
  opts: { complaintId: number; auditActor: AuditActor; step: ComplaintStep },
): Promise<{ complaint: Complaint; proposed: AccountabilityRecord | null }> {
  const { prisma, clock } = services;
  const now = clock.now();
  const { step } = opts;
  const current = await prisma.complaint.findUniqueOrThrow({ where: { id: opts.complaintId } });
  if (step.kind === "assign" && !(await prisma.user.findFirst({ where: { id: step.assignedToId, ...assignableUsersWhere(current.centerId) }, select: { id: true } }))) {
    throw invalid("assignedToId", "只能指派给本中心在岗的督查员或中心领导", "Assign to an active supervisor or leader of the center");
  }
  const links = step.kind === "link" ? await resolveLinks(prisma, current.centerId, step.body) : null;
  if (step.kind === "close" && step.body.substantiated && current.staffId === null) {
    throw invalid("staffId", "投诉属实须先关联被投诉的工作人员，才能拟定责任追究", "Link the staff member complained about before finding it substantiated");
  }
  const result = await prisma.$transaction(async (tx) => {
    const before = await tx.complaint.findUniqueOrThrow({ where: { id: opts.complaintId } });
    if (!ALLOWED[step.kind].includes(before.state)) throw new AppError("COMPLAINT_ILLEGAL_STEP");
    const data =
      step.kind === "assign"
        ? { state: "ASSIGNED" as const, assignedToId: step.assignedToId }
        : step.kind === "answer"
          ? { state: "ANSWERED" as const, answer: step.answer, answeredAt: now }
          : step.kind === "link"
            ? { ...links }
            : { state: "CLOSED" as const, substantiated: step.body.substantiated, closedAt: now };
    const row = await tx.complaint.update({ where: { id: before.id, state: before.state }, data });
    await recordAudit(tx, opts.auditActor, { action: `${step.kind}.complaint`, entity: "Complaint", entityId: row.id, centerId: row.centerId, before: view(before), after: view(row) }, now);
    let proposed: AccountabilityRecord | null = null;
    if (step.kind === "close" && step.body.substantiated && row.staffId !== null) {
      const sourceKey = `complaint:${row.id}:substantiated`;
      if (!(await tx.accountabilityRecord.findUnique({ where: { sourceKey }, select: { id: true } }))) {
        proposed = await tx.accountabilityRecord.create({
          data: {
            centerId: row.centerId, sourceKey, kind: step.body.kind, source: "COMPLAINT", state: "PROPOSED", staffId: row.staffId, windowId: row.windowId, caseId: row.caseId,
            complaintId: row.id, description: `投诉经核实属实：${row.content.slice(0, 200)}`, proposedPoints: step.body.proposedPoints, proposedById: opts.auditActor.userId, occurredAt: row.receivedAt,
          },
        });
        await recordAudit(tx, opts.auditActor, { action: "propose.accountability", entity: "AccountabilityRecord", entityId: proposed.id, centerId: row.centerId, after: proposed }, now);
      }
    }
    return { complaint: row, proposed };
  });
  if (result.proposed) {
    const staff = await prisma.staff.findUnique({ where: { id: result.proposed.staffId }, select: { departmentId: true } });
    services.events.emit("accountability.proposed", { centerId: result.proposed.centerId, departmentIds: staff ? [staff.departmentId] : [], recordId: result.proposed.id, kind: result.proposed.kind, staffId: result.proposed.staffId });
  }
  return result;
}
