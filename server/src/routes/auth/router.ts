// Sign-in, sign-out, the current user, password change.
import { SESSION_COOKIE, changePasswordBodySchema, loginBodySchema, type SessionResponse } from "../../contracts/auth.ts";
import { AppError } from "../../errors.ts";
import { changePassword } from "../../domain/auth/changePassword.ts";
import { loginUser } from "../../domain/auth/loginUser.ts";
import { logoutSession } from "../../domain/auth/resolveSession.ts";
import type { AppContext } from "../../koa.ts";
import { RateLimiter } from "../../lib/rateLimiter.ts";
import { setCsrfCookie } from "../../middleware/csrf.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { presentMe } from "../../presenters/user.ts";
import type { Services } from "../../services.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

async function sessionBody(ctx: AppContext, userId: number, csrfToken: string): Promise<SessionResponse> {
  const user = await ctx.services.prisma.user.findUniqueOrThrow({
    where: { id: userId },
    include: { center: { select: { name: true } }, department: { select: { name: true } } },
  });
  return { user: presentMe(user), csrfToken };
}

export function authRouter(services: Services) {
  const router = createRouter("/api/auth");
  // Per-IP throttle in front of the per-account lockout: slows password spraying across accounts.
  const loginLimiter = new RateLimiter(services.clock, 30, 5 * 60_000);

  router.post("/login", async (ctx) => {
    if (!loginLimiter.hit(ctx.ip)) throw new AppError("TOO_MANY_REQUESTS");
    const body = parse(loginBodySchema, ctx.request.body);
    const result = await loginUser(ctx.services, {
      username: body.username,
      password: body.password,
      ip: ctx.ip,
      userAgent: ctx.get("user-agent") || null,
      requestId: ctx.state.requestId,
      previousSessionId: ctx.state.session?.sessionId ?? null,
    });
    ctx.cookies.set(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: "lax",
      secure: ctx.secure,
      overwrite: true,
      maxAge: services.config.SESSION_MAX_HOURS * 3_600_000,
    });
    setCsrfCookie(ctx, result.csrfToken);
    ctx.body = await sessionBody(ctx, result.userId, result.csrfToken);
  });

  router.post("/logout", async (ctx) => {
    const session = ctx.state.session;
    if (session) await logoutSession(ctx.services, session.sessionId);
    ctx.cookies.set(SESSION_COOKIE, null);
    ctx.status = 204;
  });

  router.get("/me", async (ctx) => {
    const actor = requireActor(ctx);
    ctx.body = await sessionBody(ctx, actor.userId, ctx.state.session!.csrfToken);
  });

  router.post("/password", async (ctx) => {
    const actor = requireActor(ctx);
    const body = parse(changePasswordBodySchema, ctx.request.body);
    await changePassword(ctx.services, {
      actor,
      auditActor: auditActorOf(ctx),
      sessionId: ctx.state.session!.sessionId,
      currentPassword: body.currentPassword,
      newPassword: body.newPassword,
    });
    ctx.status = 204;
  });

  return router;
}
