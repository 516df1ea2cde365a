// The monthly bulletin's content (#9) against the demo hall: every figure equals a straightforward
// query written independently here (raw SQL on the driver, not the collector's Prisma queries), the
// totals are the merge of the staff rows, ranks agree with the month's stored run, a department with
// nothing in the month gets zeros, and the month ends at Shanghai midnight.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BulletinContent, RatingCounts } from "../../server/src/contracts/bulletins.ts";
import { sqliteTime } from "../../server/src/db/database.ts";
import { nextPeriod, periodContaining, previousPeriod, type Period } from "../../server/src/domain/assessment/periods.ts";
import { publishQuarter } from "../../server/src/domain/assessment/quarter.ts";
import { collectBulletinContent } from "../../server/src/domain/bulletins/collectBulletinContent.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
let centerId = 0;
let month: Period;
let departmentId = 0;
let content: BulletinContent;

const collect = (deptId: number, label = month.label) => collectBulletinContent(server.services.prisma, { centerId, departmentId: deptId, month: label, now: server.services.clock.now() });
const raw = () => server.services.db.raw;
const total = (c: RatingCounts) => c.level5 + c.level4 + c.level3 + c.level2 + c.level1;

beforeAll(async () => {
  server = await startTestServer();
  centerId = (await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  // The demo's last complete month, computed by the demo's seeding (seedDemoAssessments)
  month = previousPeriod(periodContaining("MONTH", server.services.clock.now()));
  // The department with the most ratings in the month, so every figure is exercised
  const busiest = raw()
    .prepare(
      `SELECT s."departmentId" AS id, COUNT(*) AS n FROM "Evaluation" e JOIN "Staff" s ON s."id" = e."staffId"
       WHERE e."ratedAt" >= ? AND e."ratedAt" < ? GROUP BY s."departmentId" ORDER BY n DESC LIMIT 1`,
    )
    .get(sqliteTime(month.start), sqliteTime(month.end)) as { id: number; n: number };
  departmentId = busiest.id;
  content = await collect(departmentId);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe("collectBulletinContent on the demo hall", () => {
  it("names the center, the department and the month in Shanghai days", () => {
    const dept = raw().prepare(`SELECT "name", "code" FROM "Department" WHERE "id" = ?`).get(departmentId) as { name: string; code: string };
    expect(content.department).toMatchObject({ id: departmentId, name: dept.name, code: dept.code });
    expect(content.center.name).toBe("市中区政务服务中心");
    expect(content.month).toBe(month.label);
    expect(content.firstDay).toBe(`${month.label}-01`);
    expect(content.lastDay).toBe(month.lastDay);
    expect(content.staff.length).toBeGreaterThan(0);
  });

  it("counts the department's ratings by level as the score does (bound, not defaulted, no upheld appeal)", () => {
    // The demo's rules are the defaults: unbound walk-ups and defaulted ratings are left out
    const rows = raw()
      .prepare(
        `SELECT e."level" AS level, COUNT(*) AS n FROM "Evaluation" e
         JOIN "Staff" s ON s."id" = e."staffId"
         LEFT JOIN "Appeal" a ON a."evaluationId" = e."id" AND a."state" = 'UPHELD'
         WHERE s."departmentId" = ? AND e."ratedAt" >= ? AND e."ratedAt" < ? AND e."bound" = 1 AND e."defaulted" = 0 AND a."id" IS NULL
         GROUP BY e."level"`,
      )
      .all(departmentId, sqliteTime(month.start), sqliteTime(month.end)) as { level: number; n: number }[];
    const expected: RatingCounts = { level5: 0, level4: 0, level3: 0, level2: 0, level1: 0 };
    for (const r of rows) expected[`level${r.level}` as keyof RatingCounts] = r.n;
    expect(content.totals.ratings).toEqual(expected);
    const n = total(expected);
    expect(n).toBeGreaterThan(0);
    expect(content.totals.satisfaction).toBeCloseTo((expected.level5 + expected.level4 + expected.level3) / n, 12);
  });

  it("lists exactly the counted bad reviews (levels 1–2) with their rectification state", () => {
    const bad = raw()
      .prepare(
        `SELECT e."ratedAt" AS ratedAt, e."level" AS level, r."state" AS state FROM "Evaluation" e
         JOIN "Staff" s ON s."id" = e."staffId"
         LEFT JOIN "Appeal" a ON a."evaluationId" = e."id" AND a."state" = 'UPHELD'
         LEFT JOIN "Rectification" r ON r."evaluationId" = e."id"
         WHERE s."departmentId" = ? AND e."ratedAt" >= ? AND e."ratedAt" < ? AND e."bound" = 1 AND e."defaulted" = 0 AND a."id" IS NULL AND e."level" <= 2
         ORDER BY e."ratedAt"`,
      )
      .all(departmentId, sqliteTime(month.start), sqliteTime(month.end)) as { ratedAt: string; level: number; state: string | null }[];
    expect(bad.length).toBeGreaterThan(0);
    expect(content.badReviews.map((b) => [Date.parse(b.ratedAt), b.level, b.rectificationState])).toEqual(bad.map((b) => [Date.parse(b.ratedAt), b.level, b.state]));
    expect(content.totals.badReviews).toBe(bad.length);
    expect(content.totals.badReviewsRectified).toBe(bad.filter((b) => b.state === "CLOSED").length);
    expect(content.totals.ratings.level1 + content.totals.ratings.level2).toBe(bad.length);
  });

  it("counts cases completed in the month and those completed by their due time", () => {
    const cases = raw()
      .prepare(
        `SELECT COUNT(*) AS n, SUM(CASE WHEN c."completedAt" <= c."dueAt" THEN 1 ELSE 0 END) AS onTime FROM "Case" c
         JOIN "Staff" s ON s."id" = c."handledById" WHERE s."departmentId" = ? AND c."completedAt" >= ? AND c."completedAt" < ?`,
      )
      .get(departmentId, sqliteTime(month.start), sqliteTime(month.end)) as { n: number; onTime: number };
    expect(cases.n).toBeGreaterThan(0);
    expect(content.totals.casesCompleted).toBe(cases.n);
    expect(content.totals.onTimeRate).toBeCloseTo(cases.onTime / cases.n, 12);
  });

  it("lists the confirmed accountability records of the month, not proposed or dismissed ones", () => {
    const rows = raw()
      .prepare(
        `SELECT a."state" AS state, COUNT(*) AS n FROM "AccountabilityRecord" a JOIN "Staff" s ON s."id" = a."staffId"
         WHERE s."departmentId" = ? AND a."occurredAt" >= ? AND a."occurredAt" < ? GROUP BY a."state"`,
      )
      .all(departmentId, sqliteTime(month.start), sqliteTime(month.end)) as { state: string; n: number }[];
    const confirmed = rows.find((r) => r.state === "CONFIRMED")?.n ?? 0;
    expect(content.accountability).toHaveLength(confirmed);
    expect(content.totals.accountabilityConfirmed).toBe(confirmed);
    for (const a of content.accountability) expect(a.summary.length).toBeGreaterThan(0);
  });

  it("has totals that are the merge of the staff rows, and only the department's own staff", () => {
    const sumOf = (f: (r: BulletinContent["staff"][number]) => number) => content.staff.reduce((s, r) => s + f(r), 0);
    for (const level of ["level5", "level4", "level3", "level2", "level1"] as const) expect(sumOf((r) => r.ratings[level])).toBe(content.totals.ratings[level]);
    expect(sumOf((r) => r.casesCompleted)).toBe(content.totals.casesCompleted);
    expect(sumOf((r) => r.badReviews)).toBe(content.totals.badReviews);
    expect(sumOf((r) => r.accountabilityConfirmed)).toBe(content.totals.accountabilityConfirmed);
    expect(sumOf((r) => r.inspectionFindings)).toBe(content.totals.inspectionFindings);
    expect(sumOf((r) => r.commendations)).toBe(content.totals.commendations);
    const onTime = sumOf((r) => (r.onTimeRate ?? 0) * r.casesCompleted);
    expect(onTime / content.totals.casesCompleted).toBeCloseTo(content.totals.onTimeRate ?? -1, 9);

    const home = new Set((raw().prepare(`SELECT "id" FROM "Staff" WHERE "departmentId" = ?`).all(departmentId) as { id: number }[]).map((s) => s.id));
    for (const r of content.staff) expect(home.has(r.staffId)).toBe(true);
    // Everyone of the department rated in the month is in the bulletin
    const rated = raw()
      .prepare(`SELECT DISTINCT e."staffId" AS id FROM "Evaluation" e JOIN "Staff" s ON s."id" = e."staffId" WHERE s."departmentId" = ? AND e."ratedAt" >= ? AND e."ratedAt" < ?`)
      .all(departmentId, sqliteTime(month.start), sqliteTime(month.end)) as { id: number }[];
    const listed = new Set(content.staff.map((r) => r.staffId));
    for (const r of rated) expect(listed.has(r.id)).toBe(true);
  });

  it("takes scores and ranks from the month's run, consistently", () => {
    const run = raw()
      .prepare(`SELECT "id" FROM "AssessmentRun" WHERE "periodKind" = 'MONTH' AND "periodStart" = ? AND "state" = 'DONE' ORDER BY "finishedAt" DESC, "id" DESC LIMIT 1`)
      .get(sqliteTime(month.start)) as { id: number };
    const scores = raw().prepare(`SELECT "subjectKind" AS kind, "subjectId" AS id, "score", "rank", "sampleSize", "meetsMinSamples" FROM "PeriodScore" WHERE "runId" = ?`).all(run.id) as {
      kind: string;
      id: number;
      score: number;
      rank: number;
      sampleSize: number;
      meetsMinSamples: number;
    }[];
    const staffScores = new Map(scores.filter((s) => s.kind === "STAFF").map((s) => [s.id, s]));
    const departments = scores.filter((s) => s.kind === "DEPARTMENT");
    for (const r of content.staff) {
      const s = staffScores.get(r.staffId)!;
      expect(r.score).toBeCloseTo(s.score, 2);
      expect(r.rankInHall).toBe(s.rank);
      expect(r.rankedInHall).toBe(staffScores.size);
      // The row's ratings are the score's sample
      expect(total(r.ratings)).toBe(s.sampleSize);
    }
    const ranks = content.staff.map((r) => r.rankInHall!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const own = departments.find((d) => d.id === departmentId)!;
    const ranked = departments.filter((d) => d.meetsMinSamples === 1);
    expect(content.standing).toEqual({
      score: Math.round(own.score * 100) / 100,
      rank: own.rank,
      ranked: departments.length,
      // of the departments ranked on their score (enough ratings): the others rank after them whatever they score
      hallAverage: Math.round((ranked.reduce((s, d) => s + d.score, 0) / ranked.length) * 100) / 100,
    });
    expect(ranked.length).toBeGreaterThan(0);
    expect(Math.max(...ranked.map((d) => d.rank))).toBe(ranked.length);
    expect(departments.length).toBe(33);
  });

  it("has a six-month trend ending with the month, whose last point is the month's own figures", () => {
    expect(content.trend.map((p) => p.month)).toEqual([5, 4, 3, 2, 1, 0].map((n) => {
      let p = month;
      for (let i = 0; i < n; i++) p = previousPeriod(p);
      return p.label;
    }));
    const last = content.trend.at(-1)!;
    expect(last.departmentScore).toBe(content.standing.score);
    expect(last.satisfaction).toBeCloseTo(content.totals.satisfaction ?? -1, 12);
    // The demo computed three months: those have a department score
    expect(content.trend.filter((p) => p.departmentScore !== null).length).toBe(3);
  });

  it("gives zeros, not errors, for a department with nothing in the month", async () => {
    const empty = await server.services.prisma.department.create({ data: { centerId, code: `empty-${randomUUID().slice(0, 8)}`, name: "区测试空白局", shortName: "空白", liaisonEmails: [] } });
    const c = await collect(empty.id);
    expect(c.staff).toEqual([]);
    expect(c.totals).toEqual({
      ratings: { level5: 0, level4: 0, level3: 0, level2: 0, level1: 0 },
      satisfaction: null,
      casesCompleted: 0,
      onTimeRate: null,
      badReviews: 0,
      badReviewsRectified: 0,
      inspectionFindings: 0,
      accountabilityConfirmed: 0,
      commendations: 0,
    });
    expect(c.standing).toMatchObject({ score: null, rank: null, ranked: 33 });
    expect(c.trend).toHaveLength(6);
    expect(c.trend.every((p) => p.departmentScore === null && p.satisfaction === null)).toBe(true);
    expect([c.badReviews, c.findings, c.accountability, c.commendations, c.honours]).toEqual([[], [], [], [], []]);
  });

  it("shows honours of a quarter only once it is published, from the month it was published in", async () => {
    const quarter = previousPeriod(periodContaining("QUARTER", server.services.clock.now()));
    const leader = await server.services.prisma.user.findFirstOrThrow({ where: { centerId, role: "LEADER" } });
    const honoured = raw()
      .prepare(
        `SELECT h."kind" AS kind, h."subjectId" AS subjectId FROM "Honour" h JOIN "AssessmentRun" r ON r."id" = h."runId"
         WHERE r."periodKind" = 'QUARTER' AND r."periodStart" = ? AND r."state" = 'DONE' AND h."granted" = 1`,
      )
      .all(sqliteTime(quarter.start)) as { kind: string; subjectId: number }[];
    const model = honoured.find((h) => h.kind === "SERVICE_MODEL")!;
    const modelDept = (raw().prepare(`SELECT "departmentId" AS d, "name" FROM "Staff" WHERE "id" = ?`).get(model.subjectId) as { d: number; name: string });
    const current = periodContaining("MONTH", server.services.clock.now());
    expect((await collect(modelDept.d, current.label)).honours).toEqual([]);

    await publishQuarter(server.services, { auditActor: { userId: leader.id, role: "LEADER", centerId }, centerId, userId: leader.id, period: quarter });
    // Published now (in the current month): the current month's bulletin shows it, the last month's does not
    const after = await collect(modelDept.d, current.label);
    expect(after.honours).toContainEqual({ kind: "SERVICE_MODEL", quarter: quarter.label, subjectName: modelDept.name });
    const row = after.staff.find((r) => r.staffId === model.subjectId)!;
    expect(row.honours).toContainEqual({ kind: "SERVICE_MODEL", quarter: quarter.label, subjectName: modelDept.name });
    expect((await collect(modelDept.d)).honours).toEqual([]);
    // Every honour shown belongs to the department: its staff, or a window they or it work at
    for (const h of after.honours) {
      if (h.kind === "SERVICE_MODEL") expect(after.staff.map((r) => r.name)).toContain(h.subjectName);
      else expect(after.staff.flatMap((r) => r.windows)).toContain(h.subjectName);
    }
  });

  it("ends the month at Shanghai midnight: 23:30 on its last day is in it, 00:00 the next day is not", async () => {
    const staffRow = content.staff.find((r) => r.windows.length > 0)!;
    const windowId = (raw().prepare(`SELECT "id" FROM "Window" WHERE "number" = ?`).get(Number(staffRow.windows[0])) as { id: number }).id;
    const next = nextPeriod(month);
    const before = [await collect(departmentId), await collect(departmentId, next.label)];
    // For the demo's clock (2026-11-29) this is 2026-10-31T23:30+08:00 and 2026-11-01T00:00+08:00
    const lastEvening = new Date(`${month.lastDay}T23:30:00+08:00`);
    const nextMidnight = new Date(`${next.firstDay}T00:00:00+08:00`);
    expect(lastEvening.getTime()).toBeLessThan(month.end.getTime());
    for (const at of [lastEvening, nextMidnight]) {
      await server.services.prisma.evaluation.create({
        data: { id: randomUUID(), centerId, windowId, staffId: staffRow.staffId, channel: "HALL_PAD", level: 5, reasons: [], indicatorVersion: "test", bound: true, ratedAt: at, receivedAt: at },
      });
    }
    const after = [await collect(departmentId), await collect(departmentId, next.label)];
    expect(after[0]!.totals.ratings.level5 - before[0]!.totals.ratings.level5).toBe(1);
    expect(after[1]!.totals.ratings.level5 - before[1]!.totals.ratings.level5).toBe(1);
    expect(after[0]!.staff.find((r) => r.staffId === staffRow.staffId)!.ratings.level5 - staffRow.ratings.level5).toBe(1);
  });
});
