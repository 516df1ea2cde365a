// The assessment engine end to end on the demo hall (#8): the last quarter arrives computed with
// proposed honours; every explanation adds up and drills down to its records; runs are idempotent;
// a leader overrides with a reason, publishes a frozen snapshot that later record edits do not touch,
// and an explicit recompute reports exactly what changed; the weekly 点评 reaches the staff; bad input
// is a 400 with code and messages and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  AssessmentRunDto,
  DrillDownDto,
  MyScoresDto,
  PeriodListDto,
  QuarterProposalDto,
  RankingDto,
  RecomputeResultDto,
  RuleSetDto,
  ScoreExplanationDto,
  TrendDto,
  WeeklyReviewDto,
  WeeklyWindowDigestDto,
} from "../../server/src/contracts/assessmentApi.ts";
import type { DisplaySnapshotDto } from "../../server/src/contracts/display.ts";
import { DEFAULT_RULES } from "../../server/src/contracts/assessmentRules.ts";
import { periodContaining, previousPeriod } from "../../server/src/domain/assessment/periods.ts";
import { sumContributions } from "../../server/src/domain/assessment/scoreSubject.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import type { Role } from "../../server/src/contracts/roles.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const c = {} as Record<"admin" | "leader" | "supervisor" | "staff", ApiClient>;
let quarter = "";
let lastWeek = "";
let thisMonth = "";

type ErrorBody = { error: { code: string; message: string; messageEn: string } };

