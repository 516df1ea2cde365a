// Inspections over HTTP: who may record them, bad input, deductions from the checklist version the
// form showed, a retried save stored exactly once (also when the tries race), the evidence photo, one
// click from a failed item to an accountability proposal, visibility for staff and liaisons, and the
// printable sheet.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChecklistDto, InspectionDto } from "../../server/src/contracts/inspections.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { downloadFile, uploadFile } from "../support/uploadFile.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 Shanghai
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let supervisor: ApiClient;
let leader: ApiClient;
let staff: ApiClient;
let admin: ApiClient;
let windowId = 0;
let otherWindowId = 0;

const code = (body: unknown) => (body as { error: { code: string } }).error.code;
const paths = (body: unknown) => (body as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path);
const ITEMS = ["APPEARANCE", "CONDUCT", "CIVIL_LANGUAGE", "ON_POST", "DISCIPLINE", "TIDINESS"];
const answers = (failed: string[] = [], over: Record<string, string> = {}) => ITEMS.map((c) => ({ code: c, passed: !failed.includes(c), ...(over[c] ? { note: over[c] } : {}) }));
const body = (over: Record<string, unknown> = {}) => ({ id: randomUUID(), windowId, checklistVersion: 0, findings: answers(), ...over });

async function login(a: DemoAccount): Promise<ApiClient> {
  const c = new ApiClient(server.url);
  await c.login(a.username, a.password);
  return c;
}

beforeAll(async () => {
  server = await startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } });
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow();
  accounts = await demoAccounts(server, center.id);
  windowId = (await prisma.windowStaff.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId!, backup: false } })).windowId;
  otherWindowId = (await prisma.window.findFirstOrThrow({ where: { centerId: center.id, id: { not: windowId }, staff: { none: { staffId: accounts.STAFF.staffId! } } } })).id;
  [supervisor, leader, staff, admin] = await Promise.all([login(accounts.SUPERVISOR), login(accounts.LEADER), login(accounts.STAFF), login(accounts.ADMIN)]);
  expect((await staff.post("/api/shifts/me/sign-in", { windowId })).status).toBe(201);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe("recording", () => {
  it("is refused to everybody but leaders and supervisors", async () => {
    for (const role of ["STAFF", "LIAISON", "ADMIN", "AUDITOR", "SECURITY_ADMIN", "CITY_LEADER", "CITY_AUDITOR"] as const) {
      const c = role === "STAFF" ? staff : role === "ADMIN" ? admin : await login(accounts[role]);
      const res = await c.post("/api/inspections", body());
      expect([role, res.status]).toEqual([role, 403]);
    }
    expect((await new ApiClient(server.url).post("/api/inspections", body())).status).toBe(401);
    expect(await server.services.prisma.inspection.count()).toBe(0);
  });

  it("records the staff member on duty and the deductions of the failed items", async () => {
    const res = await supervisor.post<InspectionDto>("/api/inspections", body({ findings: answers(["ON_POST", "TIDINESS"], { TIDINESS: "台面资料堆放" }), note: "上午巡查" }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ windowId, staffId: accounts.STAFF.staffId, totalDeduction: 2.5, checklistVersion: 0, note: "上午巡查", inspectorId: accounts.SUPERVISOR.userId, at: clock.now().toISOString() });
    expect(res.body.findings.find((f) => f.code === "TIDINESS")).toMatchObject({ passed: false, deduction: 0.5, note: "台面资料堆放", label: "环境整洁" });
    expect(res.body.findings.find((f) => f.code === "APPEARANCE")).toMatchObject({ passed: true, deduction: 0 });
  });

  it("stores a retried save once and answers the retry with the stored record", async () => {
    const save = body({ findings: answers(["CONDUCT"]) });
    const first = await leader.post<InspectionDto>("/api/inspections", save);
    const retry = await leader.post<InspectionDto>("/api/inspections", save);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body).toEqual(first.body);
    expect(await server.services.prisma.inspection.count({ where: { clientId: save.id } })).toBe(1);
    expect(await server.services.prisma.inspectionFinding.count({ where: { inspection: { clientId: save.id } } })).toBe(ITEMS.length);
  });

  it("stores racing tries of one save exactly once", async () => {
    const save = body();
    const results = await Promise.all(Array.from({ length: 6 }, () => supervisor.post<InspectionDto>("/api/inspections", save)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id))).toEqual(new Set([save.id]));
    expect(await server.services.prisma.inspection.count({ where: { clientId: save.id } })).toBe(1);
    expect(await server.services.prisma.auditEntry.count({ where: { action: "record.inspection", entityId: String((await server.services.prisma.inspection.findUniqueOrThrow({ where: { clientId: save.id } })).id) } })).toBe(1);
  });

  it("refuses the same id for a different window or by another inspector", async () => {
    const save = body();
    expect((await supervisor.post("/api/inspections", save)).status).toBe(201);
    const otherWindow = await supervisor.post("/api/inspections", { ...save, windowId: otherWindowId });
    expect([otherWindow.status, code(otherWindow.body)]).toEqual([409, "INSPECTION_CONFLICT"]);
    expect(code((await leader.post("/api/inspections", save)).body)).toBe("INSPECTION_CONFLICT");
  });

  it("refuses bad input with the field named, and stores nothing", async () => {
    const before = await server.services.prisma.inspection.count();
    const bad = async (over: Record<string, unknown>, path: string) => {
      const res = await supervisor.post("/api/inspections", body(over));
      expect([res.status, code(res.body)]).toEqual([400, "VALIDATION_FAILED"]);
      expect(paths(res.body).join(" ")).toContain(path);
    };
    await bad({ id: "not-a-uuid" }, "id");
    await bad({ findings: answers().slice(1) }, "findings");
    await bad({ findings: [...answers(), { code: "APPEARANCE", passed: true }] }, "findings.6.code");
    await bad({ findings: [...answers().slice(1), { code: "SMOKING", passed: false }] }, "findings.5.code");
    await bad({ checklistVersion: 99 }, "checklistVersion");
    await bad({ windowId: 999_999 }, "windowId");
    await bad({ staffId: 999_999 }, "staffId");
    await bad({ at: new Date(clock.now().getTime() - 2 * 86_400_000).toISOString() }, "at");
    await bad({ note: "x".repeat(1001) }, "note");
    await bad({ extra: true }, "");
    await bad({ findings: [{ code: "APPEARANCE", passed: "yes" }] }, "findings.0.passed");
    expect((await supervisor.request("POST", "/api/inspections", { raw: "{", contentType: "application/json" })).status).toBe(400);
    expect(await server.services.prisma.inspection.count()).toBe(before);
  });

  it("keeps the tablet's time of a late retry, within a day, and takes a time ahead of the server's as now", async () => {
    const at = new Date(clock.now().getTime() - 20 * 60_000).toISOString();
    expect((await supervisor.post<InspectionDto>("/api/inspections", body({ at }))).body.at).toBe(at);
    const ahead = new Date(clock.now().getTime() + 6 * 86_400_000).toISOString();
    expect((await supervisor.post<InspectionDto>("/api/inspections", body({ at: ahead }))).body.at).toBe(clock.now().toISOString());
  });
});

