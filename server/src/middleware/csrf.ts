// CSRF protection for cookie-authenticated requests: every unsafe method must echo the token from the
// readable `hw_csrf` cookie in the `x-csrf-token` header (a cross-site page can send the cookie but
// cannot read it). With a session, the token must also be the session's own, rotated at login.
import type { Next } from "koa";
import { CSRF_COOKIE, CSRF_HEADER } from "../contracts/auth.ts";
import { AppError } from "../errors.ts";
import type { AppContext } from "../koa.ts";
import { newToken, safeEqual } from "../lib/tokens.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function setCsrfCookie(ctx: AppContext, token: string): void {
  ctx.cookies.set(CSRF_COOKIE, token, { httpOnly: false, sameSite: "lax", secure: ctx.secure, overwrite: true });
}

export function csrfProtection() {
  return async (ctx: AppContext, next: Next) => {
    const session = ctx.state.session;
    const cookie = ctx.cookies.get(CSRF_COOKIE);
    if (session && cookie !== session.csrfToken) setCsrfCookie(ctx, session.csrfToken);
    else if (!session && !cookie) setCsrfCookie(ctx, newToken(24));

    // The queue system's API is authenticated by its key alone and reads no cookie: nothing to forge.
    if (!SAFE.has(ctx.method) && ctx.path.startsWith("/api/") && !ctx.path.startsWith("/api/queue/v1/")) {
      const header = ctx.get(CSRF_HEADER);
      const expected = session?.csrfToken ?? cookie;
      if (!header || !expected || !safeEqual(header, expected)) throw new AppError("CSRF_FAILED");
    }
    await next();
  };
}
