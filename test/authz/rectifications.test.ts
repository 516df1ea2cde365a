// The authorization matrix of the bad-review loop: every role × every rectification route × a ticket of
// the staff member's own, of the liaison's department, of another department and of another center.
// Tickets are opened the way every channel opens them: an EvaluationRow through the ratings' committer.
// Expectations are written out by hand.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { INDICATOR_VERSION } from "../../server/src/contracts/kiosk.ts";
import { evaluationIntake } from "../../server/src/domain/evaluations/submitEvaluation.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { row, signInEveryRole, type Expect } from "../support/roleMatrix.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
interface Post {
  centerId: number;
  windowId: number;
  staffId: number;
}
const posts = {} as Record<"own" | "dept" | "other" | "otherCenter", Post>;

async function openTicket(p: Post): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  const outcome = await evaluationIntake(server.services).committer.submit({
    id,
    centerId: p.centerId,
    windowId: p.windowId,
    staffId: p.staffId,
    itemId: null,
    caseId: null,
    invitationId: null,
    deviceId: null,
    channel: "SMS",
    level: 1,
    reasons: [],
    indicatorVersion: INDICATOR_VERSION,
    comment: null,
    bound: false,
    ratedAt: now,
    receivedAt: now,
    callbackPhone: "13912345678",
  });
  expect(outcome.kind).toBe("stored");
  return id;
}

