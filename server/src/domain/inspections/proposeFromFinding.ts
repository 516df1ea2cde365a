// One click from a failed inspection item to a proposed accountability record (#4), once per finding:
// a second click answers with the record already proposed. A leader decides it as any other proposal.
import type { AccountabilityRecord } from "../../generated/prisma/client.ts";
import type { ACCOUNTABILITY_KINDS } from "../../contracts/accountability.ts";
import { AppError } from "../../errors.ts";
import type { Actor } from "../../policies/actor.ts";
import { findingSourceKey, type InspectionRow } from "../../presenters/inspections.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { shanghaiDate } from "../calendar/workingDays.ts";

type Kind = (typeof ACCOUNTABILITY_KINDS)[number];

/** Being away from the post is inaction; breaking discipline is disobedience; the rest is how one serves. */
export const KIND_OF_ITEM: Record<string, Kind> = { ON_POST: "INACTION", DISCIPLINE: "DISOBEDIENCE" };
const DEFAULT_KIND: Kind = "WRONGFUL_ACTION";

export async function proposeFromFinding(
  services: Services,
  opts: { actor: Actor; auditActor: AuditActor; inspection: InspectionRow; code: string; label: string },
): Promise<{ record: AccountabilityRecord; created: boolean }> {
  const { prisma, clock, events } = services;
  const { inspection, code } = opts;
  const finding = inspection.findings.find((f) => f.checkCode === code);
  if (!finding) throw new AppError("NOT_FOUND");
  const invalid = (message: string, messageEn: string) => new AppError("VALIDATION_FAILED", { issues: [{ path: "code", code: "not_proposable", message, messageEn }] });
  if (finding.passed) throw invalid("该项目检查合格，无需追究", "This item passed; there is nothing to propose");
  if (inspection.staffId === null) throw invalid("该督查记录未关联工作人员", "The inspection names no staff member");
  const sourceKey = findingSourceKey(inspection.clientId, code);
  const existing = await prisma.accountabilityRecord.findUnique({ where: { sourceKey } });
  if (existing) return { record: existing, created: false };
  const now = clock.now();
  const staffId = inspection.staffId;
  const record = await prisma.$transaction(async (tx) => {
    const row = await tx.accountabilityRecord.create({
      data: {
        centerId: inspection.centerId,
        sourceKey,
        kind: KIND_OF_ITEM[code] ?? DEFAULT_KIND,
        source: "INSPECTION",
        state: "PROPOSED",
        staffId,
        windowId: inspection.windowId,
        inspectionId: inspection.id,
        description: `${shanghaiDate(inspection.at)} 督查 ${inspection.window.number} 号窗口：「${opts.label}」不合格${finding.note ? `（${finding.note}）` : ""}`,
        proposedPoints: finding.deduction,
        proposedById: opts.actor.userId,
        occurredAt: inspection.at,
        createdAt: now,
      },
    });
    await recordAudit(tx, opts.auditActor, { action: "propose.accountability", entity: "AccountabilityRecord", entityId: row.id, centerId: inspection.centerId, after: row }, now);
    return row;
  });
  const staff = await prisma.staff.findUnique({ where: { id: staffId }, select: { departmentId: true } });
  events.emit("accountability.proposed", { centerId: inspection.centerId, departmentIds: staff ? [staff.departmentId] : [], recordId: record.id, kind: record.kind, staffId });
  return { record, created: true };
}
