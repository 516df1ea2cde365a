// Turns every failure into `{ error: { code, message, messageEn, issues? } }` with a stable code.
// Unknown errors become INTERNAL (logged with their stack); nothing else leaks.
import type { Next } from "koa";
import { ZodError } from "zod";
import { AppError, errors } from "../errors.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { AppContext } from "../koa.ts";

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return errors.validation(err);
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2002") {
      const target = (err.meta?.target as string[] | string | undefined) ?? undefined;
      return errors.conflict(Array.isArray(target) ? target.join(",") : target);
    }
    if (err.code === "P2025") return new AppError("NOT_FOUND");
    if (err.code === "P2003") return new AppError("VALIDATION_FAILED", { message: "引用的数据不存在", messageEn: "A referenced record does not exist" });
    return null;
  }
  const e = err as HttpishError;
  const status = e?.status ?? e?.statusCode;
  if (status === 413 || e?.type === "entity.too.large") return new AppError("PAYLOAD_TOO_LARGE");
  if (status === 415) return new AppError("UNSUPPORTED_MEDIA_TYPE");
  // co-body marks unparseable JSON (and strict mode's non-object top level) with status 400
  if (e?.type === "entity.parse.failed" || status === 400) return new AppError("MALFORMED_JSON");
  if (status === 404) return new AppError("NOT_FOUND");
  return null;
}

export function errorHandler() {
  return async (ctx: AppContext, next: Next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith("/api/")) {
        throw new AppError("NOT_FOUND");
      }
    } catch (err) {
      const appError = toAppError(err) ?? new AppError("INTERNAL", { cause: err });
      if (appError.code === "INTERNAL") ctx.state.log?.error({ err }, "unhandled error");
      ctx.status = appError.status;
      ctx.body = appError.toBody();
    }
  };
}
