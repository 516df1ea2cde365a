// A citizen rates a completed case through the one-time link of its SMS. The rating takes the pad's
// own path from the queue on: an EvaluationRow handed to the intake's group committer, answered only
// after its batch is committed and durable (channel SMS, bound to the case, its window, staff and item).
// One rating per link holds in the database itself: the link reserves its rating's id, so a second
// submit (a double tap, a race, another node) meets ON CONFLICT(id) DO NOTHING, stores nothing and is
// answered LINK_USED. One rating per case across channels: a case rated on the pad refuses the link.
import { INDICATOR_VERSION } from "../../contracts/indicators.ts";
import type { RatingLinkContextDto, RatingLinkRateBody, RatingLinkRatedDto } from "../../contracts/ratingLinks.ts";
import type { PrismaClient } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { sha256 } from "../../lib/tokens.ts";
import type { Services } from "../../services.ts";
import { SYSTEM_ACTOR } from "../accountability/manageAccountability.ts";
import { cancelInvitation } from "../evaluations/createInvitation.ts";
import type { EvaluationRow } from "../evaluations/groupCommitter.ts";
import { evaluationIntake } from "../evaluations/submitEvaluation.ts";
import { judgeLink, maskCaseNo } from "./ratingLinkRules.ts";

async function findLink(prisma: PrismaClient, token: string) {
  const link = await prisma.ratingLink.findUnique({
    where: { tokenHash: sha256(token) },
    include: {
      center: { select: { name: true } },
      case: { select: { id: true, caseNo: true, windowId: true, handledById: true, itemId: true, completedAt: true, item: { select: { name: true } }, window: { select: { number: true } } } },
    },
  });
  if (!link) throw new AppError("LINK_NOT_FOUND");
  return link;
}

type FoundLink = Awaited<ReturnType<typeof findLink>>;

async function refusalOf(prisma: PrismaClient, link: FoundLink, now: Date) {
  const ratings = await prisma.evaluation.findMany({ where: { OR: [{ id: link.evaluationId }, { caseId: link.caseId }] }, select: { id: true } });
  return judgeLink({
    now,
    expiresAt: link.expiresAt,
    usedByLink: ratings.some((r) => r.id === link.evaluationId),
    ratedElsewhere: ratings.some((r) => r.id !== link.evaluationId),
  });
}

/** What the page shows before rating; a link that may not be rated is refused with its reason. */
export async function lookupRatingLink(services: Services, token: string): Promise<RatingLinkContextDto> {
  const now = services.clock.now();
  const link = await findLink(services.prisma, token);
  const refused = await refusalOf(services.prisma, link, now);
  if (refused) throw new AppError(refused);
  return {
    centerName: link.center.name,
    itemName: link.case.item.name,
    caseNoMasked: maskCaseNo(link.case.caseNo),
    windowNumber: link.case.window.number,
    completedAt: (link.case.completedAt ?? link.createdAt).toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    indicatorVersion: INDICATOR_VERSION,
  };
}

/** `body` as parsed by ratingLinkRateBodySchema (the route's parse). */
export async function rateByLink(services: Services, body: RatingLinkRateBody): Promise<RatingLinkRatedDto> {
  const now = services.clock.now();
  const link = await findLink(services.prisma, body.token);
  const refused = await refusalOf(services.prisma, link, now);
  if (refused) throw new AppError(refused);
  const row: EvaluationRow = {
    id: link.evaluationId,
    centerId: link.centerId,
    windowId: link.case.windowId,
    staffId: link.case.handledById,
    itemId: link.case.itemId,
    caseId: link.caseId,
    invitationId: null,
    deviceId: null,
    channel: "SMS",
    level: body.level,
    reasons: body.reasons,
    indicatorVersion: INDICATOR_VERSION,
    comment: body.comment.trim() ? body.comment.trim() : null,
    bound: true,
    ratedAt: now,
    receivedAt: now,
  };
  const outcome = await evaluationIntake(services).committer.submit(row);
  switch (outcome.kind) {
    case "stored":
      break;
    case "duplicate":
      throw new AppError("LINK_USED");
    case "invitationTaken":
      throw new AppError("ALREADY_RATED");
    case "failed":
      throw new AppError(outcome.reason === "SHUTTING_DOWN" ? "SHUTTING_DOWN" : "RATING_BUSY");
  }
  await closePadInvitations(services, link.centerId, link.caseId, now);
  return { ok: true, ratedAt: now.toISOString() };
}

/** The case is rated: an invitation for it still open on the window's pad would invite a second rating. */
async function closePadInvitations(services: Services, centerId: number, caseId: number, now: Date): Promise<void> {
  const open = await services.prisma.invitation.findMany({
    where: { caseId, cancelledAt: null, expiresAt: { gt: now }, evaluation: { is: null } },
    select: { id: true, windowId: true },
  });
  for (const inv of open) {
    try {
      await cancelInvitation(services, { centerId, windowId: inv.windowId, invitationId: inv.id, auditActor: { ...SYSTEM_ACTOR, centerId } });
    } catch (err) {
      // The rating is stored and answered; a pad invitation left open runs out in minutes by itself
      services.logger.warn({ err, caseId }, "pad invitation of a link-rated case not cancelled");
    }
  }
}
