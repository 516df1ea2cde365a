// The supervisors' complaint and inquiry lists over HTTP: the assignable-people list and its policy,
// every filter (state, channel, department, window, overdue, mine), linking a case by its number,
// a substantiated finding that needs the staff member, and the Excel exports as filtered.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComplaintAssigneeDto, ComplaintDto } from "../../server/src/contracts/complaints.ts";
import type { HandoverTargetDto, InquiryDto } from "../../server/src/contracts/inquiries.ts";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { row, signInEveryRole } from "../support/roleMatrix.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-27T02:00:00Z"); // Friday 10:00 Shanghai
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let clients: Map<Role, ApiClient>;
let centerId = 0;

beforeAll(async () => {
  server = await startTestServer({ clock, halls: 2, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } });
  centerId = (await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  accounts = await demoAccounts(server, centerId);
  clients = await signInEveryRole(server.url, accounts);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const sup = () => clients.get("SUPERVISOR")!;
const errorOf = (body: unknown) => (body as { error: { code: string; issues?: { path: string }[] } }).error;

async function workbook(client: ApiClient, path: string): Promise<ExcelJS.Worksheet> {
  const res = await fetch(new URL(path, server.url), { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("spreadsheetml");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return book.worksheets[0]!;
}

describe("complaint assignees", () => {
  it("lists the center's active supervisors and leaders only, to those who handle complaints", async () => {
    const res = await sup().get<{ items: ComplaintAssigneeDto[] }>("/api/complaints/assignees");
    expect(res.status).toBe(200);
    const ids = res.body.items.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([accounts.SUPERVISOR.userId, accounts.LEADER.userId]));
    expect(new Set(res.body.items.map((u) => u.role))).toEqual(new Set(["SUPERVISOR", "LEADER"]));
    const theirCenter = await server.services.prisma.user.findMany({ where: { id: { in: ids } }, select: { centerId: true } });
    expect(theirCenter.every((u) => u.centerId === centerId)).toBe(true);
  });

  it("role matrix", async () => {
    const got = {} as Record<Role, number>;
    for (const role of ROLES) got[role] = (await clients.get(role)!.get("/api/complaints/assignees")).status;
    //                 ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
    expect(got).toEqual(row(403, 403, 200, 200, 403, 403, 403, 403, 403));
  });

  it("refuses to assign to someone not on the list (a deactivated supervisor)", async () => {
    const c = (await sup().post<ComplaintDto>("/api/complaints", { channel: "WEB", content: "网上留言：办事指南与实际不符" })).body;
    const other = await server.services.prisma.user.create({
      data: { centerId, username: "sup-gone", displayName: "离岗督查员", passwordHash: "x", role: "SUPERVISOR", active: false },
    });
    const res = await sup().post(`/api/complaints/${c.id}/assign`, { assignedToId: other.id });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).issues?.map((i) => i.path)).toEqual(["assignedToId"]);
  });
});

describe("complaint handling", () => {
  it("links window, staff and a case by its number; a substantiated finding needs the staff member", async () => {
    const { prisma } = server.services;
    const kase = await prisma.case.findFirstOrThrow({ where: { centerId }, include: { window: true } });
    const c = (await sup().post<ComplaintDto>("/api/complaints", { channel: "APPOINTED_SUPERVISOR", content: "监督员反映：补正材料一次未告知清楚" })).body;
    expect(c).toMatchObject({ state: "OPEN", caseNo: null, staffName: null, overdue: false });
    const badCase = await sup().post(`/api/complaints/${c.id}/link`, { caseNo: "19990101000001" });
    expect([badCase.status, errorOf(badCase.body).issues?.[0]?.path]).toEqual([400, "caseNo"]);

    await sup().post(`/api/complaints/${c.id}/assign`, { assignedToId: accounts.SUPERVISOR.userId });
    await sup().post(`/api/complaints/${c.id}/answer`, { answer: "已核实并向监督员反馈" });
    const unlinked = await sup().post(`/api/complaints/${c.id}/close`, { substantiated: true, kind: "SLOW_ACTION", proposedPoints: 1 });
    expect([unlinked.status, errorOf(unlinked.body).issues?.[0]?.path]).toEqual([400, "staffId"]);
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("ANSWERED");

    const linked = await sup().post<ComplaintDto>(`/api/complaints/${c.id}/link`, { caseNo: kase.caseNo, windowId: kase.windowId, staffId: kase.handledById });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ caseNo: kase.caseNo, windowNumber: kase.window.number, staffId: kase.handledById, assignedToName: expect.any(String) });
    const closed = await sup().post<ComplaintDto>(`/api/complaints/${c.id}/close`, { substantiated: true, kind: "SLOW_ACTION", proposedPoints: 1 });
    expect(closed.body.state).toBe("CLOSED");
    const record = await prisma.accountabilityRecord.findUniqueOrThrow({ where: { sourceKey: `complaint:${c.id}:substantiated` } });
    expect(closed.body.accountabilityRecordId).toBe(record.id);
    expect(record).toMatchObject({ caseId: kase.id, staffId: kase.handledById, kind: "SLOW_ACTION", state: "PROPOSED" });
    expect((await sup().post(`/api/complaints/${c.id}/link`, { staffId: null })).status).toBe(409);
  });
});

