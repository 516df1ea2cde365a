// Pure time rules for ratings, judged on the pad's ratedAt so a rating made in time on a pad that was
// offline is still accepted when it arrives late — but a pad's clock is trusted only within ±5 min.
export const RATED_AT_TOLERANCE_MS = 5 * 60_000;

export function clampRatedAt(ratedAt: Date, receivedAt: Date, toleranceMs = RATED_AT_TOLERANCE_MS): Date {
  const t = ratedAt.getTime();
  const now = receivedAt.getTime();
  if (Number.isNaN(t)) return receivedAt;
  return new Date(Math.min(now + toleranceMs, Math.max(now - toleranceMs, t)));
}

/** Walk-ups (no invitation) from one pad must be at least minIntervalS apart; 0 turns the rule off. */
export function walkupTooSoon(lastMs: number | null, ratedAtMs: number, minIntervalS: number): boolean {
  if (minIntervalS <= 0 || lastMs === null) return false;
  return Math.abs(ratedAtMs - lastMs) < minIntervalS * 1000;
}
