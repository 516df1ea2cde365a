// The public display's snapshot (no login, rate-limited per address): the center's windows by state,
// today's satisfaction, the promise ticker and the quarter's honours. Deltas follow on /display.
import { displaySnapshotQuerySchema, type DisplaySnapshotDto } from "../../contracts/display.ts";
import { displayFeedFor } from "../../domain/display/displayFeed.ts";
import { loadHonours, loadPromises, loadSatisfaction, presentDisplayWindow } from "../../domain/display/displaySnapshot.ts";
import { loadHallWindows } from "../../domain/display/loadHallWindows.ts";
import { AppError } from "../../errors.ts";
import { RateLimiter } from "../../lib/rateLimiter.ts";
import type { Services } from "../../services.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

/** A screen reloads its snapshot on start, after a gap and every few minutes; a few screens share an address. */
export const DISPLAY_SNAPSHOTS_PER_MINUTE = 60;

export function displayRouter(services: Services) {
  const router = createRouter("/api/display");
  const perIp = new RateLimiter(services.clock, DISPLAY_SNAPSHOTS_PER_MINUTE, 60_000);

  router.get("/snapshot", async (ctx) => {
    if (!perIp.hit(ctx.ip)) throw new AppError("TOO_MANY_REQUESTS");
    const q = parse(displaySnapshotQuerySchema, ctx.query);
    const { prisma, clock } = ctx.services;
    const centers = await prisma.center.findMany({ where: { active: true, ...(q.center ? { code: q.center } : {}) }, select: { id: true, code: true, name: true }, take: 2, orderBy: { id: "asc" } });
    // Without a code, only a single-center deployment has an obvious answer
    if (centers.length === 0 || (!q.center && centers.length > 1)) throw new AppError("NOT_FOUND");
    const center = centers[0]!;
    const seq = displayFeedFor(ctx.services).currentSeq(center.id);
    const now = clock.now();
    const [hall, satisfaction, promises, honours] = await Promise.all([
      loadHallWindows(ctx.services, center.id, now),
      loadSatisfaction(ctx.services, center.id, now),
      loadPromises(ctx.services, center.id),
      loadHonours(ctx.services, center.id),
    ]);
    const body: DisplaySnapshotDto = {
      center,
      seq,
      at: now.toISOString(),
      windows: hall.windows.filter((w) => w.active).map(presentDisplayWindow),
      satisfaction,
      promises,
      honours,
    };
    ctx.set("Cache-Control", "no-store");
    ctx.body = body;
  });

  return router;
}
