// The alert feed end to end with a ManualClock: the hall sweep raises an unattended window once (and
// a pad gone offline after its grace), resolves it when somebody signs in, pushes alert.created /
// alert.acknowledged to /supervisor, acknowledgement with who/when/note moves an alert to history,
// and liaisons see only their department's windows.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDto } from "../../server/src/contracts/alerts.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { evaluateDeadlines } from "../../server/src/domain/cases/evaluateDeadlines.ts";
import { KIOSK_OFFLINE_GRACE_MS } from "../../server/src/domain/alerts/alertRules.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { openPad, padToken } from "../support/pads.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { SUPERVISOR_BATCH_EVENT } from "../../server/src/contracts/supervisorBatch.ts";
import { openSupervisorSocket } from "../support/supervisorSocket.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 Shanghai, an hour after opening
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = {} as Record<"supervisor" | "leader" | "liaison" | "staff" | "auditor" | "cityLeader", ApiClient>;
let staffWindowId = 0;
let liaisonWindowIds: number[] = [];
const sockets: Socket[] = [];

type Page = { items: AlertDto[]; total: number };
const code = (body: unknown) => (body as { error: { code: string } }).error.code;

async function login(account: DemoAccount): Promise<ApiClient> {
  const c = new ApiClient(server.url);
  await c.login(account.username, account.password);
  return c;
}

function supervisorSocket(client: ApiClient): Promise<{ socket: Socket; received: { event: string; seq: number; data: Record<string, unknown> }[] }> {
  const socket = openSupervisorSocket(server.url, client, { reconnection: false });
  sockets.push(socket);
  const received: { event: string; seq: number; data: Record<string, unknown> }[] = [];
  // The frame itself is not a message: its items come to this listener one by one (unpackSupervisorBatches)
  socket.onAny((event: string, envelope: { seq: number; data: Record<string, unknown> }) => event !== SUPERVISOR_BATCH_EVENT && received.push({ event, seq: envelope.seq, data: envelope.data }));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve({ socket, received }));
    socket.once("connect_error", reject);
  });
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

beforeAll(async () => {
  server = await startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } });
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow();
  accounts = await demoAccounts(server, center.id);
  staffWindowId = (await prisma.windowStaff.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId!, backup: false } })).windowId;
  liaisonWindowIds = (await prisma.windowDepartment.findMany({ where: { departmentId: accounts.LIAISON.departmentId! } })).map((w) => w.windowId);
  clients.supervisor = await login(accounts.SUPERVISOR);
  clients.leader = await login(accounts.LEADER);
  clients.liaison = await login(accounts.LIAISON);
  clients.staff = await login(accounts.STAFF);
  clients.auditor = await login(accounts.AUDITOR);
  clients.cityLeader = await login(accounts.CITY_LEADER);
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.stop();
});

describe("unattended windows", () => {
  it("raises one alert per empty window, pushed live, and never twice while it stays empty", async () => {
    const sup = await supervisorSocket(clients.supervisor);
    const first = await server.sweepHallAlerts();
    expect(first.raised).toBeGreaterThan(50); // the demo hall has nobody signed in at 10:00 on the test clock
    const feed = await clients.supervisor.get<Page>("/api/alerts?kind=WINDOW_UNATTENDED&pageSize=500");
    expect(feed.body.total).toBe(first.raised);
    expect(new Set(feed.body.items.map((a) => a.windowId)).size).toBe(first.raised);
    expect(feed.body.items[0]).toMatchObject({ severity: "RED", acknowledgedAt: null, resolvedAt: null });
    await until(() => sup.received.filter((m) => m.event === "alert.created").length === first.raised, "alert.created messages");
    const seqs = sup.received.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    expect((await server.sweepHallAlerts()).raised).toBe(0);
    expect((await clients.supervisor.get<Page>("/api/alerts?kind=WINDOW_UNATTENDED&pageSize=500")).body.total).toBe(first.raised);
  });

  it("resolves the alert when a staff member signs in; the window alerts again only after a new empty stretch", async () => {
    expect((await clients.staff.post("/api/shifts/me/sign-in", { windowId: staffWindowId })).status).toBe(201);
    const swept = await server.sweepHallAlerts();
    expect(swept.resolved).toBe(1);
    const open = await clients.supervisor.get<Page>(`/api/alerts?windowId=${staffWindowId}&kind=WINDOW_UNATTENDED`);
    expect(open.body.total).toBe(0);
    const history = await clients.supervisor.get<Page>(`/api/alerts?status=history&windowId=${staffWindowId}`);
    expect(history.body.items[0]!.resolvedAt).toBe(clock.now().toISOString());

    expect((await clients.staff.post("/api/shifts/me/sign-out")).status).toBe(200);
    clock.advance(60_000);
    expect((await server.sweepHallAlerts()).raised).toBe(0); // within the grace period
    clock.advance(5 * 60_000);
    expect((await server.sweepHallAlerts()).raised).toBe(1);
  });
});