beforeAll(async () => {
  server = await startTestServer({ halls: 2 });
  const { prisma } = server.services;
  const centers = await prisma.center.findMany({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, centers[0]!.id);
  const staffId = accounts.STAFF.staffId!;
  const ownStaff = await prisma.staff.findUniqueOrThrow({ where: { id: staffId } });
  // The liaison of another department than the staff account's, so the three scopes differ
  const liaison = await prisma.user.findFirstOrThrow({ where: { role: "LIAISON", centerId: centers[0]!.id, departmentId: { not: ownStaff.departmentId } }, orderBy: { id: "asc" } });
  accounts.LIAISON = { ...accounts.LIAISON, userId: liaison.id, username: liaison.username, departmentId: liaison.departmentId };
  for (const [role, client] of await signInEveryRole(server.url, accounts)) clients.set(role, client);
  const liaisonDept = accounts.LIAISON.departmentId!;
  const postOf = async (where: object): Promise<Post> => {
    const ws = await prisma.windowStaff.findFirstOrThrow({ where, include: { window: true } });
    return { centerId: ws.window.centerId, windowId: ws.windowId, staffId: ws.staffId };
  };
  const notLiaisonWindow = { departments: { none: { departmentId: liaisonDept } } };
  posts.own = await postOf({ staffId, window: notLiaisonWindow });
  posts.dept = await postOf({ staff: { departmentId: liaisonDept, id: { not: staffId } }, window: { centerId: centers[0]!.id } });
  posts.other = await postOf({ staff: { departmentId: { not: liaisonDept }, id: { not: staffId } }, window: { centerId: centers[0]!.id, ...notLiaisonWindow } });
  posts.otherCenter = await postOf({ window: { centerId: centers[1]!.id } });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function each(call: (client: ApiClient) => Promise<{ status: number }>): Promise<Expect> {
  const got = {} as Expect;
  for (const role of ROLES) got[role] = (await call(clients.get(role)!)).status;
  return got;
}
/** A fresh ticket per role, for the writes (a step done once is not due again). */
async function eachFresh(post: Post, call: (client: ApiClient, id: string) => Promise<{ status: number }>): Promise<Expect> {
  const got = {} as Expect;
  for (const role of ROLES) got[role] = (await call(clients.get(role)!, await openTicket(post))).status;
  return got;
}
const verify = { verified: true, note: "经核查属实" };

//                                                   ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
describe("rectifications", () => {
  it("GET /api/rectifications", async () => {
    expect(await each((c) => c.get("/api/rectifications"))).toEqual(row(403, 403, 200, 200, 200, 200, 403, 200, 403));
  });

  it("the list holds only what each role may see", async () => {
    const ids = { own: await openTicket(posts.own), dept: await openTicket(posts.dept), other: await openTicket(posts.other), otherCenter: await openTicket(posts.otherCenter) };
    const seen = async (role: Role) => {
      const res = await clients.get(role)!.get<{ items: { id: string }[] }>("/api/rectifications?pageSize=500");
      const listed = new Set(res.body.items.map((i) => i.id));
      return Object.entries(ids).flatMap(([k, id]) => (listed.has(id) ? [k] : []));
    };
    expect(await seen("STAFF")).toEqual(["own"]);
    expect(await seen("LIAISON")).toEqual(["dept"]);
    expect(await seen("SUPERVISOR")).toEqual(["own", "dept", "other"]);
    expect(await seen("CITY_LEADER")).toEqual(["own", "dept", "other", "otherCenter"]);
  });

  it("GET /api/rectifications/:id", async () => {
    const own = await openTicket(posts.own);
    const dept = await openTicket(posts.dept);
    const other = await openTicket(posts.other);
    const otherCenter = await openTicket(posts.otherCenter);
    expect(await each((c) => c.get(`/api/rectifications/${own}`))).toEqual(row(403, 403, 200, 200, 200, 404, 403, 200, 403));
    expect(await each((c) => c.get(`/api/rectifications/${dept}`))).toEqual(row(403, 403, 200, 200, 404, 200, 403, 200, 403));
    expect(await each((c) => c.get(`/api/rectifications/${other}`))).toEqual(row(403, 403, 200, 200, 404, 404, 403, 200, 403));
    expect(await each((c) => c.get(`/api/rectifications/${otherCenter}`))).toEqual(row(403, 403, 404, 404, 404, 404, 403, 200, 403));
  });

  it("POST /api/rectifications/:id/verify (and every step: one policy)", async () => {
    expect(await eachFresh(posts.own, (c, id) => c.post(`/api/rectifications/${id}/verify`, verify))).toEqual(row(403, 403, 200, 200, 200, 404, 403, 403, 403));
    expect(await eachFresh(posts.dept, (c, id) => c.post(`/api/rectifications/${id}/verify`, verify))).toEqual(row(403, 403, 200, 200, 404, 403, 403, 403, 403));
    expect(await eachFresh(posts.otherCenter, (c, id) => c.post(`/api/rectifications/${id}/verify`, verify))).toEqual(row(403, 403, 404, 404, 404, 404, 403, 403, 403));
  });

  it("POST resolve / callback / close refuse those who may not act before judging the order", async () => {
    const own = await openTicket(posts.own);
    expect(await each((c) => c.post(`/api/rectifications/${own}/resolve`, { resolution: "FIX", note: "已更正" }))).toEqual(row(403, 403, 400, 400, 400, 404, 403, 403, 403));
    expect(await each((c) => c.post(`/api/rectifications/${own}/callback`, { reached: true, satisfied: true, note: "满意" }))).toEqual(row(403, 403, 400, 400, 400, 404, 403, 403, 403));
    expect(await each((c) => c.post(`/api/rectifications/${own}/close`, {}))).toEqual(row(403, 403, 400, 400, 400, 404, 403, 403, 403));
  });

  it("GET /api/rectifications/:id/phone: only those who call back", async () => {
    const own = await openTicket(posts.own);
    const dept = await openTicket(posts.dept);
    expect(await each((c) => c.get(`/api/rectifications/${own}/phone`))).toEqual(row(403, 403, 200, 200, 200, 404, 403, 403, 403));
    expect(await each((c) => c.get(`/api/rectifications/${dept}/phone`))).toEqual(row(403, 403, 200, 200, 404, 403, 403, 403, 403));
    const reveals = await server.services.prisma.auditEntry.count({ where: { action: "reveal.rectificationPhone", entityId: { in: [own, dept] } } });
    expect(reveals).toBe(5);
  });
});
