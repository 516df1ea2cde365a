// The authorization matrix for the assessment API (#8): every role × every route. Administrators edit
// the rules and may start runs but see no one's scores; supervisors and leaders read everything and
// annotate the week; only a leader decides a quarter; staff see only their own scores; liaisons only
// their department's; city leaders read; auditors and the security administrator have no access
// (DOMAIN.md: the audit log only). Written out by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../server/src/contracts/assessmentRules.ts";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { periodContaining, previousPeriod } from "../../server/src/domain/assessment/periods.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { row, signInEveryRole, type Expect } from "../support/roleMatrix.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
let quarter = "";
let week = "";
let month = "";
let monthStart = "";
let ownStaff = 0;
let otherStaff = 0;
let liaisonSeesOwn = 404;
let windowId = 0;
let runId = 0;

beforeAll(async () => {
  server = await startTestServer();
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
  for (const [role, client] of await signInEveryRole(server.url, accounts)) clients.set(role, client);
  const now = server.services.clock.now();
  quarter = previousPeriod(periodContaining("QUARTER", now)).label;
  week = previousPeriod(periodContaining("WEEK", now)).label;
  const m = previousPeriod(periodContaining("MONTH", now));
  month = m.label;
  monthStart = m.firstDay;
  ownStaff = accounts.STAFF.staffId!;
  const own = await prisma.staff.findUniqueOrThrow({ where: { id: ownStaff } });
  liaisonSeesOwn = own.departmentId === accounts.LIAISON.departmentId ? 200 : 404;
  // Someone neither the staff account nor in the liaison's department
  otherStaff = (await prisma.staff.findFirstOrThrow({ where: { centerId: center.id, id: { not: ownStaff }, departmentId: { not: accounts.LIAISON.departmentId! } } })).id;
  windowId = (await prisma.windowStaff.findFirstOrThrow({ where: { staffId: ownStaff } })).windowId;
  runId = (await prisma.assessmentRun.findFirstOrThrow({ where: { centerId: center.id, state: "DONE" } })).id;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function each(call: (client: ApiClient, role: Role) => Promise<{ status: number }>): Promise<Expect> {
  const got = {} as Expect;
  for (const role of ROLES) got[role] = (await call(clients.get(role)!, role)).status;
  return got;
}

//                                                                   ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
describe("assessment: rules and runs", () => {
  it("GET /api/assessment/rules", async () => {
    expect(await each((c) => c.get("/api/assessment/rules"))).toEqual(row(200, 403, 200, 200, 200, 200, 403, 200, 403));
  });
  it("GET /api/assessment/rules/versions", async () => {
    expect(await each((c) => c.get("/api/assessment/rules/versions"))).toEqual(row(200, 403, 200, 200, 403, 403, 403, 200, 403));
  });
  it("PUT /api/assessment/rules", async () => {
    expect(await each((c) => c.request("PUT", "/api/assessment/rules", { json: { rules: DEFAULT_RULES, note: "矩阵测试" } }))).toEqual(row(200, 403, 403, 403, 403, 403, 403, 403, 403));
  });
  it("POST /api/assessment/runs (the finished month: idempotent)", async () => {
    expect(await each((c) => c.post("/api/assessment/runs", { periodKind: "MONTH", periodStart: monthStart }))).toEqual(row(200, 403, 200, 200, 403, 403, 403, 403, 403));
  });
  it("GET /api/assessment/runs and /runs/:id", async () => {
    expect(await each((c) => c.get("/api/assessment/runs"))).toEqual(row(200, 403, 200, 200, 403, 403, 403, 200, 403));
    expect(await each((c) => c.get(`/api/assessment/runs/${runId}`))).toEqual(row(200, 403, 200, 200, 403, 403, 403, 200, 403));
  });
  it("GET /api/assessment/periods", async () => {
    expect(await each((c) => c.get("/api/assessment/periods?kind=MONTH"))).toEqual(row(200, 403, 200, 200, 403, 200, 403, 200, 403));
  });
});

describe("assessment: rankings, scores, drill-down, trends", () => {
  it("GET /api/assessment/periods/:label/ranking and ranking.xlsx", async () => {
    expect(await each((c) => c.get(`/api/assessment/periods/${month}/ranking?subjectKind=STAFF`))).toEqual(row(403, 403, 200, 200, 403, 200, 403, 200, 403));
    expect(await each((c) => c.get(`/api/assessment/periods/${month}/ranking.xlsx`))).toEqual(row(403, 403, 200, 200, 403, 200, 403, 200, 403));
  });
  it("a liaison's ranking holds only their department", async () => {
    const res = await clients.get("LIAISON")!.get<{ rows: { subjectId: number }[] }>(`/api/assessment/periods/${month}/ranking?subjectKind=STAFF`);
    const ids = res.body.rows.map((r) => r.subjectId);
    const theirs = await server.services.prisma.staff.findMany({ where: { id: { in: ids } }, select: { departmentId: true } });
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(theirs.map((s) => s.departmentId))).toEqual(new Set([accounts.LIAISON.departmentId]));
  });
  it("GET /api/assessment/periods/:label/scores/STAFF/:id — the staff member's own", async () => {
    expect(await each((c) => c.get(`/api/assessment/periods/${month}/scores/STAFF/${ownStaff}`))).toEqual(row(403, 403, 200, 200, 200, liaisonSeesOwn, 403, 200, 403));
  });
  it("GET /api/assessment/periods/:label/scores/STAFF/:id — someone else (outside the liaison's department)", async () => {
    expect(await each((c) => c.get(`/api/assessment/periods/${month}/scores/STAFF/${otherStaff}`))).toEqual(row(403, 403, 200, 200, 404, 404, 403, 200, 403));
  });
  it("GET /api/assessment/periods/:label/scores/WINDOW/:id (staff: not even their own window)", async () => {
    const liaisonWindow = (await server.services.prisma.windowDepartment.findFirst({ where: { windowId, departmentId: accounts.LIAISON.departmentId! } })) ? 200 : 404;
    expect(await each((c) => c.get(`/api/assessment/periods/${month}/scores/WINDOW/${windowId}`))).toEqual(row(403, 403, 200, 200, 404, liaisonWindow, 403, 200, 403));
  });
  it("GET …/components/:component (drill-down) of the own score", async () => {
    expect(await each((c) => c.get(`/api/assessment/periods/${month}/scores/STAFF/${ownStaff}/components/satisfaction`))).toEqual(row(403, 403, 200, 200, 200, liaisonSeesOwn, 403, 200, 403));
    expect(await each((c) => c.get(`/api/assessment/periods/${month}/scores/STAFF/${otherStaff}/components/satisfaction`))).toEqual(row(403, 403, 200, 200, 404, 404, 403, 200, 403));
  });
  it("GET /api/assessment/trends/:kind/:id", async () => {
    expect(await each((c) => c.get(`/api/assessment/trends/STAFF/${ownStaff}`))).toEqual(row(403, 403, 200, 200, 200, liaisonSeesOwn, 403, 200, 403));
    expect(await each((c) => c.get(`/api/assessment/trends/STAFF/${otherStaff}`))).toEqual(row(403, 403, 200, 200, 404, 404, 403, 200, 403));
  });
  it("GET /api/assessment/me", async () => {
    expect(await each((c) => c.get("/api/assessment/me"))).toEqual(row(403, 403, 403, 403, 200, 403, 403, 403, 403));
  });
});

describe("assessment: weekly review and the quarter's decisions", () => {
  it("GET /api/assessment/weekly/:label", async () => {
    expect(await each((c) => c.get(`/api/assessment/weekly/${week}`))).toEqual(row(403, 403, 200, 200, 403, 403, 403, 200, 403));
  });
  it("PUT /api/assessment/weekly/:label/windows/:id/comment", async () => {
    expect(await each((c, role) => c.request("PUT", `/api/assessment/weekly/${week}/windows/${windowId}/comment`, { json: { text: `${role} 的点评` } }))).toEqual(row(403, 403, 200, 200, 403, 403, 403, 403, 403));
  });
  it("POST /api/assessment/weekly/:label/publish (the supervisor finds nothing left to publish: 409, allowed)", async () => {
    expect(await each((c) => c.post(`/api/assessment/weekly/${week}/publish`, {}))).toEqual(row(403, 403, 200, 409, 403, 403, 403, 403, 403));
  });
  it("GET /api/assessment/quarters/:label/proposal", async () => {
    expect(await each((c) => c.get(`/api/assessment/quarters/${quarter}/proposal`))).toEqual(row(403, 403, 200, 200, 403, 403, 403, 200, 403));
  });
  it("POST /api/assessment/quarters/:label/overrides", async () => {
    expect(await each((c) => c.post(`/api/assessment/quarters/${quarter}/overrides`, { kind: "SERVICE_MODEL", subjectId: ownStaff, grant: true, reason: "群众来信表扬，领导班子研究决定" }))).toEqual(
      row(403, 403, 200, 403, 403, 403, 403, 403, 403),
    );
  });
  it("POST /api/assessment/quarters/:label/recompute", async () => {
    expect(await each((c) => c.post(`/api/assessment/quarters/${quarter}/recompute`, { reason: "矩阵测试：重新计算" }))).toEqual(row(403, 403, 200, 403, 403, 403, 403, 403, 403));
  });
  it("POST /api/assessment/quarters/:label/publish", async () => {
    expect(await each((c) => c.post(`/api/assessment/quarters/${quarter}/publish`, {}))).toEqual(row(403, 403, 200, 403, 403, 403, 403, 403, 403));
  });
});
