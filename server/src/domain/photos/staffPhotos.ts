// Staff photos for the kiosk and the hall display. An upload is trusted only if sharp decodes it as
// an image (whatever its Content-Type claims), within a pixel cap against decompression bombs; it is
// stored as two square WebP renditions (256 and 64 px) under <data folder>/photos, named by content
// hash, so the hash is also the ETag and a new photo never collides with a cached old one.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { loadSharp } from "../../lib/lazyModules.ts";
import { sqliteFile } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import type { Staff } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";

export const PHOTO_SIZES = [256, 64] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];
/** 40 megapixels: any real portrait fits; a crafted tiny file claiming more is refused before decoding. */
const MAX_INPUT_PIXELS = 40_000_000;

/** Photos live next to the SQLite file (one data folder to back up); PostgreSQL installs use ./data. */
export function photoDir(services: Services): string {
  const url = services.config.DATABASE_URL;
  const base = url.startsWith("file:") ? path.dirname(sqliteFile(url)) : path.resolve("data");
  return path.join(base, "photos");
}

export const photoFile = (services: Services, photoKey: string, size: PhotoSize): string => path.join(photoDir(services), `${photoKey}-${size}.webp`);

/** Decodes, squares and re-encodes; anything sharp cannot read is NOT_AN_IMAGE. */
export async function renderPhoto(input: Buffer): Promise<Record<PhotoSize, Buffer>> {
  const sharp = await loadSharp();
  try {
    const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).rotate();
    const meta = await image.metadata();
    if (!meta.width || !meta.height) throw new Error("no dimensions");
    const [large, small] = await Promise.all(PHOTO_SIZES.map((size) => image.clone().resize(size, size, { fit: "cover", position: "attention" }).webp({ quality: 82 }).toBuffer()));
    return { 256: large!, 64: small! };
  } catch (cause) {
    throw new AppError("NOT_AN_IMAGE", { cause });
  }
}

export async function setStaffPhoto(services: Services, opts: { auditActor: AuditActor; staff: Staff; input: Buffer }): Promise<Staff> {
  const renditions = await renderPhoto(opts.input);
  const photoKey = `${opts.staff.id}-${createHash("sha256").update(renditions[256]).digest("hex").slice(0, 16)}`;
  await fs.mkdir(photoDir(services), { recursive: true });
  // Files first (content-addressed, harmless if the transaction fails), then the row that points at them
  await Promise.all(PHOTO_SIZES.map((size) => fs.writeFile(photoFile(services, photoKey, size), renditions[size])));
  const now = services.clock.now();
  return services.prisma.$transaction(async (tx) => {
    const updated = await tx.staff.update({ where: { id: opts.staff.id }, data: { photoPath: photoKey } });
    await recordAudit(tx, opts.auditActor, { action: "update.staffPhoto", entity: "Staff", entityId: opts.staff.id, centerId: opts.staff.centerId, before: { photoPath: opts.staff.photoPath }, after: { photoPath: photoKey } }, now);
    return updated;
  });
}
