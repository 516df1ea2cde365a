// The authorization matrix: every role × every route × a resource of its own, of another department
// and of another center. Expectations are written out here by hand — not derived from the policies —
// so a policy change that widens access makes this test fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { row, type Expect, signInEveryRole } from "../support/roleMatrix.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
// Targets: resources in the actor's own department, in another department of the same center, and in another center
interface Targets {
  department: { own: number; otherDept: number; otherCenter: number };
  window: { own: number; otherDept: number; otherCenter: number };
  staff: { own: number; otherDept: number; otherCenter: number };
  item: { own: number; otherDept: number; otherCenter: number };
  user: { own: number; otherCenter: number };
}
let targets: Targets;

beforeAll(async () => {
  server = await startTestServer({ halls: 2 });
  const { prisma } = server.services;
  const centers = await prisma.center.findMany({ orderBy: { id: "asc" } });
  const [c1, c2] = [centers[0]!.id, centers[1]!.id];
  accounts = await demoAccounts(server, c1);
  expect(Object.keys(accounts).sort()).toEqual([...ROLES].sort());

  // The liaison's department is "own"; the STAFF account's own staff row is "own" for staff. The
  // liaison is picked from another department than the staff member, so "own" means one thing per role.
  const staffRow = await prisma.staff.findUniqueOrThrow({ where: { id: accounts.STAFF.staffId! } });
  const liaison = await prisma.user.findFirstOrThrow({ where: { centerId: c1, role: "LIAISON", departmentId: { not: staffRow.departmentId } } });
  accounts.LIAISON = { ...accounts.LIAISON, userId: liaison.id, username: liaison.username, departmentId: liaison.departmentId };
  const liaisonDept = liaison.departmentId!;
  const otherDept = await prisma.department.findFirstOrThrow({ where: { centerId: c1, id: { notIn: [liaisonDept, staffRow.departmentId] } } });
  const foreignDept = await prisma.department.findFirstOrThrow({ where: { centerId: c2 } });
  const windowOf = (departmentId: number) => prisma.window.findFirstOrThrow({ where: { departments: { some: { departmentId } } } });
  const staffOf = (departmentId: number) => prisma.staff.findFirstOrThrow({ where: { departmentId } });
  const itemOf = (departmentId: number) => prisma.serviceItem.findFirstOrThrow({ where: { departmentId } });
  targets = {
    department: { own: liaisonDept, otherDept: otherDept.id, otherCenter: foreignDept.id },
    window: { own: (await windowOf(liaisonDept)).id, otherDept: (await windowOf(otherDept.id)).id, otherCenter: (await windowOf(foreignDept.id)).id },
    staff: { own: staffRow.id, otherDept: (await staffOf(otherDept.id)).id, otherCenter: (await staffOf(foreignDept.id)).id },
    item: { own: (await itemOf(liaisonDept)).id, otherDept: (await itemOf(otherDept.id)).id, otherCenter: (await itemOf(foreignDept.id)).id },
    user: {
      own: (await prisma.user.findFirstOrThrow({ where: { centerId: c1, role: "SUPERVISOR" } })).id,
      otherCenter: (await prisma.user.findFirstOrThrow({ where: { centerId: c2, role: "SUPERVISOR" } })).id,
    },
  };
  for (const [role, client] of await signInEveryRole(server.url, accounts)) clients.set(role, client);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});


//                               ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
const LISTS: Record<string, Expect> = {
  "/api/overview": row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  "/api/centers": row(200, 403, 200, 403, 403, 403, 403, 200, 200),
  "/api/departments": row(200, 403, 200, 200, 403, 200, 403, 200, 403),
  "/api/windows": row(200, 403, 200, 200, 200, 200, 403, 200, 403),
  "/api/staff": row(200, 403, 200, 200, 200, 200, 403, 200, 403),
  "/api/items": row(200, 403, 200, 200, 200, 403, 403, 200, 403),
  "/api/users": row(200, 200, 403, 403, 403, 403, 403, 403, 403),
  "/api/audit": row(403, 403, 403, 403, 403, 403, 200, 403, 200),
};

