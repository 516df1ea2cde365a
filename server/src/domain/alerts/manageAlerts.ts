// Acknowledging an alert: who, when and an optional note; it leaves the feed and stays in history.
// A second acknowledgement (two supervisors at once) is refused, so the first one's note stands.
import type { AcknowledgeAlertBody } from "../../contracts/alerts.ts";
import { AppError } from "../../errors.ts";
import type { Alert } from "../../generated/prisma/client.ts";
import type { Actor } from "../../policies/actor.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { departmentsOfWindow } from "./raiseAlert.ts";

export async function acknowledgeAlert(services: Services, opts: { actor: Actor; auditActor: AuditActor; alert: Alert; body: AcknowledgeAlertBody }): Promise<void> {
  const { prisma, clock, events } = services;
  const now = clock.now();
  const note = opts.body.note ? opts.body.note : null;
  await prisma.$transaction(async (tx) => {
    const done = await tx.alert.updateMany({ where: { id: opts.alert.id, acknowledgedAt: null }, data: { acknowledgedAt: now, acknowledgedById: opts.actor.userId, ackNote: note } });
    if (done.count === 0) throw new AppError("ALERT_ALREADY_ACKNOWLEDGED");
    await recordAudit(tx, opts.auditActor, { action: "acknowledge.alert", entity: "Alert", entityId: opts.alert.id, centerId: opts.alert.centerId, after: { acknowledgedAt: now, ackNote: note } }, now);
  });
  events.emit("alert.acknowledged", {
    centerId: opts.alert.centerId,
    departmentIds: await departmentsOfWindow(services, opts.alert.windowId),
    alertId: opts.alert.id,
    acknowledgedAt: now.toISOString(),
    acknowledgedById: opts.actor.userId,
    ackNote: note,
  });
}
