// The first-inquiry thresholds are center settings: an administrator sets the end-of-day warning time
// and how many working days an inquiry may stay open; the inquiry sweep uses them (ManualClock, no
// sleeps); out-of-range values are refused with field issues and nothing is saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InquiryDto } from "../../server/src/contracts/inquiries.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { centerSettingsSchema, type CenterSettings } from "../../server/src/contracts/settings.ts";
import { evaluateInquiries } from "../../server/src/domain/inquiries/evaluateInquiries.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 Shanghai
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let admin: ApiClient;
let staff: ApiClient;
let windowId = 0;

beforeAll(async () => {
  server = await startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } });
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
  windowId = (await prisma.windowStaff.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId! } })).windowId;
  admin = new ApiClient(server.url);
  await admin.login(accounts.ADMIN.username, accounts.ADMIN.password);
  staff = new ApiClient(server.url);
  await staff.login(accounts.STAFF.username, accounts.STAFF.password);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const issuesOf = (body: unknown) => ((body as { error: { issues?: { path: string }[] } }).error.issues ?? []).map((i) => i.path);
const putSettings = (body: unknown) => admin.request<CenterSettings>("PUT", "/api/settings", { json: body });
const warnedAt = async (id: number) => (await server.services.prisma.inquiry.findUniqueOrThrow({ where: { id } })).warnedAt;
const records = (id: number) => server.services.prisma.accountabilityRecord.findMany({ where: { inquiryId: id } });

describe("inquiry thresholds as center settings", () => {
  it("defaults to a warning at 17:00 and inaction after 2 working days", async () => {
    const current = await admin.get<CenterSettings>("/api/settings");
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ inquiryWarnAt: "17:00", inquiryInactionWorkingDays: 2 });
  });

  it("refuses a time that is not HH:MM and a day count out of range, saving nothing", async () => {
    const current = centerSettingsSchema.parse((await admin.get("/api/settings")).body);
    const bad = await putSettings({ ...current, inquiryWarnAt: "25:00", inquiryInactionWorkingDays: 0 });
    expect(bad.status).toBe(400);
    expect(issuesOf(bad.body).sort()).toEqual(["inquiryInactionWorkingDays", "inquiryWarnAt"]);
    expect((await admin.get<CenterSettings>("/api/settings")).body.inquiryWarnAt).toBe("17:00");
  });

  it("the sweep warns at the configured time and proposes inaction after the configured working days", async () => {
    const current = centerSettingsSchema.parse((await admin.get("/api/settings")).body);
    const saved = await putSettings({ ...current, inquiryWarnAt: "12:00", inquiryInactionWorkingDays: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ inquiryWarnAt: "12:00", inquiryInactionWorkingDays: 1 });

    const inquiry = (await staff.post<InquiryDto>("/api/inquiries", { windowId, topic: "个体户注销要带什么" })).body;
    clock.set("2026-11-23T03:50:00Z"); // Monday 11:50: before the configured time
    await evaluateInquiries(server.services);
    expect(await warnedAt(inquiry.id)).toBeNull();

    clock.set("2026-11-23T04:10:00Z"); // Monday 12:10: after it, still hours before closing (17:00)
    expect((await evaluateInquiries(server.services)).warned).toBe(1);
    expect(await warnedAt(inquiry.id)).not.toBeNull();
    expect(await records(inquiry.id)).toHaveLength(0);

    clock.set("2026-11-24T03:50:00Z"); // Tuesday 11:50: one working day later, before the time
    await evaluateInquiries(server.services);
    expect(await records(inquiry.id)).toHaveLength(0);

    clock.set("2026-11-24T04:10:00Z"); // Tuesday 12:10
    await evaluateInquiries(server.services);
    await evaluateInquiries(server.services);
    const proposed = await records(inquiry.id);
    expect(proposed).toHaveLength(1);
    expect(proposed[0]).toMatchObject({ kind: "INACTION", source: "AUTO_UNCLOSED_INQUIRY", state: "PROPOSED" });
    expect(proposed[0]!.description).toContain("超过 1 个工作日");
  });
});