describe("complaint list filters and export", () => {
  it("filters by channel, department, window, mine and overdue, and exports exactly the filtered rows", async () => {
    const { prisma } = server.services;
    const staff = await prisma.staff.findFirstOrThrow({ where: { centerId, windows: { some: {} } }, include: { windows: true } });
    const windowId = staff.windows[0]!.windowId;
    const forum = (await sup().post<ComplaintDto>("/api/complaints", { channel: "FORUM", content: "座谈会：某窗口午休不留人", staffId: staff.id, windowId })).body;
    const box = (await sup().post<ComplaintDto>("/api/complaints", { channel: "SUGGESTION_BOX", content: "意见箱：饮水机坏了" })).body;
    await clients.get("LEADER")!.post(`/api/complaints/${box.id}/assign`, { assignedToId: accounts.LEADER.userId });

    const ids = async (query: string, client = sup()) => (await client.get<{ items: ComplaintDto[] }>(`/api/complaints?pageSize=500&${query}`)).body.items.map((i) => i.id);
    expect(await ids("channel=FORUM")).toContain(forum.id);
    expect(await ids("channel=FORUM")).not.toContain(box.id);
    expect(await ids(`departmentId=${staff.departmentId}`)).toContain(forum.id);
    expect(await ids(`departmentId=${staff.departmentId}`)).not.toContain(box.id);
    expect(await ids(`windowId=${windowId}`)).toContain(forum.id);
    expect(await ids(`windowId=${windowId}`)).not.toContain(box.id);
    expect(await ids("mine=1", clients.get("LEADER")!)).toContain(box.id);
    expect(await ids("mine=1", clients.get("LEADER")!)).not.toContain(forum.id);
    expect(await ids("q=饮水机")).toEqual([box.id]);
    expect((await sup().get("/api/complaints?channel=PIGEON")).status).toBe(400);

    clock.set("2026-12-07T02:00:00Z"); // the following Monday: 5 working days have passed
    clients = await signInEveryRole(server.url, accounts); // the sessions ended with the jump
    const overdue = await sup().get<{ items: ComplaintDto[] }>("/api/complaints?pageSize=500&overdue=1");
    expect(overdue.body.items.map((i) => i.id)).toEqual(expect.arrayContaining([forum.id, box.id]));
    expect(overdue.body.items.every((i) => i.overdue && (i.state === "OPEN" || i.state === "ASSIGNED"))).toBe(true);

    const sheet = await workbook(sup(), `/api/complaints/export.xlsx?channel=FORUM&departmentId=${staff.departmentId}`);
    expect(sheet.getRow(1).getCell(2).value).toBe("来源渠道");
    const exported = (sheet.getColumn(1).values as unknown[]).slice(2);
    expect(exported).toEqual(await ids(`channel=FORUM&departmentId=${staff.departmentId}`));
    expect(sheet.getRow(2).getCell(2).value).toBe("座谈会");
    clock.set("2026-11-27T02:00:00Z");
    clients = await signInEveryRole(server.url, accounts);
  });

  it("a city leader exports every center's; a staff member may not export", async () => {
    expect((await workbook(clients.get("CITY_LEADER")!, "/api/complaints/export.xlsx")).rowCount).toBeGreaterThan(1);
    expect((await clients.get("STAFF")!.get("/api/complaints/export.xlsx")).status).toBe(403);
  });
});

