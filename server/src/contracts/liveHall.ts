// The live hall (#7): what a window is doing now, the supervisors' map (snapshot + deltas over
// /supervisor) and a window's detail. The state is derived, never stored: see domain/liveHall/windowState.ts.
import { z } from "zod";
import { pauseReasonSchema } from "./shifts.ts";

export const WINDOW_STATE_KINDS = ["SERVING", "IDLE", "PAUSED", "CLOSED", "UNATTENDED"] as const;
export const windowStateKindSchema = z.enum(WINDOW_STATE_KINDS);
export type WindowStateKind = z.infer<typeof windowStateKindSchema>;

/** Why a window nobody staffs is not a failure: switched off, not a working day, outside hours, lunch, approved absence. */
export const CLOSED_REASONS = ["INACTIVE", "NON_WORKING_DAY", "BEFORE_HOURS", "AFTER_HOURS", "LUNCH", "ABSENCE"] as const;
export const closedReasonSchema = z.enum(CLOSED_REASONS);
export type ClosedReason = z.infer<typeof closedReasonSchema>;

export const windowStateSchema = z.discriminatedUnion("kind", [
  /** Signed in (or the queue system says so) and a citizen is being served since `since` */
  z.object({ kind: z.literal("SERVING"), since: z.string() }),
  /** Signed in, not paused, nobody being served */
  z.object({ kind: z.literal("IDLE"), since: z.string() }),
  z.object({ kind: z.literal("PAUSED"), reason: pauseReasonSchema, note: z.string().nullable(), since: z.string() }),
  z.object({ kind: z.literal("CLOSED"), reason: closedReasonSchema }),
  /** Opening hours, nobody signed in and no approved absence: the window's failure since `since` */
  z.object({ kind: z.literal("UNATTENDED"), since: z.string() }),
]);
export type WindowState = z.infer<typeof windowStateSchema>;

export const WINDOW_STATE_LABELS: Record<WindowStateKind, { zh: string; en: string }> = {
  SERVING: { zh: "办理中", en: "Serving" },
  IDLE: { zh: "空闲", en: "Idle" },
  PAUSED: { zh: "暂停", en: "Paused" },
  CLOSED: { zh: "未开放", en: "Closed" },
  UNATTENDED: { zh: "无人值守", en: "Unattended" },
};
export const CLOSED_REASON_LABELS: Record<ClosedReason, { zh: string; en: string }> = {
  INACTIVE: { zh: "已停用", en: "Switched off" },
  NON_WORKING_DAY: { zh: "非工作日", en: "Not a working day" },
  BEFORE_HOURS: { zh: "未到办公时间", en: "Before opening" },
  AFTER_HOURS: { zh: "已下班", en: "After closing" },
  LUNCH: { zh: "午休", en: "Lunch break" },
  ABSENCE: { zh: "请假（已批准）", en: "Approved absence" },
};

/** The map's 好评率: good reviews are levels 3–5 (非常满意、满意、基本满意), as in the national 好差评 rules and
 * on the hall display, so the two screens never disagree. */
export const SATISFIED_MIN_LEVEL = 3;
/** Bad reviews (差评): levels 1–2, as in the national 好差评 rules. */
export const BAD_MAX_LEVEL = 2;

export const windowTileSchema = z.object({
  windowId: z.number().int(),
  number: z.number().int(),
  name: z.string(),
  zone: z.string(),
  partyPost: z.boolean(),
  departments: z.array(z.object({ id: z.number().int(), shortName: z.string() })),
  state: windowStateSchema,
  /** On duty now (signed in); the photo is the public on-duty photo */
  staff: z.object({ id: z.number().int(), name: z.string(), staffNo: z.string(), photoUrl: z.string().nullable() }).nullable(),
  today: z.object({
    /** Services the queue system reported finished today */
    served: z.number().int(),
    casesAccepted: z.number().int(),
    ratings: z.number().int(),
    satisfied: z.number().int(),
    bad: z.number().int(),
    noShows: z.number().int(),
    avgWaitSeconds: z.number().nullable(),
    avgServiceSeconds: z.number().nullable(),
  }),
  lastRating: z.object({ level: z.number().int(), ratedAt: z.string() }).nullable(),
  warnings: z.object({ casesNearDeadline: z.number().int(), casesOverdue: z.number().int(), openInquiries: z.number().int() }),
  /** Paired pads of the window (not revoked) and how many are connected now */
  pads: z.object({ paired: z.number().int(), online: z.number().int() }),
});
export type WindowTile = z.infer<typeof windowTileSchema>;

