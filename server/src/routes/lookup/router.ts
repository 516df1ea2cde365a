// The public case lookup (no login): case number + last 4 digits of the phone give the status, the
// item, the deadline and the working days left, nothing else. Per-IP and per-case-number limits make
// guessing the 4 digits (10,000 tries) impractical; a wrong number and a wrong phone look the same.
// The limits' counters live in the database (domain/lookup/lookupLimiter.ts), so they survive a
// restart and hold across server nodes.
import { lookupBodySchema } from "../../contracts/cases.ts";
import { loadCalendar } from "../../domain/calendar/officialCalendar.ts";
import { allowLookupFrom, isCaseLocked, pruneLookupBuckets, recordLookupFailure } from "../../domain/lookup/lookupLimiter.ts";
import { AppError } from "../../errors.ts";
import { presentLookup } from "../../presenters/cases.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

export { LOOKUP_LIMITS } from "../../domain/lookup/lookupLimiter.ts";

/** Expired counters are swept every this many lookups (per process): cheap, and keeps the table small. */
const PRUNE_EVERY = 500;

export function lookupRouter() {
  const router = createRouter("/api/lookup");
  let sincePrune = 0;

  router.post("/cases", async (ctx) => {
    const { prisma, clock } = ctx.services;
    const now = clock.now();
    if (++sincePrune >= PRUNE_EVERY) {
      sincePrune = 0;
      await pruneLookupBuckets(prisma, now);
    }
    if (!(await allowLookupFrom(prisma, ctx.ip, now))) throw new AppError("TOO_MANY_REQUESTS");
    const body = parse(lookupBodySchema, ctx.request.body);
    if (await isCaseLocked(prisma, body.caseNo, now)) throw new AppError("TOO_MANY_REQUESTS");
    const row = await prisma.case.findFirst({
      where: { caseNo: body.caseNo, citizenPhoneLast4: body.phoneLast4 },
      include: { item: { select: { name: true } } },
    });
    if (!row) {
      await recordLookupFailure(prisma, body.caseNo, now);
      throw new AppError("LOOKUP_NOT_FOUND");
    }
    ctx.body = presentLookup(row, now, await loadCalendar(prisma, row.centerId));
  });

  return router;
}
