// Gives each request an id (echoed as X-Request-Id), a child logger, and one access-log line.
import { randomUUID } from "node:crypto";
import type { Next } from "koa";
import type { AppContext } from "../koa.ts";

export function requestContext() {
  return async (ctx: AppContext, next: Next) => {
    const incoming = ctx.get("x-request-id");
    ctx.state.requestId = /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    ctx.set("X-Request-Id", ctx.state.requestId);
    ctx.state.log = ctx.services.logger.child({ requestId: ctx.state.requestId });
    const started = performance.now();
    try {
      await next();
    } finally {
      if (ctx.path.startsWith("/api/") || ctx.status >= 500) {
        ctx.state.log.info(
          { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(performance.now() - started), userId: ctx.state.session?.actor.userId },
          "request",
        );
      }
    }
  };
}
