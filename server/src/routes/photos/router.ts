// Staff photos: upload (administrators; raw image body, at most 5 MB — see RAW_UPLOADS), the
// signed-in read (whoever may read the staff record), and the public read the kiosk and the hall
// display use, which answers only for staff signed in to a window right now. Both reads carry an
// ETag (the content hash) and answer 304 to a matching If-None-Match.
import fs from "node:fs/promises";
import { z } from "zod";
import { photoFile, setStaffPhoto, type PhotoSize } from "../../domain/photos/staffPhotos.ts";
import { AppError } from "../../errors.ts";
import type { AppContext } from "../../koa.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { authorize, canSeeCenter, requireInScope } from "../../policies/authorize.ts";
import { canEditInCenter, canEditMasterData, canReadStaff, departmentLimit, staffLimit } from "../../policies/masterData.ts";
import { presentStaff } from "../../presenters/masterData.ts";
import { readRawBody } from "../imports/readRawBody.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const paramsSchema = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const querySchema = z.object({ size: z.enum(["256", "64"]).default("256") });

async function sendPhoto(ctx: AppContext, photoKey: string | null, size: PhotoSize, cacheControl: string): Promise<void> {
  if (!photoKey) throw new AppError("NOT_FOUND");
  const etag = `"${photoKey}-${size}"`;
  ctx.set("Cache-Control", cacheControl);
  ctx.set("ETag", etag);
  if (ctx.get("if-none-match") === etag) {
    ctx.status = 304;
    return;
  }
  try {
    ctx.body = await fs.readFile(photoFile(ctx.services, photoKey, size));
  } catch {
    throw new AppError("NOT_FOUND");
  }
  ctx.type = "image/webp";
}

export function photosRouter() {
  const router = createRouter("/api");

  router.post("/staff/:id/photo", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canEditMasterData(actor));
    const { id } = parse(paramsSchema, ctx.params);
    const staff = await ctx.services.prisma.staff.findUnique({ where: { id } });
    requireInScope(staff !== null && canEditInCenter(actor, staff.centerId));
    if (!ctx.is("image/jpeg", "image/png", "image/webp")) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
    const input = await readRawBody(ctx, PHOTO_MAX_BYTES);
    ctx.body = presentStaff(await setStaffPhoto(ctx.services, { auditActor: auditActorOf(ctx), staff, input }));
  });

  router.get("/staff/:id/photo", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadStaff(actor));
    const { id } = parse(paramsSchema, ctx.params);
    const { size } = parse(querySchema, ctx.query);
    const row = await ctx.services.prisma.staff.findUnique({ where: { id } });
    const dept = departmentLimit(actor);
    const self = staffLimit(actor);
    requireInScope(row !== null && canSeeCenter(actor, row.centerId) && (dept === null || row.departmentId === dept) && (self === null || row.id === self));
    await sendPhoto(ctx, row.photoPath, (size === "64" ? 64 : 256), "private, max-age=86400");
  });

  /** Public: only the photo of a staff member on duty now (what the pad and the display show anyway). */
  router.get("/public/staff/:id/photo", async (ctx) => {
    const { id } = parse(paramsSchema, ctx.params);
    const { size } = parse(querySchema, ctx.query);
    const onDuty = await ctx.services.prisma.shift.findFirst({ where: { staffId: id, endedAt: null }, include: { staff: { select: { photoPath: true, active: true } } } });
    if (!onDuty || !onDuty.staff.active) throw new AppError("NOT_FOUND");
    await sendPhoto(ctx, onDuty.staff.photoPath, (size === "64" ? 64 : 256), "public, max-age=300");
  });

  return router;
}
