// Spreadsheet import (#3): the template, all-or-nothing with a row-by-row report in Chinese, and the
// files an import must refuse without writing: not a spreadsheet, wrong headers, merged cells,
// formulas, too many rows, too large.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_HEADERS, IMPORT_MAX_ROWS, XLSX_TYPE } from "../../server/src/contracts/imports.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { downloadFile, uploadFile } from "../support/uploadFile.ts";

let server: TestServer;
let admin: ApiClient;
let supervisor: ApiClient;
let centerId: number;
let deptCode: string;

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

beforeAll(async () => {
  server = await startTestServer();
  centerId = (await server.services.prisma.center.findFirstOrThrow()).id;
  deptCode = (await server.services.prisma.department.findFirstOrThrow({ where: { centerId, active: true } })).code;
  const accounts = await demoAccounts(server, centerId);
  admin = new ApiClient(server.url);
  await admin.login(accounts.ADMIN.username, accounts.ADMIN.password);
  supervisor = new ApiClient(server.url);
  await supervisor.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

async function workbook(headers: readonly string[], rows: (string | number | ExcelJS.CellFormulaValue)[][], edit?: (s: ExcelJS.Worksheet) => void): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("data");
  sheet.addRow([...headers]);
  for (const r of rows) sheet.addRow(r);
  edit?.(sheet);
  return Uint8Array.from(new Uint8Array(await wb.xlsx.writeBuffer()));
}

const itemRow = (code: string, overrides: Partial<Record<number, string>> = {}) => {
  const row = [code, `测试事项${code}`, deptCode, "公共服务", "10", "5", "不收费", "《测试条例》", "申请：提交材料\n受理：当场受理", "身份证；原件1份\n申请表", "是"];
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v ?? "";
  return row;
};

const counts = async () => ({ items: await server.services.prisma.serviceItem.count(), audit: await server.services.prisma.auditEntry.count() });

describe("templates", () => {
  it("downloads a template whose first sheet has exactly the import headers", async () => {
    for (const kind of ["departments", "items", "staff"] as const) {
      const file = await downloadFile(admin, `/api/imports/${kind}/template.xlsx`);
      expect(file.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(file.body).buffer);
      const values = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
      expect(values).toEqual([...IMPORT_HEADERS[kind]]);
    }
  });

  it("is for administrators only", async () => {
    expect((await downloadFile(supervisor, "/api/imports/items/template.xlsx")).status).toBe(403);
    expect((await uploadFile(supervisor, "/api/imports/items", await workbook(IMPORT_HEADERS.items, [itemRow("X1")]), XLSX_TYPE)).status).toBe(403);
  });
});

describe("all or nothing", () => {
  it("one bad row imports nothing and names row, column and problem in Chinese; fixed, all rows import", async () => {
    const before = await counts();
    const bad = await workbook(IMPORT_HEADERS.items, [itemRow("IMP-1"), itemRow("IMP-2", { 4: "十天" }), itemRow("IMP-3", { 2: "NOPE" })]);
    const res = await uploadFile<ErrorBody>(admin, "/api/imports/items", bad, XLSX_TYPE);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("IMPORT_REJECTED");
    const issues = res.body.error.issues ?? [];
    expect(issues.map((i) => i.path)).toEqual(["3.法定时限(工作日)", "4.部门编码"]);
    expect(issues[0]!.message).toMatch(/^第 3 行「法定时限\(工作日\)」：/);
    expect(await counts()).toEqual(before);

    const good = await workbook(IMPORT_HEADERS.items, [itemRow("IMP-1"), itemRow("IMP-2"), itemRow("IMP-3")]);
    const ok = await uploadFile<{ created: number; updated: number }>(admin, "/api/imports/items", good, XLSX_TYPE);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ created: 3, updated: 0 });
    const after = await counts();
    expect(after.items).toBe(before.items + 3);
    expect(after.audit).toBe(before.audit + 1);
    const item = await server.services.prisma.serviceItem.findFirstOrThrow({ where: { code: "IMP-1" } });
    expect(item.procedure).toEqual([{ title: "申请", detail: "提交材料" }, { title: "受理", detail: "当场受理" }]);

    const again = await uploadFile<{ created: number; updated: number }>(admin, "/api/imports/items", good, XLSX_TYPE);
    expect(again.body).toMatchObject({ created: 0, updated: 3 });
  });

  it("refuses duplicate codes inside the file", async () => {
    const res = await uploadFile<ErrorBody>(admin, "/api/imports/items", await workbook(IMPORT_HEADERS.items, [itemRow("DUP-1"), itemRow("DUP-1")]), XLSX_TYPE);
    expect(res.status).toBe(400);
    expect(res.body.error.issues?.[0]?.message).toContain("与第 2 行重复");
  });

  it("imports departments and then staff of the new department", async () => {
    const deps = await uploadFile<{ created: number }>(admin, "/api/imports/departments", await workbook(IMPORT_HEADERS.departments, [["NEW1", "新进驻局", "新局", "a@example.cn; b@example.cn"]]), XLSX_TYPE);
    expect(deps.status).toBe(200);
    expect(deps.body.created).toBe(1);
    const staff = await uploadFile<{ created: number }>(admin, "/api/imports/staff", await workbook(IMPORT_HEADERS.staff, [["S-NEW-1", "李四", "NEW1", "女", "科员", "是", "2024-03-01"]]), XLSX_TYPE);
    expect(staff.status).toBe(200);
    const row = await server.services.prisma.staff.findFirstOrThrow({ where: { staffNo: "S-NEW-1" }, include: { department: true } });
    expect(row.department.code).toBe("NEW1");
    expect(row.gender).toBe("F");
    expect(row.partyMember).toBe(true);
  });
});