describe("the checklist", () => {
  it("is read by inspectors and saved as a new version by administrators only; the form's version decides the deductions", async () => {
    const current = await supervisor.get<ChecklistDto>("/api/inspections/checklist");
    expect(current.body.version).toBe(0);
    expect(current.body.items.map((i) => i.code)).toEqual(ITEMS);
    expect((await staff.get("/api/inspections/checklist")).status).toBe(403);
    const items = current.body.items.map((i) => (i.code === "ON_POST" ? { ...i, deduction: 3 } : i));
    expect((await supervisor.request("PUT", "/api/inspections/checklist", { json: { items } })).status).toBe(403);
    expect((await admin.request("PUT", "/api/inspections/checklist", { json: { items: [...items, items[0]] } })).status).toBe(400);
    const saved = await admin.request<ChecklistDto>("PUT", "/api/inspections/checklist", { json: { items } });
    expect(saved.body.version).toBe(1);
    expect((await supervisor.get<ChecklistDto>("/api/inspections/checklist")).body.version).toBe(1);
    const v1 = await supervisor.post<InspectionDto>("/api/inspections", body({ checklistVersion: 1, findings: answers(["ON_POST"]) }));
    expect([v1.body.checklistVersion, v1.body.totalDeduction]).toEqual([1, 3]);
    // a form opened before the edit still saves with the deductions it showed
    const v0 = await supervisor.post<InspectionDto>("/api/inspections", body({ checklistVersion: 0, findings: answers(["ON_POST"]) }));
    expect([v0.body.checklistVersion, v0.body.totalDeduction]).toEqual([0, 2]);
  });
});

