// The authorization matrix for first-inquiry responsibility: every role × every inquiry route × an
// inquiry of the staff member's own, of another staff member of the center and of another center.
// Expectations are written out by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import type { PrismaClient } from "../../server/src/db/database.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { row, signInEveryRole, type Expect } from "../support/roleMatrix.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
const inquiries = { own: 0, otherStaff: 0, otherCenter: 0 };
let ownWindowId = 0;
let otherWindowId = 0;

async function insertInquiry(prisma: PrismaClient, centerId: number, notStaffId: number): Promise<number> {
  const ws = await prisma.windowStaff.findFirstOrThrow({ where: { window: { centerId }, staffId: { not: notStaffId } } });
  const row = await prisma.inquiry.create({ data: { centerId, windowId: ws.windowId, firstStaffId: ws.staffId, topic: "咨询", state: "OPEN", openedAt: new Date() } });
  return row.id;
}

beforeAll(async () => {
  server = await startTestServer({ halls: 2 });
  const { prisma } = server.services;
  const centers = await prisma.center.findMany({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, centers[0]!.id);
  for (const [role, client] of await signInEveryRole(server.url, accounts)) clients.set(role, client);
  const staffId = accounts.STAFF.staffId!;
  ownWindowId = (await prisma.windowStaff.findFirstOrThrow({ where: { staffId } })).windowId;
  otherWindowId = (await prisma.window.findFirstOrThrow({ where: { centerId: centers[0]!.id, id: { not: ownWindowId } } })).id;
  const own = await clients.get("STAFF")!.post<{ id: number }>("/api/inquiries", { windowId: ownWindowId, topic: "社保转移怎么办" });
  expect(own.status).toBe(201);
  inquiries.own = own.body.id;
  inquiries.otherStaff = await insertInquiry(prisma, centers[0]!.id, staffId);
  inquiries.otherCenter = await insertInquiry(prisma, centers[1]!.id, staffId);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function each(call: (client: ApiClient) => Promise<{ status: number }>): Promise<Expect> {
  const got = {} as Expect;
  for (const role of ROLES) got[role] = (await call(clients.get(role)!)).status;
  return got;
}

//                                          ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
describe("inquiries", () => {
  it("GET /api/inquiries", async () => {
    expect(await each((c) => c.get("/api/inquiries"))).toEqual(row(403, 403, 200, 200, 200, 403, 403, 200, 403));
  });
  it("POST /api/inquiries (register)", async () => {
    expect(await each((c) => c.post("/api/inquiries", { windowId: ownWindowId, topic: "公积金提取" }))).toEqual(row(403, 403, 403, 403, 201, 403, 403, 403, 403));
  });
  it("POST /api/inquiries/:id/handover own", async () => {
    expect(await each((c) => c.post(`/api/inquiries/${inquiries.own}/handover`, { toWindowId: otherWindowId }))).toEqual(row(403, 403, 403, 403, 200, 403, 403, 403, 403));
  });
  it("POST /api/inquiries/:id/handover another staff member's", async () => {
    expect(await each((c) => c.post(`/api/inquiries/${inquiries.otherStaff}/handover`, { toWindowId: otherWindowId }))).toEqual(row(403, 403, 403, 403, 404, 403, 403, 403, 403));
  });
  it("POST /api/inquiries/:id/handover other center", async () => {
    expect(await each((c) => c.post(`/api/inquiries/${inquiries.otherCenter}/handover`, { toWindowId: otherWindowId }))).toEqual(row(403, 403, 404, 404, 404, 403, 403, 403, 403));
  });
  it("POST /api/inquiries/:id/close another staff member's", async () => {
    expect(await each((c) => c.post(`/api/inquiries/${inquiries.otherStaff}/close`, { outcome: "已答复" }))).toEqual(row(403, 403, 403, 403, 404, 403, 403, 403, 403));
  });
  it("POST /api/inquiries/:id/acknowledge other center", async () => {
    expect(await each((c) => c.post(`/api/inquiries/${inquiries.otherCenter}/acknowledge`))).toEqual(row(403, 403, 404, 404, 404, 403, 403, 403, 403));
  });
  it("a staff member's list holds only inquiries they own or received", async () => {
    const list = await clients.get("STAFF")!.get<{ items: { id: number }[] }>("/api/inquiries?pageSize=500");
    const ids = list.body.items.map((i) => i.id);
    expect(ids).toContain(inquiries.own);
    expect(ids).not.toContain(inquiries.otherStaff);
  });
});
