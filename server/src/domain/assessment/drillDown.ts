// The records behind one explanation line, computed on demand with the same filters the aggregation
// used (aggregateFacts.ts), each with the points it contributed. For a weighted base component a
// counted record contributes weight × its points / (n + k) and the hall prior contributes
// weight × k × hall mean / (n + k), so the records add up to the line (up to its rounding to
// hundredths); a deduction or bonus record contributes its per-record points.
import type { AssessmentSubjectKind, DrillDownDto, DrillDownRecordDto } from "../../contracts/assessmentApi.ts";
import { assessmentRulesSchema, COMMENDATION_KINDS, type AssessmentRules, type RatingLevel } from "../../contracts/assessmentRules.ts";
import { ACCOUNTABILITY_KINDS } from "../../contracts/accountability.ts";
import type { PrismaClient } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { presentPeriod, storedLines } from "../../presenters/assessment.ts";
import { runBaseline, type ShownResult } from "./results.ts";
import { ACCOUNTABILITY_LABELS, ratingCounts } from "./scoreSubject.ts";

const LEVEL_LABELS: Record<RatingLevel, { zh: string; en: string }> = {
  5: { zh: "非常满意", en: "very satisfied" },
  4: { zh: "满意", en: "satisfied" },
  3: { zh: "基本满意", en: "fairly satisfied" },
  2: { zh: "不满意", en: "dissatisfied" },
  1: { zh: "非常不满意", en: "very dissatisfied" },
};

const asLevel = (n: number): RatingLevel => (n >= 1 && n <= 5 ? (Math.round(n) as RatingLevel) : 1);
const DAY_MS = 86_400_000;

interface SubjectFilter {
  window?: number;
  staff?: number[];
}

async function subjectFilter(prisma: PrismaClient, kind: AssessmentSubjectKind, id: number): Promise<SubjectFilter> {
  if (kind === "WINDOW") return { window: id };
  if (kind === "STAFF") return { staff: [id] };
  const staff = await prisma.staff.findMany({ where: { departmentId: id }, select: { id: true } });
  return { staff: staff.map((s) => s.id) };
}

