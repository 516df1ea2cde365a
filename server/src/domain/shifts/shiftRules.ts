// Pure rules of presence at the windows: who may sign in to which window, and whether the hall is
// open, at lunch or closed at a given instant (from the center's settings, in Asia/Shanghai).
import { minutesOfDay, type CenterSettings } from "../../contracts/settings.ts";

export type SignInVia = "REGULAR" | "BACKUP" | "COVER";

export interface Assignment {
  windowId: number;
  backup: boolean;
}

/**
 * Why a staff member may sign in to a window, or null if they may not: their regular post, their
 * AB岗 backup post, or cover for an absent colleague of that window (approved absence, now).
 */
export function signInVia(own: readonly Assignment[], coverWindowIds: readonly number[], windowId: number): SignInVia | null {
  const post = own.find((a) => a.windowId === windowId);
  if (post) return post.backup ? "BACKUP" : "REGULAR";
  return coverWindowIds.includes(windowId) ? "COVER" : null;
}

export type HallPhase = "OPEN" | "LUNCH" | "CLOSED";

const minutesOf = minutesOfDay;

/** Minutes since midnight in Asia/Shanghai (UTC+8 all year: China has no daylight saving). */
export const shanghaiMinutes = (at: Date): number => Math.floor(((at.getTime() / 60_000 + 8 * 60) % 1440 + 1440) % 1440);

/** The hall's phase at an instant of a working day (holidays are the calendar's business, not this). */
export function hallPhaseAt(settings: Pick<CenterSettings, "opensAt" | "closesAt" | "lunchStartsAt" | "lunchEndsAt">, at: Date): HallPhase {
  const m = shanghaiMinutes(at);
  if (m < minutesOf(settings.opensAt) || m >= minutesOf(settings.closesAt)) return "CLOSED";
  if (m >= minutesOf(settings.lunchStartsAt) && m < minutesOf(settings.lunchEndsAt)) return "LUNCH";
  return "OPEN";
}

/**
 * Whether a staff member may sign in at an instant: from signInEarlyMinutes before opening until
 * closing (the lunch break is inside the day: the afternoon shift signs in then). Time of day only;
 * whether the day is a working day is the calendar's business.
 */
export function signInWindowAt(settings: Pick<CenterSettings, "opensAt" | "closesAt" | "signInEarlyMinutes">, at: Date): "OK" | "TOO_EARLY" | "CLOSED" {
  const m = shanghaiMinutes(at);
  if (m >= minutesOf(settings.closesAt)) return "CLOSED";
  if (m < minutesOf(settings.opensAt) - settings.signInEarlyMinutes) return "TOO_EARLY";
  return "OK";
}