describe("lists: every role × every list route", () => {
  for (const [route, expected] of Object.entries(LISTS)) {
    for (const role of ROLES) {
      it(`${role} GET ${route} → ${expected[role]}`, async () => {
        const res = await clients.get(role)!.get(route);
        expect(res.status).toBe(expected[role]);
        if (res.status === 403) expect((res.body as { error: { code: string } }).error.code).toBe("FORBIDDEN");
      });
    }
  }

  it("without a session every route answers 401 UNAUTHORIZED", async () => {
    const anonymous = new ApiClient(server.url);
    for (const route of Object.keys(LISTS)) {
      const res = await anonymous.get<{ error: { code: string } }>(route);
      expect(res.status, route).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHORIZED");
    }
  });
});

describe("lists are scoped to what the role may see", () => {
  interface Row { centerId: number; departmentId?: number; departmentIds?: number[]; id: number }
  const listAll = async (role: Role, route: string) => (await clients.get(role)!.get<{ items: Row[]; total: number }>(`${route}?pageSize=500`)).body;

  it("center roles see only their own center's rows", async () => {
    for (const role of ["ADMIN", "LEADER", "SUPERVISOR"] as const) {
      for (const route of ["/api/departments", "/api/windows", "/api/staff", "/api/items"]) {
        const body = await listAll(role, route);
        expect(body.items.length, `${role} ${route}`).toBeGreaterThan(0);
        expect(new Set(body.items.map((r) => r.centerId))).toEqual(new Set([accounts[role].centerId]));
      }
    }
  });

  it("city leaders see both centers", async () => {
    const body = await listAll("CITY_LEADER", "/api/departments");
    expect(new Set(body.items.map((r) => r.centerId)).size).toBe(2);
    expect(body.total).toBe(66);
  });

  it("a liaison sees only their department, its windows and its staff", async () => {
    const dept = accounts.LIAISON.departmentId!;
    expect((await listAll("LIAISON", "/api/departments")).items.map((d) => d.id)).toEqual([dept]);
    const windows = await listAll("LIAISON", "/api/windows");
    expect(windows.items.length).toBeGreaterThan(0);
    for (const w of windows.items) expect(w.departmentIds).toContain(dept);
    const staff = await listAll("LIAISON", "/api/staff");
    expect(staff.items.length).toBeGreaterThan(0);
    for (const s of staff.items) expect(s.departmentId).toBe(dept);
  });

  it("window staff see only themselves in the staff list", async () => {
    const body = await listAll("STAFF", "/api/staff");
    expect(body.items.map((s) => s.id)).toEqual([accounts.STAFF.staffId]);
  });

  it("auditors see only their center's audit entries; city auditors see all", async () => {
    const own = (await clients.get("AUDITOR")!.get<{ items: { centerId: number | null }[] }>("/api/audit?pageSize=500")).body;
    expect(own.items.length).toBeGreaterThan(0);
    for (const e of own.items) expect(e.centerId).toBe(accounts.AUDITOR.centerId);
    const city = (await clients.get("CITY_AUDITOR")!.get<{ total: number }>("/api/audit?pageSize=1")).body;
    const all = await server.services.prisma.auditEntry.count();
    expect(city.total).toBe(all);
  });
});

// Single resources: own / another department / another center. 404 hides out-of-scope rows.
//                                      ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
const SINGLE: Record<"department" | "window" | "staff" | "item", Record<"own" | "otherDept" | "otherCenter", Expect>> = {
  department: {
    own: row(200, 403, 200, 200, 403, 200, 403, 200, 403),
    otherDept: row(200, 403, 200, 200, 403, 404, 403, 200, 403),
    otherCenter: row(404, 403, 404, 404, 403, 404, 403, 200, 403),
  },
  window: {
    own: row(200, 403, 200, 200, 200, 200, 403, 200, 403),
    otherDept: row(200, 403, 200, 200, 200, 404, 403, 200, 403),
    otherCenter: row(404, 403, 404, 404, 404, 404, 403, 200, 403),
  },
  staff: {
    own: row(200, 403, 200, 200, 200, 404, 403, 200, 403),
    otherDept: row(200, 403, 200, 200, 404, 404, 403, 200, 403),
    otherCenter: row(404, 403, 404, 404, 404, 404, 403, 200, 403),
  },
  item: {
    own: row(200, 403, 200, 200, 200, 403, 403, 200, 403),
    otherDept: row(200, 403, 200, 200, 200, 403, 403, 200, 403),
    otherCenter: row(404, 403, 404, 404, 404, 403, 403, 200, 403),
  },
};
const PATHS = { department: "/api/departments", window: "/api/windows", staff: "/api/staff", item: "/api/items" } as const;

