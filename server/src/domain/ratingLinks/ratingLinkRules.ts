// The rules of a one-time rating link, as pure functions of their inputs (the clock passed in): when
// it expires, what a link's state answers, how the case number is shown, and when an unrated case is
// due a defaulted rating.
const DAY_MS = 24 * 60 * 60 * 1000;

/** A link lives this many whole days (24 h each) from the moment the case completed. */
export const linkExpiresAt = (completedAt: Date, days: number): Date => new Date(completedAt.getTime() + days * DAY_MS);

export type LinkRefusal = "LINK_EXPIRED" | "LINK_USED" | "ALREADY_RATED";

/**
 * Why a found link may not be rated now, or null. Used first: a citizen who rated through the link and
 * opens it again learns it was used, not that it expired meanwhile; then another channel's rating of
 * the same case (一事一评); then the expiry.
 */
export function judgeLink(opts: { now: Date; expiresAt: Date; usedByLink: boolean; ratedElsewhere: boolean }): LinkRefusal | null {
  if (opts.usedByLink) return "LINK_USED";
  if (opts.ratedElsewhere) return "ALREADY_RATED";
  if (opts.now.getTime() >= opts.expiresAt.getTime()) return "LINK_EXPIRED";
  return null;
}

/** 2026112800017 → 2026*****0017: recognisable by the citizen who holds the SMS, little to anyone else. */
export function maskCaseNo(caseNo: string): string {
  if (caseNo.length <= 8) return `${caseNo.slice(0, 2)}${"*".repeat(Math.max(0, caseNo.length - 4))}${caseNo.slice(-2)}`;
  return `${caseNo.slice(0, 4)}${"*".repeat(caseNo.length - 8)}${caseNo.slice(-4)}`;
}

/** The page's address: the token in the fragment, which no browser sends to a server or a log. */
export const ratingLinkUrl = (publicBaseUrl: string, token: string): string => `${publicBaseUrl}/kiosk/r#${token}`;

/**
 * The instant a case completed at `completedAt` becomes due a defaulted rating, or null when defaults
 * are off (days = 0). Calendar days, as the provinces that default count them ("7 天内未评价").
 */
export const defaultDueAt = (completedAt: Date, days: number): Date | null => (days > 0 ? new Date(completedAt.getTime() + days * DAY_MS) : null);
