// The optional evidence photo of an inspection: decoded by sharp (anything else is NOT_AN_IMAGE, as for
// staff photos), shrunk to fit 1600 px and re-encoded as WebP (which also drops EXIF, e.g. location),
// stored beside the database as inspections/<inspection id>.webp. A retried upload overwrites itself.
import fs from "node:fs/promises";
import path from "node:path";
import type { Inspection } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { evidenceWebp } from "../photos/evidencePhoto.ts";
import { photoDir } from "../photos/staffPhotos.ts";

export const inspectionPhotoFile = (services: Services, clientId: string): string => path.join(path.dirname(photoDir(services)), "inspections", `${clientId}.webp`);

export async function setInspectionPhoto(services: Services, opts: { auditActor: AuditActor; inspection: Inspection; input: Buffer }): Promise<void> {
  const webp = await evidenceWebp(opts.input);
  const file = inspectionPhotoFile(services, opts.inspection.clientId);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, webp);
  const now = services.clock.now();
  await services.prisma.$transaction(async (tx) => {
    await tx.inspection.update({ where: { id: opts.inspection.id }, data: { photoPath: path.basename(file) } });
    await recordAudit(tx, opts.auditActor, { action: "update.inspectionPhoto", entity: "Inspection", entityId: opts.inspection.id, centerId: opts.inspection.centerId, after: { photoPath: path.basename(file), bytes: webp.length } }, now);
  });
}
