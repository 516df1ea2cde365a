// Bodies are JSON only, and small: anything else is refused before it is parsed.
import { bodyParser } from "@koa/bodyparser";
import type { Next } from "koa";
import { AppError } from "../errors.ts";
import type { AppContext } from "../koa.ts";

export const JSON_LIMIT = "256kb";

const hasBody = (ctx: AppContext): boolean =>
  Number(ctx.get("content-length") || 0) > 0 || ctx.get("transfer-encoding") !== "";

export function requireJson() {
  const parse = bodyParser({ enableTypes: ["json"], jsonLimit: JSON_LIMIT, encoding: "utf-8" });
  return async (ctx: AppContext, next: Next) => {
    if (["POST", "PUT", "PATCH", "DELETE"].includes(ctx.method) && hasBody(ctx)) {
      if (!ctx.is("application/json")) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
      // bodyParser's own strict mode rejects top-level primitives; the zod schemas reject the rest
      await parse(ctx, async () => undefined);
    }
    await next();
  };
}
