// The assessment API (#8); the route table and who may call what is in contracts/assessmentApi.ts.
// Handlers parse with the contract's schemas, ask the policies, and hand over to
// domain/assessment; results of a published quarter come from its frozen snapshot.
import {
  centerQuerySchema,
  drillDownParamSchema,
  drillDownQuerySchema,
  labelParamSchema,
  myScoresQuerySchema,
  periodListQuerySchema,
  publishQuarterBodySchema,
  publishWeeklyBodySchema,
  putRulesBodySchema,
  quarterLabelParamSchema,
  quarterOverrideBodySchema,
  rankingQuerySchema,
  recomputeQuarterBodySchema,
  rulesAtQuerySchema,
  runListQuerySchema,
  startRunBodySchema,
  subjectParamSchema,
  trendParamSchema,
  trendQuerySchema,
  weeklyCommentBodySchema,
  weeklyCommentParamSchema,
  type AssessmentSubjectKind,
  type MyScoresDto,
  type RankingRowDto,
} from "../../contracts/assessmentApi.ts";
import { idParamSchema } from "../../contracts/common.ts";
import { XLSX_TYPE } from "../../contracts/imports.ts";
import { isCityRole } from "../../contracts/roles.ts";
import { shanghaiInstant } from "../../domain/calendar/workingDays.ts";
import { drillDown } from "../../domain/assessment/drillDown.ts";
import { periodContaining } from "../../domain/assessment/periods.ts";
import { overrideHonour, publishQuarter, quarterProposal, recomputeQuarter } from "../../domain/assessment/quarter.ts";
import {
  explanationOf,
  findShownResult,
  latestSnapshot,
  loadSubjectLabels,
  periodStatuses,
  rankingOf,
  recentPeriods,
  requireShownResult,
  resolvePeriod,
  trendOf,
} from "../../domain/assessment/results.ts";
import { presentRuleSet, ruleSetHistory, ruleSetInForce, saveRuleSet } from "../../domain/assessment/ruleSets.ts";
import { runAssessment } from "../../domain/assessment/runAssessment.ts";
import { publishWeekly, saveWeeklyComment, weeklyReview } from "../../domain/assessment/weeklyReview.ts";
import { AppError } from "../../errors.ts";
import type { AppContext } from "../../koa.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import {
  canAnnotateWeeklyReview,
  canDecideQuarter,
  canEditAssessmentRules,
  canListAssessmentPeriods,
  canReadAssessmentRules,
  canReadAssessmentRuns,
  canReadOwnScores,
  canReadQuarterProposal,
  canReadRankings,
  canReadRuleHistory,
  canReadWeeklyReview,
  canSeeSubjectScore,
  canStartAssessmentRun,
  rankingDepartmentLimit,
} from "../../policies/assessment.ts";
import { authorize, requireInScope } from "../../policies/authorize.ts";
import { presentRun, subjectKey } from "../../presenters/assessment.ts";
import type { Services } from "../../services.ts";
import { sendWorkbook } from "../exports/sendWorkbook.ts";
import { spec } from "../openapi/routeSpec.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

/** The center a request reads: the actor's own; a city-level reader names one (default: the first). */
async function centerOf(ctx: AppContext, actor: Actor, requested?: number): Promise<number> {
  if (!isCityRole(actor.role)) {
    if (actor.centerId === null) throw new AppError("FORBIDDEN");
    return actor.centerId;
  }
  const center = await ctx.services.prisma.center.findFirst({ where: requested ? { id: requested } : { active: true }, orderBy: { id: "asc" }, select: { id: true } });
  requireInScope(center !== null);
  return center.id;
}

async function userName(services: Services, id: number | null): Promise<string | null> {
  if (id === null) return null;
  return (await services.prisma.user.findUnique({ where: { id }, select: { displayName: true } }))?.displayName ?? null;
}

async function runDto(services: Services, runId: number) {
  const run = await services.prisma.assessmentRun.findUniqueOrThrow({ where: { id: runId }, include: { ruleSet: { select: { version: true } }, _count: { select: { scores: true } } } });
  return presentRun(run, periodContaining(run.periodKind, run.periodStart), run.ruleSet.version, await userName(services, run.requestedById), run._count.scores);
}

