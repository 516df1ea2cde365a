// Defaulted ratings (#6) on a real server and database with a ManualClock: off unless the center turns
// them on; then a completed case unrated for defaultRatingDays gets one rating at defaultRatingLevel,
// marked defaulted, never two however often the job runs, never where the case was rated or its SMS
// link is still valid; and the assessment reads it as defaulted and does not score it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseDto } from "../../server/src/contracts/cases.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { aggregatePeriodFacts } from "../../server/src/domain/assessment/aggregateFacts.ts";
import { periodContaining } from "../../server/src/domain/assessment/periods.ts";
import { ruleSetInForce } from "../../server/src/domain/assessment/ruleSets.ts";
import { hallBaseline, mergeFacts, scoreSubject, type SubjectFacts } from "../../server/src/domain/assessment/scoreSubject.ts";
import { dispatchNotifications } from "../../server/src/domain/notifications/outbox.ts";
import { defaultedRatingId, recordDefaultedRatings } from "../../server/src/domain/ratingLinks/recordDefaultedRatings.ts";
import { runDefaultRatingJobs } from "../../server/src/jobs/defaultRatingJobs.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { caseFixture, citizen, type CaseFixture } from "../support/caseFixtures.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const DAY = 24 * 3600_000;
// Monday 2026-11-23 10:00 in Shanghai
const clock = new ManualClock("2026-11-23T02:00:00Z");
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let fx: CaseFixture;
let staff: ApiClient;
let centerId = 0;
let n = 0;

