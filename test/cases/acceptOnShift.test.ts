// Acceptance happens on shift: a staff member accepts cases only at the window they are signed in at
// (CASE_NOT_ON_SHIFT otherwise, nothing written); signing in through the shift API opens it, signing
// out closes it again; the acceptance form is told which window that is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { caseFixture, citizen, type CaseFixture } from "../support/caseFixtures.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let fx: CaseFixture;
let staff: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ clock });
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
  fx = await caseFixture(server, accounts.STAFF.staffId!); // signs the staff member in at fx.windowId
  staff = new ApiClient(server.url);
  await staff.login(accounts.STAFF.username, accounts.STAFF.password);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const accept = (n: number) => staff.post<{ caseNo: string }>("/api/cases", { windowId: fx.windowId, itemId: fx.itemId, ...citizen(n) });
const errorCode = (body: unknown) => (body as { error?: { code: string } }).error?.code;

describe("accepting a case on shift", () => {
  it("accepts at the window the staff member is signed in at, and the form knows that window", async () => {
    expect((await accept(1)).status).toBe(201);
    const options = await staff.get<{ signedInWindowId: number | null }>("/api/cases/intake-options");
    expect(options.body.signedInWindowId).toBe(fx.windowId);
  });

  it("refuses with CASE_NOT_ON_SHIFT after signing out, writes nothing, and accepts again after signing in", async () => {
    expect((await staff.post("/api/shifts/me/sign-out")).status).toBe(200);
    const before = await server.services.prisma.case.count();
    const refused = await accept(2);
    expect([refused.status, errorCode(refused.body)]).toEqual([409, "CASE_NOT_ON_SHIFT"]);
    expect((refused.body as unknown as { error: { message: string } }).error.message).toContain("签到");
    expect(await server.services.prisma.case.count()).toBe(before);
    expect((await staff.get<{ signedInWindowId: number | null }>("/api/cases/intake-options")).body.signedInWindowId).toBeNull();

    expect((await staff.post("/api/shifts/me/sign-in", { windowId: fx.windowId })).status).toBe(201);
    expect((await accept(2)).status).toBe(201);
  });

  it("refuses at another window of the staff member's own while signed in elsewhere", async () => {
    const { prisma } = server.services;
    const other = await prisma.windowStaff.findFirst({ where: { staffId: accounts.STAFF.staffId!, windowId: { not: fx.windowId } } });
    const windowId = other?.windowId ?? (await prisma.windowStaff.create({ data: { staffId: accounts.STAFF.staffId!, windowId: fx.foreignWindowId, backup: true } })).windowId;
    const res = await staff.post("/api/cases", { windowId, itemId: fx.itemId, ...citizen(3) });
    expect([res.status, errorCode(res.body)]).toEqual([409, "CASE_NOT_ON_SHIFT"]);
  });

  it("still refuses a window the staff member neither works at nor is signed in at as WINDOW_NOT_ASSIGNED", async () => {
    const { prisma } = server.services;
    const stranger = await prisma.window.findFirstOrThrow({ where: { centerId: accounts.STAFF.centerId!, staff: { none: { staffId: accounts.STAFF.staffId! } } } });
    const res = await staff.post("/api/cases", { windowId: stranger.id, itemId: fx.itemId, ...citizen(4) });
    expect([res.status, errorCode(res.body)]).toEqual([403, "WINDOW_NOT_ASSIGNED"]);
  });
});