describe("inquiry list filters and export", () => {
  it("offers the center's windows and their staff as hand-over targets, to staff only", async () => {
    const res = await clients.get("STAFF")!.get<{ items: HandoverTargetDto[] }>("/api/inquiries/handover-targets");
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(10);
    expect(res.body.items.some((w) => w.staff.length > 0)).toBe(true);
    expect((await sup().get("/api/inquiries/handover-targets")).status).toBe(403);
  });

  it("filters by window, department, words and waiting-for-me, and exports as filtered", async () => {
    const { prisma } = server.services;
    const staffClient = clients.get("STAFF")!;
    const me = await prisma.staff.findUniqueOrThrow({ where: { id: accounts.STAFF.staffId! }, include: { windows: true } });
    const windowId = me.windows[0]!.windowId;
    const asked = (await staffClient.post<InquiryDto>("/api/inquiries", { windowId, topic: "残疾人证换领需要什么材料", askerName: "钱先生" })).body;
    expect(asked.windowNumber).toBeGreaterThan(0);

    const ids = async (query: string) => (await sup().get<{ items: InquiryDto[] }>(`/api/inquiries?pageSize=500&${query}`)).body.items.map((i) => i.id);
    expect(await ids(`windowId=${windowId}`)).toContain(asked.id);
    expect(await ids(`departmentId=${me.departmentId}`)).toContain(asked.id);
    expect(await ids("q=残疾人证")).toEqual([asked.id]);
    expect(await ids("q=钱先生")).toEqual([asked.id]);

    // handed to a colleague at another window: it waits for them, not for the first staff member
    const colleague = await prisma.user.findFirstOrThrow({ where: { centerId, role: "STAFF", staff: { windows: { some: { windowId: { not: windowId } } } }, id: { not: accounts.STAFF.userId } }, include: { staff: { include: { windows: true } } } });
    const target = colleague.staff!.windows.find((w) => w.windowId !== windowId)!;
    const handed = await staffClient.post<InquiryDto>(`/api/inquiries/${asked.id}/handover`, { toWindowId: target.windowId, toStaffId: colleague.staffId });
    expect(handed.body.handovers[0]).toMatchObject({ toStaffName: expect.any(String), toWindowNumber: expect.any(Number), acknowledgedAt: null });
    const receiver = new ApiClient(server.url);
    await receiver.login(colleague.username, accounts.STAFF.password);
    const waiting = await receiver.get<{ items: InquiryDto[] }>("/api/inquiries?toAcknowledge=1");
    expect(waiting.body.items.map((i) => i.id)).toEqual([asked.id]);
    expect((await staffClient.get<{ items: InquiryDto[] }>("/api/inquiries?toAcknowledge=1")).body.items.map((i) => i.id)).not.toContain(asked.id);

    const sheet = await workbook(sup(), `/api/inquiries/export.xlsx?q=${encodeURIComponent("残疾人证")}`);
    expect(sheet.getRow(1).getCell(6).value).toBe("咨询内容");
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(9).value)).toContain("待接收");
    expect((await clients.get("LIAISON")!.get("/api/inquiries/export.xlsx")).status).toBe(403);
  });
});

describe("accountability queue filters and export", () => {
  it("finds a record by its number, filters by source and department, and exports as filtered", async () => {
    const { prisma } = server.services;
    const record = await prisma.accountabilityRecord.findFirstOrThrow({ where: { centerId, source: "COMPLAINT" }, include: { staff: true } });
    const list = async (query: string) => (await sup().get<{ items: { id: number; source: string }[] }>(`/api/accountability?pageSize=500&${query}`)).body.items;
    expect((await list(`q=${record.id}`)).map((r) => r.id)).toContain(record.id);
    const bySource = await list("source=COMPLAINT");
    expect(bySource.length).toBeGreaterThan(0);
    expect(bySource.every((r) => r.source === "COMPLAINT")).toBe(true);
    expect((await list("source=AUTO_OVERDUE_CASE")).map((r) => r.id)).not.toContain(record.id);
    expect((await list(`departmentId=${record.staff.departmentId}&source=COMPLAINT`)).map((r) => r.id)).toContain(record.id);
    expect((await sup().get("/api/accountability?source=GOSSIP")).status).toBe(400);

    const sheet = await workbook(sup(), "/api/accountability/export?source=COMPLAINT");
    expect(sheet.rowCount - 1).toBe(bySource.length);
    expect(sheet.getRow(2).getCell(3).value).toBe("投诉");
  });
});
