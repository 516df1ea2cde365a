// Master data writes (#3): create, edit, deactivate; the refusals the issue names (duplicate numbers,
// an item at a window of another department, deactivating a department with active staff), sorting,
// export, and that every change is audited and a refusal writes nothing.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { downloadFile } from "../support/uploadFile.ts";

let server: TestServer;
let admin: ApiClient;
let centerId: number;

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
interface Page<T> {
  items: T[];
  total: number;
}

beforeAll(async () => {
  server = await startTestServer();
  centerId = (await server.services.prisma.center.findFirstOrThrow()).id;
  const accounts = await demoAccounts(server, centerId);
  admin = new ApiClient(server.url);
  await admin.login(accounts.ADMIN.username, accounts.ADMIN.password);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const auditCount = () => server.services.prisma.auditEntry.count();

describe("departments", () => {
  it("creates a department, refuses a duplicate code on the code field, and edits it", async () => {
    const body = { code: "T01", name: "测试局", shortName: "测试", liaisonEmails: ["a@example.cn"] };
    const created = await admin.post<{ id: number; code: string }>("/api/departments", body);
    expect(created.status).toBe(201);
    const before = await auditCount();
    const dup = await admin.post<ErrorBody>("/api/departments", body);
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("CONFLICT");
    expect(dup.body.error.issues?.[0]?.path).toBe("code");
    expect(await auditCount()).toBe(before);
    const edited = await admin.patch<{ name: string }>(`/api/departments/${created.body.id}`, { name: "测试管理局" });
    expect(edited.status).toBe(200);
    expect(edited.body.name).toBe("测试管理局");
    expect(await auditCount()).toBe(before + 1);
  });

  it("refuses to deactivate a department with active staff, and writes nothing", async () => {
    const dept = await server.services.prisma.department.findFirstOrThrow({ where: { centerId, staff: { some: { active: true } } } });
    const before = await auditCount();
    const res = await admin.patch<ErrorBody>(`/api/departments/${dept.id}`, { active: false });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("DEPARTMENT_HAS_ACTIVE_STAFF");
    expect((await server.services.prisma.department.findUniqueOrThrow({ where: { id: dept.id } })).active).toBe(true);
    expect(await auditCount()).toBe(before);
  });

  it("deactivates a department without active staff (never deletes it)", async () => {
    const created = await admin.post<{ id: number }>("/api/departments", { code: "T02", name: "空部门", shortName: "空", liaisonEmails: [] });
    const res = await admin.patch<{ active: boolean }>(`/api/departments/${created.body.id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect(await server.services.prisma.department.count({ where: { id: created.body.id } })).toBe(1);
  });
});

describe("windows", () => {
  it("refuses a duplicate window number with the number field", async () => {
    const existing = await server.services.prisma.window.findFirstOrThrow({ where: { centerId }, include: { departments: true } });
    const res = await admin.post<ErrorBody>("/api/windows", { number: existing.number, zone: "A区", name: "重复", partyPost: false, departmentIds: [existing.departments[0]!.departmentId] });
    expect(res.status).toBe(409);
    expect(res.body.error.issues?.[0]?.path).toBe("number");
  });

  it("refuses an item of a department the window does not serve, and assigns one it does", async () => {
    const win = await server.services.prisma.window.findFirstOrThrow({ where: { centerId }, include: { departments: true, items: true } });
    const deptIds = win.departments.map((d) => d.departmentId);
    const foreign = await server.services.prisma.serviceItem.findFirstOrThrow({ where: { centerId, departmentId: { notIn: deptIds } } });
    const own = await server.services.prisma.serviceItem.findFirstOrThrow({ where: { centerId, departmentId: { in: deptIds } } });
    const before = await auditCount();
    const refused = await admin.request<ErrorBody>("PUT", `/api/windows/${win.id}/items`, { json: { itemIds: [own.id, foreign.id] } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("ITEM_NOT_OFFERED");
    expect(refused.body.error.issues?.[0]?.message).toContain(foreign.code);
    expect(await server.services.prisma.windowItem.count({ where: { windowId: win.id } })).toBe(win.items.length);
    expect(await auditCount()).toBe(before);
    const ok = await admin.request<{ itemIds: number[] }>("PUT", `/api/windows/${win.id}/items`, { json: { itemIds: [own.id] } });
    expect(ok.status).toBe(200);
    expect(ok.body.itemIds).toEqual([own.id]);
    expect((await admin.get<{ itemIds: number[] }>(`/api/windows/${win.id}/items`)).body.itemIds).toEqual([own.id]);
  });

  it("creates a window with a new number", async () => {
    const dept = await server.services.prisma.department.findFirstOrThrow({ where: { centerId, active: true } });
    const res = await admin.post<{ number: number; departmentIds: number[] }>("/api/windows", { number: 901, zone: "Z区", name: "新窗口", partyPost: true, departmentIds: [dept.id] });
    expect(res.status).toBe(201);
    expect(res.body.departmentIds).toEqual([dept.id]);
  });
});

describe("staff", () => {
  it("refuses a duplicate staff number with the staffNo field; creates and deactivates", async () => {
    const existing = await server.services.prisma.staff.findFirstOrThrow({ where: { centerId } });
    const body = { departmentId: existing.departmentId, staffNo: existing.staffNo, name: "王五", gender: "M", title: null, partyMember: false, joinedAt: "2024-03-01" };
    const dup = await admin.post<ErrorBody>("/api/staff", body);
    expect(dup.status).toBe(409);
    expect(dup.body.error.issues?.[0]?.path).toBe("staffNo");
    const created = await admin.post<{ id: number; active: boolean }>("/api/staff", { ...body, staffNo: "T9001" });
    expect(created.status).toBe(201);
    const off = await admin.patch<{ active: boolean }>(`/api/staff/${created.body.id}`, { active: false });
    expect(off.body.active).toBe(false);
  });
});

describe("items", () => {
  it("edits an item; a promised limit longer than the statutory one is a 400 on that field", async () => {
    const item = await server.services.prisma.serviceItem.findFirstOrThrow({ where: { centerId } });
    const bad = await admin.patch<ErrorBody>(`/api/items/${item.id}`, { statutoryLimitDays: 5, promisedLimitDays: 9 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.[0]?.path).toBe("promisedLimitDays");
    const ok = await admin.patch<{ fee: string }>(`/api/items/${item.id}`, { fee: "每件 10 元" });
    expect(ok.status).toBe(200);
    expect(ok.body.fee).toBe("每件 10 元");
    const audit = await server.services.prisma.auditEntry.findFirstOrThrow({ where: { action: "update.item", entityId: String(item.id) }, orderBy: { id: "desc" } });
    expect(JSON.stringify(audit.after)).toContain("每件 10 元");
  });

  it("sorts by an allowed column in both directions", async () => {
    const asc = (await admin.get<Page<{ promisedLimitDays: number }>>("/api/items?sort=promisedLimitDays&pageSize=500")).body.items.map((i) => i.promisedLimitDays);
    const desc = (await admin.get<Page<{ promisedLimitDays: number }>>("/api/items?sort=-promisedLimitDays&pageSize=500")).body.items.map((i) => i.promisedLimitDays);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect((await admin.get("/api/items?sort=drop;table")).status).toBe(400);
  });

  it("exports the list to Excel as filtered", async () => {
    const dept = await server.services.prisma.department.findFirstOrThrow({ where: { centerId, items: { some: {} } } });
    const expected = await server.services.prisma.serviceItem.count({ where: { departmentId: dept.id } });
    const file = await downloadFile(admin, `/api/items/export.xlsx?departmentId=${dept.id}`);
    expect(file.status).toBe(200);
    expect(file.type).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(file.body).buffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("事项编码");
    expect(sheet.actualRowCount - 1).toBe(expected);
  });
});
