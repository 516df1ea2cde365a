// The defaulted-ratings sweep (#6), every deadline period (five minutes): cases completed more than the
// center's defaultRatingDays ago and never rated get their defaulted rating. The sweep is idempotent by
// itself (one per case, derived id); the JobRun key only keeps two processes from sweeping together.
import { recordDefaultedRatings } from "../domain/ratingLinks/recordDefaultedRatings.ts";
import type { Services } from "../services.ts";
import { runJob } from "./runJob.ts";

export async function runDefaultRatingJobs(services: Services, periodKey: string): Promise<void> {
  await runJob(services, { job: "default-ratings", runKey: periodKey }, () => recordDefaultedRatings(services));
}
