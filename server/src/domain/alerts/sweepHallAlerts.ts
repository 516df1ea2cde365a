// The hall sweep: every minute, windows left unattended and rating pads gone offline during opening
// hours become alerts (after a grace period), and those whose condition cleared are resolved. The
// live pad connections come from the /kiosk namespace through `onlineDeviceIds` (no Socket.IO here).
import type { Services } from "../../services.ts";
import { loadHallWindows } from "../display/loadHallWindows.ts";
import { CONDITION_KINDS, conditionAlertsFor, reconcileConditionAlerts, trackOffline, type WindowFacts } from "./alertRules.ts";
import { publishRaisedAlert, raiseAlert, resolveAlerts } from "./raiseAlert.ts";
import type { AlertKind } from "../../contracts/alerts.ts";

const SWEEP_MS = 60_000;

export interface HallAlertSweep {
  (opts?: { centerId?: number }): Promise<{ raised: number; resolved: number }>;
}

export function createHallAlertSweep(services: Services, onlineDeviceIds: () => ReadonlySet<number>): HallAlertSweep {
  // Since when each pad has been missed; in memory on purpose (see trackOffline)
  let offlineSince = new Map<number, Date>();
  return async (opts = {}) => {
    const { prisma, clock } = services;
    const now = clock.now();
    const result = { raised: 0, resolved: 0 };
    const centers = await prisma.center.findMany({ where: { active: true, ...(opts.centerId ? { id: opts.centerId } : {}) }, select: { id: true } });
    const online = onlineDeviceIds();
    for (const { id: centerId } of centers) {
      const [{ windows }, pads, unresolved] = await Promise.all([
        loadHallWindows(services, centerId, now),
        prisma.kioskDevice.findMany({ where: { centerId, tokenHash: { not: null }, revokedAt: null }, select: { id: true, windowId: true, name: true } }),
        prisma.alert.findMany({ where: { centerId, kind: { in: [...CONDITION_KINDS] }, resolvedAt: null }, select: { id: true, kind: true, subjectId: true } }),
      ]);
      const tracked = trackOffline(offlineSince, pads.map((p) => p.id), online, now);
      for (const p of pads) offlineSince.delete(p.id);
      offlineSince = new Map([...offlineSince, ...tracked]);
      const facts: WindowFacts[] = windows.map((w) => ({
        windowId: w.id,
        windowNumber: w.number,
        state: w.state,
        pads: pads.filter((p) => p.windowId === w.id).map((p) => ({ deviceId: p.id, name: p.name, offlineSince: tracked.get(p.id) ?? null })),
      }));
      const plan = reconcileConditionAlerts(conditionAlertsFor(facts, now), unresolved.map((u) => ({ ...u, kind: u.kind as AlertKind })));
      for (const candidate of plan.raise) {
        const row = await prisma.$transaction((tx) => raiseAlert(tx, { centerId, kind: candidate.kind, windowId: candidate.windowId, subjectId: candidate.subjectId, message: candidate.message }, now));
        if (row) {
          result.raised++;
          await publishRaisedAlert(services, row.id);
        }
      }
      result.resolved += await resolveAlerts(services, plan.resolve, now);
    }
    return result;
  };
}

/** Runs the sweep every minute on the real clock (tests call the sweep directly after moving a ManualClock). */
export function startHallAlertSweep(services: Services, sweep: HallAlertSweep): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = sweep()
      .catch((err: unknown) => services.logger.error({ err }, "hall alert sweep failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, SWEEP_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
