// Complaints in a real browser: a supervisor records a hotline complaint about a window and its staff
// member, assigns it to the center leader, answers it within its working-day deadline and finds it
// substantiated, which proposes an accountability record the leader then sees in the review queue; the
// overdue filter shows an unanswered complaint once the ManualClock passes its deadline.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { confirmDialog, pickOption, searchOption, signInAs } from "./support/deskUi.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let browser: Browser;
let accounts: Record<Role, DemoAccount>;
const contexts: BrowserContext[] = [];

async function searchFor(page: Page, words: string): Promise<void> {
  await page.getByPlaceholder("输入关键字搜索").fill(words);
  await page.getByRole("button", { name: /搜\s*索/ }).click();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } }), launchBrowser()]);
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe("complaints in the browser", () => {
  it("record → assign → answer; substantiated proposes an accountability record", async () => {
    const { prisma } = server.services;
    const staff = await prisma.staff.findUniqueOrThrow({ where: { id: accounts.STAFF.staffId! }, include: { windows: { include: { window: true }, orderBy: { windowId: "asc" }, take: 1 } } });
    const window = staff.windows[0]!.window;
    const leader = await prisma.user.findUniqueOrThrow({ where: { id: accounts.LEADER.userId } });
    const content = "市民来电反映：窗口工作人员答复不耐烦，让其反复跑了三趟";

    const supervisor = await signInAs(browser, server.url, accounts.SUPERVISOR.username, accounts.SUPERVISOR.password, contexts);
    await supervisor.getByTestId("nav-complaints").click();
    await supervisor.getByTestId("complaints-heading").waitFor();
    await supervisor.getByTestId("record-complaint").click();
    await pickOption(supervisor, "complaint-channel", "投诉电话");
    await supervisor.getByLabel("投诉内容").fill(content);
    await supervisor.getByLabel("投诉人").fill("周先生");
    await searchOption(supervisor, "complaint-window", String(window.number), `${window.number} ${window.name}`);
    await searchOption(supervisor, "complaint-staff", staff.name, `${staff.name}（${staff.staffNo}）`);
    await confirmDialog(supervisor);
    // the demo quarter fills the list: narrow it to this complaint by its words, as a supervisor would
    await searchFor(supervisor, "反复跑了三趟");
    await supervisor.getByTestId("complaints-table").getByText(content).waitFor();
    const complaint = await prisma.complaint.findFirstOrThrow({ where: { content } });
    expect(complaint).toMatchObject({ channel: "HOTLINE", windowId: window.id, staffId: staff.id, state: "OPEN", complainantName: "周先生" });
    // due in 5 working days (the center's default): Monday 2026-11-30 at closing time
    expect(complaint.dueAt.toISOString()).toBe("2026-11-30T09:00:00.000Z");
    await supervisor.getByTestId(`complaint-state-${complaint.id}`).getByText("待指派").waitFor();

    await supervisor.getByTestId(`complaint-assign-${complaint.id}`).click();
    await pickOption(supervisor, "complaint-assignee", leader.displayName);
    await confirmDialog(supervisor);
    await supervisor.getByTestId(`complaint-state-${complaint.id}`).getByText("办理中").waitFor();
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: complaint.id } })).assignedToId).toBe(leader.id);

    await supervisor.getByTestId(`complaint-answer-${complaint.id}`).click();
    await supervisor.getByLabel("答复内容").fill("已调阅录像并约谈当事人，向周先生致歉并回访");
    await confirmDialog(supervisor);
    await supervisor.getByTestId(`complaint-state-${complaint.id}`).getByText("已答复").waitFor();
    expect(await supervisor.getByTestId(`complaint-overdue-${complaint.id}`).count()).toBe(0); // answered in time

    await supervisor.getByTestId(`complaint-close-${complaint.id}`).click();
    await supervisor.getByRole("radio", { name: "属实", exact: true }).check();
    await supervisor.getByText("投诉属实将拟定一条责任追究记录").waitFor();
    await confirmDialog(supervisor);
    await supervisor.getByTestId(`complaint-state-${complaint.id}`).getByText(/已办结 · 属实/).waitFor();
    const record = await prisma.accountabilityRecord.findUniqueOrThrow({ where: { sourceKey: `complaint:${complaint.id}:substantiated` } });
    expect(record).toMatchObject({ source: "COMPLAINT", state: "PROPOSED", staffId: staff.id, windowId: window.id, kind: "WRONGFUL_ACTION", proposedPoints: 2 });
    await screenshot(supervisor, "complaint-substantiated");

    const leaderPage = await signInAs(browser, server.url, leader.username, accounts.LEADER.password, contexts);
    await leaderPage.getByTestId("nav-complaints").click();
    await leaderPage.getByTestId(`complaint-record-${complaint.id}`).click();
    await leaderPage.getByTestId("accountability-heading").waitFor();
    await leaderPage.getByTestId(`record-state-${record.id}`).getByText("待审核").waitFor();
    await leaderPage.getByTestId(`confirm-${record.id}`).waitFor();
  }, 150_000); // two people sign in and work through five dialogs: up to a minute on a loaded 2-core machine

  it("the overdue filter shows an unanswered complaint once its deadline has passed", async () => {
    const { prisma } = server.services;
    const content = "意见箱：等候区叫号屏经常不显示";
    // recorded through the API: the page's recording form is the previous test's subject
    const api = new ApiClient(server.url);
    await api.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
    const recorded = await api.post<{ id: number }>("/api/complaints", { channel: "SUGGESTION_BOX", content });
    expect(recorded.status).toBe(201);
    const complaint = await prisma.complaint.findUniqueOrThrow({ where: { id: recorded.body.id } });
    expect(complaint.state).toBe("OPEN");
    const overdueNow = await api.get<{ items: { id: number }[] }>("/api/complaints?overdue=1&pageSize=500");
    expect(overdueNow.body.items.map((c) => c.id)).not.toContain(complaint.id);

    clock.set("2026-12-01T02:00:00Z"); // the Tuesday after: five working days have passed
    const nextWeek = await signInAs(browser, server.url, accounts.SUPERVISOR.username, accounts.SUPERVISOR.password, contexts);
    await nextWeek.goto(`${server.url}/complaints?channel=SUGGESTION_BOX&q=${encodeURIComponent("叫号屏经常不显示")}`);
    await nextWeek.getByTestId("complaints-filter-overdue").click();
    const exportLink = nextWeek.getByTestId("complaints-export");
    await expect.poll(() => exportLink.getAttribute("href"), { timeout: 15_000 }).toContain("overdue=1");
    await nextWeek.getByTestId(`complaint-overdue-${complaint.id}`).waitFor();
    expect(new URL(nextWeek.url()).searchParams.get("overdue")).toBe("1");
    // every row the filter leaves is late
    const table = nextWeek.getByTestId("complaints-table");
    expect(await table.locator('[data-testid^="complaint-overdue-"]').count()).toBe(await table.locator('[data-testid^="complaint-state-"]').count());
    const href = await exportLink.getAttribute("href");
    expect(href).toContain("channel=SUGGESTION_BOX");
    expect(href).toContain("q=");
    await screenshot(nextWeek, "complaints-overdue");
  });
});
