// The bad-review loop's scheduled work (#6): overdue steps (alert + one accountability proposal per
// step) and the deletion of callback numbers after their retention. Every five minutes like the case
// deadlines: the steps are due in working days, and a missed tick is caught up by the next.
import { purgeCallbackPhones, sweepOverdueRectifications } from "../domain/rectifications/sweepRectifications.ts";
import type { Services } from "../services.ts";
import { runJob } from "./runJob.ts";

export async function runRectificationJobs(services: Services, runKey: string): Promise<void> {
  await runJob(services, { job: "rectification-overdue", runKey }, () => sweepOverdueRectifications(services));
  await runJob(services, { job: "rectification-phone-purge", runKey }, () => purgeCallbackPhones(services));
}
