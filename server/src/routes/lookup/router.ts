// The public case lookup (no login): case number + last 4 digits of the phone give the status, the
// item, the deadline and the working days left, nothing else. Per-IP and per-case-number limits make
// guessing the 4 digits (10,000 tries) impractical; a wrong number and a wrong phone look the same.
import { lookupBodySchema } from "../../contracts/cases.ts";
import { loadCalendar } from "../../domain/calendar/officialCalendar.ts";
import { AppError } from "../../errors.ts";
import { RateLimiter } from "../../lib/rateLimiter.ts";
import { presentLookup } from "../../presenters/cases.ts";
import type { Services } from "../../services.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

export const LOOKUP_LIMITS = {
  perIp: { limit: 20, windowMs: 10 * 60_000 },
  /** Wrong answers for one case number, from any address */
  failuresPerCase: { limit: 5, windowMs: 60 * 60_000 },
};

export function lookupRouter(services: Services) {
  const router = createRouter("/api/lookup");
  const perIp = new RateLimiter(services.clock, LOOKUP_LIMITS.perIp.limit, LOOKUP_LIMITS.perIp.windowMs);
  const failures = new RateLimiter(services.clock, LOOKUP_LIMITS.failuresPerCase.limit, LOOKUP_LIMITS.failuresPerCase.windowMs);
  const lockedCases = new Map<string, number>();

  router.post("/cases", async (ctx) => {
    if (!perIp.hit(ctx.ip)) throw new AppError("TOO_MANY_REQUESTS");
    const body = parse(lookupBodySchema, ctx.request.body);
    const now = ctx.services.clock.now().getTime();
    const lockedUntil = lockedCases.get(body.caseNo);
    if (lockedUntil !== undefined && lockedUntil > now) throw new AppError("TOO_MANY_REQUESTS");
    const row = await ctx.services.prisma.case.findFirst({
      where: { caseNo: body.caseNo, citizenPhoneLast4: body.phoneLast4 },
      include: { item: { select: { name: true } } },
    });
    if (!row) {
      if (!failures.hit(body.caseNo)) lockedCases.set(body.caseNo, now + LOOKUP_LIMITS.failuresPerCase.windowMs);
      throw new AppError("LOOKUP_NOT_FOUND");
    }
    ctx.body = presentLookup(row, ctx.services.clock.now(), await loadCalendar(ctx.services.prisma, row.centerId));
  });

  return router;
}
