// Raising an alert, for every producer (the hall sweep here, the bad-review loop of #6 later): inside
// the producer's transaction, at most one unresolved alert per center, kind and subject; after commit,
// publishRaisedAlert tells /supervisor. Alerts raised by the case and inquiry sweeps (#4, keyed
// "case:<id>:<level>" / "inquiry:<id>:unclosed") are published from their events: alertEvents.ts.
import type { AlertKind } from "../../contracts/alerts.ts";
import type { Tx } from "../../db/database.ts";
import type { Alert } from "../../generated/prisma/client.ts";
import { presentAlert } from "../../presenters/alerts.ts";
import type { Services } from "../../services.ts";
import { SEVERITY_OF } from "./alertRules.ts";

export interface AlertInput {
  centerId: number;
  kind: AlertKind;
  windowId: number | null;
  staffId?: number | null;
  subjectId: string;
  message: string;
  /** A stable key when the subject can alert only once ever (e.g. "evaluation:17:bad"); default: per episode */
  sourceKey?: string;
}

/** Returns the new alert, or null when one for this subject and kind is still unresolved (or the key was used). */
export async function raiseAlert(tx: Tx, input: AlertInput, now: Date): Promise<Alert | null> {
  const open = await tx.alert.findFirst({ where: { centerId: input.centerId, kind: input.kind, subjectId: input.subjectId, resolvedAt: null }, select: { id: true } });
  if (open) return null;
  const sourceKey = input.sourceKey ?? `${input.kind.toLowerCase()}:${input.subjectId}:${now.toISOString()}`;
  if (await tx.alert.findUnique({ where: { sourceKey }, select: { id: true } })) return null;
  return tx.alert.create({
    data: {
      centerId: input.centerId,
      sourceKey,
      kind: input.kind,
      severity: SEVERITY_OF[input.kind],
      windowId: input.windowId,
      staffId: input.staffId ?? null,
      subjectId: input.subjectId,
      message: input.message,
      createdAt: now,
    },
  });
}

/** The departments whose liaisons hear about a window's alerts. */
export async function departmentsOfWindow(services: Services, windowId: number | null): Promise<number[]> {
  if (windowId === null) return [];
  const rows = await services.prisma.windowDepartment.findMany({ where: { windowId }, select: { departmentId: true } });
  return rows.map((r) => r.departmentId);
}

/** After commit: alert.created to the center's supervisors and the window's departments. */
export async function publishRaisedAlert(services: Services, alertId: number): Promise<void> {
  const row = await services.prisma.alert.findUnique({ where: { id: alertId }, include: { window: { select: { number: true, name: true } } } });
  if (!row) return;
  services.events.emit("alert.created", { centerId: row.centerId, departmentIds: await departmentsOfWindow(services, row.windowId), alert: presentAlert(row) });
}

/** Marks alerts resolved (their condition cleared or their subject finished) and tells /supervisor. */
export async function resolveAlerts(services: Services, ids: readonly number[], now: Date): Promise<number> {
  let resolved = 0;
  for (const id of ids) {
    const done = await services.prisma.alert.updateMany({ where: { id, resolvedAt: null }, data: { resolvedAt: now } });
    if (done.count === 0) continue;
    resolved++;
    const row = await services.prisma.alert.findUniqueOrThrow({ where: { id }, select: { centerId: true, windowId: true } });
    services.events.emit("alert.resolved", { centerId: row.centerId, departmentIds: await departmentsOfWindow(services, row.windowId), alertId: id, resolvedAt: now.toISOString() });
  }
  return resolved;
}
