// The assessment API (#8): rule versions, runs, rankings, explanations and drill-downs, the weekly
// review (周点评), the quarterly proposal → override → publish → recompute, Excel export and a staff
// member's own scores. Client and server both import this file (zod only), so it is the contract.
//
// A period is named by its label everywhere: "2026-W38" (ISO week), "2026-09" (month), "2026-Q3"
// (quarter) — see server/src/domain/assessment/periods.ts. The label carries its kind.
//
// Routes (all under /api/assessment; JSON unless noted; errors are {error:{code,message,messageEn}}):
//
// | method | path | who | returns |
// |---|---|---|---|
// | GET  | /rules?at=YYYY-MM-DD                          | ADMIN LEADER SUPERVISOR STAFF LIAISON CITY_LEADER | RuleSetDto: the version in force on that Shanghai day (default today) |
// | GET  | /rules/versions                               | ADMIN LEADER SUPERVISOR CITY_LEADER            | RuleSetDto[] newest first |
// | PUT  | /rules  body PutRulesBody                     | ADMIN                                           | RuleSetDto (a new version; older ones stay) |
// | POST | /runs   body StartRunBody                     | ADMIN LEADER SUPERVISOR                         | AssessmentRunDto (idempotent: the period's current run if its inputs are unchanged) |
// | GET  | /runs?periodKind&state&page&pageSize          | ADMIN LEADER SUPERVISOR CITY_LEADER            | Page<AssessmentRunDto>, newest first |
// | GET  | /runs/:id                                     | ADMIN LEADER SUPERVISOR CITY_LEADER            | AssessmentRunDto (poll for progress) |
// | GET  | /periods?kind=WEEK|MONTH|QUARTER&count=N      | LEADER SUPERVISOR LIAISON CITY_LEADER ADMIN    | PeriodListDto: computed periods, newest first |
// | GET  | /periods/:label/ranking?subjectKind&departmentId | LEADER SUPERVISOR LIAISON(own dept) CITY_LEADER | RankingDto (published quarters: from the frozen snapshot) |
// | GET  | /periods/:label/ranking.xlsx?subjectKind&departmentId | same as ranking                         | application/vnd.openxmlformats-officedocument.spreadsheetml.sheet |
// | GET  | /periods/:label/scores/:subjectKind/:subjectId | ranking readers; STAFF their own STAFF score     | ScoreExplanationDto (lines add up to the total) |
// | GET  | /periods/:label/scores/:subjectKind/:subjectId/components/:component?page&pageSize | same | DrillDownDto (records behind one line) |
// | GET  | /trends/:subjectKind/:subjectId?periodKind&count | ranking readers; STAFF their own               | TrendDto: the last `count` periods of one subject |
// | GET  | /weekly/:label                                | LEADER SUPERVISOR CITY_LEADER                   | WeeklyReviewDto (digest per window) |
// | PUT  | /weekly/:label/windows/:windowId/comment body WeeklyCommentBody | LEADER SUPERVISOR           | WeeklyWindowDigestDto (点评; editable until published) |
// | POST | /weekly/:label/publish body PublishWeeklyBody | LEADER SUPERVISOR                               | WeeklyReviewDto (annotated windows published to their staff) |
// | GET  | /quarters/:label/proposal                     | LEADER SUPERVISOR CITY_LEADER                   | QuarterProposalDto |
// | POST | /quarters/:label/overrides body QuarterOverrideBody | LEADER                                  | QuarterProposalDto (reason recorded, audited) |
// | POST | /quarters/:label/publish  body PublishQuarterBody  | LEADER                                  | QuarterProposalDto (state PUBLISHED, frozen snapshot) |
// | POST | /quarters/:label/recompute body RecomputeQuarterBody | LEADER                                | RecomputeResultDto (what changed; audited; a published quarter gets a new snapshot that supersedes) |
// | GET  | /me?periodKind&count                          | STAFF                                           | MyScoresDto (own scores, why, and published 点评 of own windows) |
//
// City leaders (no center of their own) add ?centerId=N to the reads (default: the first active center).
// A liaison's rankings, explanations and trends are limited to their own department (others: 404).
//
// Auditors (AUDITOR, CITY_AUDITOR) and SECURITY_ADMIN have no assessment routes: DOMAIN.md gives them the
// audit log only, where every rules edit, override, publish and recompute is recorded.
import { z } from "zod";
import { assessmentRulesSchema, type AssessmentRules } from "./assessmentRules.ts";

