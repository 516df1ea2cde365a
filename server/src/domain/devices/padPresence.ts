// Which pads are connected to this server now (online), and when each pad's lastSeenAt may next be
// written. lastSeenAt is kept current on connect, disconnect and submit, but written at most once a
// minute per pad: a pad rating thousands of times a day, or one that reconnects in a loop, costs one
// small write a minute. Ratings carry the write inside their group commit (no extra transaction).
import type { Services } from "../../services.ts";

export const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

/** Pure: is a lastSeenAt write due, given when it was last written (ms) and now (ms)? */
export const lastSeenWriteDue = (lastWrittenMs: number | undefined, nowMs: number, intervalMs = LAST_SEEN_WRITE_INTERVAL_MS): boolean =>
  lastWrittenMs === undefined || nowMs - lastWrittenMs >= intervalMs || nowMs < lastWrittenMs;

export class PadPresence {
  /** deviceId → open connections (a pad reloading can briefly hold two) */
  private readonly connections = new Map<number, number>();
  /** deviceId → when lastSeenAt was last written (ms) */
  private readonly written = new Map<number, number>();

  connected(deviceId: number): void {
    this.connections.set(deviceId, (this.connections.get(deviceId) ?? 0) + 1);
  }

  disconnected(deviceId: number): void {
    const n = (this.connections.get(deviceId) ?? 1) - 1;
    if (n > 0) this.connections.set(deviceId, n);
    else this.connections.delete(deviceId);
  }

  isOnline(deviceId: number): boolean {
    return this.connections.has(deviceId);
  }

  /** True when lastSeenAt should be written now; the caller writes it (the write is then counted as done). */
  claimLastSeenWrite(deviceId: number, now: Date): boolean {
    const t = now.getTime();
    if (!lastSeenWriteDue(this.written.get(deviceId), t)) return false;
    this.written.set(deviceId, t);
    return true;
  }
}

const presences = new WeakMap<Services, PadPresence>();

/** The presence registry of this server (one per Services, created on first use). */
export function padPresence(services: Services): PadPresence {
  let presence = presences.get(services);
  if (!presence) {
    presence = new PadPresence();
    presences.set(services, presence);
  }
  return presence;
}
