// Issue #3 in a real browser: an administrator downloads the item template, imports it with one bad
// row (nothing imported, the error shown by row and column), fixes it (all imported), edits an item;
// the public catalogue (no login, phone-sized) shows the change and prints as a one-page guide; a
// window staff member signs in to a window and pauses. Screenshots go to test/artifacts/ (the README's
// pictures are `npm run screenshots`' business). The server's clock stands on a Monday at 10:00 in
// Shanghai, inside the hall's opening hours, so signing in is allowed whatever the real time is.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { ARTIFACTS, launchBrowser } from "./support/browser.ts";

const clock = new ManualClock("2026-11-30T02:00:00Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let browser: Browser;
let accounts: Record<Role, DemoAccount>;
let centerId: number;
let tmp: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock }), launchBrowser()]);
  centerId = (await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  accounts = await demoAccounts(server, centerId);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-e2e-import-"));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function signIn(role: Role, viewport = { width: 1366, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel("用户名").fill(accounts[role].username);
  await page.getByLabel("密码").fill(accounts[role].password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByTestId("home-heading").waitFor({ timeout: 15_000 });
  return page;
}

/** Fills the downloaded template's first sheet with rows and saves it under a new name. */
async function fillTemplate(template: string, rows: string[][], name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const sheet = wb.worksheets[0]!;
  for (const row of rows) sheet.addRow(row);
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("administrator: import, fix, edit; public catalogue shows it", () => {
  const editedFee = "工本费 每本 15 元（e2e）";
  let editedItemId = 0;

  it("imports the template with one bad row (nothing imported, error shown), then the fixed file (all imported)", async () => {
    const page = await signIn("ADMIN");
    try {
      const dept = await server.services.prisma.department.findFirstOrThrow({ where: { centerId, active: true } });
      await page.goto(`${server.url}/items`);
      await page.getByTestId("items-table").waitFor();
      await page.getByRole("button", { name: "导入" }).click();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /下载导入模板/ }).click()]);
      const template = path.join(tmp, "template.xlsx");
      await download.saveAs(template);

      const row = (code: string, statutory: string) => [code, `电子证照补领（${code}）`, dept.code, "公共服务", statutory, "3", "不收费", "《政务服务条例》", "申请：提交申请材料\n受理：窗口当场受理\n办结：出具证照", "身份证；原件1份；必需\n申请表", "是"];
      const bad = await fillTemplate(template, [row("E2E-001", "10"), row("E2E-002", "十个工作日"), row("E2E-003", "10")], "bad.xlsx");
      const before = await server.services.prisma.serviceItem.count();
      await page.locator('.ant-modal input[type="file"]').setInputFiles(bad);
      const error = page.getByTestId("import-error");
      await error.waitFor({ timeout: 20_000 });
      await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain("未导入任何数据");
      await expect(error.getByRole("cell", { name: "法定时限(工作日)" }).isVisible()).resolves.toBe(true);
      await expect(error.getByRole("cell", { name: "3", exact: true }).isVisible()).resolves.toBe(true);
      expect(await server.services.prisma.serviceItem.count()).toBe(before);

      const good = await fillTemplate(template, [row("E2E-001", "10"), row("E2E-002", "10"), row("E2E-003", "10")], "good.xlsx");
      await page.locator('.ant-modal input[type="file"]').setInputFiles(good);
      await page.getByTestId("import-done").waitFor({ timeout: 20_000 });
      await expect.poll(() => page.getByTestId("import-done").textContent(), { timeout: 10_000 }).toContain("新增 3 条");
      expect(await server.services.prisma.serviceItem.count()).toBe(before + 3);
    } finally {
      await page.context().close();
    }
  });

  it("edits an item in the admin list (server and schema validation beside the field)", async () => {
    const item = await server.services.prisma.serviceItem.findFirstOrThrow({ where: { centerId, public: true, active: true, windows: { some: {} } }, orderBy: { id: "asc" } });
    editedItemId = item.id;
    const page = await signIn("ADMIN");
    try {
      await page.goto(`${server.url}/items?q=${encodeURIComponent(item.code)}`);
      await page.getByRole("button", { name: `编辑 ${item.name}` }).click();
      const form = page.getByTestId("item-form");
      await form.waitFor();
      // A promised limit longer than the statutory one is refused by the shared schema, beside the field
      await form.getByLabel("法定时限(工作日)").fill("3");
      await form.getByLabel("承诺时限(工作日)").fill("9");
      await page.getByTestId("item-save").click();
      await form.getByText("取值不正确").waitFor();
      await form.getByLabel("法定时限(工作日)").fill(String(item.statutoryLimitDays));
      await form.getByLabel("承诺时限(工作日)").fill(String(item.promisedLimitDays));
      await form.getByLabel("收费").fill(editedFee);
      await page.getByTestId("item-save").click();
      await page.getByText("已保存").waitFor();
      expect((await server.services.prisma.serviceItem.findUniqueOrThrow({ where: { id: item.id } })).fee).toBe(editedFee);
      await page.goto(`${server.url}/items?sort=-promisedLimitDays`);
      await page.getByTestId("items-table").locator("tbody tr").nth(5).waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, "admin-items.png") });
    } finally {
      await page.context().close();
    }
  });

  it("the public catalogue (no login, phone-sized) finds the item and shows the change; it prints as a one-page guide", async () => {
    const item = await server.services.prisma.serviceItem.findUniqueOrThrow({ where: { id: editedItemId } });
    const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    try {
      const started = Date.now();
      await page.goto(`${server.url}/catalog`);
      await page.getByTestId("catalog-results").locator("a").first().waitFor();
      const firstPaint = Date.now() - started;
      expect(firstPaint).toBeLessThan(5_000);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: path.join(ARTIFACTS, "catalog.png") });

      await page.getByRole("searchbox", { name: "输入事项名称或事项编码" }).fill(item.code);
      await page.getByRole("button", { name: "搜索" }).click();
      await page.getByRole("link", { name: new RegExp(item.name) }).first().click();
      await page.getByTestId("catalog-item-name").waitFor();
      await expect.poll(() => page.getByTestId("catalog-item-fee").textContent(), { timeout: 10_000 }).toBe(editedFee);
      await expect(page.getByText(/号窗口/).first().isVisible()).resolves.toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: path.join(ARTIFACTS, "catalog-item.png"), fullPage: true });

      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("button", { name: "打印一次性告知书" }).isVisible()).resolves.toBe(false);
      await expect(page.getByText("一次性告知书").first().isVisible()).resolves.toBe(true);
      const pdf = await page.pdf({ format: "A4", path: path.join(ARTIFACTS, "catalog-notice.pdf") });
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBe(1);
    } finally {
      await context.close();
    }
  });
});

