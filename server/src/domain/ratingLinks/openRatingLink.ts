// Opens the one-time rating link of a case that has just completed, inside the completion's own
// transaction, and gives back what the citizen's SMS carries: the link, encrypted with the data key
// (the outbox row is read by supervisors; the link is for the citizen alone), and how long it lives.
// The token is 144 random bits; only its sha256 is stored.
import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/database.ts";
import { cipherFor } from "../../lib/crypto.ts";
import { newToken, sha256 } from "../../lib/tokens.ts";
import type { Services } from "../../services.ts";
import { linkExpiresAt, ratingLinkUrl } from "./ratingLinkRules.ts";

export const RATING_TOKEN_BYTES = 18;

export interface OpenedRatingLink {
  /** The SMS payload's part: { ratingLinkEnc, validDays } */
  smsPayload: { ratingLinkEnc: string; validDays: string };
  expiresAt: Date;
}

/**
 * null when there is nothing to open: links are off (days = 0), the citizen left no phone to send it
 * to, the case has a link already, or it was rated already (on the pad, invited when it was accepted).
 */
export async function openRatingLink(
  tx: Tx,
  services: Services,
  opts: { caseId: number; centerId: number; phoneEnc: string | null; completedAt: Date; days: number },
): Promise<OpenedRatingLink | null> {
  if (opts.days <= 0 || !opts.phoneEnc) return null;
  const [existing, rated] = await Promise.all([
    tx.ratingLink.findUnique({ where: { caseId: opts.caseId }, select: { id: true } }),
    tx.evaluation.findFirst({ where: { caseId: opts.caseId }, select: { id: true } }),
  ]);
  if (existing || rated) return null;
  const token = newToken(RATING_TOKEN_BYTES);
  const expiresAt = linkExpiresAt(opts.completedAt, opts.days);
  await tx.ratingLink.create({
    data: { tokenHash: sha256(token), centerId: opts.centerId, caseId: opts.caseId, evaluationId: randomUUID(), createdAt: opts.completedAt, expiresAt },
  });
  const url = ratingLinkUrl(services.config.PUBLIC_BASE_URL, token);
  return { smsPayload: { ratingLinkEnc: cipherFor(services.config).encrypt(url), validDays: String(opts.days) }, expiresAt };
}
