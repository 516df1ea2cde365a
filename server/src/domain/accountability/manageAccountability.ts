// Accountability records (责任追究). Automatic proposals (an overdue case, an unclosed inquiry) are
// idempotent by sourceKey; supervisors and leaders propose by hand; a leader confirms (with a
// consequence) or dismisses, always with a reason. Nothing is deleted; every step is audited.
import type { DecideAccountabilityBody, ProposeAccountabilityBody } from "../../contracts/accountability.ts";
import type { Tx } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import type { AccountabilityRecord } from "../../generated/prisma/client.ts";
import type { Actor } from "../../policies/actor.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";

/** Proposed points until the assessment rules (#8) own them. */
export const DEFAULT_POINTS = { INACTION: 2, SLOW_ACTION: 1, WRONGFUL_ACTION: 3, DISOBEDIENCE: 3 } as const;

export const SYSTEM_ACTOR: AuditActor = { userId: null, role: "SYSTEM", centerId: null };

export interface AutoProposal {
  centerId: number;
  sourceKey: string;
  kind: keyof typeof DEFAULT_POINTS;
  source: "AUTO_OVERDUE_CASE" | "AUTO_UNCLOSED_INQUIRY" | "AUTO_RECTIFICATION_OVERDUE";
  staffId: number;
  windowId: number | null;
  caseId?: number;
  inquiryId?: number;
  rectificationId?: string;
  description: string;
  occurredAt: Date;
}

/** Inside the caller's transaction; returns null when this source already proposed a record. */
export async function proposeAutomatically(tx: Tx, p: AutoProposal, now: Date): Promise<AccountabilityRecord | null> {
  if (await tx.accountabilityRecord.findUnique({ where: { sourceKey: p.sourceKey }, select: { id: true } })) return null;
  const record = await tx.accountabilityRecord.create({
    data: {
      centerId: p.centerId,
      sourceKey: p.sourceKey,
      kind: p.kind,
      source: p.source,
      state: "PROPOSED",
      staffId: p.staffId,
      windowId: p.windowId,
      caseId: p.caseId ?? null,
      inquiryId: p.inquiryId ?? null,
      rectificationId: p.rectificationId ?? null,
      description: p.description,
      proposedPoints: DEFAULT_POINTS[p.kind],
      occurredAt: p.occurredAt,
    },
  });
  await recordAudit(tx, { ...SYSTEM_ACTOR, centerId: p.centerId }, { action: "propose.accountability", entity: "AccountabilityRecord", entityId: record.id, centerId: p.centerId, after: record }, now);
  return record;
}

export async function proposeAccountability(services: Services, opts: { actor: Actor; auditActor: AuditActor; body: ProposeAccountabilityBody }): Promise<AccountabilityRecord> {
  const { prisma, clock } = services;
  const centerId = opts.actor.centerId;
  if (centerId === null) throw new AppError("FORBIDDEN");
  const staff = await prisma.staff.findUnique({ where: { id: opts.body.staffId } });
  if (!staff || staff.centerId !== centerId) throw new AppError("VALIDATION_FAILED", { issues: [{ path: "staffId", code: "invalid_reference", message: "工作人员不存在", messageEn: "No such staff member" }] });
  const kase = opts.body.caseId ? await prisma.case.findUnique({ where: { id: opts.body.caseId } }) : null;
  if (opts.body.caseId && (!kase || kase.centerId !== centerId)) throw new AppError("VALIDATION_FAILED", { issues: [{ path: "caseId", code: "invalid_reference", message: "办件不存在", messageEn: "No such case" }] });
  const now = clock.now();
  const record = await prisma.$transaction(async (tx) => {
    const row = await tx.accountabilityRecord.create({
      data: {
        centerId,
        kind: opts.body.kind,
        source: "MANUAL",
        state: "PROPOSED",
        staffId: staff.id,
        windowId: kase?.windowId ?? null,
        caseId: kase?.id ?? null,
        description: opts.body.description,
        proposedPoints: opts.body.proposedPoints,
        proposedById: opts.actor.userId,
        occurredAt: now,
      },
    });
    await recordAudit(tx, opts.auditActor, { action: "propose.accountability", entity: "AccountabilityRecord", entityId: row.id, centerId, after: row }, now);
    return row;
  });
  services.events.emit("accountability.proposed", { centerId, departmentIds: [staff.departmentId], recordId: record.id, kind: record.kind, staffId: record.staffId });
  return record;
}

export async function decideAccountability(
  services: Services,
  opts: { actor: Actor; auditActor: AuditActor; recordId: number; body: DecideAccountabilityBody },
): Promise<AccountabilityRecord> {
  const { prisma, clock } = services;
  const now = clock.now();
  const decided = await prisma.$transaction(async (tx) => {
    const before = await tx.accountabilityRecord.findUniqueOrThrow({ where: { id: opts.recordId } });
    if (before.state !== "PROPOSED") throw new AppError("ACCOUNTABILITY_DECIDED");
    const row = await tx.accountabilityRecord.update({
      where: { id: before.id, state: "PROPOSED" },
      data: {
        state: opts.body.decision === "CONFIRM" ? "CONFIRMED" : "DISMISSED",
        consequence: opts.body.decision === "CONFIRM" ? opts.body.consequence : null,
        decidedById: opts.actor.userId,
        decidedAt: now,
        decisionReason: opts.body.reason,
      },
    });
    await recordAudit(tx, opts.auditActor, { action: `${opts.body.decision.toLowerCase()}.accountability`, entity: "AccountabilityRecord", entityId: row.id, centerId: row.centerId, before, after: row }, now);
    return row;
  });
  const staff = await prisma.staff.findUnique({ where: { id: decided.staffId }, select: { departmentId: true } });
  services.events.emit("accountability.decided", { centerId: decided.centerId, departmentIds: staff ? [staff.departmentId] : [], recordId: decided.id, state: decided.state });
  return decided;
}
