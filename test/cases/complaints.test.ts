// Complaints over HTTP: recorded with a working-day deadline, assigned, answered, closed; a
// substantiated one proposes an accountability record once; steps out of order are refused. Plus the
// role matrix (own center / other center).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComplaintDto } from "../../server/src/contracts/complaints.ts";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-27T02:00:00Z"); // Friday 10:00 Shanghai
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
const clients = new Map<Role, ApiClient>();
let otherCenterComplaint = 0;

beforeAll(async () => {
  server = await startTestServer({ clock, halls: 2 });
  const centers = await server.services.prisma.center.findMany({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, centers[0]!.id);
  for (const role of ROLES) {
    const c = new ApiClient(server.url);
    await c.login(accounts[role].username, accounts[role].password);
    clients.set(role, c);
  }
  otherCenterComplaint = (
    await server.services.prisma.complaint.create({ data: { centerId: centers[1]!.id, channel: "HOTLINE", content: "外中心投诉", state: "OPEN", receivedAt: clock.now(), dueAt: clock.now() } })
  ).id;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe("complaints", () => {
  it("records with a deadline in working days, then assign → answer → close substantiated proposes one record", async () => {
    const sup = clients.get("SUPERVISOR")!;
    const created = await sup.post<ComplaintDto>("/api/complaints", { channel: "HOTLINE", content: "窗口人员态度生硬", staffId: accounts.STAFF.staffId, complainantPhone: "13700001111" });
    expect(created.status).toBe(201);
    // 5 working days after Friday 2026-11-27: Mon 30 … Fri 12-04, 17:00
    expect(created.body.dueAt).toBe("2026-12-04T09:00:00.000Z");
    expect(JSON.stringify(created.body)).not.toContain("13700001111");
    const id = created.body.id;
    expect((await sup.post(`/api/complaints/${id}/close`, { substantiated: false })).status).toBe(409);
    expect((await sup.post<ComplaintDto>(`/api/complaints/${id}/assign`, { assignedToId: accounts.LEADER.userId })).body.state).toBe("ASSIGNED");
    expect((await sup.post(`/api/complaints/${id}/assign`, { assignedToId: accounts.STAFF.userId })).status).toBe(400);
    expect((await sup.post<ComplaintDto>(`/api/complaints/${id}/answer`, { answer: "已约谈当事人并回访投诉人" })).body.state).toBe("ANSWERED");
    const closed = await sup.post<ComplaintDto>(`/api/complaints/${id}/close`, { substantiated: true, kind: "WRONGFUL_ACTION", proposedPoints: 2 });
    expect(closed.body).toMatchObject({ state: "CLOSED", substantiated: true });
    const records = await server.services.prisma.accountabilityRecord.findMany({ where: { complaintId: id } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ source: "COMPLAINT", kind: "WRONGFUL_ACTION", state: "PROPOSED", staffId: accounts.STAFF.staffId, proposedPoints: 2 });
    expect((await sup.post(`/api/complaints/${id}/close`, { substantiated: true, kind: "WRONGFUL_ACTION", proposedPoints: 2 })).status).toBe(409);
  });

  it("lists overdue complaints once the clock passes their deadline", async () => {
    const sup = clients.get("SUPERVISOR")!;
    const c = (await sup.post<ComplaintDto>("/api/complaints", { channel: "SUGGESTION_BOX", content: "等候区座位太少" })).body;
    clock.set("2026-12-04T10:00:00Z");
    await sup.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
    const overdue = await sup.get<{ items: ComplaintDto[] }>("/api/complaints?overdue=1");
    expect(overdue.body.items.map((i) => i.id)).toContain(c.id);
    clock.set("2026-11-27T02:00:00Z");
    for (const role of ROLES) await clients.get(role)!.login(accounts[role].username, accounts[role].password);
  });

  it("role matrix", async () => {
    const got = (f: (c: ApiClient) => Promise<{ status: number }>) => Promise.all(ROLES.map(async (r) => [r, (await f(clients.get(r)!)).status] as const)).then(Object.fromEntries);
    //                    ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
    expect(await got((c) => c.get("/api/complaints"))).toEqual({ ADMIN: 403, SECURITY_ADMIN: 403, LEADER: 200, SUPERVISOR: 200, STAFF: 403, LIAISON: 403, AUDITOR: 403, CITY_LEADER: 200, CITY_AUDITOR: 403 });
    expect(await got((c) => c.post("/api/complaints", { channel: "WEB", content: "网上投诉内容" }))).toEqual({ ADMIN: 403, SECURITY_ADMIN: 403, LEADER: 201, SUPERVISOR: 201, STAFF: 403, LIAISON: 403, AUDITOR: 403, CITY_LEADER: 403, CITY_AUDITOR: 403 });
    expect(await got((c) => c.post(`/api/complaints/${otherCenterComplaint}/answer`, { answer: "答复" }))).toEqual({ ADMIN: 403, SECURITY_ADMIN: 403, LEADER: 404, SUPERVISOR: 404, STAFF: 403, LIAISON: 403, AUDITOR: 403, CITY_LEADER: 403, CITY_AUDITOR: 403 });
  });
});