/** A where fragment for a record keyed by (windowField, staffField). */
function by<W extends string, S extends string>(f: SubjectFilter, windowField: W, staffField: S): Record<string, unknown> {
  return f.window !== undefined ? { [windowField]: f.window } : { [staffField]: { in: f.staff ?? [] } };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export async function drillDown(
  prisma: PrismaClient,
  shown: ShownResult,
  q: { subjectKind: AssessmentSubjectKind; subjectId: number; component: string; page: number; pageSize: number },
): Promise<DrillDownDto> {
  const { run, period } = shown;
  const score = await prisma.periodScore.findUnique({ where: { runId_subjectKind_subjectId: { runId: run.id, subjectKind: q.subjectKind, subjectId: q.subjectId } } });
  if (!score) throw new AppError("NOT_FOUND");
  const line = storedLines(score.components).find((l) => l.component === q.component);
  if (!line) throw new AppError("NOT_FOUND");
  const ruleSet = await prisma.assessmentRuleSet.findUniqueOrThrow({ where: { id: run.ruleSetId } });
  const rules = assessmentRulesSchema.parse(ruleSet.rules);
  const baseline = runBaseline(run);
  const f = await subjectFilter(prisma, q.subjectKind, q.subjectId);
  const range = { gte: period.start, lt: period.end };
  const centerId = run.centerId;
  const records = await recordsOf(prisma, { rules, baseline, f, range, centerId, component: q.component, weight: line.weight, contribution: line.contribution });
  const sum = round2(records.reduce((s, r) => s + r.points, 0));
  const from = (q.page - 1) * q.pageSize;
  return {
    period: presentPeriod(period),
    subjectKind: q.subjectKind,
    subjectId: q.subjectId,
    component: q.component,
    contribution: line.contribution,
    recordsSum: sum,
    matchesStored: Math.abs(sum - line.contribution) <= 0.011,
    total: records.length,
    page: q.page,
    pageSize: q.pageSize,
    records: records.slice(from, from + q.pageSize).map((r) => ({ ...r, points: round2(r.points) })),
  };
}

interface Ctx {
  rules: AssessmentRules;
  baseline: ReturnType<typeof runBaseline>;
  f: SubjectFilter;
  range: { gte: Date; lt: Date };
  centerId: number;
  component: string;
  weight: number;
  contribution: number;
}

function prior(weight: number, k: number, mean: number, n: number, zh: string, en: string): DrillDownRecordDto {
  return {
    kind: "HALL_PRIOR",
    recordId: null,
    at: null,
    label: `全厅平均${round2(mean)}按${k}${zh}计入（小样本收缩）`,
    labelEn: `hall mean ${round2(mean)} counted as ${k} ${en} (small-sample shrinkage)`,
    points: n + k > 0 ? (weight * k * mean) / (n + k) : weight * mean,
    counted: true,
  };
}

async function recordsOf(prisma: PrismaClient, c: Ctx): Promise<DrillDownRecordDto[]> {
  const { rules, f, range, centerId } = c;
  const [head, tail] = c.component.split(".") as [string, string | undefined];

  if (head === "satisfaction") {
    const rows = await prisma.evaluation.findMany({
      where: { centerId, ratedAt: range, ...by(f, "windowId", "staffId") },
      select: { id: true, level: true, bound: true, defaulted: true, ratedAt: true, appeal: { select: { state: true } } },
      orderBy: [{ ratedAt: "asc" }, { id: "asc" }],
    });
    const tagged = rows.map((r) => ({ r, counted: ratingCounts(rules, { bound: r.bound, defaulted: r.defaulted, appealUpheld: r.appeal?.state === "UPHELD" }) }));
    const n = tagged.filter((t) => t.counted).length;
    const k = rules.shrinkage.satisfaction;
    const pick = tail === "excluded" ? tagged.filter((t) => !t.counted) : tagged.filter((t) => t.counted);
    const out = pick.map(({ r, counted }): DrillDownRecordDto => {
      const level = asLevel(r.level);
      const l = LEVEL_LABELS[level];
      const why = r.appeal?.state === "UPHELD" ? ["申诉成立", "appeal upheld"] : r.defaulted ? ["默认评价", "defaulted"] : r.bound ? ["邀请评价", "invited"] : ["未绑定的自发评价", "unbound walk-up"];
      return {
        kind: "RATING",
        recordId: r.id,
        at: r.ratedAt.toISOString(),
        label: `${l.zh} · ${why[0]}`,
        labelEn: `${l.en} · ${why[1]}`,
        points: counted ? (c.weight * rules.levelPoints[String(level) as `${RatingLevel}`]) / (n + k) : 0,
        counted,
      };
    });
    return tail === "excluded" ? out : [prior(c.weight, k, c.baseline.satisfaction, n, "条评价", "ratings"), ...out];
  }

  const kt = rules.shrinkage.timeliness;
  if (head === "caseTimeliness") {
    const rows = await prisma.case.findMany({ where: { centerId, completedAt: range, ...by(f, "windowId", "handledById") }, select: { caseNo: true, completedAt: true, dueAt: true }, orderBy: [{ completedAt: "asc" }, { id: "asc" }] });
    const n = rows.length;
    return [
      prior(c.weight, kt, c.baseline.caseOnTime, n, "件", "cases"),
      ...rows.map((r): DrillDownRecordDto => {
        const onTime = r.completedAt! <= r.dueAt;
        const late = Math.ceil((r.completedAt!.getTime() - r.dueAt.getTime()) / DAY_MS);
        return {
          kind: "CASE",
          recordId: r.caseNo,
          at: r.completedAt!.toISOString(),
          label: onTime ? `办件 ${r.caseNo} 按时办结` : `办件 ${r.caseNo} 超期${late}天办结`,
          labelEn: onTime ? `case ${r.caseNo} completed on time` : `case ${r.caseNo} completed ${late} day(s) late`,
          points: onTime ? (c.weight * 100) / (n + kt) : 0,
          counted: true,
        };
      }),
    ];
  }
  if (head === "inquiryTimeliness") {
    const rows = await prisma.inquiry.findMany({ where: { centerId, openedAt: range, ...by(f, "windowId", "firstStaffId") }, select: { id: true, openedAt: true, warnedAt: true, topic: true }, orderBy: [{ openedAt: "asc" }, { id: "asc" }] });
    const n = rows.length;
    return [
      prior(c.weight, kt, c.baseline.inquiryOnTime, n, "件", "inquiries"),
      ...rows.map((r): DrillDownRecordDto => ({
        kind: "INQUIRY",
        recordId: String(r.id),
        at: r.openedAt.toISOString(),
        label: r.warnedAt ? `首问「${r.topic}」当日未办结` : `首问「${r.topic}」按时办结`,
        labelEn: r.warnedAt ? `first inquiry "${r.topic}" not closed in time` : `first inquiry "${r.topic}" closed in time`,
        points: r.warnedAt ? 0 : (c.weight * 100) / (n + kt),
        counted: true,
      })),
    ];
  }
  if (head === "rectificationTimeliness") {
    const rows = await prisma.rectification.findMany({
      where: { centerId, closedAt: range, evaluation: by(f, "windowId", "staffId") },
      select: { id: true, closedAt: true, stepDueAt: true, overdueAt: true },
      orderBy: [{ closedAt: "asc" }, { id: "asc" }],
    });
    const n = rows.length;
    return [
      prior(c.weight, kt, c.baseline.rectificationOnTime, n, "件", "rectifications"),
      ...rows.map((r): DrillDownRecordDto => {
        const late = r.overdueAt !== null || r.closedAt! > r.stepDueAt;
        return {
          kind: "RECTIFICATION",
          recordId: r.id,
          at: r.closedAt!.toISOString(),
          label: late ? "差评整改超期完成" : "差评整改按期完成",
          labelEn: late ? "bad-review rectification finished late" : "bad-review rectification finished on time",
          points: late ? 0 : (c.weight * 100) / (n + kt),
          counted: true,
        };
      }),
    ];
  }
  if (head === "inspection" && tail) {
    const each = rules.deductions.inspectionFinding[tail] ?? rules.deductions.otherFinding;
    const rows = await prisma.inspectionFinding.findMany({
      where: { passed: false, checkCode: tail, inspection: { centerId, at: range, ...by(f, "windowId", "staffId") } },
      select: { id: true, note: true, inspection: { select: { clientId: true, at: true } } },
      orderBy: [{ inspection: { at: "asc" } }, { id: "asc" }],
    });
    return rows.map((r) => ({
      kind: "INSPECTION_FINDING",
      recordId: r.inspection.clientId,
      at: r.inspection.at.toISOString(),
      label: `督查「${tail}」未通过${r.note ? `：${r.note}` : ""}`,
      labelEn: `inspection item ${tail} failed${r.note ? `: ${r.note}` : ""}`,
      points: -each,
      counted: true,
    }));
  }
  if (head === "accountability" && tail && (ACCOUNTABILITY_KINDS as readonly string[]).includes(tail)) {
    const kind = tail as (typeof ACCOUNTABILITY_KINDS)[number];
    const rows = await prisma.accountabilityRecord.findMany({ where: { centerId, state: "CONFIRMED", kind, occurredAt: range, ...by(f, "windowId", "staffId") }, select: { id: true, occurredAt: true, description: true }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
    const l = ACCOUNTABILITY_LABELS[kind];
    return rows.map((r) => ({
      kind: "ACCOUNTABILITY",
      recordId: String(r.id),
      at: r.occurredAt.toISOString(),
      label: `${l.zh}：${r.description}`,
      labelEn: `${l.en}: ${r.description}`,
      points: -rules.deductions.accountability[kind],
      counted: true,
    }));
  }
  if (head === "complaints") {
    const rows = await prisma.complaint.findMany({ where: { centerId, substantiated: true, receivedAt: range, ...by(f, "windowId", "staffId") }, select: { id: true, receivedAt: true, content: true }, orderBy: [{ receivedAt: "asc" }, { id: "asc" }] });
    return rows.map((r) => ({ kind: "COMPLAINT", recordId: String(r.id), at: r.receivedAt.toISOString(), label: `查实的投诉：${r.content.slice(0, 60)}`, labelEn: `substantiated complaint: ${r.content.slice(0, 60)}`, points: -rules.deductions.substantiatedComplaint, counted: true }));
  }
  if (head === "bonus" && tail === "cap") {
    return [{ kind: "BONUS_CAP", recordId: null, at: null, label: `加分超过上限${rules.bonuses.cap}分的部分不计`, labelEn: `bonuses above the cap of ${rules.bonuses.cap} are cut`, points: c.contribution, counted: true }];
  }
  if (head === "bonus" && tail && (COMMENDATION_KINDS as readonly string[]).includes(tail)) {
    const kind = tail as (typeof COMMENDATION_KINDS)[number];
    const rows = await prisma.commendation.findMany({ where: { centerId, kind, at: range, ...by(f, "windowId", "staffId") }, select: { id: true, at: true, note: true }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    return rows.map((r) => ({ kind: "COMMENDATION", recordId: String(r.id), at: r.at.toISOString(), label: `表彰：${r.note}`, labelEn: `commendation: ${r.note}`, points: rules.bonuses.perCommendation[kind], counted: true }));
  }
  throw new AppError("NOT_FOUND");
}