// ---------------------------------------------------------------------------------------------
// Building blocks

export const ASSESSMENT_PERIOD_KINDS = ["WEEK", "MONTH", "QUARTER"] as const;
export const assessmentPeriodKindSchema = z.enum(ASSESSMENT_PERIOD_KINDS);
export type AssessmentPeriodKind = z.infer<typeof assessmentPeriodKindSchema>;

export const ASSESSMENT_SUBJECT_KINDS = ["WINDOW", "STAFF", "DEPARTMENT"] as const;
export const assessmentSubjectKindSchema = z.enum(ASSESSMENT_SUBJECT_KINDS);
export type AssessmentSubjectKind = z.infer<typeof assessmentSubjectKindSchema>;

export const HONOUR_KINDS = ["RED_FLAG_WINDOW", "SERVICE_MODEL"] as const;
export const honourKindSchema = z.enum(HONOUR_KINDS);
export type HonourKindDto = z.infer<typeof honourKindSchema>;

export const DECISION_CODES = ["HONOURED", "VETOED", "BELOW_MIN_SAMPLES", "OUTSIDE_QUOTA", "NOT_HONOURED_KIND"] as const;
export type DecisionCodeDto = (typeof DECISION_CODES)[number];

export const RUN_STATES = ["RUNNING", "DONE", "FAILED"] as const;
export type RunStateDto = (typeof RUN_STATES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const id = z.coerce.number().int().positive().max(2_147_483_647);
/** 2026-W38, 2026-09, 2026-Q3; checked against the calendar by the route (periodByLabel) */
export const periodLabelSchema = z.string().regex(/^\d{4}-(W\d{2}|Q[1-4]|\d{2})$/, "2026-W38, 2026-09 or 2026-Q3");
/** A component line of the explanation: satisfaction, caseTimeliness, inspection.ON_POST, bonus.cap … */
export const componentSchema = z.string().regex(/^[a-zA-Z]+(\.[A-Z][A-Z0-9_]{0,39}|\.excluded|\.cap)?$/, "component");
const reason = z.string().trim().min(2).max(1000);
/** City-level readers name the center they look at; everyone else reads their own (the field is ignored) */
const centerId = id.optional();

/** The query of reads that take nothing but the center (city leaders) */
export const centerQuerySchema = z.object({ centerId });

export interface PeriodDto {
  kind: AssessmentPeriodKind;
  label: string;
  /** First and last Shanghai calendar day, inclusive */
  firstDay: string;
  lastDay: string;
}

/** A zh/en pair the UI shows as is */
export interface TextPair {
  zh: string;
  en: string;
}

// ---------------------------------------------------------------------------------------------
// Rules versions

export const rulesAtQuerySchema = z.object({ at: isoDate.optional() });
export type RulesAtQuery = z.infer<typeof rulesAtQuerySchema>;

export const putRulesBodySchema = z.strictObject({
  rules: assessmentRulesSchema,
  /** Why the rules changed (shown in the history) */
  note: z.string().trim().min(2).max(500),
  /** First Shanghai day the version applies to; default today. Periods starting before it keep the older version. */
  effectiveFrom: isoDate.optional(),
});
export type PutRulesBody = z.infer<typeof putRulesBodySchema>;

export interface RuleSetDto {
  /** 0 = the built-in DEFAULT_RULES (no administrator has edited them yet) */
  version: number;
  rules: AssessmentRules;
  note: string | null;
  /** Shanghai day */
  effectiveFrom: string;
  createdAt: string | null;
  createdByName: string | null;
}

// ---------------------------------------------------------------------------------------------
// Runs

export const startRunBodySchema = z.strictObject({
  periodKind: assessmentPeriodKindSchema,
  /** Any Shanghai day inside the period (normally its first day) */
  periodStart: isoDate,
  /** Compute a new generation even if a finished run exists (refuses a published quarter: recompute it instead) */
  fresh: z.boolean().default(false),
});
/** What a client sends (`fresh` may be left out) */
export type StartRunBody = z.input<typeof startRunBodySchema>;

export const runListQuerySchema = z.object({
  periodKind: assessmentPeriodKindSchema.optional(),
  state: z.enum(RUN_STATES).optional(),
  centerId,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type RunListQuery = z.infer<typeof runListQuerySchema>;

export interface AssessmentRunDto {
  id: number;
  period: PeriodDto;
  /** The rules version the run used */
  ruleSetVersion: number;
  state: RunStateDto;
  /** 0 … 1 */
  progress: number;
  /** 1 for the first run of a period; +1 for each explicit recompute */
  generation: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  /** null when the scheduler started it */
  requestedByName: string | null;
  /** How many scores it stored */
  scoreCount: number;
}

// ---------------------------------------------------------------------------------------------
// Periods, rankings, trends

export const periodListQuerySchema = z.object({
  kind: assessmentPeriodKindSchema,
  count: z.coerce.number().int().min(1).max(60).default(12),
  centerId,
});
export type PeriodListQuery = z.infer<typeof periodListQuerySchema>;

export interface PeriodStatusDto {
  period: PeriodDto;
  /** The run whose results are shown (the published one for a published quarter) */
  runId: number | null;
  runState: RunStateDto | null;
  /** Quarters: PROPOSED until a leader publishes; weeks: PUBLISHED once any 点评 is published */
  status: "NOT_COMPUTED" | "COMPUTED" | "PUBLISHED";
  publishedAt: string | null;
}

export interface PeriodListDto {
  items: PeriodStatusDto[];
}

export const labelParamSchema = z.strictObject({ label: periodLabelSchema });

export const rankingQuerySchema = z.object({
  subjectKind: assessmentSubjectKindSchema.default("WINDOW"),
  /** Only subjects of one department (liaisons are always limited to their own) */
  departmentId: id.optional(),
  centerId,
});
export type RankingQuery = z.infer<typeof rankingQuerySchema>;

/** The explanation's first level, summarised for a ranking row */
export interface ComponentSummaryDto {
  component: string;
  contribution: number;
}

export interface RankingRowDto {
  subjectKind: AssessmentSubjectKind;
  subjectId: number;
  /** 12号窗口 社保, 张三 (S0012), 人社局 */
  name: string;
  /** window number, staff number, or null for a department */
  code: string | null;
  departmentName: string | null;
  rank: number;
  score: number;
  satisfaction: number;
  deductions: number;
  sampleSize: number;
  meetsMinSamples: boolean;
  eligible: boolean;
  /** 党员责任岗: shown beside the result, never a factor */
  partyMemberPost: boolean;
  decision: DecisionCodeDto;
  decisionReason: string;
  decisionReasonEn: string;
  vetoes: { code: string; reason: string; reasonEn: string }[];
  /** The proposed or granted honour (quarters), after overrides */
  honour: HonourKindDto | null;
  components: ComponentSummaryDto[];
}

export interface RankingDto {
  period: PeriodDto;
  subjectKind: AssessmentSubjectKind;
  runId: number;
  ruleSetVersion: number;
  computedAt: string;
  /** A published quarter is served from its frozen snapshot */
  frozen: boolean;
  publishedAt: string | null;
  rows: RankingRowDto[];
}

export const subjectParamSchema = z.strictObject({
  label: periodLabelSchema,
  subjectKind: assessmentSubjectKindSchema,
  subjectId: id,
});
export type SubjectParam = z.infer<typeof subjectParamSchema>;

export const trendParamSchema = z.strictObject({ subjectKind: assessmentSubjectKindSchema, subjectId: id });
export const trendQuerySchema = z.object({
  periodKind: assessmentPeriodKindSchema.default("MONTH"),
  count: z.coerce.number().int().min(1).max(60).default(12),
  centerId,
});
export type TrendQuery = z.infer<typeof trendQuerySchema>;

export interface TrendPointDto {
  period: PeriodDto;
  /** null when the subject had no score in that period (not computed, or not active) */
  score: number | null;
  rank: number | null;
  /** How many subjects of the kind were ranked */
  of: number | null;
  satisfaction: number | null;
}

export interface TrendDto {
  subjectKind: AssessmentSubjectKind;
  subjectId: number;
  name: string;
  periodKind: AssessmentPeriodKind;
  /** Oldest first, `count` points ending with the latest computed period */
  points: TrendPointDto[];
}

// ---------------------------------------------------------------------------------------------
// Explanation and drill-down

export interface ExplanationLineDto {
  component: string;
  rawValue: number;
  points: number;
  weight: number;
  contribution: number;
  reason: string;
  reasonEn: string;
  /** Whether the line opens into records (GET …/components/:component) */
  drillable: boolean;
}

export interface ScoreExplanationDto {
  period: PeriodDto;
  subjectKind: AssessmentSubjectKind;
  subjectId: number;
  name: string;
  runId: number;
  ruleSetVersion: number;
  frozen: boolean;
  score: number;
  rank: number;
  sampleSize: number;
  decision: DecisionCodeDto;
  decisionReason: string;
  decisionReasonEn: string;
  /** The hall averages the small samples were pulled toward (points / %) */
  baseline: { satisfaction: number; caseOnTime: number; inquiryOnTime: number; rectificationOnTime: number };
  /** Sum of contributions equals `score` exactly (in hundredths) */
  lines: ExplanationLineDto[];
}

export const drillDownParamSchema = z.strictObject({
  label: periodLabelSchema,
  subjectKind: assessmentSubjectKindSchema,
  subjectId: id,
  component: componentSchema,
});
export type DrillDownParam = z.infer<typeof drillDownParamSchema>;

export const drillDownQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  centerId,
});
export type DrillDownQuery = z.infer<typeof drillDownQuerySchema>;

export const DRILL_RECORD_KINDS = ["RATING", "CASE", "INQUIRY", "RECTIFICATION", "INSPECTION_FINDING", "ACCOUNTABILITY", "COMPLAINT", "COMMENDATION", "HALL_PRIOR", "BONUS_CAP"] as const;
export type DrillRecordKind = (typeof DRILL_RECORD_KINDS)[number];

export interface DrillDownRecordDto {
  kind: DrillRecordKind;
  /** The record's id (evaluation, case number, inspection id …); null for HALL_PRIOR / BONUS_CAP */
  recordId: string | null;
  /** When it happened */
  at: string | null;
  /** 非常满意 · 邀请评价, 办件 2026091200017 超期 2 天, 督查「在岗情况」未通过 … */
  label: string;
  labelEn: string;
  /** Points this record contributed to the component's contribution (may be 0: an excluded rating, a late case) */
  points: number;
  /** Counted toward the score (false: excluded rating, shown so the exclusion is visible) */
  counted: boolean;
}

export interface DrillDownDto {
  period: PeriodDto;
  subjectKind: AssessmentSubjectKind;
  subjectId: number;
  component: string;
  /** The stored line's contribution */
  contribution: number;
  /**
   * Sum of `points` over ALL records (not only this page) plus the hall prior share. Equals
   * `contribution` up to the line's rounding to hundredths, unless records changed after the run.
   */
  recordsSum: number;
  /** false when the records changed since the run (e.g. a published, frozen quarter) */
  matchesStored: boolean;
  total: number;
  page: number;
  pageSize: number;
  records: DrillDownRecordDto[];
}

// ---------------------------------------------------------------------------------------------
// Weekly review (周点评)

export interface WeeklyWindowDigestDto {
  windowId: number;
  windowNumber: number;
  windowName: string;
  departmentNames: string[];
  cases: number;
  overdueCases: number;
  ratings: number;
  /** Counted ratings' mean points (0–100); null with none */
  satisfaction: number | null;
  badReviews: number;
  /** Bad reviews by rectification state: OPEN, SUBMITTED, DONE … */
  badReviewsByState: Record<string, number>;
  inspectionFindings: number;
  score: number | null;
  rank: number | null;
  /** The best / weakest window of the week (by rank among those meeting the minimum sample) */
  best: boolean;
  weakest: boolean;
  comment: WeeklyCommentDto | null;
}

export interface WeeklyCommentDto {
  text: string;
  authorName: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface WeeklyReviewDto {
  period: PeriodDto;
  runId: number;
  computedAt: string;
  windows: WeeklyWindowDigestDto[];
  /** Windows whose comment is published / written but not yet published */
  publishedCount: number;
  draftCount: number;
}

export const weeklyCommentParamSchema = z.strictObject({ label: periodLabelSchema, windowId: id });
export const weeklyCommentBodySchema = z.strictObject({ text: z.string().trim().min(1).max(2000) });
export type WeeklyCommentBody = z.infer<typeof weeklyCommentBodySchema>;

export const publishWeeklyBodySchema = z.strictObject({
  /** Default: every window with a draft comment */
  windowIds: z.array(id).min(1).max(1000).optional(),
});
export type PublishWeeklyBody = z.infer<typeof publishWeeklyBodySchema>;

// ---------------------------------------------------------------------------------------------
// Quarterly evaluation (季考评)

export const quarterLabelParamSchema = z.strictObject({ label: z.string().regex(/^\d{4}-Q[1-4]$/, "2026-Q3") });

export interface HonourRowDto {
  kind: HonourKindDto;
  subjectId: number;
  name: string;
  code: string | null;
  departmentName: string | null;
  rank: number;
  score: number;
  partyMemberPost: boolean;
  /** Proposed by the engine (false: added by a leader's override) */
  proposed: boolean;
  /** After overrides: true = honoured */
  granted: boolean;
  proposalReason: string;
  proposalReasonEn: string;
  override: { reason: string; byName: string; at: string } | null;
}

export interface QuarterProposalDto {
  period: PeriodDto;
  runId: number;
  ruleSetVersion: number;
  generation: number;
  state: "PROPOSED" | "PUBLISHED";
  quota: Record<HonourKindDto, number>;
  /** Engine proposals and every override, proposed first then by rank */
  redFlagWindows: HonourRowDto[];
  serviceModels: HonourRowDto[];
  publishedAt: string | null;
  publishedByName: string | null;
  /** Snapshots of this quarter, newest first; a recompute supersedes the one before */
  snapshots: { id: number; runId: number; publishedAt: string; publishedByName: string; supersedesId: number | null }[];
}

export const quarterOverrideBodySchema = z.strictObject({
  kind: honourKindSchema,
  /** A window (RED_FLAG_WINDOW) or staff member (SERVICE_MODEL) of the quarter's ranking */
  subjectId: id,
  /** true: honour (also one not proposed, even an ineligible one — the reason must say why); false: withdraw */
  grant: z.boolean(),
  reason,
});
export type QuarterOverrideBody = z.infer<typeof quarterOverrideBodySchema>;

export const publishQuarterBodySchema = z.strictObject({ note: z.string().trim().max(500).optional() });
export type PublishQuarterBody = z.infer<typeof publishQuarterBodySchema>;

export const recomputeQuarterBodySchema = z.strictObject({ reason });
export type RecomputeQuarterBody = z.infer<typeof recomputeQuarterBodySchema>;

export interface RecomputeChangeDto {
  subjectKind: AssessmentSubjectKind;
  subjectId: number;
  name: string;
  before: { score: number; rank: number; decision: DecisionCodeDto; honour: HonourKindDto | null } | null;
  after: { score: number; rank: number; decision: DecisionCodeDto; honour: HonourKindDto | null } | null;
}

export interface RecomputeResultDto {
  previousRunId: number;
  proposal: QuarterProposalDto;
  /** Only subjects whose score, rank, decision or honour changed; empty = identical result */
  changes: RecomputeChangeDto[];
  /** The rules version changed between the two runs */
  rulesChanged: boolean;
}

// ---------------------------------------------------------------------------------------------
// A staff member's own page

export const myScoresQuerySchema = z.object({
  periodKind: assessmentPeriodKindSchema.default("MONTH"),
  count: z.coerce.number().int().min(1).max(24).default(6),
});
export type MyScoresQuery = z.infer<typeof myScoresQuerySchema>;

export interface MyScoresDto {
  staffId: number;
  name: string;
  periodKind: AssessmentPeriodKind;
  /** Newest first; each opens into its lines (the same as ScoreExplanationDto) */
  periods: ScoreExplanationDto[];
  trend: TrendPointDto[];
  /** Published 点评 of the windows the staff member works at, newest first */
  weeklyComments: { period: PeriodDto; windowId: number; windowName: string; text: string; authorName: string; publishedAt: string }[];
}