/** The map: every tile of the scope, plus the sequence number of the stream its deltas continue. */
export const hallSnapshotSchema = z.object({
  centerId: z.number().int(),
  centerName: z.string(),
  /** "center:<id>" or "department:<id>" (a liaison): deltas carry the same stream and seq > this seq */
  stream: z.string(),
  seq: z.number().int(),
  at: z.string(),
  tiles: z.array(windowTileSchema),
});
export type HallSnapshot = z.infer<typeof hallSnapshotSchema>;

/** City-level roles pick a center; everyone else gets their own (the parameter is then refused if different). */
export const hallSnapshotQuerySchema = z.strictObject({ centerId: z.coerce.number().int().positive().optional() });

/** The Socket.IO message that carries a recomputed tile on /supervisor (inside the {seq, stream, data} envelope). */
export const TILE_EVENT = "liveHall.tile";
export const tileMessageSchema = z.object({ centerId: z.number().int(), departmentIds: z.array(z.number().int()), windowId: z.number().int(), tile: windowTileSchema });
export type TileMessage = z.infer<typeof tileMessageSchema>;

export const TIMELINE_KINDS = ["SIGN_IN", "SIGN_OUT", "PAUSE", "RESUME", "CASE_ACCEPTED", "CASE_COMPLETED", "RATING", "QUEUE_CALLED", "QUEUE_STARTED", "QUEUE_FINISHED", "QUEUE_NO_SHOW", "INSPECTION", "SERVICE_FINISHED"] as const;
export const timelineKindSchema = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof timelineKindSchema>;

export const timelineEntrySchema = z.object({
  at: z.string(),
  kind: timelineKindSchema,
  staffName: z.string().nullable(),
  /** What the entry is about, the same in every language: case number and item, ticket number, deduction … */
  subject: z.string(),
  /** A rating's level (5 = 非常满意) */
  level: z.number().int().nullable(),
  pauseReason: pauseReasonSchema.nullable(),
  /** Levels 1–2 (bad review), overdue case, failed inspection: drawn in red */
  negative: z.boolean(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const weekFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  served: z.number().int(),
  casesAccepted: z.number().int(),
  casesCompleted: z.number().int(),
  ratings: z.number().int(),
  satisfied: z.number().int(),
  bad: z.number().int(),
  avgWaitSeconds: z.number().nullable(),
  avgServiceSeconds: z.number().nullable(),
  noShows: z.number().int(),
  pausedMinutes: z.number().int(),
  inspections: z.number().int(),
  inspectionDeductions: z.number(),
});
export type WeekFigures = z.infer<typeof weekFiguresSchema>;

/** Queue-system waiting and service times of one staff member or one item at the window (id null: not reported). */
export const queueTimesRowSchema = z.object({
  id: z.number().int().nullable(),
  name: z.string().nullable(),
  served: z.number().int(),
  avgWaitSeconds: z.number().nullable(),
  avgServiceSeconds: z.number().nullable(),
});
export type QueueTimesRow = z.infer<typeof queueTimesRowSchema>;
const queueTimesSchema = z.object({ byStaff: z.array(queueTimesRowSchema), byItem: z.array(queueTimesRowSchema) });

export const windowDetailSchema = z.object({
  tile: windowTileSchema,
  timeline: z.array(timelineEntrySchema),
  week: weekFiguresSchema,
  /** Waiting and service times by staff member and by item, today and this week */
  queueTimes: z.object({ today: queueTimesSchema, week: queueTimesSchema }),
});
export type WindowDetail = z.infer<typeof windowDetailSchema>;
export const windowDetailParamsSchema = z.strictObject({ windowId: z.coerce.number().int().positive() });
