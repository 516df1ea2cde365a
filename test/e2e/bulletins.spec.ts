// The monthly bulletin (#9) in a real browser: a center leader generates last month's bulletins (the
// progress bar reaches done), previews one (department, a staff member, both charts drawn), writes the
// center's comment and releases two drafts; the 发送记录 show the mails gone to the local outbox (no
// SMTP server in tests); a resend needs a reason. A department liaison then sees only their own
// department's released bulletin, reads it and downloads the PDF exactly as it was sent.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BulletinDeliveryDto, BulletinDto, BulletinSummaryDto } from "../../server/src/contracts/bulletins.ts";
import type { Page as ListPage } from "../../server/src/contracts/common.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { ARTIFACTS, launchBrowser, screenshot } from "./support/browser.ts";
import { chooseOption } from "./support/antdSelect.ts";
import { signInAs } from "./support/deskUi.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 in Shanghai: last month is 2026-10
const MONTH = "2026-10";
const OWN_ADDRESSES = ["liaison.own@example.gov.cn", "office.own@example.gov.cn"];
const OTHER_ADDRESS = "liaison.other@example.gov.cn";
let server: TestServer;
let browser: Browser;
let accounts: Record<Role, DemoAccount>;
const contexts: BrowserContext[] = [];
let leaderApi: ApiClient;
/** The liaison's department and another one, both released by the leader in the first test */
let own: { id: number; name: string };
let other: { id: number; name: string };
let ownBulletinId: number;
let otherBulletinId: number;

async function monthMails(): Promise<BulletinDeliveryDto[]> {
  const res = await leaderApi.get<ListPage<BulletinDeliveryDto>>(`/api/bulletins/deliveries?month=${MONTH}&pageSize=200`);
  expect(res.status).toBe(200);
  return res.body.items;
}

async function monthBulletins(): Promise<BulletinSummaryDto[]> {
  const res = await leaderApi.get<ListPage<BulletinSummaryDto>>(`/api/bulletins?month=${MONTH}&pageSize=200`);
  expect(res.status).toBe(200);
  return res.body.items;
}

/** A signed-in page whose browser clock stands at the server's ManualClock, so "last month" agrees. */
async function signInAtServerTime(account: DemoAccount): Promise<Page> {
  const page = await signInAs(browser, server.url, account.username, account.password, contexts);
  // From there the browser's time runs on as usual (timers, toasts), only shifted
  await page.clock.install({ time: clock.now() });
  await page.reload();
  await page.getByTestId("home-heading").waitFor({ timeout: 15_000 });
  return page;
}

