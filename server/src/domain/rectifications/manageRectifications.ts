// Recording a step of the bad-review loop and revealing the callback number. A step writes the ticket,
// its history event and its audit entry in one transaction; the update is conditional on the state it
// was judged against, so two people recording the same step at once cannot both succeed.
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { cipherFor } from "../../lib/crypto.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { cachedCenterContext } from "../calendar/centerContext.ts";
import { resolveAlerts } from "../alerts/raiseAlert.ts";
import { announceRectification } from "./announceRectification.ts";
import { applyStep, type StepInput } from "./stepRules.ts";

/** History data of a step: what was decided, never the citizen's number. */
function eventData(input: StepInput, stepDueAt: Date | null): Prisma.InputJsonObject {
  return { ...input.body, ...(stepDueAt ? { nextDueAt: stepDueAt.toISOString() } : {}) };
}

export async function recordRectificationStep(services: Services, opts: { id: string; auditActor: AuditActor; input: StepInput }): Promise<void> {
  const { prisma, clock } = services;
  const now = clock.now();
  const ticket = await prisma.rectification.findUnique({ where: { id: opts.id } });
  if (!ticket) throw new AppError("NOT_FOUND");
  const ctx = await cachedCenterContext(services, ticket.centerId);
  const outcome = applyStep(ctx, { ...ticket, hasPhone: ticket.citizenPhoneEnc !== null }, opts.input, now);
  if (!outcome.ok) throw new AppError(outcome.code);
  const { patch, lateStep } = outcome;
  await prisma.$transaction(async (tx) => {
    const done = await tx.rectification.updateMany({
      where: { id: ticket.id, state: ticket.state, callbackReached: ticket.callbackReached, stepDueAt: ticket.stepDueAt },
      data: {
        ...patch,
        // Each step starts on time; a step done late marks the ticket late even before the sweep sees it
        stepOverdueAt: null,
        ...(lateStep && ticket.overdueAt === null ? { overdueAt: now } : {}),
      },
    });
    if (done.count === 0) throw new AppError("RECTIFICATION_ILLEGAL_STEP");
    await tx.rectificationEvent.create({
      data: { rectificationId: ticket.id, step: opts.input.step, actorId: opts.auditActor.userId, at: now, data: eventData(opts.input, patch.state === "CLOSED" ? null : patch.stepDueAt) },
    });
    await recordAudit(
      tx,
      opts.auditActor,
      { action: `${opts.input.step}.rectification`, entity: "Rectification", entityId: ticket.id, centerId: ticket.centerId, before: { state: ticket.state, stepDueAt: ticket.stepDueAt }, after: { ...patch, late: lateStep } },
      now,
    );
  });
  // The late step is done now, so its overdue alert leaves the feed (the next step may raise its own);
  // a closed loop takes its bad-review alert with it
  const kinds = opts.input.step === "close" ? ["BAD_REVIEW", "RECTIFICATION_OVERDUE"] : ["RECTIFICATION_OVERDUE"];
  const open = await prisma.alert.findMany({ where: { centerId: ticket.centerId, kind: { in: kinds }, subjectId: ticket.id, resolvedAt: null }, select: { id: true } });
  await resolveAlerts(services, open.map((a) => a.id), now);
  await announceRectification(services, ticket.id);
}

/** The full number for the callback; the reveal itself is audited and on the ticket's history. */
export async function revealRectificationPhone(services: Services, opts: { id: string; auditActor: AuditActor }): Promise<string> {
  const { prisma, clock } = services;
  const ticket = await prisma.rectification.findUnique({ where: { id: opts.id }, select: { id: true, centerId: true, citizenPhoneEnc: true } });
  if (!ticket) throw new AppError("NOT_FOUND");
  if (!ticket.citizenPhoneEnc) throw new AppError("RECTIFICATION_NO_PHONE");
  const phone = cipherFor(services.config).decrypt(ticket.citizenPhoneEnc);
  const now = clock.now();
  await prisma.$transaction(async (tx) => {
    await tx.rectificationEvent.create({ data: { rectificationId: ticket.id, step: "phone_revealed", actorId: opts.auditActor.userId, at: now, data: undefined } });
    await recordAudit(tx, opts.auditActor, { action: "reveal.rectificationPhone", entity: "Rectification", entityId: ticket.id, centerId: ticket.centerId }, now);
  });
  return phone;
}
