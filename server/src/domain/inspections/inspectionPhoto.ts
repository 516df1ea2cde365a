// The optional evidence photo of an inspection: decoded by sharp (anything else is NOT_AN_IMAGE, as for
// staff photos), shrunk to fit 1600 px and re-encoded as WebP (which also drops EXIF, e.g. location),
// stored beside the database as inspections/<inspection id>.webp. A retried upload overwrites itself.
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../errors.ts";
import type { Inspection } from "../../generated/prisma/client.ts";
import { loadSharp } from "../../lib/lazyModules.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { photoDir } from "../photos/staffPhotos.ts";

const MAX_SIDE = 1600;
const MAX_INPUT_PIXELS = 40_000_000;

export const inspectionPhotoFile = (services: Services, clientId: string): string => path.join(path.dirname(photoDir(services)), "inspections", `${clientId}.webp`);

export async function setInspectionPhoto(services: Services, opts: { auditActor: AuditActor; inspection: Inspection; input: Buffer }): Promise<void> {
  const sharp = await loadSharp();
  let webp: Buffer;
  try {
    webp = await sharp(opts.input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).rotate().resize(MAX_SIDE, MAX_SIDE, { fit: "inside", withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
  } catch (cause) {
    throw new AppError("NOT_AN_IMAGE", { cause });
  }
  const file = inspectionPhotoFile(services, opts.inspection.clientId);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, webp);
  const now = services.clock.now();
  await services.prisma.$transaction(async (tx) => {
    await tx.inspection.update({ where: { id: opts.inspection.id }, data: { photoPath: path.basename(file) } });
    await recordAudit(tx, opts.auditActor, { action: "update.inspectionPhoto", entity: "Inspection", entityId: opts.inspection.id, centerId: opts.inspection.centerId, after: { photoPath: path.basename(file), bytes: webp.length } }, now);
  });
}
