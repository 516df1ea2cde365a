// The authorization matrix for inspections: every role × the checklist (read, save), recording one,
// reading the list, one record of the own and of another center, the sheet, and proposing
// accountability from a failed item. Written out by hand.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CHECKLIST } from "../../server/src/contracts/inspections.ts";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { row, signInEveryRole, type Expect } from "../support/roleMatrix.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
let windowId = 0;
const ids = { own: "", otherCenter: "" };
const findings = DEFAULT_CHECKLIST.map((i) => ({ code: i.code, passed: i.code !== "DISCIPLINE" }));

beforeAll(async () => {
  server = await startTestServer({ halls: 2 });
  const { prisma } = server.services;
  const centers = await prisma.center.findMany({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, centers[0]!.id);
  for (const [role, client] of await signInEveryRole(server.url, accounts)) clients.set(role, client);
  windowId = (await prisma.windowStaff.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId! } })).windowId;
  const own = await clients.get("SUPERVISOR")!.post<{ id: string }>("/api/inspections", { id: randomUUID(), windowId, staffId: accounts.STAFF.staffId, checklistVersion: 0, findings });
  expect(own.status).toBe(201);
  ids.own = own.body.id;
  const other = await prisma.inspection.create({ data: { clientId: randomUUID(), centerId: centers[1]!.id, windowId: (await prisma.window.findFirstOrThrow({ where: { centerId: centers[1]!.id } })).id, inspectorId: accounts.SUPERVISOR.userId, at: new Date(), findings: { create: [{ checkCode: "DISCIPLINE", passed: false, deduction: 2 }] } } });
  ids.otherCenter = other.clientId;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function each(call: (client: ApiClient) => Promise<{ status: number }>): Promise<Expect> {
  const got = {} as Expect;
  for (const role of ROLES) got[role] = (await call(clients.get(role)!)).status;
  return got;
}

//                                                   ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
describe("inspections", () => {
  it("GET /api/inspections/checklist", async () => {
    expect(await each((c) => c.get("/api/inspections/checklist"))).toEqual(row(200, 403, 200, 200, 403, 403, 403, 403, 403));
  });
  it("PUT /api/inspections/checklist", async () => {
    expect(await each((c) => c.request("PUT", "/api/inspections/checklist", { json: { items: DEFAULT_CHECKLIST } }))).toEqual(row(200, 403, 403, 403, 403, 403, 403, 403, 403));
  });
  it("POST /api/inspections", async () => {
    expect(await each((c) => c.post("/api/inspections", { id: randomUUID(), windowId, checklistVersion: 0, findings }))).toEqual(row(403, 403, 201, 201, 403, 403, 403, 403, 403));
  });
  it("GET /api/inspections", async () => {
    expect(await each((c) => c.get("/api/inspections"))).toEqual(row(403, 403, 200, 200, 200, 200, 403, 200, 403));
  });
  it("GET /api/inspections/:id own center (the staff member's own record; the liaison's department only if theirs)", async () => {
    const staffDept = (await server.services.prisma.staff.findUniqueOrThrow({ where: { id: accounts.STAFF.staffId! } })).departmentId;
    const liaison = staffDept === accounts.LIAISON.departmentId ? 200 : 404;
    expect(await each((c) => c.get(`/api/inspections/${ids.own}`))).toEqual(row(403, 403, 200, 200, 200, liaison, 403, 200, 403));
  });
  it("GET /api/inspections/:id another center", async () => {
    expect(await each((c) => c.get(`/api/inspections/${ids.otherCenter}`))).toEqual(row(403, 403, 404, 404, 404, 404, 403, 200, 403));
  });
  it("GET /api/inspections/sheet", async () => {
    expect(await each((c) => c.get("/api/inspections/sheet?date=2026-11-23"))).toEqual(row(403, 403, 200, 200, 403, 200, 403, 200, 403));
  });
  it("POST /api/inspections/:id/findings/:code/accountability", async () => {
    expect(await each((c) => c.post(`/api/inspections/${ids.own}/findings/DISCIPLINE/accountability`))).toEqual(row(403, 403, 201, 200, 403, 403, 403, 403, 403));
    expect(await each((c) => c.post(`/api/inspections/${ids.otherCenter}/findings/DISCIPLINE/accountability`))).toEqual(row(403, 403, 404, 404, 403, 403, 403, 403, 403));
  });
});
