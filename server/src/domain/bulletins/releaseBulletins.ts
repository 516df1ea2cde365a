// Releasing a month's drafts: each is frozen (content, PDF bytes, sha-256; state RELEASED) and gets
// one PENDING delivery per liaison address of its department, in one transaction per bulletin with its
// audit entry. A draft whose preview was rendered from exactly the content being released keeps those
// bytes (what the leader previewed is what is sent); one given the month's comment here is rendered
// again. Running release again for the month does nothing to what is already released.
import { createHash } from "node:crypto";
import type { ReleaseResultDto } from "../../contracts/bulletins.ts";
import { AppError } from "../../errors.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { bulletinPeriod } from "./bulletinMonth.ts";
import { liaisonAddresses } from "./liaisonAddresses.ts";
import { renderBulletinPdf } from "./pdf/renderBulletinPdf.ts";
import { contentFromJson, contentToJson } from "./storedContent.ts";

export interface ReleaseRequest {
  centerId: number;
  month: string;
  /** Only these drafts (default every draft of the month) */
  bulletinIds?: number[];
  /** Set on every released draft without a comment of its own */
  comment?: string;
  releasedById: number;
  auditActor: AuditActor;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

export async function releaseBulletins(services: Services, req: ReleaseRequest): Promise<ReleaseResultDto> {
  const { prisma, clock } = services;
  const period = bulletinPeriod(req.month);
  if (clock.now() < period.end) throw new AppError("BULLETIN_MONTH_NOT_OVER");
  if (req.bulletinIds) {
    const found = await prisma.bulletin.findMany({ where: { id: { in: req.bulletinIds }, centerId: req.centerId, month: req.month }, select: { id: true } });
    const known = new Set(found.map((b) => b.id));
    const unknown = req.bulletinIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError("VALIDATION_FAILED", {
        issues: [{ path: "bulletinIds", code: "invalid_value", message: `不是本中心该月份的简报：${unknown.join(", ")}`, messageEn: `Not bulletins of this center and month: ${unknown.join(", ")}` }],
      });
    }
  }
  const drafts = await prisma.bulletin.findMany({
    where: { centerId: req.centerId, month: req.month, state: "DRAFT", ...(req.bulletinIds ? { id: { in: req.bulletinIds } } : {}) },
    include: { department: { select: { name: true, liaisonEmails: true } } },
    orderBy: { departmentId: "asc" },
  });
  const monthComment = req.comment && req.comment.length > 0 ? req.comment : null;
  const result: ReleaseResultDto = { month: req.month, released: 0, deliveriesQueued: 0, withoutRecipients: [] };
  for (const draft of drafts) {
    const comment = draft.comment ?? monthComment;
    const stored = contentFromJson(draft.content);
    const content = { ...stored, comment };
    const pdf = draft.pdf && stored.comment === comment ? draft.pdf : new Uint8Array(await renderBulletinPdf(content));
    const pdfSha256 = sha256Hex(pdf);
    const recipients = liaisonAddresses(draft.department.liaisonEmails);
    const now = clock.now();
    const released = await prisma.$transaction(async (tx) => {
      const { count } = await tx.bulletin.updateMany({
        where: { id: draft.id, state: "DRAFT" },
        data: { state: "RELEASED", comment, content: contentToJson(content), pdf, pdfSha256, releasedAt: now, releasedById: req.releasedById },
      });
      if (count !== 1) return false; // released by a concurrent request: its deliveries are queued already
      if (recipients.length > 0) {
        await tx.bulletinDelivery.createMany({ data: recipients.map((recipient) => ({ bulletinId: draft.id, recipient, state: "PENDING" as const, sendNo: 0, nextAttemptAt: now, createdAt: now })) });
      }
      await recordAudit(
        tx,
        req.auditActor,
        { action: "release.bulletin", entity: "Bulletin", entityId: draft.id, centerId: draft.centerId, before: { state: "DRAFT" }, after: { state: "RELEASED", month: draft.month, departmentId: draft.departmentId, pdfSha256, recipients } },
        now,
      );
      return true;
    });
    if (!released) continue;
    result.released++;
    result.deliveriesQueued += recipients.length;
    if (recipients.length === 0) result.withoutRecipients.push(draft.department.name);
  }
  return result;
}
