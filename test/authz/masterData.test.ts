// The authorization matrix of issue #3's routes: master-data writes, exports, imports, shifts,
// absences, settings and the public catalogue — every role × route, and for writes to single rows a
// row of the own center and of another center. Written out by hand, not derived from the policies.
// Writes are probed with bodies the schema rejects, so an allowed role answers 400 and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { row, type Expect, signInEveryRole } from "../support/roleMatrix.ts";

let server: TestServer;
const clients = new Map<Role, ApiClient>();
const ids = { own: {} as Record<string, number>, otherCenter: {} as Record<string, number> };

beforeAll(async () => {
  server = await startTestServer({ halls: 2 });
  const { prisma } = server.services;
  const [c1, c2] = (await prisma.center.findMany({ orderBy: { id: "asc" } })).map((c) => c.id);
  for (const [key, centerId] of [["own", c1!], ["otherCenter", c2!]] as const) {
    ids[key] = {
      departments: (await prisma.department.findFirstOrThrow({ where: { centerId } })).id,
      windows: (await prisma.window.findFirstOrThrow({ where: { centerId } })).id,
      staff: (await prisma.staff.findFirstOrThrow({ where: { centerId } })).id,
      items: (await prisma.serviceItem.findFirstOrThrow({ where: { centerId } })).id,
    };
  }
  const accounts = await demoAccounts(server, c1!);
  for (const [role, client] of await signInEveryRole(server.url, accounts)) clients.set(role, client);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});


interface Probe {
  method: "GET" | "POST" | "PATCH" | "PUT";
  path: string;
  json?: unknown;
}
const probe = (c: ApiClient, p: Probe) => c.request(p.method, p.path, p.json === undefined ? {} : { json: p.json });
const BAD = { bogus: 1 };

//                                                                ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
const ROUTES: [Probe, Expect][] = [
  [{ method: "POST", path: "/api/departments", json: BAD }, row(400, 403, 403, 403, 403, 403, 403, 403, 403)],
  [{ method: "POST", path: "/api/windows", json: BAD }, row(400, 403, 403, 403, 403, 403, 403, 403, 403)],
  [{ method: "POST", path: "/api/staff", json: BAD }, row(400, 403, 403, 403, 403, 403, 403, 403, 403)],
  [{ method: "POST", path: "/api/items", json: BAD }, row(400, 403, 403, 403, 403, 403, 403, 403, 403)],
  [{ method: "GET", path: "/api/departments/export.xlsx" }, row(200, 403, 200, 200, 403, 200, 403, 200, 403)],
  [{ method: "GET", path: "/api/windows/export.xlsx" }, row(200, 403, 200, 200, 200, 200, 403, 200, 403)],
  [{ method: "GET", path: "/api/staff/export.xlsx" }, row(200, 403, 200, 200, 200, 200, 403, 200, 403)],
  [{ method: "GET", path: "/api/items/export.xlsx" }, row(200, 403, 200, 200, 200, 403, 403, 200, 403)],
  [{ method: "GET", path: "/api/imports/items/template.xlsx" }, row(200, 403, 403, 403, 403, 403, 403, 403, 403)],
  [{ method: "POST", path: "/api/imports/items", json: BAD }, row(415, 403, 403, 403, 403, 403, 403, 403, 403)],
  [{ method: "GET", path: "/api/shifts/me" }, row(403, 403, 403, 403, 200, 403, 403, 403, 403)],
  [{ method: "POST", path: "/api/shifts/me/sign-in", json: BAD }, row(403, 403, 403, 403, 400, 403, 403, 403, 403)],
  [{ method: "POST", path: "/api/shifts/me/pause", json: BAD }, row(403, 403, 403, 403, 400, 403, 403, 403, 403)],
  [{ method: "POST", path: "/api/shifts/me/resume" }, row(403, 403, 403, 403, 409, 403, 403, 403, 403)],
  [{ method: "POST", path: "/api/shifts/me/sign-out" }, row(403, 403, 403, 403, 409, 403, 403, 403, 403)],
  [{ method: "GET", path: "/api/shifts" }, row(200, 403, 200, 200, 403, 403, 403, 403, 403)],
  [{ method: "GET", path: "/api/absences" }, row(403, 403, 200, 200, 403, 403, 403, 403, 403)],
  [{ method: "POST", path: "/api/absences", json: BAD }, row(403, 403, 400, 400, 403, 403, 403, 403, 403)],
  [{ method: "GET", path: "/api/settings" }, row(200, 403, 200, 200, 403, 403, 403, 403, 403)],
  [{ method: "PUT", path: "/api/settings", json: BAD }, row(400, 403, 403, 403, 403, 403, 403, 403, 403)],
  [{ method: "GET", path: "/api/public/catalog" }, row(200, 200, 200, 200, 200, 200, 200, 200, 200)],
  [{ method: "GET", path: "/api/public/catalog/items" }, row(200, 200, 200, 200, 200, 200, 200, 200, 200)],
];

describe("every role × every route of #3", () => {
  for (const [p, expected] of ROUTES) {
    it(`${p.method} ${p.path}`, async () => {
      const got: Partial<Expect> = {};
      for (const role of ROLES) got[role] = (await probe(clients.get(role)!, p)).status;
      expect(got).toEqual(expected);
    });
  }

  it("without a session every route but the public catalogue answers 401", async () => {
    const anonymous = new ApiClient(server.url);
    for (const [p] of ROUTES) {
      const status = (await probe(anonymous, p)).status;
      expect(status, `${p.method} ${p.path}`).toBe(p.path.startsWith("/api/public/") ? 200 : 401);
    }
  });
});

// Edits of single rows: the own center vs another center (404 hides the other center's rows).
//                                                     ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
const EDITS: Record<"own" | "otherCenter", Expect> = {
  own: row(400, 403, 403, 403, 403, 403, 403, 403, 403),
  otherCenter: row(404, 403, 403, 403, 403, 403, 403, 403, 403),
};

describe("edits: every role × own center / other center", () => {
  for (const kind of ["departments", "windows", "staff", "items"] as const) {
    for (const target of ["own", "otherCenter"] as const) {
      it(`PATCH /api/${kind}/:id of ${target}`, async () => {
        const got: Partial<Expect> = {};
        for (const role of ROLES) got[role] = (await clients.get(role)!.patch(`/api/${kind}/${ids[target][kind]}`, BAD)).status;
        expect(got).toEqual(EDITS[target]);
      });
    }
    for (const target of ["own", "otherCenter"] as const) {
      if (kind !== "windows") continue;
      it(`PUT /api/windows/:id/items and /staff of ${target}`, async () => {
        for (const sub of ["items", "staff"]) {
          const got: Partial<Expect> = {};
          for (const role of ROLES) got[role] = (await clients.get(role)!.request("PUT", `/api/windows/${ids[target].windows}/${sub}`, { json: BAD })).status;
          expect(got, sub).toEqual(EDITS[target]);
        }
      });
    }
  }
});
