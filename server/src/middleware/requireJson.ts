// Bodies are JSON only, and small: anything else is refused before it is parsed.
import { bodyParser } from "@koa/bodyparser";
import type { Next } from "koa";
import { AppError } from "../errors.ts";
import type { AppContext } from "../koa.ts";

export const JSON_LIMIT = "256kb";

const hasBody = (ctx: AppContext): boolean =>
  Number(ctx.get("content-length") || 0) > 0 || ctx.get("transfer-encoding") !== "";

/** Routes that take a raw binary body (issue #3: spreadsheet imports, staff photos), with their types and size cap. */
export const RAW_UPLOADS: readonly { path: RegExp; types: string[]; maxBytes: number }[] = [
  { path: /^\/api\/imports\/(departments|items|staff)$/, types: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], maxBytes: 10 * 1024 * 1024 },
  // Photos: a raw image or a browser form with one file (routes/photos/readPhotoUpload.ts checks the bytes)
  { path: /^\/api\/staff\/\d+\/photo$/, types: ["image/jpeg", "image/png", "image/webp", "multipart/form-data"], maxBytes: 5 * 1024 * 1024 + 64 * 1024 },
  // Inspection evidence photo (#7): a raw image from the tablet (routes/inspections decodes it)
  { path: /^\/api\/inspections\/[0-9a-f-]{36}\/photo$/, types: ["image/jpeg", "image/png", "image/webp"], maxBytes: 8 * 1024 * 1024 },
  // Appeal evidence photo (#6): a raw image from the staff member's browser (routes/appeals decodes it)
  { path: /^\/api\/appeals\/\d+\/photo$/, types: ["image/jpeg", "image/png", "image/webp"], maxBytes: 8 * 1024 * 1024 },
];

export function requireJson() {
  const parse = bodyParser({ enableTypes: ["json"], jsonLimit: JSON_LIMIT, encoding: "utf-8" });
  return async (ctx: AppContext, next: Next) => {
    if (["POST", "PUT", "PATCH", "DELETE"].includes(ctx.method) && hasBody(ctx)) {
      // The one exception: binary uploads on the routes listed in RAW_UPLOADS, which read (and cap) the body themselves
      const upload = RAW_UPLOADS.find((u) => ctx.method === "POST" && u.path.test(ctx.path));
      if (upload && ctx.is(...upload.types)) {
        if (Number(ctx.get("content-length") || 0) > upload.maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
        await next();
        return;
      }
      if (!ctx.is("application/json")) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
      // bodyParser's own strict mode rejects top-level primitives; the zod schemas reject the rest
      await parse(ctx, async () => undefined);
    }
    await next();
  };
}
