// The authorization matrix for alerts: every role × reading the feed and the history × acknowledging an
// alert of the own center (in and outside a liaison's department) and of another center. Written out by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import type { PrismaClient } from "../../server/src/db/database.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { row, signInEveryRole, type Expect } from "../support/roleMatrix.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
const alerts = { liaisonDept: 0, otherDept: 0, otherCenter: 0 };
let n = 0;

async function insertAlert(prisma: PrismaClient, centerId: number, windowId: number): Promise<number> {
  const a = await prisma.alert.create({ data: { centerId, sourceKey: `matrix:${++n}`, kind: "WINDOW_UNATTENDED", severity: "RED", windowId, subjectId: String(windowId), message: "测试", createdAt: new Date() } });
  return a.id;
}

beforeAll(async () => {
  server = await startTestServer({ halls: 2 });
  const { prisma } = server.services;
  const centers = await prisma.center.findMany({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, centers[0]!.id);
  for (const [role, client] of await signInEveryRole(server.url, accounts)) clients.set(role, client);
  const dept = accounts.LIAISON.departmentId!;
  const inDept = await prisma.window.findFirstOrThrow({ where: { centerId: centers[0]!.id, departments: { some: { departmentId: dept } } } });
  const outDept = await prisma.window.findFirstOrThrow({ where: { centerId: centers[0]!.id, departments: { none: { departmentId: dept } } } });
  const otherCenter = await prisma.window.findFirstOrThrow({ where: { centerId: centers[1]!.id } });
  alerts.liaisonDept = await insertAlert(prisma, centers[0]!.id, inDept.id);
  alerts.otherDept = await insertAlert(prisma, centers[0]!.id, outDept.id);
  alerts.otherCenter = await insertAlert(prisma, centers[1]!.id, otherCenter.id);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function each(call: (client: ApiClient, role: Role) => Promise<{ status: number }>): Promise<Expect> {
  const got = {} as Expect;
  for (const role of ROLES) got[role] = (await call(clients.get(role)!, role)).status;
  return got;
}

//                                                   ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
describe("alerts", () => {
  it("GET /api/alerts and the history", async () => {
    expect(await each((c) => c.get("/api/alerts"))).toEqual(row(403, 403, 200, 200, 403, 200, 403, 200, 403));
    expect(await each((c) => c.get("/api/alerts?status=history"))).toEqual(row(403, 403, 200, 200, 403, 200, 403, 200, 403));
  });
  it("POST /api/alerts/:id/acknowledge, another center's", async () => {
    expect(await each((c) => c.post(`/api/alerts/${alerts.otherCenter}/acknowledge`, {}))).toEqual(row(403, 403, 404, 404, 403, 404, 403, 403, 403));
  });
  it("POST /api/alerts/:id/acknowledge, outside the liaison's department", async () => {
    expect(await each((c) => c.post(`/api/alerts/${alerts.otherDept}/acknowledge`, {}))).toEqual(row(403, 403, 200, 409, 403, 404, 403, 403, 403));
  });
  it("POST /api/alerts/:id/acknowledge, in the liaison's department", async () => {
    expect(await each((c) => c.post(`/api/alerts/${alerts.liaisonDept}/acknowledge`, {}))).toEqual(row(403, 403, 200, 409, 403, 403, 403, 403, 403));
  });
});
