// Invitations to rate (一次一评): staff press 邀请评价, or accepting/completing a case invites one.
// A window has at most one open invitation: a new one cancels the previous. The pads of the window
// hear invitation.created / invitation.cancelled through domain events after the commit.
import { randomUUID } from "node:crypto";
import { AppError } from "../../errors.ts";
import type { Invitation } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import type { Tx } from "../../db/database.ts";

/**
 * How long the server accepts a rating for an invitation. The pad gives up showing it after 60 s of
 * inactivity (INVITATION_IDLE_MS); the longer server window leaves room for reasons and a comment,
 * and for a pad that was offline (ratedAt is what is judged).
 */
export const INVITATION_TTL_MS = 5 * 60_000;

export type InvitationSourceName = "STAFF_BUTTON" | "CASE_ACCEPT" | "CASE_COMPLETE" | "QUEUE" | "SMS_LINK";

async function cancelOpen(tx: Tx, windowId: number, now: Date, auditActor: AuditActor, invitationId?: string): Promise<Invitation[]> {
  const open = await tx.invitation.findMany({
    where: { windowId, cancelledAt: null, expiresAt: { gt: now }, evaluation: { is: null }, ...(invitationId ? { id: invitationId } : {}) },
  });
  for (const inv of open) {
    await tx.invitation.update({ where: { id: inv.id }, data: { cancelledAt: now } });
    await recordAudit(tx, auditActor, { action: "cancel.invitation", entity: "Invitation", entityId: inv.id, centerId: inv.centerId }, now);
  }
  return open;
}

export async function createInvitation(
  services: Services,
  opts: {
    centerId: number;
    windowId: number;
    staffId: number | null;
    caseId?: number;
    itemId?: number;
    source: InvitationSourceName;
    auditActor: AuditActor;
  },
): Promise<Invitation> {
  const { prisma, clock, events } = services;
  const now = clock.now();
  const window = await prisma.window.findUnique({ where: { id: opts.windowId } });
  if (!window || window.centerId !== opts.centerId) throw new AppError("NOT_FOUND");
  const kase = opts.caseId ? await prisma.case.findUnique({ where: { id: opts.caseId }, include: { item: true } }) : null;
  if (opts.caseId && (!kase || kase.centerId !== opts.centerId)) throw new AppError("NOT_FOUND");
  const itemId = opts.itemId ?? kase?.itemId;
  const item = itemId ? await prisma.serviceItem.findUnique({ where: { id: itemId } }) : null;
  if (itemId && (!item || item.centerId !== opts.centerId)) throw new AppError("NOT_FOUND");

  const { invitation, cancelled } = await prisma.$transaction(async (tx) => {
    const cancelled = await cancelOpen(tx, opts.windowId, now, opts.auditActor);
    const invitation = await tx.invitation.create({
      data: {
        id: randomUUID(),
        centerId: opts.centerId,
        windowId: opts.windowId,
        staffId: opts.staffId,
        caseId: kase?.id ?? null,
        itemId: item?.id ?? null,
        source: opts.source,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      },
    });
    await recordAudit(
      tx,
      opts.auditActor,
      { action: "create.invitation", entity: "Invitation", entityId: invitation.id, centerId: opts.centerId, after: { windowId: opts.windowId, staffId: opts.staffId, caseId: invitation.caseId, itemId: invitation.itemId, source: opts.source, expiresAt: invitation.expiresAt } },
      now,
    );
    return { invitation, cancelled };
  });

  for (const c of cancelled) events.emit("invitation.cancelled", { centerId: c.centerId, windowId: c.windowId, invitationId: c.id });
  events.emit("invitation.created", {
    centerId: invitation.centerId,
    windowId: invitation.windowId,
    message: {
      invitationId: invitation.id,
      ...(kase ? { caseNo: kase.caseNo } : {}),
      ...(item ? { itemName: item.name } : {}),
      expiresAt: invitation.expiresAt.toISOString(),
    },
  });
  return invitation;
}

/** Cancels the window's open invitation (or one named invitation); returns how many were cancelled. */
export async function cancelInvitation(
  services: Services,
  opts: { centerId: number; windowId: number; invitationId?: string; auditActor: AuditActor },
): Promise<number> {
  const { prisma, clock, events } = services;
  const now = clock.now();
  const cancelled = await prisma.$transaction(async (tx) => {
    const window = await tx.window.findUnique({ where: { id: opts.windowId } });
    if (!window || window.centerId !== opts.centerId) throw new AppError("NOT_FOUND");
    return cancelOpen(tx, opts.windowId, now, opts.auditActor, opts.invitationId);
  });
  for (const c of cancelled) events.emit("invitation.cancelled", { centerId: c.centerId, windowId: c.windowId, invitationId: c.id });
  return cancelled.length;
}
