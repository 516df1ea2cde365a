// 好差评 reports over real HTTP on a hand-built month of ratings (March 2025, before any demo rating):
// exact figures for the hall, departments and by week; defaulted ratings apart; a Shanghai-midnight
// boundary; the Excel export read back; the GB/T 39046 CSV read back byte for byte (UTF-8 BOM, the
// documented columns and codes); range and input refusals.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RatingReportDto, RatingReportRow } from "../../server/src/contracts/ratingReports.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { GBT39046_COLUMNS } from "../../server/src/domain/ratingReports/gbt39046Export.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let leader: ApiClient;
let centerId = 0;
let regionCode = "";
const ids = { d1: 0, d2: 0, s1: 0, s2: 0, s3: 0, w1: 0, w2: 0, itemId: 0, itemCode: "", caseId: 0 };
const names = { d1: "", d2: "", s1: "" };

beforeAll(async () => {
  server = await startTestServer();
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  centerId = center.id;
  regionCode = center.regionCode;
  accounts = await demoAccounts(server, center.id);
  leader = new ApiClient(server.url);
  await leader.login(accounts.LEADER.username, accounts.LEADER.password);
  expect(await prisma.evaluation.count({ where: { centerId, ratedAt: { gte: new Date("2025-02-01T00:00:00Z"), lt: new Date("2025-05-01T00:00:00Z") } } })).toBe(0);

  const [d1, d2] = await prisma.department.findMany({ where: { centerId, staff: { some: {} } }, orderBy: { id: "asc" }, take: 2 });
  const [s1, s2] = await prisma.staff.findMany({ where: { departmentId: d1!.id }, orderBy: { id: "asc" }, take: 2 });
  const s3 = await prisma.staff.findFirstOrThrow({ where: { departmentId: d2!.id }, orderBy: { id: "asc" } });
  const [w1, w2] = await prisma.window.findMany({ where: { centerId }, orderBy: { number: "asc" }, take: 2 });
  const item = await prisma.serviceItem.findFirstOrThrow({ where: { centerId, departmentId: d1!.id }, orderBy: { id: "asc" } });
  Object.assign(ids, { d1: d1!.id, d2: d2!.id, s1: s1!.id, s2: s2!.id, s3: s3.id, w1: w1!.id, w2: w2!.id, itemId: item.id, itemCode: item.code });
  Object.assign(names, { d1: d1!.name, d2: d2!.name, s1: s1!.name });
  const kase = await prisma.case.create({
    data: {
      centerId, caseNo: "2025030300001", itemId: item.id, departmentId: d1!.id, windowId: w1!.id, acceptedById: s1!.id, handledById: s1!.id,
      citizenName: "王小明", citizenIdMasked: "5101**********1234", citizenPhoneLast4: "1234", channel: "hall", state: "COMPLETED",
      acceptedAt: new Date("2025-03-03T01:00:00Z"), dueAt: new Date("2025-03-10T09:00:00Z"), statutoryDueAt: new Date("2025-03-31T09:00:00Z"),
      promisedLimitDays: 5, statutoryLimitDays: 20, completedAt: new Date("2025-03-03T01:30:00Z"),
    },
  });
  ids.caseId = kase.id;

  const rate = async (at: string, windowId: number, staffId: number | null, level: number, opts: { count?: number; defaulted?: boolean; caseId?: number; channel?: "SMS" | "HALL_PAD"; reasons?: string[]; comment?: string } = {}) => {
    const made: string[] = [];
    for (let i = 0; i < (opts.count ?? 1); i++) {
      const id = randomUUID();
      await prisma.evaluation.create({
        data: {
          id, centerId, windowId, staffId, itemId: opts.caseId ? item.id : null, caseId: opts.caseId ?? null, channel: opts.channel ?? "HALL_PAD", level,
          reasons: opts.reasons ?? [], indicatorVersion: "hcp-hall-2026.1", comment: opts.comment ?? null, bound: staffId !== null, defaulted: opts.defaulted ?? false,
          ratedAt: new Date(at), receivedAt: new Date(at),
        },
      });
      made.push(id);
    }
    return made;
  };
  const ticket = (evaluationId: string, t: { closed: boolean; overdue: boolean; calledBack: boolean }) =>
    prisma.rectification.create({
      data: {
        id: evaluationId, evaluationId, centerId, state: t.closed ? "CLOSED" : "RESOLVE", stepDueAt: new Date("2025-03-20T09:00:00Z"),
        overdueAt: t.overdue ? new Date("2025-03-20T09:00:00Z") : null, callbackReached: t.calledBack ? true : null,
        openedAt: new Date("2025-03-05T01:00:00Z"), closedAt: t.closed ? new Date("2025-03-25T01:00:00Z") : null,
      },
    });
  // Monday 3 March (2025-W10), window 1, staff 1: 5,5,5,4 and a bad review through the SMS link (ticket closed on time, called back); two defaulted 3s
  await rate("2025-03-03T02:00:00Z", w1!.id, s1!.id, 5, { count: 3 });
  await rate("2025-03-03T02:00:00Z", w1!.id, s1!.id, 4);
  const [bad1] = await rate("2025-03-03T02:00:00Z", w1!.id, s1!.id, 1, { caseId: kase.id, channel: "SMS", reasons: ["L1-01"], comment: "=超时了, \"没人管\"" });
  await ticket(bad1!, { closed: true, overdue: false, calledBack: true });
  await rate("2025-03-03T03:00:00Z", w1!.id, s1!.id, 3, { count: 2, defaulted: true });
  // Tuesday 4 March, window 2, staff 3 (the other department): 3, two 2s (one ticket open and overdue, one without a ticket yet); a walk-up 5 with nobody on duty
  await rate("2025-03-04T02:00:00Z", w2!.id, s3.id, 3);
  const [bad2] = await rate("2025-03-04T02:00:00Z", w2!.id, s3.id, 2, { count: 2 });
  await ticket(bad2!, { closed: false, overdue: true, calledBack: false });
  await rate("2025-03-04T02:00:00Z", w2!.id, null, 5);
  // Monday 10 March (W11), window 1, staff 2: 4, 4, and a 2 whose ticket closed late after a callback
  await rate("2025-03-10T02:00:00Z", w1!.id, s2!.id, 4, { count: 2 });
  const [bad3] = await rate("2025-03-10T02:00:00Z", w1!.id, s2!.id, 2);
  await ticket(bad3!, { closed: true, overdue: true, calledBack: true });
  // Monday 31 March 23:30 in Shanghai counts on the 31st; 1 April 00:10 in Shanghai is outside the range
  await rate("2025-03-31T15:30:00Z", w2!.id, s3.id, 5);
  await rate("2025-03-31T16:10:00Z", w2!.id, s3.id, 1);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const report = async (query: string) => {
  const res = await leader.get<RatingReportDto>(`/api/rating-reports?from=2025-03-01&to=2025-03-31&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const figures = (r: RatingReportRow) => ({ levels: r.levels, total: r.total, goodRate: r.goodRate, defaulted: r.defaulted, badReviews: r.badReviews, rectification: r.rectification, callbacks: r.callbacks, callbackRate: r.callbackRate, closedOnTime: r.closedOnTime, onTimeRate: r.onTimeRate });

describe("report figures", () => {
  it("the hall over the month: counts by level, good rate of genuine ratings, defaulted apart, bad reviews, rectification, callback and on-time rates", async () => {
    const r = await report("scope=HALL&granularity=MONTH");
    expect(r.periods).toEqual(["2025-03"]);
    expect(r.totals).toHaveLength(1);
    expect(figures(r.totals[0]!)).toEqual({
      levels: { 5: 5, 4: 3, 3: 1, 2: 3, 1: 1 },
      total: 13,
      goodRate: 0.6923,
      defaulted: 2,
      badReviews: 4,
      rectification: { none: 1, open: 1, closed: 2, overdue: 2 },
      callbacks: 2,
      callbackRate: 0.5,
      closedOnTime: 1,
      onTimeRate: 0.5,
    });
    expect(r.rows.map((x) => [x.period, x.total])).toEqual([["2025-03", 13]]);
  });

  it("by department: through the staff member who handled the service; a walk-up with nobody on duty belongs to none", async () => {
    const r = await report("scope=DEPARTMENT&granularity=MONTH");
    const d1 = r.totals.find((t) => t.subjectId === ids.d1)!;
    const d2 = r.totals.find((t) => t.subjectId === ids.d2)!;
    expect(r.totals).toHaveLength(2);
    expect(d1.subjectName).toBe(names.d1);
    expect(figures(d1)).toEqual({ levels: { 5: 3, 4: 3, 3: 0, 2: 1, 1: 1 }, total: 8, goodRate: 0.75, defaulted: 2, badReviews: 2, rectification: { none: 0, open: 0, closed: 2, overdue: 1 }, callbacks: 2, callbackRate: 1, closedOnTime: 1, onTimeRate: 0.5 });
    expect(figures(d2)).toEqual({ levels: { 5: 1, 4: 0, 3: 1, 2: 2, 1: 0 }, total: 4, goodRate: 0.5, defaulted: 0, badReviews: 2, rectification: { none: 1, open: 1, closed: 0, overdue: 1 }, callbacks: 0, callbackRate: 0, closedOnTime: 0, onTimeRate: null });
  });

  it("by week: every ISO week of the range for the hall (empty ones too), the 31st's late rating on the 31st", async () => {
    const r = await report("scope=HALL&granularity=WEEK");
    expect(r.periods).toEqual(["2025-W09", "2025-W10", "2025-W11", "2025-W12", "2025-W13", "2025-W14"]);
    expect(r.rows.map((x) => [x.period, x.total, x.defaulted, x.badReviews])).toEqual([
      ["2025-W09", 0, 0, 0],
      ["2025-W10", 9, 2, 3],
      ["2025-W11", 3, 0, 1],
      ["2025-W12", 0, 0, 0],
      ["2025-W13", 0, 0, 0],
      ["2025-W14", 1, 0, 0],
    ]);
    expect(r.rows[0]!.goodRate).toBeNull();
  });

  it("by window and staff by day, narrowed to one department on request", async () => {
    const staff = await report(`scope=STAFF&granularity=DAY&departmentId=${ids.d1}`);
    expect(new Set(staff.totals.map((t) => t.subjectId))).toEqual(new Set([ids.s1, ids.s2]));
    expect(staff.rows.map((x) => [x.period, x.subjectId, x.total, x.defaulted])).toEqual(
      expect.arrayContaining([
        ["2025-03-03", ids.s1, 5, 2],
        ["2025-03-10", ids.s2, 3, 0],
      ]),
    );
    expect(staff.rows).toHaveLength(2);
    const windows = await report("scope=WINDOW&granularity=DAY");
    expect(windows.totals.find((t) => t.subjectId === ids.w2)!.total).toBe(5);
    expect(windows.rows.find((x) => x.period === "2025-03-31")).toMatchObject({ subjectId: ids.w2, total: 1, levels: { 5: 1 } });
  });

  it("refuses a range too long for its granularity, a reversed range and a date that is not one", async () => {
    const code = async (q: string) => {
      const res = await leader.get<{ error: { code: string } }>(`/api/rating-reports?${q}`);
      return [res.status, res.body.error.code];
    };
    expect(await code("from=2025-01-01&to=2025-04-30&granularity=DAY")).toEqual([400, "REPORT_RANGE_TOO_LONG"]);
    expect((await leader.get("/api/rating-reports?from=2025-01-01&to=2025-04-30&granularity=MONTH")).status).toBe(200);
    expect(await code("from=2025-03-31&to=2025-03-01")).toEqual([400, "VALIDATION_FAILED"]);
    expect(await code("from=2025-02-30&to=2025-03-01")).toEqual([400, "VALIDATION_FAILED"]);
    expect(await code("from=2025-03-01&to=2025-03-31&scope=PLANET")).toEqual([400, "VALIDATION_FAILED"]);
  });
});

describe("exports", () => {
  it("Excel: the figures as filtered, one row per period and subject, then the totals", async () => {
    const res = await fetch(`${server.url}/api/rating-reports/export.xlsx?from=2025-03-01&to=2025-03-31&scope=HALL&granularity=WEEK`, { headers: { cookie: [...leader.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["期间", "统计对象", "名称", "非常满意", "满意", "基本满意", "不满意", "非常不满意", "评价总数（不含默认）", "好评率", "默认评价", "差评", "未立整改", "整改中", "整改办结", "超期", "已回访", "回访率", "按时整改率"]);
    expect(sheet.rowCount).toBe(1 + 6 + 1);
    const total = (sheet.getRow(8).values as unknown[]).slice(1);
    expect(total).toEqual(["合计", "全大厅", expect.any(String), 5, 3, 1, 3, 1, 13, "69.2%", 2, 4, 1, 1, 2, 2, 2, "50.0%", "50.0%"]);
  });

  it("GB/T 39046: a UTF-8 CSV with a BOM, the documented columns, satisfaction in the standard's order, defaulted ratings marked", async () => {
    const res = await fetch(`${server.url}/api/rating-reports/gbt39046.csv?from=2025-03-01&to=2025-03-31`, { headers: { cookie: [...leader.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3));
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe("办件编号,评价渠道代码,评价人,评价时间,评价次数,满意度代码,评价原因,评价内容,行政区划代码,事项编码,办理人员,承诺时限（工作日）,默认评价");
    expect(lines[0]!.split(",")).toEqual(GBT39046_COLUMNS.map((c) => c.header));
    // 13 genuine + 2 defaulted, oldest first; the 1 April rating is not in March
    expect(lines.length - 2).toBe(15);
    const sms = lines.find((l) => l.startsWith("2025030300001,"))!;
    expect(sms).toBe(`2025030300001,7,王**,2025-03-03 10:00:00,1,5,超时未办结,"'=超时了, ""没人管""",${regionCode},${ids.itemCode},${names.s1},5,否`);
    const defaulted = lines.filter((l) => l.endsWith(",是"));
    expect(defaulted).toHaveLength(2);
    expect(defaulted[0]!.split(",").slice(1, 6)).toEqual(["4", "", "2025-03-03 11:00:00", "1", "3"]);
    // The walk-up: no case, no rater, satisfaction 1 (非常满意)
    expect(lines.filter((l) => l.startsWith(",4,,2025-03-04 10:00:00,1,1,"))).toHaveLength(1);
  });

  it("the CSV refuses more than 92 days", async () => {
    const res = await leader.get<{ error: { code: string } }>("/api/rating-reports/gbt39046.csv?from=2025-01-01&to=2025-04-30");
    expect([res.status, res.body.error.code]).toEqual([400, "REPORT_RANGE_TOO_LONG"]);
  });
});
