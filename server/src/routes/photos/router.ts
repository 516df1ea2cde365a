// Staff photos: upload (administrators; raw image body or a multipart form, at most 5 MB — see
// RAW_UPLOADS and readPhotoUpload.ts), the
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
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";
import { spec } from "../openapi/routeSpec.ts";
import { staffDtoSchema } from "../../contracts/masterData.ts";
import { readPhotoUpload } from "./readPhotoUpload.ts";

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

  router.post("/staff/:id/photo", spec({ tag: "photos", summary: "Upload a staff photo: a raw JPEG/PNG/WebP body or a form with one file, ≤ 5 MB; the bytes must be that image (NOT_AN_IMAGE otherwise); stored as 256/64 px WebP", params: paramsSchema, consumes: ["image/jpeg", "image/png", "image/webp", "multipart/form-data"], response: staffDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canEditMasterData(actor));
    const { id } = parse(paramsSchema, ctx.params);
    const staff = await ctx.services.prisma.staff.findUnique({ where: { id } });
    requireInScope(staff !== null && canEditInCenter(actor, staff.centerId));
    const input = await readPhotoUpload(ctx);
    ctx.body = presentStaff(await setStaffPhoto(ctx.services, { auditActor: auditActorOf(ctx), staff, input }));
  });

  router.get("/staff/:id/photo", spec({ tag: "photos", summary: "A staff photo (size=256|64), with ETag", params: paramsSchema, query: querySchema, produces: "image/webp" }), async (ctx) => {
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
  router.get("/public/staff/:id/photo", spec({ tag: "photos", summary: "Public: the photo of a staff member signed in to a window now (kiosk, hall display)", params: paramsSchema, query: querySchema, produces: "image/webp", public: true }), async (ctx) => {
    const { id } = parse(paramsSchema, ctx.params);
    const { size } = parse(querySchema, ctx.query);
    const onDuty = await ctx.services.prisma.shift.findFirst({ where: { staffId: id, endedAt: null }, include: { staff: { select: { photoPath: true, active: true } } } });
    if (!onDuty || !onDuty.staff.active) throw new AppError("NOT_FOUND");
    await sendPhoto(ctx, onDuty.staff.photoPath, (size === "64" ? 64 : 256), "public, max-age=300");
  });

  return router;
}
