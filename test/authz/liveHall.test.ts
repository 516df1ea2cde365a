// Who may see which windows on the live map and manage the queue system's keys: every role × a window
// of the actor's own department, of another department and of another center. Written out by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hallSnapshotSchema } from "../../server/src/contracts/liveHall.ts";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { createQueueKey } from "../../server/src/domain/liveHall/queueKeys.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { row, signInEveryRole, type Expect } from "../support/roleMatrix.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let clients: Map<Role, ApiClient>;
let c1: number;
let c2: number;
let windows: { own: number; otherDept: number; otherCenter: number };
let foreignKeyId: number;

beforeAll(async () => {
  server = await startTestServer({ halls: 2 });
  const { prisma } = server.services;
  const centers = await prisma.center.findMany({ orderBy: { id: "asc" } });
  [c1, c2] = [centers[0]!.id, centers[1]!.id];
  accounts = await demoAccounts(server, c1);
  clients = await signInEveryRole(server.url, accounts);
  const dept = accounts.LIAISON.departmentId!;
  windows = {
    own: (await prisma.window.findFirstOrThrow({ where: { centerId: c1, departments: { some: { departmentId: dept } } } })).id,
    otherDept: (await prisma.window.findFirstOrThrow({ where: { centerId: c1, departments: { none: { departmentId: dept } } } })).id,
    otherCenter: (await prisma.window.findFirstOrThrow({ where: { centerId: c2 } })).id,
  };
  foreignKeyId = (await createQueueKey(server.services, { auditActor: { userId: null, role: "SYSTEM", centerId: c2 }, centerId: c2, createdById: 0, name: "c2" })).id;
});
afterAll(async () => {
  await server?.stop();
});

// Columns: ADMIN SECURITY_ADMIN LEADER SUPERVISOR STAFF LIAISON AUDITOR CITY_LEADER CITY_AUDITOR
const matrix: [string, (role: Role) => Promise<number>, Expect][] = [
  ["GET own center's map", (r) => status(r, "GET", "/api/live/snapshot"), row(200, 403, 200, 200, 403, 200, 403, 200, 403)],
  ["GET another center's map", (r) => status(r, "GET", `/api/live/snapshot?centerId=${c2}`), row(403, 403, 403, 403, 403, 403, 403, 200, 403)],
  ["GET detail, own department's window", (r) => status(r, "GET", `/api/live/windows/${windows.own}`), row(200, 403, 200, 200, 403, 200, 403, 200, 403)],
  ["GET detail, other department's window", (r) => status(r, "GET", `/api/live/windows/${windows.otherDept}`), row(200, 403, 200, 200, 403, 404, 403, 200, 403)],
  ["GET detail, other center's window", (r) => status(r, "GET", `/api/live/windows/${windows.otherCenter}`), row(404, 403, 404, 404, 403, 404, 403, 200, 403)],
  ["GET queue keys", (r) => status(r, "GET", "/api/queue/keys"), row(200, 403, 403, 403, 403, 403, 403, 403, 403)],
  ["POST revoke another center's key", (r) => status(r, "POST", `/api/queue/keys/${foreignKeyId}/revoke`), row(404, 403, 403, 403, 403, 403, 403, 403, 403)],
];

async function status(role: Role, method: "GET" | "POST", path: string): Promise<number> {
  const c = clients.get(role)!;
  return (method === "GET" ? await c.get(path) : await c.post(path)).status;
}

describe("live hall × role × scope", () => {
  for (const [name, call, expected] of matrix) {
    it(name, async () => {
      const got = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await call(role)] as const)));
      expect(got).toEqual(expected);
    });
  }

  it("a city leader's map of the other center holds only that center's windows", async () => {
    const snap = hallSnapshotSchema.parse((await clients.get("CITY_LEADER")!.get(`/api/live/snapshot?centerId=${c2}`)).body);
    const ids = new Set((await server.services.prisma.window.findMany({ where: { centerId: c2 }, select: { id: true } })).map((w) => w.id));
    expect(snap.tiles.length).toBeGreaterThan(0);
    expect(snap.tiles.every((t) => ids.has(t.windowId))).toBe(true);
    expect(snap.stream).toBe(`center:${c2}`);
  });

  it("without a session the map, the detail and key management answer 401", async () => {
    const anonymous = new ApiClient(server.url);
    for (const path of ["/api/live/snapshot", `/api/live/windows/${windows.own}`, "/api/queue/keys"]) expect((await anonymous.get(path)).status).toBe(401);
  });
});