async function fullScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } }), launchBrowser()]);
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
  const ownRow = await prisma.department.findUniqueOrThrow({ where: { id: accounts.LIAISON.departmentId! } });
  const otherRow = await prisma.department.findFirstOrThrow({ where: { centerId: center.id, id: { not: ownRow.id }, active: true }, orderBy: { id: "asc" } });
  own = { id: ownRow.id, name: ownRow.name };
  other = { id: otherRow.id, name: otherRow.name };
  // Known recipients, whatever the demo's departments carry
  await prisma.department.update({ where: { id: own.id }, data: { liaisonEmails: OWN_ADDRESSES } });
  await prisma.department.update({ where: { id: other.id }, data: { liaisonEmails: [OTHER_ADDRESS] } });
  leaderApi = new ApiClient(server.url);
  await leaderApi.login(accounts.LEADER.username, accounts.LEADER.password);
}, 180_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe("monthly bulletins in the browser", () => {
  it("a leader generates last month, previews and comments a draft, releases two; the mails go to the outbox", async () => {
    const leader = await signInAtServerTime(accounts.LEADER);
    await leader.getByTestId("nav-bulletins").click();
    await leader.getByTestId("bulletins-heading").waitFor();
    // last month by default
    await leader.getByTestId("bulletin-month").getByText("2026 年 10 月").waitFor();

    await leader.getByTestId("bulletin-generate").click();
    const run = leader.getByTestId("bulletin-run");
    await run.waitFor({ timeout: 15_000 });
    await expect.poll(() => run.getAttribute("data-state"), { timeout: 180_000, interval: 500 }).toBe("DONE");
    await run.getByText("已完成").waitFor();
    expect(await run.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");

    const drafts = await monthBulletins();
    const activeDepartments = await server.services.prisma.department.count({ where: { centerId: accounts.LEADER.centerId!, active: true } });
    expect(drafts).toHaveLength(activeDepartments);
    expect(drafts.every((b) => b.state === "DRAFT")).toBe(true);
    ownBulletinId = drafts.find((b) => b.department.id === own.id)!.id;
    otherBulletinId = drafts.find((b) => b.department.id === other.id)!.id;
    const table = leader.getByTestId("bulletins-table");
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count(), { timeout: 15_000 }).toBe(drafts.length);
    await table.locator(`tr[data-row-key="${ownBulletinId}"]`).getByText(own.name, { exact: true }).waitFor();
    await leader.getByTestId(`bulletin-state-${ownBulletinId}`).getByText("草稿").waitFor();
    await fullScreenshot(leader, "bulletins-list-drafts");

    // the preview: the sheet names the department and its staff, and draws both charts
    const detail = (await leaderApi.get<BulletinDto>(`/api/bulletins/${ownBulletinId}`)).body;
    expect(detail.content.staff.length).toBeGreaterThan(0);
    const someone = detail.content.staff[0]!;
    await leader.getByTestId(`bulletin-preview-${ownBulletinId}`).click();
    const sheet = leader.getByTestId("bulletin-document");
    await sheet.waitFor({ timeout: 15_000 });
    await leader.getByTestId("bulletin-department").getByText(own.name).waitFor();
    await leader.getByTestId(`bulletin-staff-${someone.staffId}`).getByText(someone.name).waitFor();
    await leader.getByTestId("bulletin-trend-chart").locator("canvas").waitFor({ timeout: 15_000 });
    await leader.getByTestId("bulletin-ratings-chart").locator("canvas").waitFor();
    await leader.getByTestId("bulletin-state").getByText("草稿").waitFor();

    // the center's comment on this draft
    const comment = "本月窗口服务总体平稳，群众满意度较上月提升；请督促差评整改按期办结。";
    await leader.getByTestId("bulletin-comment-edit").click();
    await leader.getByTestId("bulletin-comment-text").fill(comment);
    await leader.getByTestId("bulletin-comment-save").click();
    await leader.getByTestId("bulletin-comment").getByText(comment).waitFor({ timeout: 15_000 });
    expect((await leaderApi.get<BulletinDto>(`/api/bulletins/${ownBulletinId}`)).body.content.comment).toBe(comment);
    await fullScreenshot(leader, "bulletin-view");
    await leader.getByTestId("bulletin-staff-table").screenshot({ path: path.join(ARTIFACTS, "bulletin-view-staff-table.png") });

    // release the two drafts, with a comment for the one that has none
    await leader.getByTestId("bulletin-back").click();
    await leader.getByTestId("bulletins-heading").waitFor();
    await leader.getByTestId("bulletin-month").getByText("2026 年 10 月").waitFor();
    for (const id of [ownBulletinId, otherBulletinId]) {
      const box = table.locator(`tr[data-row-key="${id}"] input[type="checkbox"]`);
      await box.waitFor({ timeout: 15_000 });
      await box.check();
    }
    await leader.getByTestId("bulletin-release").click();
    await leader.getByTestId("bulletin-release-list").getByText(own.name).waitFor();
    const forAll = "请各部门对照简报逐项落实。";
    await leader.getByTestId("bulletin-release-comment").fill(forAll);
    await leader.getByTestId("bulletin-release-confirm").click();
    await leader.getByTestId("bulletin-release-result").getByText("已发布 2 份简报，3 封邮件排队发送").waitFor({ timeout: 30_000 });
    await leader.getByTestId(`bulletin-state-${ownBulletinId}`).getByText("已发布").waitFor({ timeout: 15_000 });
    await leader.getByTestId(`bulletin-state-${otherBulletinId}`).getByText("已发布").waitFor();
    expect((await leaderApi.get<BulletinDto>(`/api/bulletins/${ownBulletinId}`)).body.content.comment).toBe(comment);
    expect((await leaderApi.get<BulletinDto>(`/api/bulletins/${otherBulletinId}`)).body.content.comment).toBe(forAll);
    // the mails are sent by the server's job; the counts follow
    await expect.poll(() => leader.getByTestId(`bulletin-deliveries-${ownBulletinId}`).getAttribute("data-sent"), { timeout: 60_000, interval: 500 }).toBe("2");
    await fullScreenshot(leader, "bulletins-list-released");

    // 发送记录: one mail per address, sent to the local outbox (no SMTP server configured)
    await leader.getByTestId("bulletin-deliveries-link").click();
    await leader.getByTestId("deliveries-heading").waitFor();
    const mails = await monthMails();
    expect(mails.map((d) => d.recipient).sort()).toEqual([...OWN_ADDRESSES, OTHER_ADDRESS].sort());
    for (const mail of mails) {
      await expect.poll(() => leader.getByTestId(`delivery-state-${mail.id}`).getAttribute("data-state"), { timeout: 60_000, interval: 500 }).toBe("SENT");
      await leader.getByTestId(`delivery-state-${mail.id}`).getByText("已发送").waitFor();
      await leader.getByTestId(`delivery-recipient-${mail.id}`).getByText(mail.recipient).waitFor();
      const transport = leader.getByTestId(`delivery-transport-${mail.id}`);
      await transport.getByText("本地发件箱").waitFor();
      expect(await transport.getAttribute("data-transport")).toMatch(/\.eml$/);
    }
    await screenshot(leader, "bulletin-deliveries");

    // a resend is explicit: the reason is required, then one more mail per address is queued
    await leader.goto(`${server.url}/bulletins/${otherBulletinId}`);
    await leader.getByTestId("bulletin-state").getByText("已发布").waitFor({ timeout: 15_000 });
    expect(await leader.getByTestId("bulletin-comment-edit").count()).toBe(0); // released: no more edits
    await leader.getByTestId("bulletin-resend").click();
    await leader.getByTestId("bulletin-resend-confirm").click();
    await leader.getByText("请写明重新发送的原因（至少 2 个字）").waitFor();
    await leader.getByTestId("bulletin-resend-reason").fill("联络员反映邮件被退回，更换邮箱后重发");
    await leader.getByTestId("bulletin-resend-confirm").click();
    await leader.getByText("已排队重新发送").waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await monthMails()).filter((d) => d.resend).map((d) => d.recipient), { timeout: 15_000 }).toEqual([OTHER_ADDRESS]);
    const resent = (await monthMails()).find((d) => d.resend)!;
    const stateOf = async (id: number) => (await monthMails()).find((d) => d.id === id)?.state;
    await expect.poll(() => stateOf(resent.id), { timeout: 60_000, interval: 500 }).toBe("SENT");

    // a mail that gave up shows its error and is queued again (a failing SMTP server's retries are the
    // server's own tests; here the row is set to where they end)
    await server.services.prisma.bulletinDelivery.update({ where: { id: resent.id }, data: { state: "FAILED", attempts: 5, lastError: "连接邮件服务器超时", sentAt: null, transport: null, nextAttemptAt: null } });
    await leader.goto(`${server.url}/bulletins/deliveries?month=${MONTH}`);
    await leader.getByTestId("deliveries-heading").waitFor({ timeout: 15_000 });
    await chooseOption(leader, "deliveries-state", "发送失败");
    const failedRows = leader.getByTestId("deliveries-table").locator("tbody tr.ant-table-row");
    await expect.poll(() => failedRows.count(), { timeout: 15_000 }).toBe(1);
    await leader.getByTestId(`delivery-state-${resent.id}`).getByText("发送失败").waitFor();
    await failedRows.getByText("连接邮件服务器超时").waitFor();
    await screenshot(leader, "bulletin-deliveries-failed");
    await leader.getByTestId(`delivery-retry-${resent.id}`).click();
    await leader.getByText("已重新排队发送").waitFor({ timeout: 15_000 });
    await expect.poll(() => stateOf(resent.id), { timeout: 60_000, interval: 500 }).toBe("SENT");
    await expect.poll(() => failedRows.count(), { timeout: 15_000 }).toBe(0);

    // a bulletin that does not exist: the server's message, not a crash
    await leader.goto(`${server.url}/bulletins/999999`);
    await leader.getByRole("alert").waitFor({ timeout: 15_000 });
    await leader.getByTestId("bulletin-back").waitFor();
  }, 300_000);

  it("a liaison sees only their own department's released bulletin and downloads the PDF as sent", async () => {
    const liaison = await signInAtServerTime(accounts.LIAISON);
    expect(await liaison.getByTestId("nav-bulletins").count()).toBe(0);
    await liaison.getByTestId("nav-departmentBulletins").click();
    await liaison.getByTestId("department-bulletins-heading").getByText("本单位简报").waitFor();
    const table = liaison.getByTestId("department-bulletins-table");
    await table.locator(`tr[data-row-key="${ownBulletinId}"]`).waitFor({ timeout: 15_000 });
    const departments = await table.locator('[data-testid^="department-bulletin-department-"]').allInnerTexts();
    expect(departments).toEqual([own.name]);
    expect(await table.locator(`tr[data-row-key="${otherBulletinId}"]`).count()).toBe(0);
    expect(await liaison.getByTestId("bulletin-generate").count()).toBe(0);
    expect(await liaison.getByTestId("bulletin-release").count()).toBe(0);

    // the download is the archived PDF: its name, its first bytes, its hash as released
    const [download] = await Promise.all([liaison.waitForEvent("download"), liaison.getByTestId(`bulletin-pdf-${ownBulletinId}`).click()]);
    expect(download.suggestedFilename()).toBe(`${own.name}2026年10月工作简报.pdf`);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
    const released = await server.services.prisma.bulletin.findUniqueOrThrow({ where: { id: ownBulletinId }, select: { pdfSha256: true } });
    expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(released.pdfSha256);

    // reading it: the sheet, no leader's controls
    await liaison.getByTestId(`bulletin-preview-${ownBulletinId}`).click();
    await liaison.getByTestId("bulletin-department").getByText(own.name).waitFor({ timeout: 15_000 });
    await liaison.getByTestId("bulletin-trend-chart").locator("canvas").waitFor({ timeout: 15_000 });
    expect(await liaison.getByTestId("bulletin-comment-edit").count()).toBe(0);
    expect(await liaison.getByTestId("bulletin-resend").count()).toBe(0);
    await liaison.getByTestId(`bulletin-pdf-${ownBulletinId}`).waitFor();
    await screenshot(liaison, "bulletin-liaison-view");
    // and in English, the same sheet with English headings
    await liaison.getByTestId("language-switch").click();
    await liaison.getByTestId(`bulletin-pdf-${ownBulletinId}`).getByText("Download PDF").waitFor();
    await liaison.getByTestId("bulletin-staff-table").getByText("On time", { exact: true }).waitFor();
    await fullScreenshot(liaison, "bulletin-liaison-view-en");
    await liaison.getByTestId("language-switch").click();
    await liaison.getByTestId(`bulletin-pdf-${ownBulletinId}`).getByText("下载 PDF").waitFor();

    // another department's bulletin is not found for them, shown as the server's message
    await liaison.goto(`${server.url}/department-bulletins/${otherBulletinId}`);
    await liaison.getByRole("alert").waitFor({ timeout: 15_000 });
    expect(await liaison.getByTestId("bulletin-document").count()).toBe(0);
    // and the center's list is not theirs
    await liaison.goto(`${server.url}/bulletins`);
    await liaison.getByTestId("forbidden").waitFor({ timeout: 15_000 });
  }, 180_000);
});
