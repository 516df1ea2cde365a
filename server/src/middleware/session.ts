// Reads the session cookie and attaches the signed-in user to ctx.state. A missing or bad cookie
// is not an error here: routes that need a user call requireActor().
import type { Next } from "koa";
import { SESSION_COOKIE } from "../contracts/auth.ts";
import { AppError } from "../errors.ts";
import { resolveSession } from "../domain/auth/resolveSession.ts";
import type { AppContext } from "../koa.ts";
import type { Actor } from "../policies/actor.ts";
import type { AuditActor } from "../domain/audit/recordAudit.ts";

export function sessionLoader() {
  return async (ctx: AppContext, next: Next) => {
    const token = ctx.cookies.get(SESSION_COOKIE);
    if (token && token.length < 200) {
      try {
        ctx.state.session = await resolveSession(ctx.services, token);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        ctx.state.sessionProblem = err.code;
        ctx.cookies.set(SESSION_COOKIE, null);
      }
    }
    await next();
  };
}

export function requireActor(ctx: AppContext): Actor {
  const session = ctx.state.session;
  if (!session) throw new AppError(ctx.state.sessionProblem === "SESSION_EXPIRED" ? "SESSION_EXPIRED" : "UNAUTHORIZED");
  return session.actor;
}

export function auditActorOf(ctx: AppContext): AuditActor {
  const actor = ctx.state.session?.actor;
  return {
    userId: actor?.userId ?? null,
    role: actor?.role ?? "PUBLIC",
    centerId: actor?.centerId ?? null,
    ip: ctx.ip,
    requestId: ctx.state.requestId,
  };
}
