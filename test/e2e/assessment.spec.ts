// The assessment engine (#8) in a real browser: a center leader opens the last quarter, sees the
// proposed red flag windows (红旗窗口), opens a score whose explanation lines add up to it and whose
// lines open into their records, withdraws one honour with a written reason and publishes, after which
// the quarter shows as frozen; a window staff member reaches their own scores from their home page and
// cannot read anybody else's.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentRunDto, QuarterProposalDto } from "../../server/src/contracts/assessmentApi.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { signInAs } from "./support/deskUi.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 in Shanghai: the last quarter is 2026-Q3
const QUARTER = "2026-Q3";
const MONTH = "2026-10";
let server: TestServer;
let browser: Browser;
let accounts: Record<Role, DemoAccount>;
const contexts: BrowserContext[] = [];
/** The leader's page, kept for the later tests so the file opens few browser contexts */
let leader: Page;

/** The periods the pages show, computed through the API as a leader would start them (idempotent). */
async function ensureRuns(): Promise<void> {
  const api = new ApiClient(server.url);
  await api.login(accounts.LEADER.username, accounts.LEADER.password);
  for (const [periodKind, periodStart] of [["QUARTER", "2026-07-01"], ["MONTH", "2026-10-01"]] as const) {
    const started = await api.post<AssessmentRunDto>("/api/assessment/runs", { periodKind, periodStart });
    expect([200, 201]).toContain(started.status);
    expect(started.body.state).toBe("DONE");
  }
}

