// The small in-process scheduler: every minute it runs the jobs whose tick is due. Jobs are
// state-based sweeps, so the first tick after downtime catches up on everything missed; each tick is
// recorded once (JobRun.runKey), so two processes or a clock moved backwards do not run it twice.
import { evaluateDeadlines } from "../domain/cases/evaluateDeadlines.ts";
import { evaluateInquiries } from "../domain/inquiries/evaluateInquiries.ts";
import { dispatchNotifications, outboxOnlyProvider, type SmsProvider } from "../domain/notifications/outbox.ts";
import type { Services } from "../services.ts";
import { runDueAssessments } from "./assessmentJobs.ts";
import { runDueBulletinDrafts } from "./bulletinJobs.ts";
import { runDefaultRatingJobs } from "./defaultRatingJobs.ts";
import { runRectificationJobs } from "./rectificationJobs.ts";
import { deliverBulletins } from "../domain/bulletins/deliverBulletins.ts";
import { runJob } from "./runJob.ts";

const TICK_MS = 60_000;
/** Deadlines are judged every five minutes: warnings are about working days, not seconds. */
const DEADLINE_PERIOD_MS = 5 * 60_000;

const periodKey = (at: Date, periodMs: number): string => new Date(Math.floor(at.getTime() / periodMs) * periodMs).toISOString();

/** One scheduler tick; tests call it directly after moving the ManualClock. */
export async function runDueJobs(services: Services, provider: SmsProvider = outboxOnlyProvider): Promise<void> {
  const now = services.clock.now();
  await runJob(services, { job: "case-deadlines", runKey: periodKey(now, DEADLINE_PERIOD_MS) }, () => evaluateDeadlines(services));
  await runJob(services, { job: "inquiry-warnings", runKey: periodKey(now, DEADLINE_PERIOD_MS) }, () => evaluateInquiries(services));
  await runDefaultRatingJobs(services, periodKey(now, DEADLINE_PERIOD_MS));
  await runRectificationJobs(services, periodKey(now, DEADLINE_PERIOD_MS));
  // Delivery is retried by backoff on the rows themselves, so it runs every tick without a period key.
  await dispatchNotifications(services, provider);
  await deliverBulletins(services);
}

export function startScheduler(services: Services, provider: SmsProvider = outboxOnlyProvider): { firstTick: Promise<void>; stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let firstTickDone: () => void = () => {};
  const firstTick = new Promise<void>((resolve) => (firstTickDone = resolve));
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    // Assessment runs are heavier and period-keyed, so they follow the tick here rather than in
    // runDueJobs, which tests drive with a moved clock
    running = runDueJobs(services, provider)
      .then(() => runDueAssessments(services))
      // Last month's bulletins read its assessment run, computed just before
      .then(() => runDueBulletinDrafts(services))
      .catch((err: unknown) => services.logger.error({ err }, "scheduler tick failed"))
      .finally(() => {
        running = null;
        firstTickDone();
      });
  };
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  setImmediate(tick);
  return {
    firstTick,
    async stop() {
      stopped = true;
      firstTickDone();
      clearInterval(timer);
      await running;
    },
  };
}
