// The authorization matrix for cases, the public lookup and accountability records: every role ×
// every route × a case of the actor's own scope, of another department and of another center.
// Expectations are written out by hand, not derived from the policies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import type { PrismaClient } from "../../server/src/db/database.ts";
import { ApiClient } from "../support/apiClient.ts";
import { caseFixture, citizen } from "../support/caseFixtures.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { row, signInEveryRole, type Expect } from "../support/roleMatrix.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
const cases = { own: 0, otherDept: 0, otherCenter: 0 };
const records = { own: 0, otherCenter: 0 };
let accept: { windowId: number; itemId: number };
let otherStaffId = 0;

/** A case row for another staff member, written directly (the matrix needs only its scope). */
async function insertCase(prisma: PrismaClient, centerId: number, departmentId: number | undefined, n: number): Promise<{ id: number; staffId: number }> {
  const item = await prisma.serviceItem.findFirstOrThrow({ where: { centerId, ...(departmentId ? { departmentId } : {}), windows: { some: {} } }, include: { windows: true } });
  const windowId = item.windows[0]!.windowId;
  const staff = await prisma.staff.findFirstOrThrow({ where: { centerId, departmentId: item.departmentId } });
  const now = new Date();
  const row = await prisma.case.create({
    data: {
      centerId, caseNo: `2099010100${String(n).padStart(3, "0")}`, itemId: item.id, departmentId: item.departmentId, windowId, acceptedById: staff.id, handledById: staff.id,
      citizenName: "李四", citizenIdMasked: "5101**********0001", citizenPhoneLast4: "0001", channel: "HALL", state: "ACCEPTED",
      acceptedAt: now, dueAt: now, statutoryDueAt: now, promisedLimitDays: 1, statutoryLimitDays: 1,
    },
  });
  return { id: row.id, staffId: staff.id };
}