describe("single resources: every role × own / other department / other center", () => {
  for (const [kind, byTarget] of Object.entries(SINGLE) as [keyof typeof SINGLE, (typeof SINGLE)["item"]][]) {
    for (const [target, expected] of Object.entries(byTarget) as ["own" | "otherDept" | "otherCenter", Expect][]) {
      it(`${kind} of ${target}`, async () => {
        const id = targets[kind][target];
        const got: Partial<Expect> = {};
        for (const role of ROLES) got[role] = (await clients.get(role)!.get(`${PATHS[kind]}/${id}`)).status;
        expect(got).toEqual(expected);
      });
    }
  }
});

describe("accounts: who may read, create, change and unlock", () => {
  it("reading a user of the own center vs another center", async () => {
    const got: Record<string, [number, number]> = {};
    for (const role of ROLES) {
      const c = clients.get(role)!;
      got[role] = [(await c.get(`/api/users/${targets.user.own}`)).status, (await c.get(`/api/users/${targets.user.otherCenter}`)).status];
    }
    expect(got).toEqual({
      ADMIN: [200, 404],
      SECURITY_ADMIN: [200, 404],
      LEADER: [403, 403],
      SUPERVISOR: [403, 403],
      STAFF: [403, 403],
      LIAISON: [403, 403],
      AUDITOR: [403, 403],
      CITY_LEADER: [403, 403],
      CITY_AUDITOR: [403, 403],
    });
  });

  it("only the administrator creates accounts", async () => {
    const got: Partial<Expect> = {};
    for (const role of ROLES) {
      const res = await clients.get(role)!.post("/api/users", {
        username: `new-${role.toLowerCase()}`,
        displayName: "新督查员",
        role: "SUPERVISOR",
        password: "a-good-password-1",
      });
      got[role] = res.status;
    }
    expect(got).toEqual(row(201, 403, 403, 403, 403, 403, 403, 403, 403));
  });

  it("the administrator cannot grant city-level roles", async () => {
    const res = await clients.get("ADMIN")!.post("/api/users", { username: "city2", displayName: "市级", role: "CITY_LEADER", password: "a-good-password-1" });
    expect(res.status).toBe(403);
  });

  it("changing a user: administrator of the same center only", async () => {
    const got: Record<string, [number, number]> = {};
    for (const role of ROLES) {
      const c = clients.get(role)!;
      got[role] = [
        (await c.patch(`/api/users/${targets.user.own}`, { displayName: "改名" })).status,
        (await c.patch(`/api/users/${targets.user.otherCenter}`, { displayName: "改名" })).status,
      ];
    }
    expect(got).toEqual({
      ADMIN: [200, 404],
      SECURITY_ADMIN: [403, 403],
      LEADER: [403, 403],
      SUPERVISOR: [403, 403],
      STAFF: [403, 403],
      LIAISON: [403, 403],
      AUDITOR: [403, 403],
      CITY_LEADER: [403, 403],
      CITY_AUDITOR: [403, 403],
    });
  });

  it("unlocking: administrator and security administrator of the same center", async () => {
    const got: Record<string, [number, number]> = {};
    for (const role of ROLES) {
      const c = clients.get(role)!;
      got[role] = [(await c.post(`/api/users/${targets.user.own}/unlock`)).status, (await c.post(`/api/users/${targets.user.otherCenter}/unlock`)).status];
    }
    expect(got).toEqual({
      ADMIN: [200, 404],
      SECURITY_ADMIN: [200, 404],
      LEADER: [403, 403],
      SUPERVISOR: [403, 403],
      STAFF: [403, 403],
      LIAISON: [403, 403],
      AUDITOR: [403, 403],
      CITY_LEADER: [403, 403],
      CITY_AUDITOR: [403, 403],
    });
  });

  it("nobody can write to the audit log through the API", async () => {
    for (const role of ROLES) {
      const c = clients.get(role)!;
      expect((await c.post("/api/audit", { action: "x" })).status, role).toBe(405);
      expect((await c.request("DELETE", "/api/audit")).status, role).toBe(405);
    }
  });
});
