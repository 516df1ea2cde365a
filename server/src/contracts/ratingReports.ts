// 好差评 reports (#6): figures for the hall, its departments, windows and staff by day, week or month
// over a date range, their Excel export, and the rating records in the national data standard's field
// set (GB/T 39046) for the provincial platform (docs/ratings-export.md). Imports only zod.
import { z } from "zod";

export const REPORT_SCOPES = ["HALL", "DEPARTMENT", "WINDOW", "STAFF"] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];
export const REPORT_GRANULARITIES = ["DAY", "WEEK", "MONTH"] as const;
export type ReportGranularity = (typeof REPORT_GRANULARITIES)[number];

export const REPORT_SCOPE_LABELS: Record<ReportScope, { zh: string; en: string }> = {
  HALL: { zh: "全大厅", en: "Hall" },
  DEPARTMENT: { zh: "部门", en: "Department" },
  WINDOW: { zh: "窗口", en: "Window" },
  STAFF: { zh: "工作人员", en: "Staff" },
};
export const REPORT_GRANULARITY_LABELS: Record<ReportGranularity, { zh: string; en: string }> = {
  DAY: { zh: "按日", en: "By day" },
  WEEK: { zh: "按周", en: "By week" },
  MONTH: { zh: "按月", en: "By month" },
};

/** Longest range: by day a quarter (92 days); by week or month three years. */
export const REPORT_MAX_DAYS: Record<ReportGranularity, number> = { DAY: 92, WEEK: 1096, MONTH: 1096 };

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "not a calendar date");

export const ratingReportQuerySchema = z
  .strictObject({
    /** City-level accounts name the center; everyone else reads their own */
    centerId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    /** Shanghai calendar days, both inclusive */
    from: isoDate,
    to: isoDate,
    granularity: z.enum(REPORT_GRANULARITIES).default("DAY"),
    scope: z.enum(REPORT_SCOPES).default("HALL"),
    /** Narrows DEPARTMENT / WINDOW / STAFF figures to the ratings of one department's staff */
    departmentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "to before from" });
export type RatingReportQuery = z.infer<typeof ratingReportQuerySchema>;

/** The rating records export takes the same center, range and department narrowing. */
export const ratingExportQuerySchema = z
  .strictObject({
    centerId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    from: isoDate,
    to: isoDate,
    departmentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "to before from" });
export type RatingExportQuery = z.infer<typeof ratingExportQuerySchema>;

const rate = z.number().min(0).max(1).nullable();

export const ratingFiguresSchema = z.object({
  /** Genuine (not defaulted) ratings by level, 5 = 非常满意 … 1 = 非常不满意 */
  levels: z.object({ 5: z.number().int(), 4: z.number().int(), 3: z.number().int(), 2: z.number().int(), 1: z.number().int() }),
  /** Genuine ratings */
  total: z.number().int(),
  /** Levels 3–5 over genuine ratings (null without any) */
  goodRate: rate,
  /** Defaulted ratings (recorded after the rating period), kept apart from every other figure */
  defaulted: z.number().int(),
  /** Genuine ratings at levels 1–2 */
  badReviews: z.number().int(),
  /** Bad reviews by their rectification ticket: none yet, open (a step pending), closed; overdue = any step missed its due time */
  rectification: z.object({ none: z.number().int(), open: z.number().int(), closed: z.number().int(), overdue: z.number().int() }),
  /** Bad reviews whose callback is recorded, over bad reviews */
  callbacks: z.number().int(),
  callbackRate: rate,
  /** Closed tickets that never missed a due time, over closed tickets */
  closedOnTime: z.number().int(),
  onTimeRate: rate,
});
export type RatingFigures = z.infer<typeof ratingFiguresSchema>;

export const ratingReportRowSchema = ratingFiguresSchema.extend({
  /** 2026-11-23, 2026-W48 or 2026-11; "TOTAL" on a subject's row over the whole range */
  period: z.string(),
  subjectKind: z.enum(REPORT_SCOPES),
  /** null for the hall */
  subjectId: z.number().int().nullable(),
  subjectName: z.string(),
});
export type RatingReportRow = z.infer<typeof ratingReportRowSchema>;

export const ratingReportSchema = z.object({
  centerId: z.number().int(),
  centerName: z.string(),
  from: z.string(),
  to: z.string(),
  granularity: z.enum(REPORT_GRANULARITIES),
  scope: z.enum(REPORT_SCOPES),
  departmentId: z.number().int().nullable(),
  /** Every period of the range, in order (the chart's axis) */
  periods: z.array(z.string()),
  /** One row per period and subject with any rating (the hall: every period) */
  rows: z.array(ratingReportRowSchema),
  /** One row per subject over the whole range */
  totals: z.array(ratingReportRowSchema),
});
export type RatingReportDto = z.infer<typeof ratingReportSchema>;

export const TOTAL_PERIOD = "TOTAL";
