// The assessment rules (窗口工作绩效考核细则, #8) as data: each edit an administrator makes is stored as
// a new AssessmentRuleSet version (its `rules` JSON is this schema), and every period is computed with
// the version in force. `schemaVersion` lets a later shape of the rules be told apart from this one.
// docs/scoring.md explains every default number and says which are judgement calls.
import { z } from "zod";
import { ACCOUNTABILITY_KINDS } from "./accountability.ts";
import { DEFAULT_CHECKLIST } from "./inspections.ts";

/** 5 = 非常满意 … 1 = 非常不满意 (hallwatch's storage encoding, see DOMAIN.md) */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** The weighted base components; their weights add up to 1, so a flawless record scores 100. */
export const BASE_COMPONENTS = ["satisfaction", "caseTimeliness", "inquiryTimeliness", "rectificationTimeliness"] as const;
export type BaseComponent = (typeof BASE_COMPONENTS)[number];

/** Commendation.kind values that earn a bonus */
export const COMMENDATION_KINDS = ["PRAISE_LETTER", "BANNER", "COMMENDATION"] as const;
export type CommendationKind = (typeof COMMENDATION_KINDS)[number];

const points = z.number().min(0).max(100).multipleOf(0.01);
const weight = z.number().min(0).max(1);
const code = z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, "UPPER_CASE code");

const levelPointsSchema = z
  .strictObject({ "5": points, "4": points, "3": points, "2": points, "1": points })
  .refine((m) => m["5"] >= m["4"] && m["4"] >= m["3"] && m["3"] >= m["2"] && m["2"] >= m["1"], {
    message: "a higher rating level may not earn fewer points",
  });

const honourQuotaSchema = z.strictObject({
  /** Share of the ranked subjects of the kind, rounded down (0.1 = top 10 %) */
  share: z.number().min(0).max(1),
  /** At least this many, if that many are eligible */
  min: z.number().int().min(0).max(100),
  /** At most this many */
  max: z.number().int().min(0).max(1000),
});

export const assessmentRulesSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    weights: z.strictObject({
      satisfaction: weight,
      caseTimeliness: weight,
      inquiryTimeliness: weight,
      rectificationTimeliness: weight,
    }),
    /** Points (0–100) a counted rating of each level earns; satisfaction is their shrunk mean */
    levelPoints: levelPointsSchema,
    /**
     * Bayesian shrinkage strength: how many ratings (or timed records) of the hall average each subject
     * is assumed to have before its own count, so a small sample stays near the hall average.
     */
    shrinkage: z.strictObject({
      satisfaction: z.number().min(0).max(10_000),
      timeliness: z.number().min(0).max(10_000),
    }),
    /** Ratings left out of satisfaction; ratings whose bad-review appeal was upheld are always left out. */
    exclude: z.strictObject({
      unboundWalkUps: z.boolean(),
      defaulted: z.boolean(),
    }),
    deductions: z.strictObject({
      /** Per failed inspection finding, by checklist code; `otherFinding` for codes not listed */
      inspectionFinding: z.record(code, points),
      otherFinding: points,
      /** Per confirmed accountability record, by kind */
      accountability: z.strictObject({
        INACTION: points,
        SLOW_ACTION: points,
        WRONGFUL_ACTION: points,
        DISOBEDIENCE: points,
      }),
      substantiatedComplaint: points,
    }),
    bonuses: z.strictObject({
      perCommendation: z.strictObject({ PRAISE_LETTER: points, BANNER: points, COMMENDATION: points }),
      /** The most bonus points one subject can earn in a period */
      cap: points,
    }),
    /** 一票否决: any of these in the quarter makes the subject ineligible for honours */
    vetoes: z.strictObject({
      accountabilityKinds: z.array(z.enum(ACCOUNTABILITY_KINDS)).max(ACCOUNTABILITY_KINDS.length),
      substantiatedComplaint: z.boolean(),
    }),
    /** Counted ratings a subject needs in the period to be eligible for honours and ranked among the full samples */
    minSamples: z.strictObject({
      window: z.number().int().min(0).max(100_000),
      staff: z.number().int().min(0).max(100_000),
    }),
    honours: z.strictObject({
      redFlagWindows: honourQuotaSchema,
      serviceModels: honourQuotaSchema,
    }),
  })
  .superRefine((r, ctx) => {
    const sum = BASE_COMPONENTS.reduce((s, c) => s + r.weights[c], 0);
    if (Math.abs(sum - 1) > 1e-9) ctx.addIssue({ code: "custom", path: ["weights"], message: "weights must add up to 1" });
    for (const key of ["redFlagWindows", "serviceModels"] as const) {
      if (r.honours[key].min > r.honours[key].max) ctx.addIssue({ code: "custom", path: ["honours", key, "min"], message: "min exceeds max" });
    }
    if (new Set(r.vetoes.accountabilityKinds).size !== r.vetoes.accountabilityKinds.length) {
      ctx.addIssue({ code: "custom", path: ["vetoes", "accountabilityKinds"], message: "duplicate kind" });
    }
  });
export type AssessmentRules = z.infer<typeof assessmentRulesSchema>;

export const DEFAULT_RULES: AssessmentRules = assessmentRulesSchema.parse({
  schemaVersion: 1,
  weights: { satisfaction: 0.6, caseTimeliness: 0.2, inquiryTimeliness: 0.1, rectificationTimeliness: 0.1 },
  levelPoints: { "5": 100, "4": 85, "3": 60, "2": 20, "1": 0 },
  shrinkage: { satisfaction: 20, timeliness: 10 },
  exclude: { unboundWalkUps: true, defaulted: true },
  deductions: {
    // The inspection checklist's own deductions, so an inspector's sheet and the score agree.
    inspectionFinding: Object.fromEntries(DEFAULT_CHECKLIST.map((i) => [i.code, i.deduction])),
    otherFinding: 1,
    accountability: { INACTION: 3, SLOW_ACTION: 2, WRONGFUL_ACTION: 5, DISOBEDIENCE: 3 },
    substantiatedComplaint: 3,
  },
  bonuses: { perCommendation: { PRAISE_LETTER: 1, BANNER: 2, COMMENDATION: 3 }, cap: 5 },
  vetoes: { accountabilityKinds: ["WRONGFUL_ACTION"], substantiatedComplaint: true },
  minSamples: { window: 30, staff: 20 },
  honours: {
    redFlagWindows: { share: 0.1, min: 1, max: 10 },
    serviceModels: { share: 0.1, min: 1, max: 20 },
  },
});
