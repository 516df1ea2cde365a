// The authorization matrix for the 好差评 reports and exports (#6): every role × every route. Center
// leaders and hall supervisors read the center; a department liaison reads only their own
// department's figures (the hall as a whole and another department are refused, and their lists hold
// only their department's staff); city-level leaders read a center they name; staff, administrators,
// the security administrator and auditors (audit log only, 三员分立) have no access. The public rating-link routes need no
// login. Written out by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RatingReportDto } from "../../server/src/contracts/ratingReports.ts";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { row, signInEveryRole, type Expect } from "../support/roleMatrix.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
let centerId = 0;
let ownDepartment = 0;
let otherDepartment = 0;
const RANGE = "from=2026-11-01&to=2026-11-20";

beforeAll(async () => {
  server = await startTestServer();
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  centerId = center.id;
  accounts = await demoAccounts(server, center.id);
  for (const [role, client] of await signInEveryRole(server.url, accounts)) clients.set(role, client);
  ownDepartment = accounts.LIAISON.departmentId!;
  otherDepartment = (await prisma.department.findFirstOrThrow({ where: { centerId, id: { not: ownDepartment }, staff: { some: {} } }, orderBy: { id: "asc" } })).id;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function each(call: (client: ApiClient, role: Role) => Promise<{ status: number }>): Promise<Expect> {
  const got = {} as Expect;
  for (const role of ROLES) got[role] = (await call(clients.get(role)!, role)).status;
  return got;
}

//                                                                                     ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
describe("rating reports", () => {
  it("GET /api/rating-reports — the hall", async () => {
    expect(await each((c) => c.get(`/api/rating-reports?${RANGE}&centerId=${centerId}`))).toEqual(row(403, 403, 200, 200, 403, 403, 403, 200, 403));
    expect((await new ApiClient(server.url).get(`/api/rating-reports?${RANGE}`)).status).toBe(401);
  });
  it("GET /api/rating-reports — a city-level account must name the center", async () => {
    expect(await each((c) => c.get(`/api/rating-reports?${RANGE}`))).toEqual(row(403, 403, 200, 200, 403, 403, 403, 400, 403));
    expect(await each((c) => c.get(`/api/rating-reports?${RANGE}&centerId=999999`))).toEqual(row(403, 403, 404, 404, 403, 403, 403, 404, 403));
  });
  it("GET /api/rating-reports — the liaison's own department, and another department", async () => {
    expect(await each((c) => c.get(`/api/rating-reports?${RANGE}&centerId=${centerId}&scope=DEPARTMENT&departmentId=${ownDepartment}`))).toEqual(row(403, 403, 200, 200, 403, 200, 403, 200, 403));
    expect(await each((c) => c.get(`/api/rating-reports?${RANGE}&centerId=${centerId}&scope=STAFF&departmentId=${otherDepartment}`))).toEqual(row(403, 403, 200, 200, 403, 403, 403, 200, 403));
  });
  it("a liaison's staff and department figures hold only their own department, whatever they ask for", async () => {
    const { prisma } = server.services;
    const own = new Set((await prisma.staff.findMany({ where: { departmentId: ownDepartment }, select: { id: true } })).map((s) => s.id));
    const liaison = clients.get("LIAISON")!;
    const staff = await liaison.get<RatingReportDto>(`/api/rating-reports?${RANGE}&scope=STAFF`);
    expect(staff.status).toBe(200);
    expect(staff.body.departmentId).toBe(ownDepartment);
    expect(staff.body.totals.length).toBeGreaterThan(0);
    expect(staff.body.totals.every((t) => own.has(t.subjectId!))).toBe(true);
    const departments = await liaison.get<RatingReportDto>(`/api/rating-reports?${RANGE}&scope=DEPARTMENT`);
    expect(departments.body.totals.map((t) => t.subjectId)).toEqual([ownDepartment]);
    // A leader sees more than one department
    const all = await clients.get("LEADER")!.get<RatingReportDto>(`/api/rating-reports?${RANGE}&scope=DEPARTMENT`);
    expect(all.body.totals.length).toBeGreaterThan(1);
  });
  it("GET /api/rating-reports/export.xlsx — as the figures", async () => {
    expect(await each((c) => c.get(`/api/rating-reports/export.xlsx?${RANGE}&centerId=${centerId}&scope=WINDOW`))).toEqual(row(403, 403, 200, 200, 403, 200, 403, 200, 403));
    expect(await each((c) => c.get(`/api/rating-reports/export.xlsx?${RANGE}&centerId=${centerId}`))).toEqual(row(403, 403, 200, 200, 403, 403, 403, 200, 403));
  });
  it("GET /api/rating-reports/gbt39046.csv — the rating records (a liaison's narrowed to their department)", async () => {
    expect(await each((c) => c.get(`/api/rating-reports/gbt39046.csv?${RANGE}&centerId=${centerId}`))).toEqual(row(403, 403, 200, 200, 403, 200, 403, 200, 403));
    expect(await each((c) => c.get(`/api/rating-reports/gbt39046.csv?${RANGE}&centerId=${centerId}&departmentId=${otherDepartment}`))).toEqual(row(403, 403, 200, 200, 403, 403, 403, 200, 403));
    expect((await new ApiClient(server.url).get(`/api/rating-reports/gbt39046.csv?${RANGE}`)).status).toBe(401);
  });
});

describe("rating links (public: no login, the same answer for every role)", () => {
  it("POST /api/rating-links/lookup and /rate with an unknown token", async () => {
    const token = "Z".repeat(24);
    expect(await each((c) => c.post("/api/rating-links/lookup", { token }))).toEqual(row(404, 404, 404, 404, 404, 404, 404, 404, 404));
    expect((await new ApiClient(server.url).post("/api/rating-links/rate", { token, level: 5 })).status).toBe(404);
  });
});
