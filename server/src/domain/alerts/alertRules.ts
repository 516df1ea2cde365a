// The pure rules of the alert feed: which condition alerts (window unattended, pad offline) a hall
// needs right now, how they reconcile with the open ones (raise the missing, resolve the cleared), and
// when an alert counts as open. No database, no clock of its own: the sweep passes `now` in.
import type { AlertKind, AlertSeverity } from "../../contracts/alerts.ts";
import type { WindowState } from "../../contracts/liveHall.ts";

/** A window must be empty this long before it alerts: a staff member fetching files is not a failure. */
export const UNATTENDED_GRACE_MS = 5 * 60_000;
/** A pad must be gone this long: Wi-Fi blips and restarts reconnect within seconds. */
export const KIOSK_OFFLINE_GRACE_MS = 3 * 60_000;

/** Kinds the sweep raises from a condition and resolves when the condition clears. */
export const CONDITION_KINDS: readonly AlertKind[] = ["WINDOW_UNATTENDED", "KIOSK_OFFLINE"];

export const SEVERITY_OF: Record<AlertKind, AlertSeverity> = {
  CASE_NEAR_DEADLINE: "YELLOW",
  CASE_OVERDUE: "RED",
  WINDOW_UNATTENDED: "RED",
  KIOSK_OFFLINE: "YELLOW",
  INQUIRY_UNCLOSED: "YELLOW",
  BAD_REVIEW: "RED",
  RECTIFICATION_OVERDUE: "RED",
};

export interface WindowFacts {
  windowId: number;
  windowNumber: number;
  state: WindowState;
  /** Paired, unrevoked pads of the window and since when each has been seen offline (null: online) */
  pads: { deviceId: number; name: string; offlineSince: Date | null }[];
}

export interface ConditionAlert {
  kind: AlertKind;
  windowId: number;
  /** The subject the alert is about: the window's id, or the pad's device id */
  subjectId: string;
  message: string;
}

/** The condition alerts the hall needs now. */
export function conditionAlertsFor(windows: readonly WindowFacts[], now: Date): ConditionAlert[] {
  const out: ConditionAlert[] = [];
  for (const w of windows) {
    const { state } = w;
    if (state.kind === "UNATTENDED" && now.getTime() - new Date(state.since).getTime() >= UNATTENDED_GRACE_MS) {
      out.push({ kind: "WINDOW_UNATTENDED", windowId: w.windowId, subjectId: String(w.windowId), message: `${w.windowNumber} 号窗口办公时间无人值守` });
    }
    // A pad matters only while its window should be serving citizens
    if (state.kind === "CLOSED") continue;
    for (const pad of w.pads) {
      if (pad.offlineSince && now.getTime() - pad.offlineSince.getTime() >= KIOSK_OFFLINE_GRACE_MS) {
        out.push({ kind: "KIOSK_OFFLINE", windowId: w.windowId, subjectId: String(pad.deviceId), message: `${w.windowNumber} 号窗口评价器「${pad.name}」离线` });
      }
    }
  }
  return out;
}

export interface OpenConditionAlert {
  id: number;
  kind: AlertKind;
  subjectId: string | null;
}

const keyOf = (a: { kind: AlertKind; subjectId: string | null }) => `${a.kind}:${a.subjectId ?? ""}`;

/** Raise what is needed and not already unresolved; resolve unresolved condition alerts no longer needed. */
export function reconcileConditionAlerts(needed: readonly ConditionAlert[], unresolved: readonly OpenConditionAlert[]): { raise: ConditionAlert[]; resolve: number[] } {
  const neededKeys = new Set(needed.map(keyOf));
  const haveKeys = new Set(unresolved.map(keyOf));
  return {
    raise: needed.filter((n) => !haveKeys.has(keyOf(n))),
    resolve: unresolved.filter((u) => CONDITION_KINDS.includes(u.kind) && !neededKeys.has(keyOf(u))).map((u) => u.id),
  };
}

/**
 * Tracks since when each pad has been offline. A pad first missed now starts its grace period; one
 * back online drops out. After a server restart every pad starts fresh, so reconnecting pads never alert.
 */
export function trackOffline(previous: ReadonlyMap<number, Date>, pairedDeviceIds: readonly number[], online: ReadonlySet<number>, now: Date): Map<number, Date> {
  const next = new Map<number, Date>();
  for (const id of pairedDeviceIds) {
    if (online.has(id)) continue;
    next.set(id, previous.get(id) ?? now);
  }
  return next;
}

/** In the feed: neither acknowledged nor resolved. (Dedupe is on "unresolved": an acknowledged window that stays empty does not alert again.) */
export const isInFeed = (a: { acknowledgedAt: Date | null; resolvedAt: Date | null }): boolean => a.acknowledgedAt === null && a.resolvedAt === null;