beforeAll(async () => {
  server = await startTestServer();
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
  for (const [key, role] of [["admin", "ADMIN"], ["leader", "LEADER"], ["supervisor", "SUPERVISOR"], ["staff", "STAFF"]] as const) {
    c[key] = new ApiClient(server.url);
    await c[key].login(accounts[role].username, accounts[role].password);
  }
  const now = server.services.clock.now();
  quarter = previousPeriod(periodContaining("QUARTER", now)).label;
  lastWeek = previousPeriod(periodContaining("WEEK", now)).label;
  thisMonth = periodContaining("MONTH", now).label;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const counts = async () => {
  const p = server.services.prisma;
  return { runs: await p.assessmentRun.count(), ruleSets: await p.assessmentRuleSet.count(), honours: await p.honour.findMany({ orderBy: { id: "asc" } }), comments: await p.reviewComment.count(), snapshots: await p.publishedSnapshot.count() };
};

function expectBadInput(res: { status: number; body: unknown }, code: string) {
  expect(res.status).toBe(400);
  const e = (res.body as ErrorBody).error;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  expect(e.messageEn.length).toBeGreaterThan(3);
}

describe("the demo hall's last quarter", () => {
  it("is computed at first start, with proposed red flag windows and service models a leader can publish", async () => {
    const res = await c.leader.get<QuarterProposalDto>(`/api/assessment/quarters/${quarter}/proposal`);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe("PROPOSED");
    expect(res.body.quota.RED_FLAG_WINDOW).toBeGreaterThanOrEqual(1);
    const proposedWindows = res.body.redFlagWindows.filter((h) => h.proposed && h.granted);
    expect(proposedWindows.length).toBeGreaterThanOrEqual(1);
    expect(proposedWindows.length).toBeLessThanOrEqual(res.body.quota.RED_FLAG_WINDOW);
    expect(res.body.serviceModels.filter((h) => h.proposed).length).toBeGreaterThanOrEqual(1);
    for (const h of proposedWindows) expect(h.proposalReason).toContain("红旗窗口");
  });

  it("every window's explanation adds up to its score, and the ranking is in rank order", async () => {
    const ranking = await c.supervisor.get<RankingDto>(`/api/assessment/periods/${quarter}/ranking?subjectKind=WINDOW`);
    expect(ranking.status).toBe(200);
    expect(ranking.body.rows.length).toBe(90);
    expect(ranking.body.rows.map((r) => r.rank)).toEqual(ranking.body.rows.map((_, i) => i + 1));
    for (const row of ranking.body.rows) {
      const ex = await c.supervisor.get<ScoreExplanationDto>(`/api/assessment/periods/${quarter}/scores/WINDOW/${row.subjectId}`);
      expect(ex.status).toBe(200);
      expect(sumContributions(ex.body.lines)).toBe(ex.body.score);
      expect(ex.body.score).toBe(row.score);
      expect(sumContributions(row.components)).toBe(row.score);
    }
    for (const kind of ["STAFF", "DEPARTMENT"] as const) {
      const r = await c.leader.get<RankingDto>(`/api/assessment/periods/${quarter}/ranking?subjectKind=${kind}`);
      expect(r.body.rows.length).toBeGreaterThan(0);
      for (const row of r.body.rows) expect(sumContributions(row.components)).toBe(row.score);
    }
  });

  it("drills a component down to the records behind it, which add up to the line", async () => {
    const ranking = await c.supervisor.get<RankingDto>(`/api/assessment/periods/${quarter}/ranking?subjectKind=WINDOW`);
    const top = ranking.body.rows[0]!;
    const ex = await c.supervisor.get<ScoreExplanationDto>(`/api/assessment/periods/${quarter}/scores/WINDOW/${top.subjectId}`);
    for (const component of ["satisfaction", "caseTimeliness"]) {
      const line = ex.body.lines.find((l) => l.component === component)!;
      const res = await c.supervisor.get<DrillDownDto>(`/api/assessment/periods/${quarter}/scores/WINDOW/${top.subjectId}/components/${component}?pageSize=500`);
      expect(res.status).toBe(200);
      expect(res.body.contribution).toBe(line.contribution);
      expect(res.body.matchesStored).toBe(true);
      expect(Math.abs(res.body.recordsSum - line.contribution)).toBeLessThanOrEqual(0.011);
      expect(res.body.records[0]!.kind).toBe("HALL_PRIOR");
      if (component === "satisfaction") {
        expect(res.body.total).toBe(ex.body.sampleSize + 1);
        expect(res.body.records.slice(1).every((r) => r.kind === "RATING" && r.counted && r.recordId !== null)).toBe(true);
      }
    }
    const excluded = ex.body.lines.find((l) => l.component === "satisfaction.excluded");
    if (excluded) {
      const res = await c.supervisor.get<DrillDownDto>(`/api/assessment/periods/${quarter}/scores/WINDOW/${top.subjectId}/components/satisfaction.excluded`);
      expect(res.body.total).toBe(excluded.rawValue);
      expect(res.body.recordsSum).toBe(0);
      expect(res.body.records.every((r) => !r.counted && r.points === 0)).toBe(true);
    }
    expect((await c.supervisor.get(`/api/assessment/periods/${quarter}/scores/WINDOW/${top.subjectId}/components/bonus.BANNER`)).status).toBe(404);
  });

  it("exports the ranking to Excel", async () => {
    const res = await fetch(`${server.url}/api/assessment/periods/${quarter}/ranking.xlsx?subjectKind=STAFF`, { headers: { cookie: [...c.leader.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("PK");
  });

  it("lists periods and a subject's trend, oldest first", async () => {
    const periods = await c.leader.get<PeriodListDto>("/api/assessment/periods?kind=QUARTER&count=3");
    expect(periods.body.items.map((p) => p.period.label)[1]).toBe(quarter);
    expect(periods.body.items[1]!.status).toBe("COMPUTED");
    const ranking = await c.leader.get<RankingDto>(`/api/assessment/periods/${quarter}/ranking?subjectKind=WINDOW`);
    const trend = await c.leader.get<TrendDto>(`/api/assessment/trends/WINDOW/${ranking.body.rows[0]!.subjectId}?periodKind=MONTH&count=4`);
    expect(trend.status).toBe(200);
    expect(trend.body.points.length).toBe(4);
    expect(trend.body.points.filter((p) => p.score !== null).length).toBeGreaterThanOrEqual(2);
    expect(trend.body.points[0]!.period.label < trend.body.points[3]!.period.label).toBe(true);
  });
});

describe("runs", () => {
  it("computes on demand once: asking again returns the same run; fresh makes a new generation", async () => {
    const [y, m] = thisMonth.split("-");
    const first = await c.supervisor.post<AssessmentRunDto>("/api/assessment/runs", { periodKind: "MONTH", periodStart: `${y}-${m}-01` });
    expect([200, 201]).toContain(first.status);
    expect(first.body).toMatchObject({ state: "DONE", progress: 1, ruleSetVersion: expect.any(Number) });
    expect(first.body.scoreCount).toBeGreaterThan(90);
    const again = await c.supervisor.post<AssessmentRunDto>("/api/assessment/runs", { periodKind: "MONTH", periodStart: `${y}-${m}-15` });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const fresh = await c.leader.post<AssessmentRunDto>("/api/assessment/runs", { periodKind: "MONTH", periodStart: `${y}-${m}-01`, fresh: true });
    expect(fresh.status).toBe(201);
    expect(fresh.body.generation).toBe(first.body.generation + 1);
    const one = await c.leader.get<AssessmentRunDto>(`/api/assessment/runs/${fresh.body.id}`);
    expect(one.body).toMatchObject({ id: fresh.body.id, state: "DONE", period: { label: thisMonth } });
    const list = await c.leader.get<{ items: AssessmentRunDto[]; total: number }>("/api/assessment/runs?periodKind=MONTH");
    expect(list.body.items[0]!.id).toBe(fresh.body.id);
  });

  it("refuses bad input with 400, code and both messages, writing nothing", async () => {
    const before = await counts();
    expectBadInput(await c.supervisor.post("/api/assessment/runs", { periodKind: "YEAR", periodStart: "2026-01-01" }), "VALIDATION_FAILED");
    expectBadInput(await c.supervisor.post("/api/assessment/runs", { periodKind: "MONTH", periodStart: "2026-1-1" }), "VALIDATION_FAILED");
    expectBadInput(await c.supervisor.post("/api/assessment/runs", { periodKind: "MONTH", periodStart: "2026-11-01", extra: 1 }), "VALIDATION_FAILED");
    expectBadInput(await c.supervisor.post("/api/assessment/runs", { periodKind: "QUARTER", periodStart: "2099-01-01" }), "ASSESSMENT_PERIOD_IN_FUTURE");
    expectBadInput(await c.supervisor.get("/api/assessment/periods/2027-W53/ranking"), "ASSESSMENT_PERIOD_UNKNOWN");
    expectBadInput(await c.supervisor.get("/api/assessment/periods/2026-13/ranking"), "ASSESSMENT_PERIOD_UNKNOWN");
    expectBadInput(await c.supervisor.get(`/api/assessment/periods/${quarter}/ranking?subjectKind=CITY`), "VALIDATION_FAILED");
    expectBadInput(await c.supervisor.get(`/api/assessment/weekly/${quarter}`), "ASSESSMENT_PERIOD_UNKNOWN");
    expectBadInput(await c.leader.post(`/api/assessment/quarters/${quarter}/overrides`, { kind: "RED_FLAG_WINDOW", subjectId: 1, grant: true, reason: " " }), "VALIDATION_FAILED");
    expectBadInput(await c.leader.post(`/api/assessment/quarters/${quarter}/overrides`, { kind: "RED_FLAG_WINDOW", subjectId: 999_999, grant: true, reason: "不在排名中的窗口" }), "ASSESSMENT_NOT_IN_RANKING");
    expectBadInput(await c.leader.post(`/api/assessment/quarters/${quarter}/recompute`, {}), "VALIDATION_FAILED");
    const badWeights = { ...structuredClone(DEFAULT_RULES), weights: { ...DEFAULT_RULES.weights, satisfaction: 0.7 } };
    expectBadInput(await c.admin.request("PUT", "/api/assessment/rules", { json: { rules: badWeights, note: "权重之和不为1" } }), "VALIDATION_FAILED");
    expectBadInput(await c.supervisor.request("PUT", `/api/assessment/weekly/${lastWeek}/windows/1/comment`, { json: { text: "" } }), "VALIDATION_FAILED");
    expect(await counts()).toEqual(before);
    expect((await c.supervisor.get("/api/assessment/periods/2026-Q1/ranking")).status).toBe(404);
  });
});

describe("facts from the database", () => {
  it("an upheld appeal takes the rating out of satisfaction; a late rectification lowers the rate; both show in the drill-down", async () => {
    const p = server.services.prisma;
    const now = server.services.clock.now();
    const month = previousPeriod(periodContaining("MONTH", now));
    const rating = await p.evaluation.findFirstOrThrow({ where: { centerId: accounts.LEADER.centerId!, bound: true, ratedAt: { gte: month.start, lt: month.end }, windowId: { not: null } }, orderBy: { ratedAt: "asc" } });
    await p.appeal.create({ data: { evaluationId: rating.id, staffId: rating.staffId!, reason: "评价人误操作", state: "UPHELD", createdAt: now, decidedAt: now } });
    await p.rectification.create({
      data: { id: rating.id, evaluationId: rating.id, centerId: rating.centerId, state: "CLOSED", stepDueAt: new Date(rating.ratedAt.getTime() + 86_400_000), overdueAt: new Date(rating.ratedAt.getTime() + 86_400_000), openedAt: rating.ratedAt, closedAt: new Date(Math.min(month.end.getTime() - 1000, rating.ratedAt.getTime() + 2 * 86_400_000)) },
    });
    const run = await c.supervisor.post<AssessmentRunDto>("/api/assessment/runs", { periodKind: "MONTH", periodStart: month.firstDay, fresh: true });
    expect(run.status).toBe(201);
    const ex = (await c.supervisor.get<ScoreExplanationDto>(`/api/assessment/periods/${month.label}/scores/WINDOW/${rating.windowId}`)).body;
    expect(ex.runId).toBe(run.body.id);
    expect(ex.lines.find((l) => l.component === "satisfaction.excluded")!.reason).toMatch(/申诉成立1条/);
    const rect = ex.lines.find((l) => l.component === "rectificationTimeliness")!;
    expect(rect.rawValue).toBe(0); // its only rectification, late
    const excluded = await c.supervisor.get<DrillDownDto>(`/api/assessment/periods/${month.label}/scores/WINDOW/${rating.windowId}/components/satisfaction.excluded?pageSize=500`);
    expect(excluded.body.records.find((r) => r.recordId === rating.id)).toMatchObject({ counted: false, points: 0, label: expect.stringContaining("申诉成立") });
    const counted = await c.supervisor.get<DrillDownDto>(`/api/assessment/periods/${month.label}/scores/WINDOW/${rating.windowId}/components/satisfaction?pageSize=500`);
    expect(counted.body.records.some((r) => r.recordId === rating.id)).toBe(false);
    expect(counted.body.matchesStored).toBe(true);
    const rd = await c.supervisor.get<DrillDownDto>(`/api/assessment/periods/${month.label}/scores/WINDOW/${rating.windowId}/components/rectificationTimeliness`);
    expect(rd.body.records.filter((r) => r.kind === "RECTIFICATION")).toEqual([expect.objectContaining({ recordId: rating.id, points: 0 })]);
    expect(rd.body.matchesStored).toBe(true);
  });
});

describe("rules versions", () => {
  it("an administrator's edit is a new version in force from its day; earlier periods keep theirs", async () => {
    const today = new Date(server.services.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const rules = { ...structuredClone(DEFAULT_RULES), minSamples: { window: 25, staff: 15 } };
    const put = await c.admin.request<RuleSetDto>("PUT", "/api/assessment/rules", { json: { rules, note: "降低最低样本量", effectiveFrom: today } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: 1, effectiveFrom: today, note: "降低最低样本量" });
    expect((await c.leader.get<RuleSetDto>("/api/assessment/rules")).body.version).toBe(1);
    expect((await c.staff.get<RuleSetDto>(`/api/assessment/rules?at=2026-01-15`)).body.version).toBe(0);
    expect((await c.leader.get<RuleSetDto[]>("/api/assessment/rules/versions")).body.map((r) => r.version)).toEqual([1, 0]);
    const audit = await server.services.prisma.auditEntry.findFirst({ where: { action: "save.assessmentRules" } });
    expect(audit).not.toBeNull();
  });
});

describe("quarterly evaluation: override, publish, frozen, recompute", () => {
  it("runs the whole decision cycle", async () => {
    const base = `/api/assessment/quarters/${quarter}`;
    const proposal = (await c.leader.get<QuarterProposalDto>(`${base}/proposal`)).body;
    const withdrawn = proposal.redFlagWindows.find((h) => h.proposed)!;
    const ranking = (await c.leader.get<RankingDto>(`/api/assessment/periods/${quarter}/ranking?subjectKind=WINDOW`)).body;
    const outsider = ranking.rows.find((r) => r.decision === "OUTSIDE_QUOTA" || r.decision === "BELOW_MIN_SAMPLES")!;

    // A supervisor may not decide; a leader may, with a reason
    expect((await c.supervisor.post(`${base}/overrides`, { kind: "RED_FLAG_WINDOW", subjectId: withdrawn.subjectId, grant: false, reason: "窗口存在群众反映问题，暂缓" })).status).toBe(403);
    const o1 = await c.leader.post<QuarterProposalDto>(`${base}/overrides`, { kind: "RED_FLAG_WINDOW", subjectId: withdrawn.subjectId, grant: false, reason: "窗口存在群众反映问题，暂缓" });
    expect(o1.status).toBe(200);
    const o2 = await c.leader.post<QuarterProposalDto>(`${base}/overrides`, { kind: "RED_FLAG_WINDOW", subjectId: outsider.subjectId, grant: true, reason: "抗疫期间表现突出，领导班子研究决定" });
    const w = o2.body.redFlagWindows;
    expect(w.find((h) => h.subjectId === withdrawn.subjectId)).toMatchObject({ proposed: true, granted: false, override: { reason: "窗口存在群众反映问题，暂缓" } });
    expect(w.find((h) => h.subjectId === outsider.subjectId)).toMatchObject({ proposed: false, granted: true });

    const published = await c.leader.post<QuarterProposalDto>(`${base}/publish`, { note: "经中心领导班子研究" });
    expect(published.status).toBe(200);
    expect(published.body.state).toBe("PUBLISHED");
    expect(published.body.snapshots.length).toBe(1);
    expect((await c.leader.post(`${base}/publish`, {})).status).toBe(409);
    expect((await c.leader.post(`${base}/overrides`, { kind: "RED_FLAG_WINDOW", subjectId: withdrawn.subjectId, grant: true, reason: "发布后再改" })).status).toBe(409);
    const [y, q] = quarter.split("-Q");
    expect((await c.leader.post(`/api/assessment/runs`, { periodKind: "QUARTER", periodStart: `${y}-${String((Number(q) - 1) * 3 + 1).padStart(2, "0")}-01`, fresh: true })).status).toBe(409);

    const p0 = server.services.prisma;
    const frozen = (await c.leader.get<RankingDto>(`/api/assessment/periods/${quarter}/ranking?subjectKind=WINDOW`)).body;
    expect(frozen.frozen).toBe(true);
    expect(frozen.rows.find((r) => r.subjectId === outsider.subjectId)!.honour).toBe("RED_FLAG_WINDOW");
    expect(frozen.rows.find((r) => r.subjectId === withdrawn.subjectId)!.honour).toBeNull();

    // The public display names the published quarter's granted honours, the leader's override included
    const display = (await new ApiClient(server.url).get<DisplaySnapshotDto>("/api/display/snapshot")).body;
    const grantedWindows = frozen.rows.filter((r) => r.honour === "RED_FLAG_WINDOW").map((r) => r.subjectId);
    const numbers = (await p0.window.findMany({ where: { id: { in: grantedWindows } }, select: { number: true } })).map((w) => w.number);
    expect(display.honours.quarter).toBe(quarter);
    expect(display.honours.redFlagWindows.map((w) => w.number).sort((a, b) => a - b)).toEqual(numbers.sort((a, b) => a - b));
    expect(display.honours.redFlagWindows.length).toBeGreaterThan(0);
    expect(display.honours.serviceModels.length).toBeGreaterThan(0);
    expect(display.honours.serviceModels.every((m) => m.photoUrl === null && /^S\d+$/.test(m.staffNo))).toBe(true);

    // A later edit to the records: the best honoured window gets a confirmed 乱作为 record in the quarter
    const victim = frozen.rows.find((r) => r.honour === "RED_FLAG_WINDOW" && r.subjectId !== outsider.subjectId)!;
    const p = server.services.prisma;
    const someStaff = await p.staff.findFirstOrThrow({ where: { centerId: accounts.LEADER.centerId! } });
    const mid = new Date((previousPeriod(periodContaining("QUARTER", server.services.clock.now())).start.getTime() + 40 * 86_400_000));
    await p.accountabilityRecord.create({
      data: { centerId: accounts.LEADER.centerId!, kind: "WRONGFUL_ACTION", source: "MANUAL", state: "CONFIRMED", staffId: someStaff.id, windowId: victim.subjectId, description: "违规收取材料费", proposedPoints: 5, occurredAt: mid },
    });
    const stillFrozen = (await c.leader.get<RankingDto>(`/api/assessment/periods/${quarter}/ranking?subjectKind=WINDOW`)).body;
    expect(stillFrozen).toEqual(frozen);
    const ex = await c.leader.get<ScoreExplanationDto>(`/api/assessment/periods/${quarter}/scores/WINDOW/${victim.subjectId}`);
    expect(ex.body.frozen).toBe(true);
    expect(ex.body.lines.some((l) => l.component === "accountability.WRONGFUL_ACTION")).toBe(false);
    const drill = await c.leader.get<DrillDownDto>(`/api/assessment/periods/${quarter}/scores/WINDOW/${victim.subjectId}/components/satisfaction`);
    expect(drill.body.matchesStored).toBe(true);

    // The explicit recompute shows exactly that window's (and the staff member's) change, keeps the overrides, supersedes the snapshot
    const re = await c.leader.post<RecomputeResultDto>(`${base}/recompute`, { reason: "补录经确认的责任追究记录" });
    expect(re.status).toBe(200);
    const windowChange = re.body.changes.find((ch) => ch.subjectKind === "WINDOW" && ch.subjectId === victim.subjectId)!;
    expect(windowChange.before!.honour).toBe("RED_FLAG_WINDOW");
    expect(windowChange.after).toMatchObject({ decision: "VETOED", honour: null });
    expect(windowChange.after!.score).toBeCloseTo(windowChange.before!.score - 5, 2);
    expect(re.body.changes.some((ch) => ch.subjectKind === "STAFF" && ch.subjectId === someStaff.id)).toBe(true);
    expect(re.body.proposal.state).toBe("PUBLISHED");
    expect(re.body.proposal.snapshots.length).toBe(2);
    expect(re.body.proposal.snapshots[0]!.supersedesId).toBe(re.body.proposal.snapshots[1]!.id);
    expect(re.body.proposal.redFlagWindows.find((h) => h.subjectId === withdrawn.subjectId)).toMatchObject({ granted: false, override: { reason: "窗口存在群众反映问题，暂缓" } });
    expect(re.body.proposal.redFlagWindows.find((h) => h.subjectId === outsider.subjectId)).toMatchObject({ granted: true });
    expect(re.body.rulesChanged).toBe(false);

    // Recomputing again with nothing changed gives the identical result
    const again = await c.leader.post<RecomputeResultDto>(`${base}/recompute`, { reason: "复核：再次计算" });
    expect(again.body.changes).toEqual([]);

    const actions = (await p.auditEntry.findMany({ where: { action: { in: ["override.quarterHonour", "publish.quarter", "recompute.quarter"] } }, select: { action: true } })).map((a) => a.action);
    expect(actions.filter((a) => a === "override.quarterHonour").length).toBe(2);
    expect(actions.filter((a) => a === "publish.quarter").length).toBe(1);
    expect(actions.filter((a) => a === "recompute.quarter").length).toBe(2);
  });
});

describe("weekly review (周点评)", () => {
  it("digests every window's week; a supervisor comments and publishes; the window's staff read it", async () => {
    const base = `/api/assessment/weekly/${lastWeek}`;
    const review = await c.supervisor.get<WeeklyReviewDto>(base);
    expect(review.status).toBe(200);
    expect(review.body.windows.length).toBe(90);
    expect(review.body.windows.filter((w) => w.best).length).toBe(1);
    expect(review.body.windows.filter((w) => w.weakest).length).toBe(1);
    expect(review.body.windows.reduce((s, w) => s + w.ratings, 0)).toBeGreaterThan(0);
    const staffWindow = (await server.services.prisma.windowStaff.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId! } })).windowId;
    const put = await c.supervisor.request<WeeklyWindowDigestDto>("PUT", `${base}/windows/${staffWindow}/comment`, { json: { text: "本周群众评价良好，继续保持一次性告知" } });
    expect(put.status).toBe(200);
    expect(put.body.comment).toMatchObject({ text: "本周群众评价良好，继续保持一次性告知", publishedAt: null });
    expect((await c.staff.get<MyScoresDto>("/api/assessment/me")).body.weeklyComments.some((x) => x.period.label === lastWeek)).toBe(false);
    const pub = await c.supervisor.post<WeeklyReviewDto>(`${base}/publish`, {});
    expect(pub.status).toBe(200);
    expect(pub.body.publishedCount).toBe(1);
    expect(pub.body.draftCount).toBe(0);
    expect((await c.supervisor.request("PUT", `${base}/windows/${staffWindow}/comment`, { json: { text: "改一下" } })).status).toBe(409);
    expect((await c.supervisor.post(`${base}/publish`, {})).status).toBe(409);
    const me = await c.staff.get<MyScoresDto>("/api/assessment/me?periodKind=MONTH&count=3");
    expect(me.status).toBe(200);
    expect(me.body.weeklyComments.find((x) => x.period.label === lastWeek)).toMatchObject({ windowId: staffWindow, text: "本周群众评价良好，继续保持一次性告知" });
    expect(me.body.periods.length).toBeGreaterThanOrEqual(1);
    for (const p of me.body.periods) {
      expect(p.subjectId).toBe(accounts.STAFF.staffId);
      expect(sumContributions(p.lines)).toBe(p.score);
    }
    expect(me.body.trend.length).toBe(3);
  });
});
