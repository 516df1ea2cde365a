// A new run of a quarter (a refresh before publishing, or a recompute after) keeps the leader's earlier
// honour decisions and their written reasons, so recomputing never silently undoes an override.
import type { Tx } from "../../db/database.ts";

const KIND_OF_HONOUR = { RED_FLAG_WINDOW: "WINDOW", SERVICE_MODEL: "STAFF" } as const;

/** A new run of a quarter keeps the leader's earlier decisions (the reasons stay with them). */
export async function carryOverrides(tx: Tx, fromRunId: number, toRunId: number): Promise<void> {
  const decided = await tx.honour.findMany({ where: { runId: fromRunId, overrideReason: { not: null } } });
  for (const h of decided) {
    const key = { runId_kind_subjectId: { runId: toRunId, kind: h.kind, subjectId: h.subjectId } };
    const decision = { granted: h.granted, overrideReason: h.overrideReason, decidedById: h.decidedById, decidedAt: h.decidedAt };
    const score = await tx.periodScore.findUnique({ where: { runId_subjectKind_subjectId: { runId: toRunId, subjectKind: KIND_OF_HONOUR[h.kind], subjectId: h.subjectId } } });
    if (!score) continue;
    const existing = await tx.honour.findUnique({ where: key });
    if (existing) await tx.honour.update({ where: key, data: decision });
    else await tx.honour.create({ data: { runId: toRunId, kind: h.kind, subjectId: h.subjectId, proposed: false, rank: score.rank, reason: score.decisionReason, reasonEn: score.decisionReasonEn, ...decision } });
  }
}