/** A liaison reads only their department; anyone else may narrow to one. */
const departmentFilter = (actor: Actor, requested?: number): number | null => rankingDepartmentLimit(actor) ?? requested ?? null;

async function requireSubjectVisible(ctx: AppContext, actor: Actor, centerId: number, subjectKind: AssessmentSubjectKind, subjectId: number) {
  const labels = await loadSubjectLabels(ctx.services.prisma, centerId);
  const label = labels.get(subjectKey(subjectKind, subjectId));
  requireInScope(label !== undefined && canSeeSubjectScore(actor, { subjectKind, subjectId, departmentIds: label.departmentIds }));
  return label;
}

const DECISION_ZH: Record<RankingRowDto["decision"], string> = {
  HONOURED: "推荐荣誉",
  VETOED: "一票否决",
  BELOW_MIN_SAMPLES: "样本不足",
  OUTSIDE_QUOTA: "名额外",
  NOT_HONOURED_KIND: "不评选",
};
const HONOUR_ZH = { RED_FLAG_WINDOW: "红旗窗口", SERVICE_MODEL: "服务标兵" } as const;

export function assessmentRouter() {
  const router = createRouter("/api/assessment");

  // -------------------------------------------------------------------------------------------
  // Rules

  router.get("/rules", spec({ summary: "The assessment rules in force on a day (default today)", query: rulesAtQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadAssessmentRules(actor));
    const q = parse(rulesAtQuerySchema, ctx.query);
    const centerId = await centerOf(ctx, actor);
    const at = q.at ? new Date(shanghaiInstant(q.at, "00:00").getTime() + 86_400_000 - 1) : ctx.services.clock.now();
    const rs = await ruleSetInForce(ctx.services.prisma, centerId, at);
    ctx.body = presentRuleSet(rs, await userName(ctx.services, rs.createdById));
  });

  router.get("/rules/versions", spec({ summary: "Every version of the assessment rules, newest first" }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadRuleHistory(actor));
    const centerId = await centerOf(ctx, actor);
    const history = await ruleSetHistory(ctx.services.prisma, centerId);
    ctx.body = await Promise.all(history.map(async (r) => presentRuleSet(r, await userName(ctx.services, r.createdById))));
  });

  router.put("/rules", spec({ summary: "Save a new version of the assessment rules (administrators)", body: putRulesBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canEditAssessmentRules(actor));
    const body = parse(putRulesBodySchema, ctx.request.body);
    const saved = await saveRuleSet(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId!, userId: actor.userId, body });
    ctx.body = presentRuleSet(saved, await userName(ctx.services, actor.userId));
  });

  // -------------------------------------------------------------------------------------------
  // Runs

  router.post("/runs", spec({ summary: "Compute a week, month or quarter now (idempotent; fresh: a new generation)", body: startRunBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canStartAssessmentRun(actor));
    const body = parse(startRunBodySchema, ctx.request.body);
    const now = ctx.services.clock.now();
    const period = periodContaining(body.periodKind, shanghaiInstant(body.periodStart, "12:00"));
    if (period.start > now) throw new AppError("ASSESSMENT_PERIOD_IN_FUTURE");
    const centerId = actor.centerId!;
    if (body.fresh && period.kind === "QUARTER" && (await latestSnapshot(ctx.services.prisma, centerId, period))) throw new AppError("ASSESSMENT_PUBLISHED");
    const { run, computed } = await runAssessment(ctx.services, { centerId, period, requestedById: actor.userId, fresh: body.fresh });
    ctx.status = computed ? 201 : 200;
    ctx.body = await runDto(ctx.services, run.id);
  });

  router.get("/runs", spec({ summary: "Assessment runs with their state and progress, newest first", query: runListQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadAssessmentRuns(actor));
    const q = parse(runListQuerySchema, ctx.query);
    const centerId = await centerOf(ctx, actor, q.centerId);
    const where = { centerId, ...(q.periodKind ? { periodKind: q.periodKind } : {}), ...(q.state ? { state: q.state } : {}) };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.assessmentRun.findMany({ where, orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: { id: true }, ...pageArgs(q) }),
      ctx.services.prisma.assessmentRun.count({ where }),
    ]);
    ctx.body = { items: await Promise.all(rows.map((r) => runDto(ctx.services, r.id))), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/runs/:id", spec({ summary: "One run (poll it for progress)" }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadAssessmentRuns(actor));
    const { id } = parse(idParamSchema, ctx.params);
    const run = await ctx.services.prisma.assessmentRun.findUnique({ where: { id }, select: { centerId: true } });
    requireInScope(run !== null && (isCityRole(actor.role) || run.centerId === actor.centerId));
    ctx.body = await runDto(ctx.services, id);
  });

  // -------------------------------------------------------------------------------------------
  // Periods, rankings, explanations, trends

  router.get("/periods", spec({ summary: "The latest periods of a kind and whether each is computed or published", query: periodListQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canListAssessmentPeriods(actor));
    const q = parse(periodListQuerySchema, ctx.query);
    const centerId = await centerOf(ctx, actor, q.centerId);
    ctx.body = { items: await periodStatuses(ctx.services.prisma, centerId, recentPeriods(q.kind, ctx.services.clock.now(), q.count)) };
  });

  router.get("/periods/:label/ranking", spec({ summary: "The ranking of a period for windows, staff or departments", params: labelParamSchema, query: rankingQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadRankings(actor));
    const { label } = parse(labelParamSchema, ctx.params);
    const q = parse(rankingQuerySchema, ctx.query);
    const centerId = await centerOf(ctx, actor, q.centerId);
    const shown = await requireShownResult(ctx.services.prisma, centerId, resolvePeriod(label));
    ctx.body = await rankingOf(ctx.services.prisma, centerId, shown, { subjectKind: q.subjectKind, departmentId: departmentFilter(actor, q.departmentId) });
  });

  router.get("/periods/:label/ranking.xlsx", spec({ summary: "The ranking of a period as an Excel workbook", params: labelParamSchema, query: rankingQuerySchema, produces: XLSX_TYPE }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadRankings(actor));
    const { label } = parse(labelParamSchema, ctx.params);
    const q = parse(rankingQuerySchema, ctx.query);
    const centerId = await centerOf(ctx, actor, q.centerId);
    const period = resolvePeriod(label);
    const shown = await requireShownResult(ctx.services.prisma, centerId, period);
    const ranking = await rankingOf(ctx.services.prisma, centerId, shown, { subjectKind: q.subjectKind, departmentId: departmentFilter(actor, q.departmentId) });
    const kindZh = { WINDOW: "窗口", STAFF: "工作人员", DEPARTMENT: "部门" }[q.subjectKind];
    await sendWorkbook(
      ctx,
      `考评排名 ${period.label} ${kindZh}`,
      [
        { header: "名次", width: 8, value: (r) => r.rank },
        { header: kindZh, width: 24, value: (r) => r.name },
        { header: "编号", width: 10, value: (r) => r.code ?? "" },
        { header: "所属部门", width: 16, value: (r) => r.departmentName ?? "" },
        { header: "总分", width: 10, value: (r) => r.score },
        { header: "满意度得分", width: 12, value: (r) => r.satisfaction },
        { header: "扣分", width: 8, value: (r) => r.deductions },
        { header: "计入评价数", width: 12, value: (r) => r.sampleSize },
        { header: "党员责任岗", width: 12, value: (r) => (r.partyMemberPost ? "是" : "") },
        { header: "结论", width: 12, value: (r) => DECISION_ZH[r.decision] },
        { header: "荣誉", width: 12, value: (r) => (r.honour ? HONOUR_ZH[r.honour] : "") },
        { header: "说明", width: 60, value: (r) => r.decisionReason },
      ],
      ranking.rows,
    );
  });

  router.get("/periods/:label/scores/:subjectKind/:subjectId", spec({ summary: "One score and its explanation lines (they add up to the score)", params: subjectParamSchema, query: centerQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    const p = parse(subjectParamSchema, ctx.params);
    const q = parse(centerQuerySchema, ctx.query);
    authorize(canReadRankings(actor) || canReadOwnScores(actor));
    const centerId = await centerOf(ctx, actor, q.centerId);
    const label = await requireSubjectVisible(ctx, actor, centerId, p.subjectKind, p.subjectId);
    const shown = await requireShownResult(ctx.services.prisma, centerId, resolvePeriod(p.label));
    ctx.body = await explanationOf(ctx.services.prisma, shown, p.subjectKind, p.subjectId, label);
  });

  router.get(
    "/periods/:label/scores/:subjectKind/:subjectId/components/:component",
    spec({ summary: "The records behind one explanation line, with the points each contributed", params: drillDownParamSchema, query: drillDownQuerySchema }),
    async (ctx) => {
      const actor = requireActor(ctx);
      const p = parse(drillDownParamSchema, ctx.params);
      const q = parse(drillDownQuerySchema, ctx.query);
      authorize(canReadRankings(actor) || canReadOwnScores(actor));
      const centerId = await centerOf(ctx, actor, q.centerId);
      await requireSubjectVisible(ctx, actor, centerId, p.subjectKind, p.subjectId);
      const shown = await requireShownResult(ctx.services.prisma, centerId, resolvePeriod(p.label));
      ctx.body = await drillDown(ctx.services.prisma, shown, { subjectKind: p.subjectKind, subjectId: p.subjectId, component: p.component, page: q.page, pageSize: q.pageSize });
    },
  );

  router.get("/trends/:subjectKind/:subjectId", spec({ summary: "The last periods of one subject (score, rank)", params: trendParamSchema, query: trendQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    const p = parse(trendParamSchema, ctx.params);
    const q = parse(trendQuerySchema, ctx.query);
    authorize(canReadRankings(actor) || canReadOwnScores(actor));
    const centerId = await centerOf(ctx, actor, q.centerId);
    const label = await requireSubjectVisible(ctx, actor, centerId, p.subjectKind, p.subjectId);
    const points = await trendOf(ctx.services.prisma, centerId, p.subjectKind, p.subjectId, recentPeriods(q.periodKind, ctx.services.clock.now(), q.count));
    ctx.body = { subjectKind: p.subjectKind, subjectId: p.subjectId, name: label?.name ?? "", periodKind: q.periodKind, points };
  });

  // -------------------------------------------------------------------------------------------
  // Weekly review (周点评)

  router.get("/weekly/:label", spec({ summary: "The weekly review: a digest per window with the supervisor's comments", params: labelParamSchema, query: centerQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadWeeklyReview(actor));
    const { label } = parse(labelParamSchema, ctx.params);
    const q = parse(centerQuerySchema, ctx.query);
    const centerId = await centerOf(ctx, actor, q.centerId);
    ctx.body = await weeklyReview(ctx.services.prisma, centerId, resolvePeriod(label, "WEEK"));
  });

  router.put("/weekly/:label/windows/:windowId/comment", spec({ summary: "Write or edit a window's weekly comment (点评) until it is published", params: weeklyCommentParamSchema, body: weeklyCommentBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canAnnotateWeeklyReview(actor));
    const { label, windowId } = parse(weeklyCommentParamSchema, ctx.params);
    const body = parse(weeklyCommentBodySchema, ctx.request.body);
    const period = resolvePeriod(label, "WEEK");
    await saveWeeklyComment(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId!, userId: actor.userId, period, windowId, text: body.text });
    const review = await weeklyReview(ctx.services.prisma, actor.centerId!, period);
    ctx.body = review.windows.find((w) => w.windowId === windowId);
  });

  router.post("/weekly/:label/publish", spec({ summary: "Publish the week's draft comments to the windows' staff", params: labelParamSchema, body: publishWeeklyBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canAnnotateWeeklyReview(actor));
    const { label } = parse(labelParamSchema, ctx.params);
    const body = parse(publishWeeklyBodySchema, ctx.request.body ?? {});
    const period = resolvePeriod(label, "WEEK");
    await publishWeekly(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId!, period, windowIds: body.windowIds });
    ctx.body = await weeklyReview(ctx.services.prisma, actor.centerId!, period);
  });

  // -------------------------------------------------------------------------------------------
  // Quarterly evaluation (季考评)

  router.get("/quarters/:label/proposal", spec({ summary: "The quarter's proposed and decided red flag windows and service models", params: quarterLabelParamSchema, query: centerQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadQuarterProposal(actor));
    const { label } = parse(quarterLabelParamSchema, ctx.params);
    const q = parse(centerQuerySchema, ctx.query);
    const centerId = await centerOf(ctx, actor, q.centerId);
    ctx.body = await quarterProposal(ctx.services.prisma, centerId, resolvePeriod(label, "QUARTER"));
  });

  router.post("/quarters/:label/overrides", spec({ summary: "Grant or withdraw an honour with a written reason (center leader; before publishing)", params: quarterLabelParamSchema, body: quarterOverrideBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canDecideQuarter(actor));
    const { label } = parse(quarterLabelParamSchema, ctx.params);
    const body = parse(quarterOverrideBodySchema, ctx.request.body);
    const period = resolvePeriod(label, "QUARTER");
    await overrideHonour(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId!, userId: actor.userId, period, body });
    ctx.body = await quarterProposal(ctx.services.prisma, actor.centerId!, period);
  });

  router.post("/quarters/:label/publish", spec({ summary: "Publish the quarter's result as a frozen snapshot (center leader)", params: quarterLabelParamSchema, body: publishQuarterBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canDecideQuarter(actor));
    const { label } = parse(quarterLabelParamSchema, ctx.params);
    const body = parse(publishQuarterBodySchema, ctx.request.body ?? {});
    const period = resolvePeriod(label, "QUARTER");
    await publishQuarter(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId!, userId: actor.userId, period, note: body.note });
    ctx.body = await quarterProposal(ctx.services.prisma, actor.centerId!, period);
  });

  router.post("/quarters/:label/recompute", spec({ summary: "Recompute the quarter explicitly (audited) and report what changed", params: quarterLabelParamSchema, body: recomputeQuarterBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canDecideQuarter(actor));
    const { label } = parse(quarterLabelParamSchema, ctx.params);
    const body = parse(recomputeQuarterBodySchema, ctx.request.body);
    const period = resolvePeriod(label, "QUARTER");
    ctx.body = await recomputeQuarter(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId!, userId: actor.userId, period, reason: body.reason });
  });

  // -------------------------------------------------------------------------------------------
  // A staff member's own scores

  router.get("/me", spec({ summary: "The signed-in staff member's own scores, why, and published weekly comments", query: myScoresQuerySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadOwnScores(actor));
    const q = parse(myScoresQuerySchema, ctx.query);
    const { prisma, clock } = ctx.services;
    const centerId = actor.centerId!;
    const staffId = actor.staffId!;
    const labels = await loadSubjectLabels(prisma, centerId);
    const label = labels.get(subjectKey("STAFF", staffId));
    const periods = recentPeriods(q.periodKind, clock.now(), q.count);
    const explained: MyScoresDto["periods"] = [];
    for (const period of periods) {
      const shown = await findShownResult(prisma, centerId, period);
      if (!shown) continue;
      const has = await prisma.periodScore.findUnique({ where: { runId_subjectKind_subjectId: { runId: shown.run.id, subjectKind: "STAFF", subjectId: staffId } }, select: { id: true } });
      if (has) explained.push(await explanationOf(prisma, shown, "STAFF", staffId, label));
    }
    const windows = await prisma.windowStaff.findMany({ where: { staffId }, select: { windowId: true } });
    const comments = await prisma.reviewComment.findMany({
      where: { publishedAt: { not: null }, windowId: { in: windows.map((w) => w.windowId) }, run: { centerId } },
      orderBy: { publishedAt: "desc" },
      take: 20,
      include: { run: { select: { periodStart: true } } },
    });
    const authors = new Map((await prisma.user.findMany({ where: { id: { in: comments.map((c) => c.authorId) } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
    const body: MyScoresDto = {
      staffId,
      name: label?.name ?? "",
      periodKind: q.periodKind,
      periods: explained,
      trend: await trendOf(prisma, centerId, "STAFF", staffId, periods),
      weeklyComments: comments.map((c) => ({
        period: { ...presentWeek(c.run.periodStart) },
        windowId: c.windowId,
        windowName: labels.get(subjectKey("WINDOW", c.windowId))?.name ?? "",
        text: c.text,
        authorName: authors.get(c.authorId) ?? "—",
        publishedAt: c.publishedAt!.toISOString(),
      })),
    };
    ctx.body = body;
  });

  return router;
}

function presentWeek(start: Date) {
  const p = periodContaining("WEEK", start);
  return { kind: p.kind, label: p.label, firstDay: p.firstDay, lastDay: p.lastDay };
}
