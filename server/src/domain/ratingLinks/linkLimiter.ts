// The rating page's request limit per client address, counted in the database like the public case
// lookup's (RateLimitBucket, shared by every node, kept across restarts). A token cannot be guessed
// (144 bits); the limit keeps one address from flooding the database with lookups.
import type { PrismaClient } from "../../db/database.ts";
import { countHit } from "../lookup/lookupLimiter.ts";

export const RATING_LINK_LIMIT = { perIp: { limit: 60, windowMs: 10 * 60_000 } };
const KEY_PREFIX = "ratelink-ip:";

/** false when this address has asked too often in the current window. */
export async function allowRatingLinkRequest(prisma: PrismaClient, ip: string, now: Date): Promise<boolean> {
  const { count } = await countHit(prisma, `${KEY_PREFIX}${ip}`, now, RATING_LINK_LIMIT.perIp.windowMs);
  return count <= RATING_LINK_LIMIT.perIp.limit;
}

/** Drops counters whose window has run out, so the table holds only live state. */
export async function pruneRatingLinkBuckets(prisma: PrismaClient, now: Date): Promise<number> {
  const { count } = await prisma.rateLimitBucket.deleteMany({
    where: { key: { startsWith: KEY_PREFIX }, windowStart: { lt: new Date(now.getTime() - RATING_LINK_LIMIT.perIp.windowMs) } },
  });
  return count;
}