describe("after recording", () => {
  it("proposes an accountability record from a failed item once, and not from a passed one", async () => {
    const rec = (await supervisor.post<InspectionDto>("/api/inspections", body({ findings: answers(["DISCIPLINE"], { DISCIPLINE: "玩手机" }) }))).body;
    const url = `/api/inspections/${rec.id}/findings/DISCIPLINE/accountability`;
    expect((await staff.post(url)).status).toBe(403);
    const first = await leader.post<{ accountabilityId: number; kind: string; proposedPoints: number }>(url);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: "DISOBEDIENCE", proposedPoints: 2 });
    const again = await supervisor.post<{ accountabilityId: number }>(url);
    expect([again.status, again.body.accountabilityId]).toEqual([200, first.body.accountabilityId]);
    expect((await supervisor.post(`/api/inspections/${rec.id}/findings/APPEARANCE/accountability`)).status).toBe(400);
    expect((await supervisor.post(`/api/inspections/${rec.id}/findings/NOPE/accountability`)).status).toBe(404);
    const record = await server.services.prisma.accountabilityRecord.findUniqueOrThrow({ where: { id: first.body.accountabilityId } });
    expect(record).toMatchObject({ source: "INSPECTION", state: "PROPOSED", staffId: accounts.STAFF.staffId, windowId });
    expect(record.description).toContain("玩手机");
    const shown = await supervisor.get<InspectionDto>(`/api/inspections/${rec.id}`);
    expect(shown.body.findings.find((f) => f.code === "DISCIPLINE")!.accountabilityId).toBe(first.body.accountabilityId);
  });

  it("shows staff their own record and nobody else's; liaisons their department's", async () => {
    const mine = await staff.get<{ items: InspectionDto[] }>("/api/inspections?pageSize=500");
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((i) => i.staffId === accounts.STAFF.staffId)).toBe(true);
    const nobody = (await supervisor.post<InspectionDto>("/api/inspections", body({ windowId: otherWindowId, staffId: null }))).body;
    expect(nobody.staffId).toBeNull();
    expect((await staff.get(`/api/inspections/${nobody.id}`)).status).toBe(404);
    const liaison = await login(accounts.LIAISON);
    const theirs = await liaison.get<{ items: InspectionDto[] }>("/api/inspections?pageSize=500");
    const staffDept = (await server.services.prisma.staff.findUniqueOrThrow({ where: { id: accounts.STAFF.staffId! } })).departmentId;
    expect(theirs.body.items.length).toBe(staffDept === accounts.LIAISON.departmentId ? mine.body.items.length : 0);
    const byWindow = await supervisor.get<{ items: InspectionDto[] }>(`/api/inspections?windowId=${windowId}&failedOnly=true&from=2026-11-23&to=2026-11-23`);
    expect(byWindow.body.items.length).toBeGreaterThan(0);
    expect(byWindow.body.items.every((i) => i.windowId === windowId && i.totalDeduction > 0)).toBe(true);
  });

  it("takes an evidence photo from the inspector, re-encoded, and refuses what is not an image", async () => {
    const rec = (await supervisor.post<InspectionDto>("/api/inspections", body({ findings: answers(["TIDINESS"]) }))).body;
    const jpeg = Uint8Array.from(await sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 90, g: 120, b: 40 } } }).jpeg().toBuffer());
    expect((await uploadFile(leader, `/api/inspections/${rec.id}/photo`, jpeg, "image/jpeg")).status).toBe(200); // a leader may add one too
    expect((await uploadFile(staff, `/api/inspections/${rec.id}/photo`, jpeg, "image/jpeg")).status).toBe(403);
    const notImage = await uploadFile(supervisor, `/api/inspections/${rec.id}/photo`, new TextEncoder().encode("GIF89a not really"), "image/png");
    expect([notImage.status, code(notImage.body)]).toEqual([400, "NOT_AN_IMAGE"]);
    const got = await uploadFile<InspectionDto>(supervisor, `/api/inspections/${rec.id}/photo`, jpeg, "image/jpeg");
    expect(got.body.hasPhoto).toBe(true);
    const photo = await downloadFile(supervisor, `/api/inspections/${rec.id}/photo`);
    expect(photo.type).toBe("image/webp");
    const meta = await sharp(photo.body).metadata();
    expect([meta.width, meta.height]).toEqual([1600, 1200]);
  });

  it("prints the day's and the week's sheet as HTML", async () => {
    const day = await supervisor.get<string>("/api/inspections/sheet?date=2026-11-23");
    expect(day.status).toBe(200);
    expect(day.headers.get("content-type")).toContain("text/html");
    expect(day.body).toContain("督查记录表");
    expect(day.body).toContain("环境整洁 −0.5（台面资料堆放）");
    expect(day.body).toContain("@page { size: A4");
    const week = await supervisor.get<string>("/api/inspections/sheet?date=2026-11-26&period=week&lang=en");
    expect(week.body).toContain("2026-11-23 — 2026-11-29");
    expect(week.body).toContain("Workplace tidiness −0.5");
    expect((await supervisor.get<string>("/api/inspections/sheet?date=2026-11-30")).body).toContain("本期间无督查记录");
    expect((await supervisor.get("/api/inspections/sheet?date=yesterday")).status).toBe(400);
    expect((await staff.get("/api/inspections/sheet?date=2026-11-23")).status).toBe(403);
  });
});