describe("acknowledging", () => {
  it("records who, when and the note; the alert leaves the feed, stays in history, and a second acknowledgement is refused", async () => {
    const sup = await supervisorSocket(clients.leader);
    const [alert] = (await clients.supervisor.get<Page>("/api/alerts?kind=WINDOW_UNATTENDED&pageSize=1")).body.items;
    const acked = await clients.supervisor.post<AlertDto>(`/api/alerts/${alert!.id}/acknowledge`, { note: "已电话联系窗口负责人" });
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ acknowledgedById: accounts.SUPERVISOR.userId, ackNote: "已电话联系窗口负责人", acknowledgedAt: clock.now().toISOString() });
    expect(acked.body.acknowledgedByName).toBeTruthy();
    const again = await clients.leader.post(`/api/alerts/${alert!.id}/acknowledge`, {});
    expect(again.status).toBe(409);
    expect(code(again.body)).toBe("ALERT_ALREADY_ACKNOWLEDGED");
    const open = await clients.supervisor.get<Page>("/api/alerts?pageSize=500");
    expect(open.body.items.map((a) => a.id)).not.toContain(alert!.id);
    const today = "2026-11-23";
    const history = await clients.supervisor.get<Page>(`/api/alerts?status=history&kind=WINDOW_UNATTENDED&from=${today}&to=${today}&pageSize=500`);
    expect(history.body.items.map((a) => a.id)).toContain(alert!.id);
    expect((await clients.supervisor.get<Page>("/api/alerts?status=history&from=2026-11-24")).body.total).toBe(0);
    await until(() => sup.received.some((m) => m.event === "alert.acknowledged" && m.data.alertId === alert!.id), "alert.acknowledged");
    // still empty: acknowledged is not resolved, so the sweep does not raise it again
    expect((await server.sweepHallAlerts()).raised).toBe(0);
  });

  it("refuses bad input", async () => {
    const [alert] = (await clients.supervisor.get<Page>("/api/alerts?pageSize=1")).body.items;
    expect((await clients.supervisor.post(`/api/alerts/${alert!.id}/acknowledge`, { note: "x".repeat(501) })).status).toBe(400);
    expect((await clients.supervisor.post(`/api/alerts/${alert!.id}/acknowledge`, { extra: 1 })).status).toBe(400);
    expect((await clients.supervisor.post(`/api/alerts/abc/acknowledge`, {})).status).toBe(400);
    expect((await clients.supervisor.get("/api/alerts?kind=NOPE")).status).toBe(400);
    expect((await clients.supervisor.get("/api/alerts?from=23.11.2026")).status).toBe(400);
    expect((await clients.supervisor.post(`/api/alerts/999999/acknowledge`, {})).status).toBe(404);
  });
});

