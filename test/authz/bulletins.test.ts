// The authorization matrix for the bulletin API (#9): every role × every route. The center leader
// generates, comments, releases and resends; leaders, supervisors and administrators read every
// bulletin and the deliveries (and retry a failed mail); only leaders and supervisors follow a
// generation run; a liaison reads their own department's released bulletins — another department's,
// or a draft of their own, is 404, and lists never show them; staff, auditors, the security
// administrator and city-level accounts have no access. Written out by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BulletinSummaryDto } from "../../server/src/contracts/bulletins.ts";
import type { Page } from "../../server/src/contracts/common.ts";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { settleBulletinWork } from "../../server/src/domain/bulletins/bulletinWork.ts";
import { generateBulletins } from "../../server/src/domain/bulletins/generateBulletins.ts";
import { releaseBulletins } from "../../server/src/domain/bulletins/releaseBulletins.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { row, signInEveryRole, type Expect } from "../support/roleMatrix.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const MONTH = "2026-10";
// Friday 20 November 2026, 10:00 in Shanghai
const clock = new ManualClock("2026-11-20T02:00:00Z");
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
let ownReleased = 0;
let otherReleased = 0;
let ownDraft = 0;
let runId = 0;
let runMonth = "";
let deliveryId = 0;
let otherDepartment = 0;

