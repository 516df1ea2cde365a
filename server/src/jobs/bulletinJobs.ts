// Scheduled bulletin drafts: on the configured working day of each month (BULLETIN_WORKING_DAY,
// default the first; 0 = off) every active center's bulletins of the previous month are generated as
// drafts for the leader to preview, comment and release. A JobRun key per center and month makes it
// once-only; a tick after downtime catches up later in the month. A center set up after that day (a
// fresh install, the demo hall) was not there to be scheduled: its leader generates on demand.
import { SYSTEM_ACTOR } from "../domain/accountability/manageAccountability.ts";
import { periodContaining, previousPeriod } from "../domain/assessment/periods.ts";
import { nthWorkingDay } from "../domain/bulletins/draftSchedule.ts";
import { generateBulletins } from "../domain/bulletins/generateBulletins.ts";
import { loadCalendar } from "../domain/calendar/officialCalendar.ts";
import { shanghaiDate, shanghaiInstant } from "../domain/calendar/workingDays.ts";
import type { Services } from "../services.ts";
import { runJob } from "./runJob.ts";

export async function runDueBulletinDrafts(services: Services): Promise<void> {
  const nth = services.config.BULLETIN_WORKING_DAY;
  if (nth === 0) return;
  const now = services.clock.now();
  const today = shanghaiDate(now);
  const current = periodContaining("MONTH", now);
  const month = previousPeriod(current).label;
  const centers = await services.prisma.center.findMany({ where: { active: true }, select: { id: true, createdAt: true }, orderBy: { id: "asc" } });
  for (const center of centers) {
    const day = nthWorkingDay(await loadCalendar(services.prisma, center.id), current.firstDay, nth);
    if (today < day || center.createdAt >= shanghaiInstant(day, "00:00")) continue;
    await runJob(services, { job: "bulletin-drafts", runKey: `${center.id}:${month}` }, async () => {
      // A department that failed is reported on the run, not retried every tick: the leader regenerates
      const run = await generateBulletins(services, { centerId: center.id, month, auditActor: { ...SYSTEM_ACTOR, centerId: center.id } });
      return { runId: run.id, state: run.state, generated: run.generated, departments: run.departments };
    });
  }
}