describe("window staff: sign in and pause", () => {
  it("signs in to their window and pauses for a meeting", async () => {
    const page = await signIn("STAFF");
    try {
      const card = page.getByTestId("shift-card");
      await card.waitFor();
      await expect.poll(() => card.getByTestId("shift-state").textContent(), { timeout: 10_000 }).toBe("未签到");
      const chooser = card.getByLabel("选择窗口");
      if ((await card.getByRole("button", { name: "签到" }).isDisabled())) {
        await chooser.click();
        await page.locator(".ant-select-item-option").first().click();
      }
      await card.getByRole("button", { name: "签到" }).click();
      await card.getByText(/已在 \d+ 号窗口/).waitFor();
      await card.getByLabel("暂停原因").click();
      await page.getByTitle("开会").click();
      await card.getByRole("button", { name: "暂停" }).click();
      await card.getByTestId("shift-paused").waitFor();
      await expect.poll(() => card.getByTestId("shift-paused").textContent(), { timeout: 10_000 }).toBe("暂停中：开会");
      const shift = await server.services.prisma.shift.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId!, endedAt: null }, include: { pauses: true } });
      expect(shift.pauses.map((p) => [p.reason, p.endedAt])).toEqual([["MEETING", null]]);
      await card.getByRole("button", { name: "恢复服务" }).click();
      await card.getByRole("button", { name: "暂停" }).waitFor();
    } finally {
      await page.context().close();
    }
  });
});