/** The explanation's contributions as shown, in hundredths, so their sum is exact. */
async function shownContributionCents(page: Page, testId: string): Promise<number[]> {
  const values = await page.getByTestId(testId).locator('[data-testid$="-contribution"]').evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-value"))));
  return values.map((v) => Math.round(v * 100));
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } }), launchBrowser()]);
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
  await ensureRuns();
}, 180_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe("assessment in the browser", () => {
  it("a leader reviews the last quarter: explanation adds up, one override with a reason, publish freezes it", async () => {
    leader = await signInAs(browser, server.url, accounts.LEADER.username, accounts.LEADER.password, contexts);
    await leader.getByTestId("nav-quarterEvaluation").click();
    await leader.getByTestId("quarter-heading").waitFor();
    // the newest computed quarter is shown by default
    await leader.getByTestId("quarter-period").getByText(QUARTER).waitFor({ timeout: 15_000 });
    await leader.getByTestId("quarter-proposed").waitFor();

    const redFlags = leader.getByTestId("red-flag");
    await redFlags.locator('[data-testid^="red-flag-granted-"]').first().waitFor({ timeout: 15_000 });
    const granted = redFlags.locator('[data-testid^="red-flag-granted-"][data-granted="true"]');
    const proposedCount = await granted.count();
    expect(proposedCount).toBeGreaterThanOrEqual(1);
    const firstId = Number((await granted.first().getAttribute("data-testid"))!.replace("red-flag-granted-", ""));
    await screenshot(leader, "assessment-quarter-proposed");

    // the score opens into its lines; the lines add up to the score, to the hundredth
    await leader.getByTestId(`red-flag-score-${firstId}`).click();
    const score = leader.getByTestId("explanation-score");
    await score.waitFor({ timeout: 15_000 });
    const scoreCents = Math.round(Number(await score.getAttribute("data-value")) * 100);
    const lines = await shownContributionCents(leader, "explanation-lines");
    expect(lines.length).toBeGreaterThanOrEqual(4); // the four weighted components at least
    expect(lines.reduce((s, c) => s + c, 0)).toBe(scoreCents);
    expect(Math.round(Number(await leader.getByTestId("explanation-sum").getAttribute("data-value")) * 100)).toBe(scoreCents);
    await screenshot(leader, "assessment-explanation");

    // a line opens into the records behind it, each with its points
    await leader.getByTestId("explanation-drill-satisfaction").click();
    await leader.getByTestId("drill-records").locator("tbody tr.ant-table-row").first().waitFor({ timeout: 15_000 });
    await screenshot(leader, "assessment-drill-down");
    await leader.getByTestId("drill-back").click();
    await leader.getByTestId("explanation-lines").waitFor();
    await leader.keyboard.press("Escape");
    await score.waitFor({ state: "hidden" });

    // withdraw the first proposal: the reason is required
    await leader.getByTestId(`red-flag-override-button-${firstId}`).click();
    await leader.getByTestId("override-submit").click();
    await leader.getByText("请写明调整理由（至少 2 个字）").waitFor();
    const reason = "该窗口本季度有群众集中反映的排队问题，待整改后再评";
    await leader.getByTestId("override-reason").fill(reason);
    await leader.getByTestId("override-submit").click();
    await leader.getByTestId(`red-flag-override-${firstId}`).getByText(reason, { exact: false }).waitFor({ timeout: 15_000 });
    await expect.poll(() => leader.getByTestId(`red-flag-granted-${firstId}`).getAttribute("data-granted")).toBe("false");
    const api = new ApiClient(server.url);
    await api.login(accounts.LEADER.username, accounts.LEADER.password);
    const afterOverride = await api.get<QuarterProposalDto>(`/api/assessment/quarters/${QUARTER}/proposal`);
    const withdrawn = afterOverride.body.redFlagWindows.find((r) => r.subjectId === firstId)!;
    expect(withdrawn).toMatchObject({ proposed: true, granted: false });
    expect(withdrawn.override?.reason).toBe(reason);

    // publish: the quarter is frozen and no longer offers overrides
    await leader.getByTestId("quarter-publish").click();
    await leader.getByTestId("quarter-publish-confirm").click();
    await leader.getByTestId("quarter-frozen").waitFor({ timeout: 15_000 });
    expect(await leader.locator('[data-testid^="red-flag-override-button-"]').count()).toBe(0);
    expect(await leader.getByTestId("quarter-publish").count()).toBe(0);
    const published = await api.get<QuarterProposalDto>(`/api/assessment/quarters/${QUARTER}/proposal`);
    expect(published.body.state).toBe("PUBLISHED");
    expect(published.body.redFlagWindows.filter((r) => r.granted)).toHaveLength(proposedCount - 1);
    await screenshot(leader, "assessment-quarter-published");

    // a recompute is explicit: it asks for a reason, then lists what changed (nothing: same records, same rules)
    await leader.getByTestId("quarter-recompute").click();
    await leader.getByTestId("quarter-recompute-confirm").click();
    await leader.getByText("请写明重新计算的原因（至少 2 个字）").waitFor();
    await leader.getByTestId("recompute-reason").fill("核对发布后的结果");
    await leader.getByTestId("quarter-recompute-confirm").click();
    await leader.getByTestId("recompute-no-changes").waitFor({ timeout: 30_000 });
    await leader.keyboard.press("Escape");
    await leader.getByTestId("recompute-no-changes").waitFor({ state: "hidden" });
  }, 180_000);

  it("the leader's other assessment pages: rankings with a trend, the weekly review, a run started on demand", async () => {
    await leader.getByTestId("nav-rankings").click();
    await leader.getByTestId("rankings-heading").waitFor();
    await leader.getByTestId("rankings-kind").getByText("季度").click();
    await leader.getByTestId("rankings-period").getByText(QUARTER).waitFor({ timeout: 15_000 });
    const table = leader.getByTestId("ranking-table");
    await table.locator("tbody tr.ant-table-row").first().waitFor({ timeout: 15_000 });
    await leader.getByTestId("trend-chart").locator("canvas").waitFor({ timeout: 15_000 });
    const href = await leader.getByTestId("rankings-export").getAttribute("href");
    expect(href).toBe(`/api/assessment/periods/${QUARTER}/ranking.xlsx?subjectKind=WINDOW`);
    const exported = await leader.request.get(`${server.url}${href}`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-type"]).toContain("spreadsheetml");
    await screenshot(leader, "assessment-rankings");

    await leader.getByTestId("nav-weeklyReview").click();
    await leader.getByTestId("weekly-heading").waitFor();
    await leader.getByTestId("weekly-table").locator("tbody tr.ant-table-row").first().waitFor({ timeout: 15_000 });
    // annotate one window's week and publish it to its staff
    const firstWindow = await leader.getByTestId("weekly-table").locator('[data-testid^="weekly-annotate-"]').first().getAttribute("data-testid");
    const windowId = Number(firstWindow!.replace("weekly-annotate-", ""));
    await leader.getByTestId(`weekly-annotate-${windowId}`).click();
    const comment = "本周办件及时，群众评价好；注意高峰时段引导分流。";
    await leader.getByTestId("weekly-comment-text").fill(comment);
    await leader.getByTestId("weekly-comment-save").click();
    await leader.getByTestId(`weekly-comment-${windowId}`).getByText("草稿").waitFor({ timeout: 15_000 });
    await leader.getByTestId(`weekly-publish-${windowId}`).click();
    await leader.getByTestId(`weekly-comment-${windowId}`).getByText("已发布").waitFor({ timeout: 15_000 });
    expect(await leader.getByTestId(`weekly-annotate-${windowId}`).count()).toBe(0); // published: no longer editable
    await screenshot(leader, "assessment-weekly");

    await leader.getByTestId("nav-assessmentRuns").click();
    await leader.getByTestId("runs-heading").waitFor();
    await leader.getByTestId("run-kind").getByText("月").click();
    await leader.getByTestId("run-start").click();
    await leader.getByTestId("run-started").getByText("已完成").waitFor({ timeout: 30_000 });
  }, 120_000);

  it("an administrator edits the rules: the form refuses weights that do not add up to 1, a valid edit is a new version", async () => {
    const { prisma } = server.services;
    const centerId = accounts.ADMIN.centerId!;
    const versionsBefore = await prisma.assessmentRuleSet.count({ where: { centerId } });
    const admin = await signInAs(browser, server.url, accounts.ADMIN.username, accounts.ADMIN.password, contexts);
    await admin.getByTestId("nav-assessmentRules").click();
    await admin.getByTestId("rules-heading").waitFor();
    const current = admin.getByTestId("rules-current-version");
    await current.waitFor({ timeout: 15_000 });
    const before = Number(/\d+/.exec((await current.textContent()) ?? "")![0]);

    // in English, as the checks mirror the API's schema in both languages
    await admin.getByTestId("language-switch").click();
    await admin.getByTestId("rules-weights-satisfaction").fill("0.7");
    await admin.getByTestId("rules-note").fill("Satisfaction weighs more");
    await admin.getByTestId("rules-save").click();
    await admin.getByTestId("rules-group-error").getByText("The weights must add up to 1").waitFor();
    expect(await prisma.assessmentRuleSet.count({ where: { centerId } })).toBe(versionsBefore); // nothing was sent

    await admin.getByTestId("rules-weights-caseTimeliness").fill("0.1");
    await admin.getByTestId("rules-save").click();
    await current.getByText(`Version ${before + 1} in force`).waitFor({ timeout: 15_000 });
    const saved = await prisma.assessmentRuleSet.findFirstOrThrow({ where: { centerId }, orderBy: { version: "desc" } });
    expect(saved.version).toBe(before + 1);
    expect(saved.note).toBe("Satisfaction weighs more");
    expect((saved.rules as { weights: Record<string, number> }).weights).toMatchObject({ satisfaction: 0.7, caseTimeliness: 0.1 });
    await admin.getByTestId("rules-history").getByText("Satisfaction weighs more").waitFor();
    await admin.evaluate(() => window.scrollTo(0, 0));
    await screenshot(admin, "assessment-rules");
  }, 120_000);

  it("a staff member sees their own scores and why, and nobody else's", async () => {
    const staffId = accounts.STAFF.staffId!;
    const staff = await signInAs(browser, server.url, accounts.STAFF.username, accounts.STAFF.password, contexts);
    expect(await staff.getByTestId("nav-rankings").count()).toBe(0);
    await staff.getByTestId("my-assessment-link").click();
    await staff.getByTestId("my-assessment-heading").waitFor();
    const header = staff.getByTestId(`my-score-${MONTH}`);
    await header.waitFor({ timeout: 15_000 });
    const scoreCents = Math.round(Number((await header.textContent())!.trim()) * 100);
    const open = staff.getByTestId(`my-explanation-${MONTH}-lines`);
    if (!(await open.isVisible())) await header.click();
    await open.waitFor();
    const lines = await shownContributionCents(staff, `my-explanation-${MONTH}-lines`);
    expect(lines.reduce((s, c) => s + c, 0)).toBe(scoreCents);

    // another staff member's score does not exist for them (out of scope is 404, as everywhere), the rankings are refused
    const other = await server.services.prisma.staff.findFirstOrThrow({ where: { id: { not: staffId }, centerId: accounts.STAFF.centerId! } });
    const foreign = await staff.request.get(`${server.url}/api/assessment/periods/${MONTH}/scores/STAFF/${other.id}`);
    expect(foreign.status()).toBe(404);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    const ranking = await staff.request.get(`${server.url}/api/assessment/periods/${MONTH}/ranking?subjectKind=STAFF`);
    expect(ranking.status()).toBe(403);
    const own = await staff.request.get(`${server.url}/api/assessment/periods/${MONTH}/scores/STAFF/${staffId}`);
    expect(own.status()).toBe(200);
    // and the rankings page is not there for staff
    await screenshot(staff, "assessment-my-scores");
    await staff.goto(`${server.url}/rankings`);
    await staff.getByText("无权访问").waitFor();
  }, 120_000);
});
