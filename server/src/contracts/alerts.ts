// Alerts (#7): one feed of what needs a supervisor's attention now. Raised by the sweeps and events
// (idempotent per subject and kind while open), acknowledged with who/when/note, then kept as history.
import { z } from "zod";

/**
 * Every kind of alert. BAD_REVIEW and RECTIFICATION_OVERDUE are raised by the bad-review loop (#6)
 * through domain/alerts/raiseAlert.ts (the hook point: call raiseAlert in its transaction, then
 * publishRaisedAlert after commit).
 */
export const ALERT_KINDS = ["CASE_NEAR_DEADLINE", "CASE_OVERDUE", "WINDOW_UNATTENDED", "KIOSK_OFFLINE", "INQUIRY_UNCLOSED", "BAD_REVIEW", "RECTIFICATION_OVERDUE"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_SEVERITIES = ["INFO", "YELLOW", "RED"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** open: the feed (neither acknowledged nor resolved); history: everything else; all: both. */
export const ALERT_STATUSES = ["open", "history", "all"] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const alertListQuerySchema = z.object({
  status: z.enum(ALERT_STATUSES).default("open"),
  kind: z.enum(ALERT_KINDS).optional(),
  severity: z.enum(ALERT_SEVERITIES).optional(),
  windowId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** Shanghai calendar days, inclusive */
  from: isoDate.optional(),
  to: isoDate.optional(),
  centerId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** Words of the message (window, case number, item …) */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

export const acknowledgeAlertBodySchema = z.strictObject({
  note: z.string().trim().max(500).optional(),
});
export type AcknowledgeAlertBody = z.infer<typeof acknowledgeAlertBodySchema>;

export interface AlertDto {
  id: number;
  centerId: number;
  kind: AlertKind;
  severity: AlertSeverity;
  windowId: number | null;
  windowNumber: number | null;
  windowName: string | null;
  staffId: number | null;
  subjectId: string | null;
  message: string;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedById: number | null;
  acknowledgedByName: string | null;
  ackNote: string | null;
  resolvedAt: string | null;
}

/** Socket messages on /supervisor (inside the sequence-numbered envelope). */
export interface AlertCreatedMessage {
  alert: AlertDto;
}
export interface AlertAcknowledgedMessage {
  alertId: number;
  acknowledgedAt: string;
  acknowledgedById: number;
  ackNote: string | null;
}
export interface AlertResolvedMessage {
  alertId: number;
  resolvedAt: string;
}

export const ALERT_KIND_LABELS: Record<AlertKind, { zh: string; en: string }> = {
  CASE_NEAR_DEADLINE: { zh: "办件临近期限", en: "Case near its deadline" },
  CASE_OVERDUE: { zh: "办件超期", en: "Case overdue" },
  WINDOW_UNATTENDED: { zh: "窗口无人值守", en: "Window unattended" },
  KIOSK_OFFLINE: { zh: "评价器离线", en: "Rating pad offline" },
  INQUIRY_UNCLOSED: { zh: "首问咨询未办结", en: "Inquiry not closed" },
  BAD_REVIEW: { zh: "差评", en: "Bad review" },
  RECTIFICATION_OVERDUE: { zh: "整改逾期", en: "Rectification step overdue" },
};
export const ALERT_SEVERITY_LABELS: Record<AlertSeverity, { zh: string; en: string }> = {
  INFO: { zh: "提示", en: "Info" },
  YELLOW: { zh: "黄色", en: "Yellow" },
  RED: { zh: "红色", en: "Red" },
};
