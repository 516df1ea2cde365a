// Defaulted ratings (默认评价): where a center has turned them on (defaultRatingDays > 0), a completed
// case still unrated that many days after completion gets one rating at defaultRatingLevel, marked
// defaulted — kept apart from genuine ratings in every figure and not scored (the assessment rules
// exclude them). Cases completed more than a month before they became due are left alone: switching the
// setting on does not rate the past. Never two: the rating's id is derived from the case and the insert finds any rating
// of the case first, in the same statement. A case whose SMS link is still valid is left to the citizen.
import { INDICATOR_VERSION } from "../../contracts/indicators.ts";
import { sqliteTime } from "../../db/database.ts";
import type { Services } from "../../services.ts";
import { loadCenterContext } from "../calendar/centerContext.ts";
import { defaultDueAt } from "./ratingLinkRules.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** One sweep handles at most this many cases per center; the next tick takes the rest. */
const BATCH = 2_000;
const CATCH_UP_DAYS = 30;

export const defaultedRatingId = (caseId: number): string => `default-case-${caseId}`;

const INSERT_SQL = `INSERT INTO "Evaluation" ("id","centerId","windowId","staffId","itemId","caseId","invitationId","deviceId","channel","level","reasons","indicatorVersion","comment","bound","defaulted","ratingSeq","ratedAt","receivedAt")
SELECT ?,?,?,?,?,?,NULL,NULL,?,?,'[]',?,NULL,1,1,1,?,? WHERE NOT EXISTS (SELECT 1 FROM "Evaluation" WHERE "caseId" = ?)
ON CONFLICT("id") DO NOTHING`;

export async function recordDefaultedRatings(services: Services): Promise<{ recorded: number }> {
  const { prisma, clock } = services;
  const now = clock.now();
  const centers = await prisma.center.findMany({ where: { active: true }, select: { id: true }, orderBy: { id: "asc" } });
  let recorded = 0;
  for (const center of centers) {
    const { settings } = await loadCenterContext(prisma, center.id);
    if (settings.defaultRatingDays === 0) continue;
    const completedBefore = new Date(now.getTime() - settings.defaultRatingDays * DAY_MS);
    const due = await prisma.case.findMany({
      where: {
        centerId: center.id,
        state: "COMPLETED",
        // Turning defaults on does not backfill history: only a month of catch-up (after downtime)
        completedAt: { lte: completedBefore, gte: new Date(completedBefore.getTime() - CATCH_UP_DAYS * DAY_MS) },
        evaluations: { none: {} },
        OR: [{ ratingLink: { is: null } }, { ratingLink: { expiresAt: { lte: now } } }],
      },
      select: { id: true, windowId: true, handledById: true, itemId: true, completedAt: true, ratingLink: { select: { id: true } } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    // One transaction per batch: one commit (and one fsync) for thousands of cases, not one each
    const inserted = await prisma.$transaction(
      due.map((c) =>
        prisma.$executeRawUnsafe(
          INSERT_SQL,
          defaultedRatingId(c.id),
          center.id,
          c.windowId,
          c.handledById,
          c.itemId,
          c.id,
          // The citizen was asked by SMS when a link went out, otherwise on the window's pad
          c.ratingLink ? "SMS" : "HALL_PAD",
          settings.defaultRatingLevel,
          INDICATOR_VERSION,
          sqliteTime(defaultDueAt(c.completedAt!, settings.defaultRatingDays)!),
          sqliteTime(now),
          c.id,
        ),
      ),
    );
    recorded += inserted.reduce((sum, n) => sum + n, 0);
  }
  return { recorded };
}
