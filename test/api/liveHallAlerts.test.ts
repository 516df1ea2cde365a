// An inquiry left unclosed reaches the supervisors as a tile warning and an alert: open on the tile at
// once, INQUIRY_UNCLOSED in the feed (pushed over /supervisor) after the end-of-day sweep, and when it
// is closed the alert leaves the feed for history and the tile's count goes down.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDto } from "../../server/src/contracts/alerts.ts";
import type { InquiryDto } from "../../server/src/contracts/inquiries.ts";
import { hallSnapshotSchema } from "../../server/src/contracts/liveHall.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { evaluateInquiries } from "../../server/src/domain/inquiries/evaluateInquiries.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { openSupervisorSocket } from "../support/supervisorSocket.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 Shanghai
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let staff: ApiClient;
let supervisor: ApiClient;
let windowId = 0;
let socket: Socket;
const received: { event: string; data: Record<string, unknown> }[] = [];

type Page = { items: AlertDto[]; total: number };

const openInquiries = async () => hallSnapshotSchema.parse((await supervisor.get("/api/live/snapshot")).body).tiles.find((t) => t.windowId === windowId)!.warnings.openInquiries;
const inquiryAlerts = async (status: "open" | "history") => (await supervisor.get<Page>(`/api/alerts?status=${status}&kind=INQUIRY_UNCLOSED`)).body.items;

beforeAll(async () => {
  server = await startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } });
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow();
  accounts = await demoAccounts(server, center.id);
  windowId = (await prisma.windowStaff.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId!, backup: false } })).windowId;
  staff = new ApiClient(server.url);
  await staff.login(accounts.STAFF.username, accounts.STAFF.password);
  supervisor = new ApiClient(server.url);
  await supervisor.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
  socket = openSupervisorSocket(server.url, supervisor);
  socket.onAny((event: string, envelope: { data?: Record<string, unknown> }) => envelope?.data && received.push({ event, data: envelope.data }));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}, 120_000);
afterAll(async () => {
  socket?.close();
  await server?.stop();
});

describe("an unclosed inquiry on the map and in the alert feed", () => {
  it("counts on the tile at once, alerts after the day's end, and leaves the feed for history when closed", async () => {
    const before = await openInquiries();
    const inquiry = (await staff.post<InquiryDto>("/api/inquiries", { windowId, topic: "个体工商户注销需要哪些材料" })).body;
    expect(inquiry.state).toBe("OPEN");
    expect(await openInquiries()).toBe(before + 1);

    clock.set("2026-11-23T09:30:00Z"); // Monday 17:30, past the center's end-of-day time for inquiries
    await evaluateInquiries(server.services);
    const pushed = () => received.find((m) => m.event === "alert.created" && (m.data.alert as AlertDto | undefined)?.kind === "INQUIRY_UNCLOSED");
    for (let i = 0; i < 300 && !pushed(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(pushed()).toBeDefined();
    const alert = (await inquiryAlerts("open")).find((a) => a.windowId === windowId);
    expect(alert).toMatchObject({ kind: "INQUIRY_UNCLOSED", severity: "YELLOW", acknowledgedAt: null, resolvedAt: null });
    expect(alert!.message).toContain("个体工商户注销需要哪些材料");

    expect((await staff.post(`/api/inquiries/${inquiry.id}/close`, { outcome: "已电话告知所需材料" })).status).toBe(200);
    for (let i = 0; i < 300 && (await inquiryAlerts("open")).some((a) => a.id === alert!.id); i++) await new Promise((r) => setTimeout(r, 10));
    expect((await inquiryAlerts("open")).map((a) => a.id)).not.toContain(alert!.id);
    expect((await inquiryAlerts("history")).find((a) => a.id === alert!.id)?.resolvedAt).not.toBeNull();
    expect(await openInquiries()).toBe(before);
  });
});
