// A leader's explicit resend of a released bulletin, with a written reason: new deliveries (resend,
// sendNo one past the last to that address) to the department's current liaison addresses, carrying
// the same archived PDF bytes. Audited.
import type { Bulletin } from "../../generated/prisma/client.ts";
import { AppError } from "../../errors.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { liaisonAddresses } from "./liaisonAddresses.ts";

export async function resendBulletin(services: Services, opts: { bulletin: Omit<Bulletin, "pdf">; reason: string; auditActor: AuditActor }): Promise<number> {
  const { prisma, clock } = services;
  const { bulletin } = opts;
  if (bulletin.state !== "RELEASED") throw new AppError("BULLETIN_NOT_RELEASED");
  const department = await prisma.department.findUniqueOrThrow({ where: { id: bulletin.departmentId }, select: { liaisonEmails: true } });
  const recipients = liaisonAddresses(department.liaisonEmails);
  if (recipients.length === 0) throw new AppError("BULLETIN_NO_RECIPIENTS");
  const now = clock.now();
  await prisma.$transaction(async (tx) => {
    const last = await tx.bulletinDelivery.groupBy({ by: ["recipient"], where: { bulletinId: bulletin.id, recipient: { in: recipients } }, _max: { sendNo: true } });
    const lastNo = new Map(last.map((r) => [r.recipient, r._max.sendNo ?? 0]));
    await tx.bulletinDelivery.createMany({
      data: recipients.map((recipient) => ({
        bulletinId: bulletin.id,
        recipient,
        state: "PENDING" as const,
        resend: true,
        // An address added since the release gets its first sending, flagged as part of this resend
        sendNo: lastNo.has(recipient) ? lastNo.get(recipient)! + 1 : 0,
        resendReason: opts.reason,
        nextAttemptAt: now,
        createdAt: now,
      })),
    });
    await recordAudit(tx, opts.auditActor, { action: "resend.bulletin", entity: "Bulletin", entityId: bulletin.id, centerId: bulletin.centerId, after: { reason: opts.reason, recipients, pdfSha256: bulletin.pdfSha256 } }, now);
  });
  return recipients.length;
}
