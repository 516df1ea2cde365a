// Issue #3: an account's role changed when editing it (links checked, sessions ended, audited with the
// role before and after), and the Excel exports of the account list and the audit log, as filtered.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/src/contracts/roles.ts";
import { XLSX_TYPE } from "../../server/src/contracts/imports.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { downloadFile } from "../support/uploadFile.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let centerId: number;

beforeAll(async () => {
  server = await startTestServer();
  centerId = (await server.services.prisma.center.findFirstOrThrow()).id;
  accounts = await demoAccounts(server, centerId);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const signedIn = async (role: Role) => {
  const c = new ApiClient(server.url);
  await c.login(accounts[role].username, accounts[role].password);
  return c;
};

async function sheetRows(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  return rows;
}

interface ErrorBody {
  error: { code: string; issues?: { path: string; message: string }[] };
}

describe("changing an account's role", () => {
  it("moves a supervisor to department liaison with a department, ends their sessions and audits the change", async () => {
    const { prisma } = server.services;
    const admin = await signedIn("ADMIN");
    const sup = await signedIn("SUPERVISOR");
    const target = accounts.SUPERVISOR.userId;

    const missing = await admin.patch<ErrorBody>(`/api/users/${target}`, { role: "LIAISON" });
    expect([missing.status, missing.body.error.issues?.[0]?.path]).toEqual([400, "departmentId"]);
    const wrongLink = await admin.patch<ErrorBody>(`/api/users/${target}`, { role: "LEADER", staffId: accounts.STAFF.staffId });
    expect([wrongLink.status, wrongLink.body.error.issues?.[0]?.path]).toEqual([400, "staffId"]);
    const taken = await admin.patch<ErrorBody>(`/api/users/${target}`, { role: "STAFF", staffId: accounts.STAFF.staffId });
    expect([taken.status, taken.body.error.code]).toEqual([409, "CONFLICT"]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target } })).role).toBe("SUPERVISOR");
    expect((await sup.get("/api/shifts")).status).toBe(200);

    const dept = await prisma.department.findFirstOrThrow({ where: { centerId } });
    const moved = await admin.patch<{ role: string; departmentId: number }>(`/api/users/${target}`, { role: "LIAISON", departmentId: dept.id });
    expect(moved.status).toBe(200);
    expect([moved.body.role, moved.body.departmentId]).toEqual(["LIAISON", dept.id]);
    expect((await sup.get("/api/shifts")).status).toBe(401);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "change.userRole", entityId: String(target) }, orderBy: { id: "desc" } });
    expect([(entry.before as { role: string }).role, (entry.after as { role: string }).role]).toEqual(["SUPERVISOR", "LIAISON"]);
    expect(entry.actorId).toBe(accounts.ADMIN.userId);

    // Back again: the department link is dropped with the role that needed it
    const back = await admin.patch<{ role: string; departmentId: number | null }>(`/api/users/${target}`, { role: "SUPERVISOR" });
    expect([back.body.role, back.body.departmentId]).toEqual(["SUPERVISOR", null]);
  });
});

describe("Excel exports of accounts and of the audit log", () => {
  it("exports exactly the filtered account list, without secrets", async () => {
    const admin = await signedIn("ADMIN");
    const res = await downloadFile(admin, "/api/users/export.xlsx?role=LIAISON&active=true");
    expect([res.status, res.type]).toEqual([200, XLSX_TYPE]);
    const rows = await sheetRows(res.body);
    expect(rows[0]).toEqual(["用户名", "姓名", "角色", "状态", "锁定", "最近登录"]);
    const expected = await server.services.prisma.user.count({ where: { centerId, role: "LIAISON", active: true } });
    expect(rows.length - 1).toBe(expected);
    expect(rows.slice(1).every((r) => r[2] === "部门联络员" && r[3] === "启用")).toBe(true);
    expect(res.body.toString("latin1")).not.toContain("argon2");
    const page = await admin.get<{ total: number }>("/api/users?role=LIAISON&active=true");
    expect(page.body.total).toBe(expected);
  });

  it("exports the audit log as filtered, with Beijing times and the chain's hashes", async () => {
    const { prisma } = server.services;
    const auditor = await signedIn("AUDITOR");
    const res = await downloadFile(auditor, "/api/audit/export.xlsx?action=change.userRole");
    expect(res.status).toBe(200);
    const rows = await sheetRows(res.body);
    expect(rows[0]?.slice(0, 5)).toEqual(["序号", "时间（北京时间）", "操作人", "角色", "操作"]);
    const entries = await prisma.auditEntry.findMany({ where: { centerId, action: { contains: "change.userRole" } }, orderBy: { id: "desc" } });
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(entries.map((e) => e.id));
    expect(entries.length).toBeGreaterThan(0);
    const first = entries[0]!;
    expect(rows[1]?.[1]).toBe(new Date(first.at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " "));
    expect(rows[1]?.at(-1)).toBe(first.hash);

    const future = await downloadFile(auditor, "/api/audit/export.xlsx?from=2099-01-01T00:00:00Z");
    expect((await sheetRows(future.body)).length).toBe(1);
    expect((await downloadFile(auditor, "/api/audit/export.xlsx?from=yesterday")).status).toBe(400);
  });
});