describe("API description", () => {
  it("the browsable page renders the generated document from local assets", async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(server.url)) external.push(r.url());
    });
    try {
      await page.goto(`${server.url}/api/docs`);
      await page.getByText("hallwatch API").first().waitFor({ timeout: 20_000 });
      // With 100+ operations Swagger UI renders the list virtually (only what is on screen): ask the
      // loaded document itself, and see that operations render
      await page.locator(".opblock").first().waitFor();
      const loaded = await page.evaluate(() => {
        const ui = (window as unknown as { ui: { specSelectors: { specJson: () => { getIn: (path: string[]) => unknown } } } }).ui;
        return ui.specSelectors.specJson().getIn(["paths", "/api/public/catalog/items/{id}", "get", "summary"]);
      });
      expect(loaded).toContain("Public");
      expect(external).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("administrator: refusals shown beside the field", () => {
  it("a duplicate window number and deactivating a department with active staff", async () => {
    const page = await signIn("ADMIN");
    try {
      const existing = await server.services.prisma.window.findFirstOrThrow({ where: { centerId }, include: { departments: { include: { department: true } } } });
      await page.goto(`${server.url}/windows`);
      await page.getByTestId("windows-table").waitFor();
      await page.getByRole("button", { name: "新建" }).click();
      const drawer = page.locator(".ant-drawer");
      await drawer.getByLabel("窗口号").fill(String(existing.number));
      await drawer.getByLabel("区域").fill("A区");
      await drawer.getByLabel("名称").fill("重复的窗口");
      await drawer.getByLabel("进驻部门").click();
      // The option list is virtual: type to bring the department up, Enter picks it
      await page.keyboard.type(existing.departments[0]!.department.name);
      await page.keyboard.press("Enter");
      await page.keyboard.press("Escape");
      await drawer.getByRole("button", { name: "保存" }).click();
      await drawer.getByText("窗口号已存在").waitFor();
      await drawer.getByRole("button", { name: "取消" }).click();

      // Window ↔ item assignment: the dialog offers the window's departments' items; saving keeps them
      const assigned = await server.services.prisma.windowItem.count({ where: { windowId: existing.id } });
      // The closing drawer still covers the table until its animation ends
      await page.locator(".ant-drawer-content-wrapper").waitFor({ state: "hidden" });
      await page.getByRole("button", { name: `办理事项 ${existing.number}`, exact: true }).click({ timeout: 10_000 });
      const dialog = page.getByRole("dialog");
      await dialog.locator(".ant-select-selection-item").first().waitFor();
      await dialog.getByRole("button", { name: "保存" }).click();
      await page.getByText("已保存").first().waitFor();
      expect(await server.services.prisma.windowItem.count({ where: { windowId: existing.id } })).toBe(assigned);

      const dept = await server.services.prisma.department.findFirstOrThrow({ where: { centerId, staff: { some: { active: true } } }, orderBy: { code: "asc" } });
      await page.goto(`${server.url}/departments?q=${encodeURIComponent(dept.code)}`);
      await page.getByRole("button", { name: `编辑 ${dept.name}` }).click();
      const deptDrawer = page.locator(".ant-drawer");
      await deptDrawer.getByRole("switch").click();
      await deptDrawer.getByRole("button", { name: "保存" }).click();
      await deptDrawer.getByText(/该部门仍有 \d+ 名在岗工作人员/).waitFor();
      expect((await server.services.prisma.department.findUniqueOrThrow({ where: { id: dept.id } })).active).toBe(true);
    } finally {
      await page.context().close();
    }
  });
});

describe("administrator: accounts", () => {
  it("creates an account; a weak password is refused beside the field", async () => {
    const page = await signIn("ADMIN");
    try {
      await page.goto(`${server.url}/users`);
      await page.getByTestId("users-table").waitFor();
      await page.getByRole("button", { name: "新建" }).click();
      const drawer = page.locator(".ant-drawer");
      await drawer.getByLabel("用户名").fill("e2e.supervisor");
      await drawer.getByLabel("姓名").fill("测试督查员");
      await drawer.getByLabel("密码").fill("short1");
      await drawer.getByRole("button", { name: "保存" }).click();
      await drawer.getByText(/至少 10 位/).first().waitFor();
      expect(await server.services.prisma.user.count({ where: { username: "e2e.supervisor" } })).toBe(0);
      await drawer.getByLabel("密码").fill("a-good-password-2026");
      await drawer.getByRole("button", { name: "保存" }).click();
      await page.getByText("已保存").waitFor();
      const user = await server.services.prisma.user.findUniqueOrThrow({ where: { username: "e2e.supervisor" } });
      expect([user.role, user.mustChangePassword]).toEqual(["SUPERVISOR", true]);
    } finally {
      await page.context().close();
    }
  });
});
