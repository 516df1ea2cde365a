// An inspection recorded on a tablet-sized screen (820×1180) in Chromium: the supervisor picks the
// window, sees who is on duty, fails an item with a note, and saves while the network drops the first
// try — the form retries with the same id and the server stores it once; the failed item proposes an
// accountability record with one click; the record is listed. Also the alerts page with a live alert.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 Shanghai
let server: TestServer;
let browser: Browser;
let accounts: Record<Role, DemoAccount>;
let windowId = 0;
let windowNumber = 0;

beforeAll(async () => {
  server = await startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } });
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow();
  accounts = await demoAccounts(server, center.id);
  const assignment = await prisma.windowStaff.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId!, backup: false }, include: { window: true } });
  windowId = assignment.windowId;
  windowNumber = assignment.window.number;
  const staff = new ApiClient(server.url);
  await staff.login(accounts.STAFF.username, accounts.STAFF.password);
  expect((await staff.post("/api/shifts/me/sign-in", { windowId })).status).toBe(201);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(account: DemoAccount, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel("用户名").fill(account.username);
  await page.getByLabel("密码").fill(account.password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByTestId("home-heading").waitFor({ timeout: 15_000 });
  return page;
}

it("records an inspection on a tablet, saved once through a dropped request, and proposes accountability from a failed item", async () => {
  const page = await signIn(accounts.SUPERVISOR, { width: 820, height: 1180 });
  await page.goto(`${server.url}/inspections/new`);
  await page.getByTestId("inspection-form-heading").waitFor();
  await page.getByTestId("inspection-window").click();
  await page.keyboard.type(`${windowNumber} `);
  await page.keyboard.press("Enter");
  const staffRow = await server.services.prisma.staff.findUniqueOrThrow({ where: { id: accounts.STAFF.staffId! } });
  await expect.poll(() => page.getByTestId("inspection-on-duty").textContent()).toContain(staffRow.name);
  await page.getByTestId("check-ON_POST").getByText("不合格").click();
  await page.getByTestId("note-ON_POST").fill("离岗十分钟未放暂停牌");
  await page.getByTestId("check-TIDINESS").getByText("不合格").click();
  await expect.poll(() => page.getByTestId("inspection-total").textContent()).toContain("2.5");
  await screenshot(page, "inspection-form-tablet");

  // The first save never reaches the server (the tablet lost the network); the form retries by itself
  let dropped = 0;
  await page.route("**/api/inspections", async (route) => {
    if (route.request().method() === "POST" && dropped === 0) {
      dropped++;
      await route.abort("internetdisconnected");
    } else await route.continue();
  });
  await page.getByTestId("inspection-save").click();
  await page.getByTestId("inspection-saved").waitFor({ timeout: 15_000 });
  expect(dropped).toBe(1);
  const stored = await server.services.prisma.inspection.findMany({ where: { windowId }, include: { findings: true } });
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ staffId: accounts.STAFF.staffId, totalDeduction: 2.5, inspectorId: accounts.SUPERVISOR.userId });
  expect(stored[0]!.findings.find((f) => f.checkCode === "ON_POST")).toMatchObject({ passed: false, deduction: 2, note: "离岗十分钟未放暂停牌" });

  await page.getByTestId("propose-ON_POST").click();
  await page.getByTestId("proposed-ON_POST").waitFor();
  const record = await server.services.prisma.accountabilityRecord.findFirstOrThrow({ where: { inspectionId: stored[0]!.id } });
  expect(record).toMatchObject({ source: "INSPECTION", kind: "INACTION", staffId: accounts.STAFF.staffId, state: "PROPOSED" });
  await screenshot(page, "inspection-saved-tablet");

  await page.goto(`${server.url}/inspections`);
  await page.getByTestId(`inspection-total-${stored[0]!.clientId}`).waitFor();
  await screenshot(page, "inspections-list-tablet");
  await page.context().close();
}, 90_000);

it("shows a new alert live on the alerts page, and acknowledging it moves it to the history", async () => {
  const page = await signIn(accounts.SUPERVISOR, { width: 1366, height: 800 });
  await page.goto(`${server.url}/alerts`);
  await page.getByTestId("alerts-heading").waitFor();
  await expect.poll(() => page.getByTestId("alerts-live").textContent()).toContain("实时");
  clock.advance(10 * 60_000);
  const raised = await server.sweepHallAlerts();
  expect(raised.raised).toBeGreaterThan(0);
  const alert = await server.services.prisma.alert.findFirstOrThrow({ where: { kind: "WINDOW_UNATTENDED" }, orderBy: { id: "desc" } }); // the newest: first in the feed
  await page.getByTestId(`alert-message-${alert.id}`).waitFor({ timeout: 5_000 });
  await screenshot(page, "alerts");
  await page.getByTestId(`alert-ack-${alert.id}`).click();
  await page.getByTestId("alert-ack-note").fill("已联系部门安排人员");
  await page.locator("#alert-ack-confirm").click();
  await page.getByTestId(`alert-message-${alert.id}`).waitFor({ state: "detached" });
  await page.getByRole("tab", { name: "历史记录" }).click();
  await page.getByTestId(`alert-message-${alert.id}`).waitFor();
  expect(await page.getByText("已联系部门安排人员").count()).toBe(1);
  await page.context().close();
}, 60_000);

it("lets an administrator save the checklist as a new version", async () => {
  const page = await signIn(accounts.ADMIN, { width: 1366, height: 800 });
  await page.getByTestId("nav-inspectionChecklist").click();
  await page.getByTestId("checklist-heading").waitFor();
  const deduction = page.getByRole("spinbutton").last();
  await expect.poll(() => deduction.inputValue()).toBe("0.5");
  await deduction.fill("1");
  await page.getByTestId("checklist-save").click();
  await page.getByText("已保存为第 1 版").waitFor();
  const saved = await server.services.prisma.inspectionChecklist.findFirstOrThrow({ orderBy: { version: "desc" } });
  expect(saved.version).toBe(1);
  expect((saved.items as { code: string; deduction: number }[]).find((i) => i.code === "TIDINESS")!.deduction).toBe(1);
  await screenshot(page, "inspection-checklist");
  await page.context().close();
}, 60_000);

it("shows the staff member the findings in their own record on their home page", async () => {
  const page = await signIn(accounts.STAFF, { width: 1366, height: 800 });
  const list = page.getByTestId("staff-inspections");
  await list.getByText("在岗情况 −2").waitFor({ timeout: 10_000 });
  await page.context().close();
}, 60_000);