describe("scope", () => {
  it("lets supervisors, leaders, liaisons and city leaders read; staff and auditors are refused", async () => {
    for (const c of [clients.supervisor, clients.leader, clients.liaison, clients.cityLeader]) expect((await c.get("/api/alerts")).status).toBe(200);
    for (const c of [clients.staff, clients.auditor]) expect((await c.get("/api/alerts")).status).toBe(403);
    expect((await new ApiClient(server.url).get("/api/alerts")).status).toBe(401);
  });

  it("shows a liaison only the alerts of their department's windows, and lets only supervisors and leaders acknowledge", async () => {
    const all = (await clients.supervisor.get<Page>("/api/alerts?pageSize=500")).body.items;
    const theirs = (await clients.liaison.get<Page>("/api/alerts?pageSize=500")).body.items;
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.length).toBeLessThan(all.length);
    expect(theirs.every((a) => liaisonWindowIds.includes(a.windowId!))).toBe(true);
    expect(theirs.length).toBe(all.filter((a) => liaisonWindowIds.includes(a.windowId!)).length);
    const other = all.find((a) => !liaisonWindowIds.includes(a.windowId!))!;
    expect((await clients.liaison.post(`/api/alerts/${other.id}/acknowledge`, {})).status).toBe(404);
    expect((await clients.liaison.post(`/api/alerts/${theirs[0]!.id}/acknowledge`, {})).status).toBe(403);
    expect((await clients.cityLeader.post(`/api/alerts/${theirs[0]!.id}/acknowledge`, {})).status).toBe(403);
  });

  it("pushes a liaison only their department's alerts over /supervisor", async () => {
    const liaison = await supervisorSocket(clients.liaison);
    const sup = await supervisorSocket(clients.supervisor);
    await server.services.prisma.alert.updateMany({ where: { kind: "WINDOW_UNATTENDED", resolvedAt: null }, data: { resolvedAt: clock.now() } });
    clock.advance(60_000);
    const raised = (await server.sweepHallAlerts()).raised;
    await until(() => sup.received.filter((m) => m.event === "alert.created").length === raised, "supervisor's alerts");
    await new Promise((r) => setTimeout(r, 100));
    const heard = liaison.received.filter((m) => m.event === "alert.created").map((m) => (m.data.alert as AlertDto).windowId!);
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.length).toBeLessThan(raised);
    expect(heard.every((w) => liaisonWindowIds.includes(w))).toBe(true);
  });
});

describe("offline pads", () => {
  it("alerts a paired pad missing past its grace and resolves it when it reconnects", async () => {
    const { token, deviceId } = await padToken(server, staffWindowId);
    await clients.staff.post("/api/shifts/me/sign-in", { windowId: staffWindowId });
    await server.sweepHallAlerts();
    clock.advance(KIOSK_OFFLINE_GRACE_MS);
    await server.sweepHallAlerts();
    const open = await clients.supervisor.get<Page>("/api/alerts?kind=KIOSK_OFFLINE");
    expect(open.body.items.map((a) => a.subjectId)).toContain(String(deviceId));
    const pad = openPad(server.url, token);
    sockets.push(pad);
    await new Promise<void>((resolve) => pad.once("connect", () => resolve()));
    await server.sweepHallAlerts();
    expect((await clients.supervisor.get<Page>("/api/alerts?kind=KIOSK_OFFLINE")).body.items.map((a) => a.subjectId)).not.toContain(String(deviceId));
  });
});

describe("case and inquiry warnings", () => {
  it("publishes the case sweep's alerts once, and a case turning red resolves its yellow alert", async () => {
    const sup = await supervisorSocket(clients.supervisor);
    clock.advance(3 * 24 * 60 * 60_000);
    const sweep = await evaluateDeadlines(server.services);
    expect(sweep.yellow + sweep.red).toBeGreaterThan(0);
    await until(() => sup.received.filter((m) => m.event === "alert.created" && String((m.data.alert as AlertDto).kind).startsWith("CASE_")).length >= sweep.yellow + sweep.red, "case alerts");
    const rows = await server.services.prisma.alert.findMany({ where: { kind: { in: ["CASE_NEAR_DEADLINE", "CASE_OVERDUE"] } } });
    const red = rows.filter((r) => r.kind === "CASE_OVERDUE").map((r) => r.subjectId);
    expect(rows.filter((r) => r.kind === "CASE_NEAR_DEADLINE" && red.includes(r.subjectId) && r.resolvedAt === null)).toEqual([]);
    const again = await evaluateDeadlines(server.services);
    expect(again.yellow + again.red).toBe(0);
  });
});
