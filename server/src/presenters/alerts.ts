// Alerts as JSON (REST list and the alert.created socket message alike).
import type { AlertDto, AlertKind } from "../contracts/alerts.ts";
import type { Alert } from "../generated/prisma/client.ts";

export type AlertWithWindow = Alert & { window: { number: number; name: string } | null };

export const presentAlert = (a: AlertWithWindow, acknowledgedByName: string | null = null): AlertDto => ({
  id: a.id,
  centerId: a.centerId,
  // Stored as text so #6 can add kinds without a migration; producers only write ALERT_KINDS
  kind: a.kind as AlertKind,
  severity: a.severity,
  windowId: a.windowId,
  windowNumber: a.window?.number ?? null,
  windowName: a.window?.name ?? null,
  staffId: a.staffId,
  subjectId: a.subjectId,
  message: a.message,
  createdAt: a.createdAt.toISOString(),
  acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
  acknowledgedById: a.acknowledgedById,
  acknowledgedByName,
  ackNote: a.ackNote,
  resolvedAt: a.resolvedAt?.toISOString() ?? null,
});
