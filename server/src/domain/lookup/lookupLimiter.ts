// The public case lookup's brute-force guard, kept in the database (RateLimitBucket) so a restart does
// not hand an attacker a fresh allowance and several server nodes count together. Two guards: requests
// per client address, and wrong answers per case number (from any address) — after too many the case
// number is locked for a while, whatever phone digits follow.
import type { PrismaClient } from "../../db/database.ts";

export const LOOKUP_LIMITS = {
  perIp: { limit: 20, windowMs: 10 * 60_000 },
  /** Wrong answers for one case number, from any address */
  failuresPerCase: { limit: 5, windowMs: 60 * 60_000 },
};

const ipKey = (ip: string) => `lookup-ip:${ip}`;
const caseKey = (caseNo: string) => `lookup-case:${caseNo}`;

/**
 * Counts one hit in the key's fixed window and returns the count so far. The increment is one atomic
 * upsert; a window that has run out is restarted by a conditional update, so two nodes restarting it
 * together count the hit once each rather than losing either.
 */
export async function countHit(prisma: PrismaClient, key: string, now: Date, windowMs: number): Promise<{ count: number; lockedUntil: Date | null }> {
  const row = await prisma.rateLimitBucket.upsert({
    where: { key },
    create: { key, windowStart: now, count: 1 },
    update: { count: { increment: 1 } },
  });
  if (now.getTime() - row.windowStart.getTime() < windowMs) return { count: row.count, lockedUntil: row.lockedUntil };
  const restarted = await prisma.rateLimitBucket.updateMany({ where: { key, windowStart: row.windowStart }, data: { windowStart: now, count: 1 } });
  if (restarted.count === 1) return { count: 1, lockedUntil: row.lockedUntil };
  const fresh = await prisma.rateLimitBucket.update({ where: { key }, data: { count: { increment: 1 } } });
  return { count: fresh.count, lockedUntil: fresh.lockedUntil };
}

/** false when this address has asked too often in the current window. */
export async function allowLookupFrom(prisma: PrismaClient, ip: string, now: Date): Promise<boolean> {
  const { count } = await countHit(prisma, ipKey(ip), now, LOOKUP_LIMITS.perIp.windowMs);
  return count <= LOOKUP_LIMITS.perIp.limit;
}

export async function isCaseLocked(prisma: PrismaClient, caseNo: string, now: Date): Promise<boolean> {
  const row = await prisma.rateLimitBucket.findUnique({ where: { key: caseKey(caseNo) }, select: { lockedUntil: true } });
  const until = row?.lockedUntil;
  return until ? until.getTime() > now.getTime() : false;
}

/** A wrong phone (or an unknown number): one more failure; over the limit locks the number for the window. */
export async function recordLookupFailure(prisma: PrismaClient, caseNo: string, now: Date): Promise<void> {
  const { failuresPerCase } = LOOKUP_LIMITS;
  const { count } = await countHit(prisma, caseKey(caseNo), now, failuresPerCase.windowMs);
  if (count > failuresPerCase.limit) {
    await prisma.rateLimitBucket.update({ where: { key: caseKey(caseNo) }, data: { lockedUntil: new Date(now.getTime() + failuresPerCase.windowMs) } });
  }
}

/** Drops counters whose window and lock have both run out, so the table holds only live state. */
export async function pruneLookupBuckets(prisma: PrismaClient, now: Date): Promise<number> {
  const longest = Math.max(LOOKUP_LIMITS.perIp.windowMs, LOOKUP_LIMITS.failuresPerCase.windowMs);
  const { count } = await prisma.rateLimitBucket.deleteMany({
    where: {
      key: { startsWith: "lookup-" },
      windowStart: { lt: new Date(now.getTime() - longest) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
  });
  return count;
}
