// The loop's sweeps (run by jobs/rectificationJobs.ts): a step past its due time is marked overdue once
// (stepOverdueAt, and overdueAt the first time for the ticket), alerts the center's supervisors
// (RECTIFICATION_OVERDUE) and proposes a slow-action (慢作为) record against the owner — once per ticket
// and step, keyed like "rectification:<id>:verify:overdue". A callback number whose retention has run out
// after the close is deleted. State-based and idempotent: a sweep after downtime catches up.
import type { Services } from "../../services.ts";
import { proposeAutomatically, SYSTEM_ACTOR } from "../accountability/manageAccountability.ts";
import { publishRaisedAlert, raiseAlert } from "../alerts/raiseAlert.ts";
import { recordAudit } from "../audit/recordAudit.ts";
import { RECTIFICATION_STEP_LABELS } from "../../contracts/rectifications.ts";
import { announceRectification } from "./announceRectification.ts";
import { nextStepOf, overdueKey } from "./stepRules.ts";

/** A sweep looks at this many at a time (an outage of weeks must not load every ticket at once). */
const SWEEP_BATCH = 200;

export async function sweepOverdueRectifications(services: Services): Promise<{ overdue: number; proposed: number }> {
  const { prisma, clock, events } = services;
  const now = clock.now();
  const result = { overdue: 0, proposed: 0 };
  for (;;) {
    const due = await prisma.rectification.findMany({
      where: { state: { not: "CLOSED" }, stepDueAt: { lt: now }, stepOverdueAt: null },
      include: { evaluation: { select: { windowId: true, window: { select: { number: true } } } }, owner: { select: { name: true, departmentId: true } } },
      orderBy: { stepDueAt: "asc" },
      take: SWEEP_BATCH,
    });
    if (due.length === 0) break;
    for (const t of due) {
      const step = nextStepOf(t);
      if (step === null) continue;
      const key = overdueKey(t.id, step);
      const stepName = RECTIFICATION_STEP_LABELS[step].zh;
      const where = t.evaluation.window ? `${t.evaluation.window.number} 号窗口` : "";
      const owner = t.owner ? `（${t.owner.name}）` : "";
      const outcome = await prisma.$transaction(async (tx) => {
        const marked = await tx.rectification.updateMany({ where: { id: t.id, stepOverdueAt: null, stepDueAt: t.stepDueAt }, data: { stepOverdueAt: now, overdueAt: t.overdueAt ?? now } });
        if (marked.count === 0) return null;
        await tx.rectificationEvent.create({ data: { rectificationId: t.id, step: "overdue", actorId: null, at: now, data: { step, dueAt: t.stepDueAt.toISOString() } } });
        const alert = await raiseAlert(
          tx,
          { centerId: t.centerId, kind: "RECTIFICATION_OVERDUE", windowId: t.evaluation.windowId, staffId: t.ownerStaffId, subjectId: t.id, sourceKey: key, message: `差评整改超时：${where}${owner}「${stepName}」步骤已超过时限` },
          now,
        );
        const record =
          t.ownerStaffId === null
            ? null
            : await proposeAutomatically(
                tx,
                {
                  centerId: t.centerId,
                  sourceKey: key,
                  kind: "SLOW_ACTION",
                  source: "AUTO_RECTIFICATION_OVERDUE",
                  staffId: t.ownerStaffId,
                  windowId: t.evaluation.windowId,
                  rectificationId: t.id,
                  description: `差评整改「${stepName}」步骤未在时限（${t.stepDueAt.toISOString()}）内完成`,
                  occurredAt: now,
                },
                now,
              );
        await recordAudit(tx, { ...SYSTEM_ACTOR, centerId: t.centerId }, { action: "overdue.rectification", entity: "Rectification", entityId: t.id, centerId: t.centerId, after: { step, stepDueAt: t.stepDueAt } }, now);
        return { alert, record };
      });
      if (!outcome) continue;
      result.overdue++;
      if (outcome.alert) await publishRaisedAlert(services, outcome.alert.id);
      if (outcome.record) {
        result.proposed++;
        events.emit("accountability.proposed", { centerId: t.centerId, departmentIds: t.owner ? [t.owner.departmentId] : [], recordId: outcome.record.id, kind: outcome.record.kind, staffId: outcome.record.staffId });
      }
      await announceRectification(services, t.id);
    }
  }
  return result;
}

/** Deletes callback numbers whose retention after the close has run out (PIPL: kept no longer than needed). */
export async function purgeCallbackPhones(services: Services): Promise<{ purged: number }> {
  const { prisma, clock } = services;
  const now = clock.now();
  const due = await prisma.rectification.findMany({ where: { citizenPhoneEnc: { not: null }, phonePurgeAt: { lte: now } }, select: { id: true, centerId: true, phonePurgeAt: true } });
  let purged = 0;
  for (const t of due) {
    const done = await prisma.$transaction(async (tx) => {
      const upd = await tx.rectification.updateMany({ where: { id: t.id, citizenPhoneEnc: { not: null } }, data: { citizenPhoneEnc: null } });
      if (upd.count === 0) return false;
      await tx.rectificationEvent.create({ data: { rectificationId: t.id, step: "phone_purged", actorId: null, at: now, data: { purgeAt: t.phonePurgeAt?.toISOString() ?? null } } });
      await recordAudit(tx, { ...SYSTEM_ACTOR, centerId: t.centerId }, { action: "purge.rectificationPhone", entity: "Rectification", entityId: t.id, centerId: t.centerId }, now);
      return true;
    });
    if (done) purged++;
  }
  return { purged };
}
