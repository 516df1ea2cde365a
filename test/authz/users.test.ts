// The authorization matrix of account role changes and of the users' and audit log's Excel exports:
// every role × route, written out by hand. Role changes are also checked by pair (which role may be
// given or taken away by whom), including an administrator's own account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { row, signInEveryRole, type Expect } from "../support/roleMatrix.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
let otherCenterUser = 0;

beforeAll(async () => {
  server = await startTestServer({ halls: 2 });
  const { prisma } = server.services;
  const [c1, c2] = (await prisma.center.findMany({ orderBy: { id: "asc" } })).map((c) => c.id);
  accounts = await demoAccounts(server, c1!);
  otherCenterUser = (await prisma.user.findFirstOrThrow({ where: { centerId: c2!, role: "SUPERVISOR" } })).id;
  for (const [role, client] of await signInEveryRole(server.url, accounts)) clients.set(role, client);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

//                                                          ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
const ROUTES: [string, Expect][] = [
  ["/api/users/export.xlsx", row(200, 200, 403, 403, 403, 403, 403, 403, 403)],
  ["/api/users/export.xlsx?role=STAFF&active=true", row(200, 200, 403, 403, 403, 403, 403, 403, 403)],
  ["/api/audit/export.xlsx", row(403, 403, 403, 403, 403, 403, 200, 403, 200)],
  ["/api/audit/export.xlsx?action=login&from=2026-01-01T00:00:00Z", row(403, 403, 403, 403, 403, 403, 200, 403, 200)],
];

describe("exports: every role", () => {
  for (const [path, expected] of ROUTES) {
    it(`GET ${path}`, async () => {
      const got: Partial<Expect> = {};
      for (const role of ROLES) got[role] = (await clients.get(role)!.get(path)).status;
      expect(got).toEqual(expected);
    });
  }
});

describe("changing an account's role: every role", () => {
  // A body the schema rejects after the role check would pass: allowed actors answer 400, nothing changes
  it("PATCH /api/users/:id with a role (own center / other center)", async () => {
    const target = accounts.SUPERVISOR.userId;
    const own: Partial<Expect> = {};
    const other: Partial<Expect> = {};
    for (const role of ROLES) {
      own[role] = (await clients.get(role)!.patch(`/api/users/${target}`, { role: "LEADER", displayName: "" })).status;
      other[role] = (await clients.get(role)!.patch(`/api/users/${otherCenterUser}`, { role: "LEADER" })).status;
    }
    expect(own).toEqual(row(400, 403, 403, 403, 403, 403, 403, 403, 403));
    expect(other).toEqual(row(404, 403, 403, 403, 403, 403, 403, 403, 403));
    expect((await server.services.prisma.user.findUniqueOrThrow({ where: { id: target } })).role).toBe("SUPERVISOR");
  });
});

describe("which role an administrator may give or take away", () => {
  const admin = () => clients.get("ADMIN")!;
  //  from          to              status
  const PAIRS: [Role, Role, number][] = [
    ["SUPERVISOR", "LEADER", 200],
    ["LEADER", "AUDITOR", 200],
    ["AUDITOR", "SECURITY_ADMIN", 200],
    ["SECURITY_ADMIN", "ADMIN", 200],
    ["ADMIN", "SUPERVISOR", 200],
    ["SUPERVISOR", "CITY_LEADER", 403],
    ["SUPERVISOR", "CITY_AUDITOR", 403],
  ];
  for (const [from, to, status] of PAIRS) {
    it(`${from} → ${to}: ${status}`, async () => {
      const { prisma } = server.services;
      const user = await prisma.user.create({ data: { centerId: accounts.ADMIN.centerId, username: `pair-${from}-${to}`.toLowerCase(), displayName: "角色测试", role: from, passwordHash: "x" } });
      const res = await admin().patch<{ error?: { code: string } }>(`/api/users/${user.id}`, { role: to });
      expect(res.status).toBe(status);
      if (status === 403) expect(res.body.error?.code).toBe("ROLE_NOT_GRANTABLE");
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe(status === 200 ? to : from);
    });
  }

  it("an administrator cannot take the administrator role away from themselves, nor deactivate themselves", async () => {
    const self = accounts.ADMIN.userId;
    const demote = await admin().patch<{ error: { code: string; issues: { path: string }[] } }>(`/api/users/${self}`, { role: "SUPERVISOR" });
    expect([demote.status, demote.body.error.code, demote.body.error.issues[0]?.path]).toEqual([403, "ROLE_NOT_GRANTABLE", "role"]);
    expect((await admin().patch(`/api/users/${self}`, { active: false })).status).toBe(403);
    expect((await admin().patch(`/api/users/${self}`, { role: "ADMIN", displayName: "管理员" })).status).toBe(200);
    const me = await server.services.prisma.user.findUniqueOrThrow({ where: { id: self } });
    expect([me.role, me.active]).toEqual(["ADMIN", true]);
  });
});