beforeAll(async () => {
  server = await startTestServer({ halls: 2 });
  const { prisma } = server.services;
  const centers = await prisma.center.findMany({ orderBy: { id: "asc" } });
  const [c1, c2] = [centers[0]!.id, centers[1]!.id];
  accounts = await demoAccounts(server, c1);
  const fx = await caseFixture(server, accounts.STAFF.staffId!);
  accept = { windowId: fx.windowId, itemId: fx.itemId };
  const ownItem = await prisma.serviceItem.findUniqueOrThrow({ where: { id: fx.itemId } });
  // "own" for a liaison is the department of the staff member's case
  const liaison = await prisma.user.findFirstOrThrow({ where: { centerId: c1, role: "LIAISON", departmentId: ownItem.departmentId } });
  accounts.LIAISON = { ...accounts.LIAISON, userId: liaison.id, username: liaison.username, departmentId: liaison.departmentId };
  for (const [role, client] of await signInEveryRole(server.url, accounts)) clients.set(role, client);
  const own = await clients.get("STAFF")!.post<{ id: number }>("/api/cases", { ...accept, ...citizen(1) });
  expect(own.status).toBe(201);
  cases.own = own.body.id;
  const otherDeptId = (await prisma.department.findFirstOrThrow({ where: { centerId: c1, id: { not: ownItem.departmentId }, items: { some: { windows: { some: {} } } } } })).id;
  const otherDept = await insertCase(prisma, c1, otherDeptId, 1);
  cases.otherDept = otherDept.id;
  otherStaffId = otherDept.staffId;
  const otherCenter = await insertCase(prisma, c2, undefined, 2);
  cases.otherCenter = otherCenter.id;
  const record = (centerId: number, staffId: number) =>
    prisma.accountabilityRecord.create({ data: { centerId, kind: "SLOW_ACTION", source: "MANUAL", state: "PROPOSED", staffId, description: "测试", proposedPoints: 1, occurredAt: new Date() } });
  records.own = (await record(c1, otherStaffId)).id;
  records.otherCenter = (await record(c2, otherCenter.staffId)).id;
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function each(call: (client: ApiClient, role: Role) => Promise<{ status: number }>): Promise<Expect> {
  const got = {} as Expect;
  for (const role of ROLES) got[role] = (await call(clients.get(role)!, role)).status;
  return got;
}

//                                          ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
describe("cases", () => {
  it("GET /api/cases", async () => {
    expect(await each((c) => c.get("/api/cases"))).toEqual(row(403, 403, 200, 200, 200, 200, 403, 200, 403));
  });
  it("GET /api/cases/:id own", async () => {
    expect(await each((c) => c.get(`/api/cases/${cases.own}`))).toEqual(row(403, 403, 200, 200, 200, 200, 403, 200, 403));
  });
  it("GET /api/cases/:id other department", async () => {
    expect(await each((c) => c.get(`/api/cases/${cases.otherDept}`))).toEqual(row(403, 403, 200, 200, 404, 404, 403, 200, 403));
  });
  it("GET /api/cases/:id other center", async () => {
    expect(await each((c) => c.get(`/api/cases/${cases.otherCenter}`))).toEqual(row(403, 403, 404, 404, 404, 404, 403, 200, 403));
  });
  it("GET /api/cases/:id/notice own", async () => {
    expect(await each((c) => c.get(`/api/cases/${cases.own}/notice`))).toEqual(row(403, 403, 200, 200, 200, 200, 403, 200, 403));
  });
  it("POST /api/cases (accept)", async () => {
    expect(await each((c, role) => c.post("/api/cases", { ...accept, ...citizen(10 + ROLES.indexOf(role)) }))).toEqual(row(403, 403, 403, 403, 201, 403, 403, 403, 403));
  });
  it("POST /api/cases/:id/actions own", async () => {
    expect(await each((c) => c.post(`/api/cases/${cases.own}/actions`, { action: "start" }))).toEqual(row(403, 403, 403, 403, 200, 403, 403, 403, 403));
  });
  it("POST /api/cases/:id/actions other department", async () => {
    expect(await each((c) => c.post(`/api/cases/${cases.otherDept}/actions`, { action: "start" }))).toEqual(row(403, 403, 403, 403, 404, 404, 403, 403, 403));
  });
  it("POST /api/cases/:id/actions other center", async () => {
    expect(await each((c) => c.post(`/api/cases/${cases.otherCenter}/actions`, { action: "start" }))).toEqual(row(403, 403, 404, 404, 404, 404, 403, 403, 403));
  });
  it("a staff member's list holds only their own cases; a liaison's only their department's", async () => {
    const staffList = await clients.get("STAFF")!.get<{ items: { handledById: number }[] }>("/api/cases?pageSize=500");
    expect(staffList.body.items.length).toBeGreaterThan(0);
    for (const c of staffList.body.items) expect(c.handledById).toBe(accounts.STAFF.staffId);
    const liaisonList = await clients.get("LIAISON")!.get<{ items: { departmentId: number }[] }>("/api/cases?pageSize=500");
    for (const c of liaisonList.body.items) expect(c.departmentId).toBe(accounts.LIAISON.departmentId);
  });
  it("without a session: 401", async () => {
    const anonymous = new ApiClient(server.url);
    expect((await anonymous.get("/api/cases")).status).toBe(401);
    expect((await anonymous.post("/api/cases", {})).status).toBe(401);
  });
});

describe("SMS outbox", () => {
  it("GET /api/notifications", async () => {
    expect(await each((c) => c.get("/api/notifications"))).toEqual(row(403, 403, 200, 200, 403, 403, 403, 200, 403));
  });
  it("shows only masked numbers and the own center's messages", async () => {
    const list = await clients.get("SUPERVISOR")!.get<{ items: { recipientMasked: string; centerId: number }[] }>("/api/notifications?pageSize=500");
    expect(list.body.items.length).toBeGreaterThan(0);
    for (const n of list.body.items) {
      expect(n.recipientMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(n.centerId).toBe(accounts.SUPERVISOR.centerId);
    }
  });
});

describe("public lookup", () => {
  it("POST /api/lookup/cases answers every role and no session alike", async () => {
    const body = { caseNo: "2099010100001", phoneLast4: "0001" };
    expect(await each((c) => c.post("/api/lookup/cases", body))).toEqual(row(200, 200, 200, 200, 200, 200, 200, 200, 200));
    expect((await new ApiClient(server.url).post("/api/lookup/cases", body)).status).toBe(200);
  });
});

describe("accountability", () => {
  it("GET /api/accountability", async () => {
    expect(await each((c) => c.get("/api/accountability"))).toEqual(row(403, 403, 200, 200, 200, 403, 403, 200, 403));
  });
  it("staff see only their own records", async () => {
    const list = await clients.get("STAFF")!.get<{ items: { staffId: number }[] }>("/api/accountability?pageSize=500");
    for (const r of list.body.items) expect(r.staffId).toBe(accounts.STAFF.staffId);
  });
  it("POST /api/accountability (propose)", async () => {
    const body = { kind: "INACTION", staffId: otherStaffId, description: "窗口无人未报备", proposedPoints: 1 };
    expect(await each((c) => c.post("/api/accountability", body))).toEqual(row(403, 403, 201, 201, 403, 403, 403, 403, 403));
  });
  it("POST /api/accountability/:id/decision own center", async () => {
    const body = { decision: "DISMISS", reason: "情况属实但已整改" };
    expect(await each((c) => c.post(`/api/accountability/${records.own}/decision`, body))).toEqual(row(403, 403, 200, 403, 404, 403, 403, 403, 403));
  });
  it("POST /api/accountability/:id/decision other center", async () => {
    const body = { decision: "DISMISS", reason: "情况属实但已整改" };
    expect(await each((c) => c.post(`/api/accountability/${records.otherCenter}/decision`, body))).toEqual(row(403, 403, 404, 404, 404, 403, 403, 403, 403));
  });
});
