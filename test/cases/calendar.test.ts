// The admin-maintained calendar: a deadline running into a year the package does not know raises an
// admin alert; entering the State Council's holidays and declaring the year moves deadlines and
// answers the alert; closures apply to the own center. Plus who may read and write it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { loadCalendar } from "../../server/src/domain/calendar/officialCalendar.ts";
import { computeDeadline } from "../../server/src/domain/calendar/workingDays.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { caseFixture, citizen } from "../support/caseFixtures.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-12-28T02:00:00Z"); // Monday 2026-12-28 10:00 Shanghai
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
let centerId = 0;

beforeAll(async () => {
  server = await startTestServer({ clock });
  centerId = (await server.services.prisma.center.findFirstOrThrow()).id;
  accounts = await demoAccounts(server, centerId);
  for (const role of ROLES) {
    const c = new ApiClient(server.url);
    await c.login(accounts[role].username, accounts[role].password);
    clients.set(role, c);
  }
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const dueDate = async (acceptedAt: string, limitDays: number) =>
  computeDeadline(await loadCalendar(server.services.prisma, centerId), { acceptedAt: new Date(acceptedAt), limitDays, suspendedDays: 0, closesAt: "17:00" }).dueDate;

describe("the admin-maintained calendar", () => {
  it("raises one admin alert when a deadline runs into an unknown year", async () => {
    const fx = await caseFixture(server, accounts.STAFF.staffId!);
    const staff = clients.get("STAFF")!;
    expect((await staff.post("/api/cases", { windowId: fx.windowId, itemId: fx.itemId, ...citizen(1) })).status).toBe(201);
    expect((await staff.post("/api/cases", { windowId: fx.windowId, itemId: fx.itemId, ...citizen(2) })).status).toBe(201);
    const alerts = await server.services.prisma.alert.findMany({ where: { kind: "CALENDAR_YEAR_UNKNOWN" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toContain("2027");
  });

  it("moves deadlines once the State Council's holidays are entered, and answers the alert when the year is declared", async () => {
    expect(await dueDate("2026-12-31T02:00:00Z", 1)).toBe("2027-01-01"); // the package thinks 2027-01-01 is a working day
    const admin = clients.get("ADMIN")!;
    expect((await admin.post("/api/calendar/days", { date: "2027-01-01", kind: "HOLIDAY", name: "元旦", scope: "OFFICIAL" })).status).toBe(201);
    expect((await admin.post("/api/calendar/days", { date: "2027-01-01", kind: "HOLIDAY", name: "元旦", scope: "OFFICIAL" })).status).toBe(409);
    expect(await dueDate("2026-12-31T02:00:00Z", 1)).toBe("2027-01-04");
    expect((await admin.post("/api/calendar/years", { year: 2027, source: "国办发明电〔2026〕号" })).status).toBe(201);
    const year = await admin.get<{ known: boolean; days: { date: string }[] }>("/api/calendar?year=2027");
    expect(year.body.known).toBe(true);
    expect(year.body.days.map((d) => d.date)).toEqual(["2027-01-01"]);
    expect((await server.services.prisma.alert.findFirstOrThrow({ where: { kind: "CALENDAR_YEAR_UNKNOWN" } })).resolvedAt).not.toBeNull();
  });

  it("applies a center closure to that center's deadlines", async () => {
    expect(await dueDate("2026-12-28T02:00:00Z", 1)).toBe("2026-12-29");
    expect((await clients.get("ADMIN")!.post("/api/calendar/days", { date: "2026-12-29", kind: "CLOSURE", name: "设备检修闭厅", scope: "CENTER" })).status).toBe(201);
    expect(await dueDate("2026-12-28T02:00:00Z", 1)).toBe("2026-12-30");
  });

  it("refuses a closure in the official calendar, a holiday as a center day, and an impossible date", async () => {
    const admin = clients.get("ADMIN")!;
    expect((await admin.post("/api/calendar/days", { date: "2027-02-01", kind: "CLOSURE", name: "x", scope: "OFFICIAL" })).status).toBe(400);
    expect((await admin.post("/api/calendar/days", { date: "2027-02-01", kind: "HOLIDAY", name: "x", scope: "CENTER" })).status).toBe(400);
    expect((await admin.post("/api/calendar/days", { date: "2027-02-30", kind: "HOLIDAY", name: "x", scope: "OFFICIAL" })).status).toBe(400);
  });

  it("role matrix: read and write", async () => {
    const read: Record<string, number> = {};
    const write: Record<string, number> = {};
    for (const role of ROLES) {
      read[role] = (await clients.get(role)!.get("/api/calendar?year=2026")).status;
      write[role] = (await clients.get(role)!.post("/api/calendar/days", { date: "2027-03-0" + (ROLES.indexOf(role) + 1), kind: "CLOSURE", name: "闭厅", scope: "CENTER" })).status;
    }
    //                                ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
    expect(read).toEqual({ ADMIN: 200, SECURITY_ADMIN: 403, LEADER: 200, SUPERVISOR: 200, STAFF: 403, LIAISON: 403, AUDITOR: 403, CITY_LEADER: 403, CITY_AUDITOR: 403 });
    expect(write).toEqual({ ADMIN: 201, SECURITY_ADMIN: 403, LEADER: 403, SUPERVISOR: 403, STAFF: 403, LIAISON: 403, AUDITOR: 403, CITY_LEADER: 403, CITY_AUDITOR: 403 });
  });
});