describe("files an import refuses, writing nothing", () => {
  const expectRefused = async (body: Uint8Array<ArrayBuffer>, code: string, type = XLSX_TYPE) => {
    const before = await counts();
    const res = await uploadFile<ErrorBody>(admin, "/api/imports/items", body, type);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    expect(res.body.error.code).toBe(code);
    expect(await counts()).toEqual(before);
    return res.body.error;
  };

  it("a file that is not a spreadsheet", async () => {
    await expectRefused(new TextEncoder().encode("name,code\n事项,1"), "NOT_A_SPREADSHEET");
    await expectRefused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), "NOT_A_SPREADSHEET");
  });

  it("a CSV content type is refused before it is read", async () => {
    await expectRefused(new TextEncoder().encode("a,b"), "UNSUPPORTED_MEDIA_TYPE", "text/csv");
  });

  it("wrong headers", async () => {
    const error = await expectRefused(await workbook(["编码", ...IMPORT_HEADERS.items.slice(1)], [itemRow("H1")]), "IMPORT_REJECTED");
    expect(error.issues?.[0]?.message).toContain("表头应为「事项编码」");
  });

  it("merged cells", async () => {
    const error = await expectRefused(await workbook(IMPORT_HEADERS.items, [itemRow("M1"), itemRow("M2")], (s) => s.mergeCells("C2:C3")), "IMPORT_REJECTED");
    expect(error.issues?.[0]?.message).toContain("合并单元格");
  });

  it("formulas", async () => {
    const row: (string | ExcelJS.CellFormulaValue)[] = itemRow("F1");
    row[4] = { formula: "5*2", result: 10, date1904: false };
    const error = await expectRefused(await workbook(IMPORT_HEADERS.items, [row]), "IMPORT_REJECTED");
    expect(error.issues?.[0]?.path).toBe("2.法定时限(工作日)");
    expect(error.issues?.[0]?.message).toContain("公式");
  });

  it("50,000 rows: a clear error naming the cap", async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => [`BIG-${i}`, "事项", deptCode, "公共服务", "1", "1", "", "", "", "", "是"]);
    const file = await workbook(IMPORT_HEADERS.items, rows);
    const started = Date.now();
    const error = await expectRefused(file, "TOO_MANY_ROWS");
    const elapsed = Date.now() - started;
    expect(error.message).toContain(String(IMPORT_MAX_ROWS));
    // The streaming pre-count stops after the cap; the whole-workbook load took ~3× as long
    expect(elapsed).toBeLessThan(15_000);
    console.info(`50,000-row file refused in ${elapsed} ms`);
  }, 120_000);

  it("a body over 10 MB", async () => {
    await expectRefused(new Uint8Array(11 * 1024 * 1024), "PAYLOAD_TOO_LARGE");
  });
});
