// The authorization matrix of issue #5's routes: rating pads (/api/devices), invitations and the live
// feed, for every role × own center / another center. Expectations are written out by hand.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { issueDeviceToken } from "../../server/src/domain/devices/manageDevices.ts";
import { createInvitation } from "../../server/src/domain/evaluations/createInvitation.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { row, type Expect, signInEveryRole } from "../support/roleMatrix.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
let c1: number;
let c2: number;
let ownWindow: number;
let otherCenterWindow: number;
let staffWindow: number;


const system = (centerId: number) => ({ userId: null, role: "SYSTEM", centerId });
const newDevice = async (centerId: number, windowId: number) =>
  (await issueDeviceToken(server.services, { centerId, windowId, name: "matrix pad", auditActor: system(centerId) })).device.id;

beforeAll(async () => {
  server = await startTestServer({ halls: 2 });
  const { prisma } = server.services;
  const centers = await prisma.center.findMany({ orderBy: { id: "asc" } });
  [c1, c2] = [centers[0]!.id, centers[1]!.id];
  accounts = await demoAccounts(server, c1);
  const windows = await prisma.window.findMany({ where: { centerId: c1 }, orderBy: { number: "asc" }, take: 2 });
  ownWindow = windows[0]!.id;
  staffWindow = windows[1]!.id;
  otherCenterWindow = (await prisma.window.findFirstOrThrow({ where: { centerId: c2 } })).id;
  // The staff account is signed in at its window; ratings exist in both centers.
  await prisma.shift.create({ data: { centerId: c1, windowId: staffWindow, staffId: accounts.STAFF.staffId!, startedAt: new Date(Date.now() - 60_000) } });
  for (const [centerId, windowId] of [[c1, ownWindow], [c2, otherCenterWindow]] as const) {
    const now = new Date();
    await prisma.evaluation.create({
      data: { id: randomUUID(), centerId, windowId, channel: "HALL_PAD", level: 5, reasons: [], indicatorVersion: "t", bound: false, ratedAt: now, receivedAt: now },
    });
  }
  for (const [role, client] of await signInEveryRole(server.url, accounts)) clients.set(role, client);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe("rating pads (/api/devices)", () => {
  it("lists pads for the administrator only", async () => {
    const expected = row(200, 403, 403, 403, 403, 403, 403, 403, 403);
    for (const role of ROLES) expect([role, (await clients.get(role)!.get("/api/devices")).status]).toEqual([role, expected[role]]);
  });

  it("adds a pad for a window of the own center only, and only as administrator", async () => {
    const own = row(201, 403, 403, 403, 403, 403, 403, 403, 403);
    const foreign = row(400, 403, 403, 403, 403, 403, 403, 403, 403);
    for (const role of ROLES) {
      const c = clients.get(role)!;
      expect([role, "own", (await c.post("/api/devices", { windowId: ownWindow, name: "p" })).status]).toEqual([role, "own", own[role]]);
      expect([role, "otherCenter", (await c.post("/api/devices", { windowId: otherCenterWindow, name: "p" })).status]).toEqual([role, "otherCenter", foreign[role]]);
    }
  });

  it("renews codes and revokes pads of the own center only", async () => {
    const own = row(200, 403, 403, 403, 403, 403, 403, 403, 403);
    const foreign = row(404, 403, 403, 403, 403, 403, 403, 403, 403);
    for (const role of ROLES) {
      const c = clients.get(role)!;
      for (const action of ["pairing-code", "revoke"]) {
        const mine = await newDevice(c1, ownWindow);
        const theirs = await newDevice(c2, otherCenterWindow);
        expect([role, action, "own", (await c.post(`/api/devices/${mine}/${action}`, {})).status]).toEqual([role, action, "own", own[role]]);
        expect([role, action, "otherCenter", (await c.post(`/api/devices/${theirs}/${action}`, {})).status]).toEqual([role, action, "otherCenter", foreign[role]]);
      }
    }
  });

  it("lets anyone (a pad has no login) try a pairing code; a wrong one is a 400", async () => {
    for (const role of ROLES) expect([role, (await clients.get(role)!.post("/api/devices/pair", { code: "00000000" })).status]).toEqual([role, 400]);
    const anonymous = new ApiClient(server.url);
    const res = await anonymous.post<{ error: { code: string } }>("/api/devices/pair", { code: "12345678" });
    expect([res.status, res.body.error.code]).toEqual([400, "PAIRING_CODE_INVALID"]);
  });
});

describe("invitations (/api/invitations)", () => {
  it("staff invite at the window they are signed in to; supervisors and leaders at a window of their center", async () => {
    const own = row(403, 403, 201, 201, 201, 403, 403, 403, 403);
    const foreign = row(403, 403, 404, 404, 409, 403, 403, 403, 403);
    for (const role of ROLES) {
      const c = clients.get(role)!;
      const ownBody = role === "STAFF" ? {} : { windowId: ownWindow };
      expect([role, "own", (await c.post("/api/invitations", ownBody)).status]).toEqual([role, "own", own[role]]);
      expect([role, "otherCenter", (await c.post("/api/invitations", { windowId: otherCenterWindow })).status]).toEqual([role, "otherCenter", foreign[role]]);
    }
  });

  it("cancels an open invitation: staff at that window, supervisors and leaders of the center", async () => {
    const own = row(403, 403, 200, 200, 200, 403, 403, 403, 403);
    const foreign = row(403, 403, 404, 404, 404, 403, 403, 403, 403);
    const open = async (centerId: number, windowId: number) =>
      (await createInvitation(server.services, { centerId, windowId, staffId: null, source: "STAFF_BUTTON", auditActor: system(centerId) })).id;
    for (const role of ROLES) {
      const c = clients.get(role)!;
      const mine = await open(c1, staffWindow);
      const theirs = await open(c2, otherCenterWindow);
      expect([role, "own", (await c.post(`/api/invitations/${mine}/cancel`, {})).status]).toEqual([role, "own", own[role]]);
      expect([role, "otherCenter", (await c.post(`/api/invitations/${theirs}/cancel`, {})).status]).toEqual([role, "otherCenter", foreign[role]]);
    }
  });

  it("refuses staff at a window they are not signed in to", async () => {
    const res = await clients.get("STAFF")!.post<{ error: { code: string } }>("/api/invitations", { windowId: ownWindow });
    expect([res.status, res.body.error.code]).toEqual([409, "NOT_SIGNED_IN_AT_WINDOW"]);
  });
});

describe("the live feed (/api/evaluations/recent)", () => {
  it("is for leaders, supervisors, administrators and city leaders, scoped to their center", async () => {
    const expected = row(200, 403, 200, 200, 403, 403, 403, 200, 403);
    for (const role of ROLES) {
      const res = await clients.get(role)!.get<{ items: { centerId: number }[] }>("/api/evaluations/recent");
      expect([role, res.status]).toEqual([role, expected[role]]);
      if (res.status !== 200) continue;
      const centers = new Set(res.body.items.map((i) => i.centerId));
      if (role === "CITY_LEADER") expect([...centers].sort()).toEqual([c1, c2].sort());
      else expect([...centers]).toEqual([c1]);
    }
  });
});
