// Appeals (申诉复核): filing by the staff member a bad review names, and a center leader's decision.
// Each runs in one transaction with its audit entry; the rating row is only read, never written, so an
// upheld appeal changes scores (the assessment reads Appeal.state) and nothing else.
import type { DecideAppealBody, FileAppealBody } from "../../contracts/appeals.ts";
import { AppError } from "../../errors.ts";
import { Prisma, type Appeal } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { appealDecisionRefusal, appealFilingRefusal } from "./appealRules.ts";

/** Tells the center's supervisors and leaders, and the rated staff member's liaisons, that an appeal moved. */
async function announceAppeal(services: Services, appeal: Appeal, centerId: number): Promise<void> {
  const staff = await services.prisma.staff.findUnique({ where: { id: appeal.staffId }, select: { departmentId: true } });
  services.events.emit("appeal.changed", { centerId, departmentIds: staff ? [staff.departmentId] : [], appealId: appeal.id, evaluationId: appeal.evaluationId, state: appeal.state });
}

export async function fileAppeal(services: Services, opts: { staffId: number; centerId: number; auditActor: AuditActor; body: FileAppealBody }): Promise<Appeal> {
  const { prisma, clock } = services;
  const now = clock.now();
  const { body } = opts;
  let filed: { row: Appeal; centerId: number };
  try {
    filed = await prisma.$transaction(async (tx) => {
      const rating = await tx.evaluation.findUnique({ where: { id: body.evaluationId }, select: { id: true, centerId: true, level: true, staffId: true, appeal: { select: { state: true } } } });
      // Another center's rating is not revealed
      if (!rating || rating.centerId !== opts.centerId) throw new AppError("NOT_FOUND");
      const refusal = appealFilingRefusal(rating, opts.staffId, rating.appeal);
      if (refusal) throw new AppError(refusal);
      const row = await tx.appeal.create({
        data: { evaluationId: rating.id, staffId: opts.staffId, reason: body.reason, evidence: body.evidence ? body.evidence : null, state: "PENDING", createdAt: now },
      });
      await recordAudit(tx, opts.auditActor, { action: "file.appeal", entity: "Appeal", entityId: row.id, centerId: rating.centerId, after: { ...row, ratingLevel: rating.level } }, now);
      return { row, centerId: rating.centerId };
    });
  } catch (err) {
    // Two filings of the same rating at once: the unique evaluationId lets one through
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new AppError("APPEAL_EXISTS");
    throw err;
  }
  await announceAppeal(services, filed.row, filed.centerId);
  return filed.row;
}

export async function decideAppeal(services: Services, opts: { appealId: number; auditActor: AuditActor & { userId: number }; body: DecideAppealBody }): Promise<Appeal> {
  const { prisma, clock } = services;
  const now = clock.now();
  const decided = await prisma.$transaction(async (tx) => {
    const before = await tx.appeal.findUniqueOrThrow({ where: { id: opts.appealId }, include: { evaluation: { select: { centerId: true } } } });
    const refusal = appealDecisionRefusal(before);
    if (refusal) throw new AppError(refusal);
    // Conditional on the state read above, so of two leaders deciding at once only one decision lands
    const changed = await tx.appeal.updateMany({
      where: { id: before.id, state: "PENDING" },
      data: { state: opts.body.decision, decisionReason: opts.body.reason, decidedById: opts.auditActor.userId, decidedAt: now },
    });
    if (changed.count !== 1) throw new AppError("APPEAL_DECIDED");
    const after = await tx.appeal.findUniqueOrThrow({ where: { id: before.id } });
    const { evaluation, ...beforeRow } = before;
    await recordAudit(tx, opts.auditActor, { action: "decide.appeal", entity: "Appeal", entityId: after.id, centerId: evaluation.centerId, before: beforeRow, after }, now);
    return { row: after, centerId: evaluation.centerId };
  });
  await announceAppeal(services, decided.row, decided.centerId);
  return decided.row;
}