beforeAll(async () => {
  server = await startTestServer({ clock });
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
  for (const [role, client] of await signInEveryRole(server.url, accounts)) clients.set(role, client);
  const own = accounts.LIAISON.departmentId!;
  otherDepartment = (await prisma.department.findFirstOrThrow({ where: { centerId: center.id, active: true, id: { not: own } }, orderBy: { id: "asc" } })).id;
  const third = (await prisma.department.findFirstOrThrow({ where: { centerId: center.id, active: true, id: { notIn: [own, otherDepartment] } }, orderBy: { id: "asc" } })).id;
  const auditActor = { userId: accounts.LEADER.userId, role: "LEADER", centerId: center.id };
  // October released for the liaison's department and another; the current month a draft of their own
  const run = await generateBulletins(server.services, { centerId: center.id, month: MONTH, departmentIds: [own, otherDepartment], auditActor });
  runId = run.id;
  runMonth = run.month;
  await releaseBulletins(server.services, { centerId: center.id, month: MONTH, releasedById: accounts.LEADER.userId, auditActor });
  await generateBulletins(server.services, { centerId: center.id, month: "2026-11", departmentIds: [own], auditActor });
  // A third department's October draft, for the comment route
  await generateBulletins(server.services, { centerId: center.id, month: MONTH, departmentIds: [third], auditActor });
  const find = (departmentId: number, month: string) => prisma.bulletin.findFirstOrThrow({ where: { departmentId, month }, select: { id: true } });
  ownReleased = (await find(own, MONTH)).id;
  otherReleased = (await find(otherDepartment, MONTH)).id;
  ownDraft = (await find(own, "2026-11")).id;
  deliveryId = (await prisma.bulletinDelivery.findFirstOrThrow({ where: { bulletinId: ownReleased } })).id;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function each(call: (client: ApiClient, role: Role) => Promise<{ status: number }>, before?: () => Promise<unknown>): Promise<Expect> {
  const got = {} as Expect;
  for (const role of ROLES) {
    await before?.();
    got[role] = (await call(clients.get(role)!, role)).status;
    // Work a call started in the background (a generation, a dispatch) ends before the next role's turn
    await settleBulletinWork(server.services);
  }
  return got;
}

//                                                                   ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
describe("bulletins: reading", () => {
  it("GET /api/bulletins", async () => {
    expect(await each((c) => c.get("/api/bulletins"))).toEqual(row(200, 403, 200, 200, 403, 200, 403, 403, 403));
    expect((await new ApiClient(server.url).get("/api/bulletins")).status).toBe(401);
  });
  it("a liaison's list holds only their department's released bulletins, whatever they ask for", async () => {
    const liaison = clients.get("LIAISON")!;
    const all = await liaison.get<Page<BulletinSummaryDto>>("/api/bulletins");
    expect(all.body.items.map((b) => b.id)).toEqual([ownReleased]);
    expect(all.body.total).toBe(1);
    expect((await liaison.get<Page<BulletinSummaryDto>>("/api/bulletins?state=DRAFT")).body.total).toBe(0);
    expect((await liaison.get<Page<BulletinSummaryDto>>(`/api/bulletins?departmentId=${otherDepartment}`)).body.total).toBe(0);
    expect((await liaison.get<Page<BulletinSummaryDto>>("/api/bulletins?month=2026-11")).body.total).toBe(0);
    // A leader sees all four
    expect((await clients.get("LEADER")!.get<Page<BulletinSummaryDto>>("/api/bulletins")).body.total).toBe(4);
  });
  it("GET /api/bulletins/:id — own department's released, another department's, own draft", async () => {
    expect(await each((c) => c.get(`/api/bulletins/${ownReleased}`))).toEqual(row(200, 403, 200, 200, 403, 200, 403, 403, 403));
    expect(await each((c) => c.get(`/api/bulletins/${otherReleased}`))).toEqual(row(200, 403, 200, 200, 403, 404, 403, 403, 403));
    expect(await each((c) => c.get(`/api/bulletins/${ownDraft}`))).toEqual(row(200, 403, 200, 200, 403, 404, 403, 403, 403));
    expect(await each((c) => c.get("/api/bulletins/999999"))).toEqual(row(404, 403, 404, 404, 403, 404, 403, 403, 403));
  });
  it("GET /api/bulletins/:id/pdf — the same", async () => {
    expect(await each((c) => c.get(`/api/bulletins/${ownReleased}/pdf`))).toEqual(row(200, 403, 200, 200, 403, 200, 403, 403, 403));
    expect(await each((c) => c.get(`/api/bulletins/${otherReleased}/pdf`))).toEqual(row(200, 403, 200, 200, 403, 404, 403, 403, 403));
    expect(await each((c) => c.get(`/api/bulletins/${ownDraft}/pdf`))).toEqual(row(200, 403, 200, 200, 403, 404, 403, 403, 403));
  });
  it("GET /api/bulletins/runs?month — the month's runs", async () => {
    expect(await each((c) => c.get(`/api/bulletins/runs?month=${runMonth}`))).toEqual(row(403, 403, 200, 200, 403, 403, 403, 403, 403));
  });
  it("GET /api/bulletins/runs/:id", async () => {
    expect(await each((c) => c.get(`/api/bulletins/runs/${runId}`))).toEqual(row(403, 403, 200, 200, 403, 403, 403, 403, 403));
  });
  it("GET /api/bulletins/deliveries", async () => {
    expect(await each((c) => c.get("/api/bulletins/deliveries"))).toEqual(row(200, 403, 200, 200, 403, 403, 403, 403, 403));
  });
});

describe("bulletins: the leader's decisions and keeping the mail going", () => {
  it("POST /api/bulletins/generate", async () => {
    expect(await each((c) => c.post("/api/bulletins/generate", { month: MONTH, departmentIds: [otherDepartment] }))).toEqual(row(403, 403, 202, 403, 403, 403, 403, 403, 403));
  });
  it("PUT /api/bulletins/:id/comment (a draft)", async () => {
    expect(await each((c, role) => c.request("PUT", `/api/bulletins/${ownDraft}/comment`, { json: { comment: `${role} 的点评` } }))).toEqual(row(403, 403, 200, 403, 403, 403, 403, 403, 403));
  });
  it("POST /api/bulletins/release (nothing left to release: 200, allowed)", async () => {
    expect(await each((c) => c.post("/api/bulletins/release", { month: MONTH, bulletinIds: [ownReleased] }))).toEqual(row(403, 403, 200, 403, 403, 403, 403, 403, 403));
  });
  it("POST /api/bulletins/:id/resend", async () => {
    expect(await each((c) => c.post(`/api/bulletins/${ownReleased}/resend`, { reason: "矩阵测试：重新发送" }))).toEqual(row(403, 403, 200, 403, 403, 403, 403, 403, 403));
  });
  it("POST /api/bulletins/deliveries/:id/retry (a failed mail)", async () => {
    const fail = () => server.services.prisma.bulletinDelivery.update({ where: { id: deliveryId }, data: { state: "FAILED", nextAttemptAt: null } });
    expect(await each((c) => c.post(`/api/bulletins/deliveries/${deliveryId}/retry`), fail)).toEqual(row(200, 403, 200, 200, 403, 403, 403, 403, 403));
  });
});
