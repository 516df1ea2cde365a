// The authorization matrix for appeals (申诉复核, #6): every role × every appeal route × a bad review of
// the STAFF account's own service, of another staff member and of another center. Expectations are
// written out by hand, not derived from the policies.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import type { PrismaClient } from "../../server/src/db/database.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { row, signInEveryRole, type Expect } from "../support/roleMatrix.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { downloadFile, uploadFile } from "../support/uploadFile.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
let centers: [number, number] = [0, 0];
let otherStaffId = 0;
let foreignStaffId = 0;
const appeals = { own: 0, otherCenter: 0 };

/** A bad review of a staff member, written as the pad would have stored it. */
async function badReview(prisma: PrismaClient, centerId: number, staffId: number): Promise<string> {
  const ws = await prisma.windowStaff.findFirstOrThrow({ where: { staffId } });
  const at = new Date(Date.now() - 3_600_000);
  const row = await prisma.evaluation.create({
    data: { id: randomUUID(), centerId, windowId: ws.windowId, staffId, channel: "HALL_PAD", level: 1, reasons: ["L1-01"], indicatorVersion: "hcp-hall-2026.1", bound: true, ratedAt: at, receivedAt: at },
  });
  return row.id;
}

beforeAll(async () => {
  server = await startTestServer({ halls: 2 });
  const { prisma } = server.services;
  const all = await prisma.center.findMany({ orderBy: { id: "asc" } });
  centers = [all[0]!.id, all[1]!.id];
  accounts = await demoAccounts(server, centers[0]);
  // As in matrix.test.ts: the liaison is of another department than the STAFF account, so "own" is one thing
  const staffRow = await prisma.staff.findUniqueOrThrow({ where: { id: accounts.STAFF.staffId! } });
  const liaison = await prisma.user.findFirstOrThrow({ where: { centerId: centers[0], role: "LIAISON", departmentId: { not: staffRow.departmentId } } });
  accounts.LIAISON = { ...accounts.LIAISON, userId: liaison.id, username: liaison.username, departmentId: liaison.departmentId };
  for (const [role, client] of await signInEveryRole(server.url, accounts)) clients.set(role, client);
  otherStaffId = (await prisma.staff.findFirstOrThrow({ where: { centerId: centers[0], id: { not: staffRow.id }, windows: { some: {} } } })).id;
  foreignStaffId = (await prisma.staff.findFirstOrThrow({ where: { centerId: centers[1], windows: { some: {} } } })).id;
  // Appeals already on file: the STAFF account's own, and one in the other center
  appeals.own = (await prisma.appeal.create({ data: { evaluationId: await badReview(prisma, centers[0], staffRow.id), staffId: staffRow.id, reason: "误评", state: "PENDING", createdAt: new Date() } })).id;
  appeals.otherCenter = (await prisma.appeal.create({ data: { evaluationId: await badReview(prisma, centers[1], foreignStaffId), staffId: foreignStaffId, reason: "误评", state: "PENDING", createdAt: new Date() } })).id;
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
describe("appeals", () => {
  it("GET /api/appeals", async () => {
    expect(await each((c) => c.get("/api/appeals"))).toEqual(row(403, 403, 200, 200, 200, 200, 200, 200, 200));
  });
  it("GET /api/appeals/bad-reviews", async () => {
    expect(await each((c) => c.get("/api/appeals/bad-reviews"))).toEqual(row(403, 403, 200, 200, 200, 200, 200, 200, 200));
  });
  it("GET /api/appeals/:id of the STAFF account's own bad review", async () => {
    expect(await each((c) => c.get(`/api/appeals/${appeals.own}`))).toEqual(row(403, 403, 200, 200, 200, 404, 200, 200, 200));
  });
  it("GET /api/appeals/:id other center", async () => {
    expect(await each((c) => c.get(`/api/appeals/${appeals.otherCenter}`))).toEqual(row(403, 403, 404, 404, 404, 404, 404, 200, 200));
  });
  it("POST /api/appeals own bad review", async () => {
    const id = await badReview(server.services.prisma, centers[0], accounts.STAFF.staffId!);
    expect(await each((c) => c.post("/api/appeals", { evaluationId: id, reason: "群众误评" }))).toEqual(row(403, 403, 403, 403, 201, 403, 403, 403, 403));
  });
  it("POST /api/appeals another staff member's bad review", async () => {
    const id = await badReview(server.services.prisma, centers[0], otherStaffId);
    expect(await each((c) => c.post("/api/appeals", { evaluationId: id, reason: "群众误评" }))).toEqual(row(403, 403, 403, 403, 403, 403, 403, 403, 403));
  });
  it("POST /api/appeals other center", async () => {
    const id = await badReview(server.services.prisma, centers[1], foreignStaffId);
    expect(await each((c) => c.post("/api/appeals", { evaluationId: id, reason: "群众误评" }))).toEqual(row(403, 403, 403, 403, 404, 403, 403, 403, 403));
  });
  it("POST /api/appeals/:id/photo of the STAFF account's own pending appeal", async () => {
    const jpeg = Uint8Array.from(await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 1, g: 2, b: 3 } } }).jpeg().toBuffer());
    expect(await each((c) => uploadFile(c, `/api/appeals/${appeals.own}/photo`, jpeg, "image/jpeg"))).toEqual(row(403, 403, 403, 403, 200, 404, 403, 403, 403));
  });
  it("GET /api/appeals/:id/photo", async () => {
    expect(await each((c) => downloadFile(c, `/api/appeals/${appeals.own}/photo`))).toEqual(row(403, 403, 200, 200, 200, 404, 200, 200, 200));
  });
  it("POST /api/appeals/:id/decide", async () => {
    expect(await each((c) => c.post(`/api/appeals/${appeals.own}/decide`, { decision: "REJECTED", reason: "证据不足" }))).toEqual(row(403, 403, 200, 403, 403, 403, 403, 403, 403));
  });
  it("POST /api/appeals/:id/decide other center", async () => {
    expect(await each((c) => c.post(`/api/appeals/${appeals.otherCenter}/decide`, { decision: "REJECTED", reason: "证据不足" }))).toEqual(row(403, 403, 404, 403, 403, 403, 403, 403, 403));
  });
  it("without a session: 401", async () => {
    const anonymous = new ApiClient(server.url);
    expect((await anonymous.get("/api/appeals")).status).toBe(401);
    expect((await anonymous.get("/api/appeals/bad-reviews")).status).toBe(401);
  });
});