beforeAll(async () => {
  server = await startTestServer({ clock });
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  centerId = center.id;
  accounts = await demoAccounts(server, center.id);
  fx = await caseFixture(server, accounts.STAFF.staffId!);
  staff = new ApiClient(server.url);
  await staff.login(accounts.STAFF.username, accounts.STAFF.password);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function setSettings(over: Record<string, unknown>): Promise<void> {
  const { prisma } = server.services;
  const center = await prisma.center.findUniqueOrThrow({ where: { id: centerId } });
  await prisma.center.update({ where: { id: centerId }, data: { settings: { ...(center.settings as Record<string, string | number>), ...(over as Record<string, string | number>) } } });
}

async function completeCase(over: Record<string, unknown> = {}): Promise<CaseDto> {
  n++;
  const accepted = await staff.post<CaseDto>("/api/cases", { windowId: fx.windowId, itemId: fx.itemId, ...citizen(300 + n), ...over });
  expect(accepted.status).toBe(201);
  // The invitation opened at acceptance would be the rating; these citizens leave without rating
  await server.services.prisma.invitation.updateMany({ where: { caseId: accepted.body.id }, data: { cancelledAt: clock.now() } });
  const done = await staff.post<CaseDto>(`/api/cases/${accepted.body.id}/actions`, { action: "complete" });
  expect(done.status).toBe(200);
  return done.body;
}

async function moveClock(ms: number): Promise<void> {
  clock.advance(ms);
  await staff.login(accounts.STAFF.username, accounts.STAFF.password);
  await fixtureShift();
}
const fixtureShift = async () => {
  fx = await caseFixture(server, accounts.STAFF.staffId!);
};

describe("defaulted ratings", () => {
  let linked: CaseDto;
  let rated: CaseDto;
  let later: CaseDto;

  it("are off by default: nothing is recorded however old an unrated case", async () => {
    linked = await completeCase();
    rated = await completeCase();
    // The second citizen rates through the SMS link
    const sent: { to: string; text: string }[] = [];
    await dispatchNotifications(server.services, { send: async (m) => void sent.push(m) });
    const token = /#([A-Za-z0-9_-]{24})$/.exec(sent.find((m) => m.text.includes(rated.caseNo) && m.text.includes("已办结"))!.text)![1]!;
    expect((await new ApiClient(server.url).post("/api/rating-links/rate", { token, level: 2, reasons: [] })).status).toBe(200);

    clock.advance(10 * DAY);
    expect(await recordDefaultedRatings(server.services)).toEqual({ recorded: 0 });
    clock.advance(-10 * DAY);
  });

  it("once on, wait for the period and the SMS link to run out, then record one defaulted rating per unrated case — never two", async () => {
    await setSettings({ defaultRatingDays: 7, defaultRatingLevel: 3 });
    await moveClock(2 * DAY);
    later = await completeCase();
    const { prisma } = server.services;

    // 7 days after the first completion less a millisecond: its link is valid still (the demo hall's
    // own unrated cases are due meanwhile: the counts below are of this test's cases)
    const defaulted = () => prisma.evaluation.count({ where: { defaulted: true } });
    clock.set(new Date(clock.now().getTime() + 5 * DAY - 1));
    await recordDefaultedRatings(server.services);
    expect(await prisma.evaluation.count({ where: { caseId: linked.id } })).toBe(0);

    clock.advance(1);
    const before = await defaulted();
    expect(await recordDefaultedRatings(server.services)).toEqual({ recorded: 1 });
    expect(await defaulted()).toBe(before + 1);
    const row = await prisma.evaluation.findUniqueOrThrow({ where: { id: defaultedRatingId(linked.id) } });
    const kase = await prisma.case.findUniqueOrThrow({ where: { id: linked.id } });
    expect(row).toMatchObject({ defaulted: true, level: 3, channel: "SMS", bound: true, caseId: linked.id, staffId: kase.handledById, windowId: kase.windowId, itemId: kase.itemId, reasons: [], comment: null, ratingSeq: 1 });
    expect(row.ratedAt.getTime()).toBe(kase.completedAt!.getTime() + 7 * DAY);
    // The case the citizen rated keeps its one genuine rating
    expect(await prisma.evaluation.findMany({ where: { caseId: rated.id }, select: { defaulted: true, level: true } })).toEqual([{ defaulted: false, level: 2 }]);

    // Idempotent: the sweep again, and the scheduled job on the next period, add nothing
    expect(await recordDefaultedRatings(server.services)).toEqual({ recorded: 0 });
    clock.advance(5 * 60_000);
    await runDefaultRatingJobs(server.services, "test-period-2");
    expect(await defaulted()).toBe(before + 1);
    expect(await prisma.evaluation.count({ where: { caseId: linked.id } })).toBe(1);
    expect(await prisma.evaluation.count({ where: { caseId: later.id } })).toBe(0);

    // Two days later the later case is due too
    clock.advance(2 * DAY);
    await recordDefaultedRatings(server.services);
    expect(await prisma.evaluation.count({ where: { caseId: later.id, defaulted: true } })).toBe(1);
  });

  it("are read by the assessment as defaulted and not scored: the staff member's score is the same with or without them", async () => {
    const { prisma } = server.services;
    const row = await prisma.evaluation.findUniqueOrThrow({ where: { id: defaultedRatingId(linked.id) } });
    const period = periodContaining("WEEK", row.ratedAt);
    const facts = await aggregatePeriodFacts(prisma, centerId, period);
    const mine = facts.staff.get(row.staffId!)!;
    // The demo hall's own unrated cases of the same staff member were defaulted too
    const stored = await prisma.evaluation.count({ where: { staffId: row.staffId, defaulted: true, ratedAt: { gte: period.start, lt: period.end } } });
    expect(stored).toBeGreaterThanOrEqual(1);
    expect(mine.ratings.filter((r) => r.defaulted)).toEqual([{ level: 3, bound: true, defaulted: true, appealUpheld: false, count: stored }]);

    const { rules } = await ruleSetInForce(prisma, centerId, period.start);
    expect(rules.exclude.defaulted).toBe(true);
    const without = (f: SubjectFacts): SubjectFacts => ({ ...f, ratings: f.ratings.filter((r) => !r.defaulted) });
    const hallWith = hallBaseline(rules, mergeFacts([...facts.windows.values()]));
    const hallWithout = hallBaseline(rules, mergeFacts([...facts.windows.values()].map(without)));
    const scored = scoreSubject(rules, hallWith, mine);
    const plain = scoreSubject(rules, hallWithout, without(mine));
    expect(scored.total).toBe(plain.total);
    expect(scored.sampleSize).toBe(plain.sampleSize);
    expect(scored.lines.map((l) => l.reason).join("\n")).toContain(`默认评价${stored}条`);
  });
});
