// The SMS outbox in a real browser: citizens' messages from accepted cases appear for a supervisor
// with their delivery state; one that failed every attempt (a failing provider, the ManualClock moved
// past each backoff) shows its error, the supervisor sends it again, and the next dispatch sends it.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/src/contracts/roles.ts";
import { dispatchNotifications, MAX_ATTEMPTS, type SmsProvider } from "../../server/src/domain/notifications/outbox.ts";
import { runDueJobs } from "../../server/src/jobs/scheduler.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { caseFixture, citizen, type CaseFixture } from "../support/caseFixtures.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { pickOption, signInAs } from "./support/deskUi.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let browser: Browser;
let accounts: Record<Role, DemoAccount>;
let fx: CaseFixture;
const contexts: BrowserContext[] = [];
const gatewayDown: SmsProvider = { send: async () => Promise.reject(new Error("短信网关连接超时")) };

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "72" } }), launchBrowser()]);
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
  fx = await caseFixture(server, accounts.STAFF.staffId!);
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe("the SMS outbox in the browser", () => {
  it("a supervisor sees the messages; a failed one is sent again", async () => {
    const { prisma } = server.services;
    const staff = new ApiClient(server.url);
    await staff.login(accounts.STAFF.username, accounts.STAFF.password);
    const accept = async (n: number) => {
      const res = await staff.post<{ id: number; caseNo: string }>("/api/cases", { windowId: fx.windowId, itemId: fx.itemId, ...citizen(n) });
      expect(res.status).toBe(201);
      return prisma.notification.findUniqueOrThrow({ where: { dedupeKey: `case:${res.body.id}:accepted` } });
    };

    const delivered = await accept(1);
    await runDueJobs(server.services); // the default provider: sent
    const undelivered = await accept(2);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await dispatchNotifications(server.services, gatewayDown);
      clock.advance(10 * 60_000); // past the longest backoff (8 minutes)
    }
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: undelivered.id } })).state).toBe("FAILED");

    const supervisor = await signInAs(browser, server.url, accounts.SUPERVISOR.username, accounts.SUPERVISOR.password, contexts);
    await supervisor.getByTestId("nav-cases").click();
    await supervisor.getByRole("link", { name: "短信发件箱" }).click();
    await supervisor.getByTestId("outbox-heading").waitFor();
    await supervisor.getByTestId(`outbox-state-${delivered.id}`).getByText("已发送").waitFor();
    await supervisor.getByTestId(`outbox-state-${undelivered.id}`).getByText("发送失败").waitFor();
    const failedRow = supervisor.locator("tr", { has: supervisor.getByTestId(`outbox-state-${undelivered.id}`) });
    expect(await failedRow.textContent()).toContain("短信网关连接超时");
    expect(await failedRow.textContent()).toContain(undelivered.recipientMasked);
    expect(await failedRow.textContent()).not.toContain("13800138002"); // only the masked number is shown

    await pickOption(supervisor, "outbox-filter-state", "发送失败");
    await supervisor.getByTestId(`outbox-state-${delivered.id}`).waitFor({ state: "detached" });
    await screenshot(supervisor, "outbox-failed");
    await supervisor.getByTestId(`outbox-retry-${undelivered.id}`).click();
    // queued again, it is no longer among the failed ones
    await supervisor.getByTestId(`outbox-state-${undelivered.id}`).waitFor({ state: "detached" });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: undelivered.id } })).state).toBe("PENDING");

    await runDueJobs(server.services);
    await supervisor.goto(`${server.url}/cases/outbox`);
    await supervisor.getByTestId(`outbox-state-${undelivered.id}`).getByText("已发送").waitFor();
    await screenshot(supervisor, "outbox-retried");
    const sent = await prisma.notification.findUniqueOrThrow({ where: { id: undelivered.id } });
    expect(sent).toMatchObject({ state: "SENT", attempts: MAX_ATTEMPTS + 1, lastError: null });
  });
});
