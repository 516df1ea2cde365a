// First-inquiry responsibility over HTTP with a ManualClock: answered on the spot, handed over and
// acknowledged, refused steps, the end-of-day warning and the inaction proposal after two working days.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InquiryDto } from "../../server/src/contracts/inquiries.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { DEMO_PASSWORD } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";
import { evaluateInquiries } from "../../server/src/domain/inquiries/evaluateInquiries.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 Shanghai
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let first: ApiClient;
let receiver: ApiClient;
let supervisor: ApiClient;
let firstWindowId = 0;
let receiverWindowId = 0;
let receiverStaffId = 0;

beforeAll(async () => {
  server = await startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } });
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow();
  accounts = await demoAccounts(server, center.id);
  firstWindowId = (await prisma.windowStaff.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId! } })).windowId;
  const other = await prisma.user.findFirstOrThrow({ where: { centerId: center.id, role: "STAFF", id: { not: accounts.STAFF.userId }, staff: { windows: { some: { windowId: { not: firstWindowId } } } } }, include: { staff: { include: { windows: true } } } });
  receiverStaffId = other.staffId!;
  receiverWindowId = other.staff!.windows.find((w) => w.windowId !== firstWindowId)!.windowId;
  first = new ApiClient(server.url);
  await first.login(accounts.STAFF.username, accounts.STAFF.password);
  receiver = new ApiClient(server.url);
  await receiver.login(other.username, DEMO_PASSWORD);
  supervisor = new ApiClient(server.url);
  await supervisor.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const code = (body: unknown) => (body as { error: { code: string } }).error.code;
const register = (over: Record<string, unknown> = {}) => first.post<InquiryDto>("/api/inquiries", { windowId: firstWindowId, topic: "新生儿落户需要哪些材料", ...over });

describe("first-inquiry responsibility", () => {
  it("closes an inquiry answered on the spot at once, and needs the answer to do so", async () => {
    const res = await register({ answeredOnSpot: true, outcome: "已告知所需材料清单" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: "CLOSED", outcome: "已告知所需材料清单" });
    expect((await register({ answeredOnSpot: true })).status).toBe(400);
  });

  it("hands over to another window; the receiver acknowledges; the first staff member still owns it until closed", async () => {
    const inquiry = (await register({ askerName: "赵女士", askerPhone: "13912345678" })).body;
    expect(inquiry.state).toBe("OPEN");
    const handed = await first.post<InquiryDto>(`/api/inquiries/${inquiry.id}/handover`, { toWindowId: receiverWindowId, toStaffId: receiverStaffId, note: "属户籍窗口事项" });
    expect(handed.body.state).toBe("HANDED_OVER");
    // not acknowledged yet: no second hand-over
    expect(code((await first.post(`/api/inquiries/${inquiry.id}/handover`, { toWindowId: receiverWindowId })).body)).toBe("INQUIRY_NOT_ACKNOWLEDGED");
    // the first staff member cannot acknowledge for the receiver
    expect(code((await first.post(`/api/inquiries/${inquiry.id}/acknowledge`)).body)).toBe("INQUIRY_NOTHING_TO_ACKNOWLEDGE");
    const inbox = await receiver.get<{ items: InquiryDto[] }>("/api/inquiries");
    expect(inbox.body.items.map((i) => i.id)).toContain(inquiry.id);
    const acked = await receiver.post<InquiryDto>(`/api/inquiries/${inquiry.id}/acknowledge`);
    expect(acked.body.handovers[0]!.acknowledgedAt).not.toBeNull();
    // only the first staff member hands it on
    expect((await receiver.post(`/api/inquiries/${inquiry.id}/handover`, { toWindowId: firstWindowId })).status).toBe(403);
    const closed = await receiver.post<InquiryDto>(`/api/inquiries/${inquiry.id}/close`, { outcome: "已在户籍窗口办理" });
    expect(closed.body.state).toBe("CLOSED");
    expect(closed.body.firstStaffId).toBe(accounts.STAFF.staffId);
    expect(code((await first.post(`/api/inquiries/${inquiry.id}/close`, { outcome: "再次关闭" })).body)).toBe("INQUIRY_CLOSED");
    expect(JSON.stringify(closed.body)).not.toContain("13912345678");
    expect(await server.services.prisma.auditEntry.count({ where: { entity: "Inquiry", entityId: String(inquiry.id) } })).toBe(4);
  });

  it("refuses a hand-over to a staff member who does not work at the window", async () => {
    const inquiry = (await register()).body;
    const res = await first.post(`/api/inquiries/${inquiry.id}/handover`, { toWindowId: firstWindowId, toStaffId: receiverStaffId });
    expect(res.status).toBe(400);
  });

  it("warns once at the end of the working day and proposes inaction after two more working days", async () => {
    const inquiry = (await register({ topic: "营业执照变更流程" })).body;
    clock.set("2026-11-23T08:00:00Z"); // Monday 16:00: not yet
    await evaluateInquiries(server.services);
    expect((await server.services.prisma.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } })).warnedAt).toBeNull();
    clock.set("2026-11-23T09:30:00Z"); // Monday 17:30
    await evaluateInquiries(server.services);
    await evaluateInquiries(server.services);
    expect((await server.services.prisma.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } })).warnedAt).not.toBeNull();
    expect(await server.services.prisma.alert.count({ where: { sourceKey: `inquiry:${inquiry.id}:unclosed` } })).toBe(1);
    const warned = await supervisor.get<{ items: InquiryDto[] }>("/api/inquiries?warned=1");
    expect(warned.body.items.map((i) => i.id)).toContain(inquiry.id);

    clock.set("2026-11-25T08:00:00Z"); // Wednesday 16:00: two working days later, before closing
    await evaluateInquiries(server.services);
    expect(await server.services.prisma.accountabilityRecord.count({ where: { inquiryId: inquiry.id } })).toBe(0);
    clock.set("2026-11-25T09:30:00Z"); // Wednesday 17:30
    await evaluateInquiries(server.services);
    await evaluateInquiries(server.services);
    const records = await server.services.prisma.accountabilityRecord.findMany({ where: { inquiryId: inquiry.id } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: "INACTION", source: "AUTO_UNCLOSED_INQUIRY", staffId: accounts.STAFF.staffId, state: "PROPOSED" });
  });
});
