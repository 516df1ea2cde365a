// Scheduled assessment runs: on each tick, every active center's last finished week (the Monday
// 周点评), month (月总结) and quarter (季考评) are computed once. A JobRun key per center and period
// makes the tick cheap once done, and runAssessment is idempotent besides, so two nodes or a restart
// never compute a period twice. Only finished periods are scheduled; open ones are computed on demand.
import { periodContaining, previousPeriod, type PeriodKind } from "../domain/assessment/periods.ts";
import { runAssessment } from "../domain/assessment/runAssessment.ts";
import type { Services } from "../services.ts";
import { runJob } from "./runJob.ts";

const KINDS: readonly PeriodKind[] = ["WEEK", "MONTH", "QUARTER"];

export async function runDueAssessments(services: Services): Promise<void> {
  const now = services.clock.now();
  const centers = await services.prisma.center.findMany({ where: { active: true }, select: { id: true }, orderBy: { id: "asc" } });
  for (const center of centers) {
    for (const kind of KINDS) {
      const period = previousPeriod(periodContaining(kind, now));
      await runJob(services, { job: `assessment-${kind.toLowerCase()}`, runKey: `${center.id}:${period.label}` }, async () => {
        const { run, computed } = await runAssessment(services, { centerId: center.id, period, requestedById: null });
        return { runId: run.id, computed };
      });
    }
  }
}
