// The optional evidence photo of an appeal (a notice, a sign, a screen): decoded by sharp (anything else
// is NOT_AN_IMAGE, as for inspection photos), shrunk to fit 1600 px and re-encoded as WebP (which drops
// EXIF, e.g. location), stored beside the database as appeals/<appeal id>.webp. Attached by the staff
// member who filed the appeal while it is pending; a decided appeal's evidence is what the leader saw.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../errors.ts";
import type { Appeal } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { evidenceWebp } from "../photos/evidencePhoto.ts";
import { photoDir } from "../photos/staffPhotos.ts";
import { appealDecisionRefusal } from "./appealRules.ts";

/** The stored file of an appeal's photo, by the name its row records. */
export const appealPhotoFile = (services: Services, fileName: string): string => path.join(path.dirname(photoDir(services)), "appeals", path.basename(fileName));

export async function setAppealPhoto(services: Services, opts: { auditActor: AuditActor; appeal: Appeal; centerId: number; input: Buffer }): Promise<void> {
  const refusal = appealDecisionRefusal(opts.appeal);
  if (refusal) throw new AppError(refusal);
  const webp = await evidenceWebp(opts.input);
  // Named by content: a replaced photo, or one refused because the decision came first, never
  // overwrites the file a row points to
  const fileName = `${opts.appeal.id}-${createHash("sha256").update(webp).digest("hex").slice(0, 16)}.webp`;
  const file = appealPhotoFile(services, fileName);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, webp);
  const now = services.clock.now();
  await services.prisma.$transaction(async (tx) => {
    // Only while still pending: a decision landing meanwhile keeps the evidence it was made on
    const changed = await tx.appeal.updateMany({ where: { id: opts.appeal.id, state: "PENDING" }, data: { evidencePhotoPath: fileName } });
    if (changed.count !== 1) throw new AppError("APPEAL_DECIDED");
    await recordAudit(tx, opts.auditActor, { action: "update.appealPhoto", entity: "Appeal", entityId: opts.appeal.id, centerId: opts.centerId, after: { evidencePhotoPath: fileName, bytes: webp.length } }, now);
  });
}
