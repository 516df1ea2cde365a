// The center's comment (中心点评) on a draft. The preview PDF is rendered again with it, so what a
// leader previews is what release sends. Released bulletins are archived: 409.
import type { Bulletin } from "../../generated/prisma/client.ts";
import { AppError } from "../../errors.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { renderBulletinPdf } from "./pdf/renderBulletinPdf.ts";
import { contentFromJson, contentToJson } from "./storedContent.ts";

export async function setBulletinComment(services: Services, opts: { bulletin: Omit<Bulletin, "pdf">; comment: string | null; auditActor: AuditActor }): Promise<void> {
  const { prisma, clock } = services;
  const before = opts.bulletin;
  if (before.state !== "DRAFT") throw new AppError("BULLETIN_RELEASED");
  const comment = opts.comment && opts.comment.length > 0 ? opts.comment : null;
  const content = { ...contentFromJson(before.content), comment };
  const pdf = await renderBulletinPdf(content);
  const now = clock.now();
  await prisma.$transaction(async (tx) => {
    // Conditional on DRAFT: a release (or a regeneration's write) between read and write is not overwritten blindly
    const { count } = await tx.bulletin.updateMany({ where: { id: before.id, state: "DRAFT" }, data: { comment, content: contentToJson(content), pdf: new Uint8Array(pdf) } });
    if (count !== 1) throw new AppError("BULLETIN_RELEASED");
    await recordAudit(tx, opts.auditActor, { action: "update.bulletinComment", entity: "Bulletin", entityId: before.id, centerId: before.centerId, before: { comment: before.comment }, after: { comment } }, now);
  });
}
