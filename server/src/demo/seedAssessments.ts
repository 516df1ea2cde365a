// The demo hall's assessment results at first start, so `npm start` opens on a computed last quarter
// whose red flag windows and service models a leader can review and publish, with the last months and
// weeks beside it for trends and the weekly review. The same runs the scheduler would make (they are
// idempotent, so its first tick finds them done).
import { periodContaining, previousPeriod, type Period } from "../domain/assessment/periods.ts";
import { runAssessment } from "../domain/assessment/runAssessment.ts";
import type { Services } from "../services.ts";

const back = (p: Period, n: number): Period[] => {
  const out = [p];
  while (out.length < n) out.push(previousPeriod(out[out.length - 1]!));
  return out;
};

/** The demo's periods: the last finished quarter, the last three months and four weeks (~90 days of ratings). */
export function demoPeriods(now: Date): Period[] {
  return [
    previousPeriod(periodContaining("QUARTER", now)),
    ...back(previousPeriod(periodContaining("MONTH", now)), 3),
    ...back(previousPeriod(periodContaining("WEEK", now)), 4),
  ];
}

export async function seedDemoAssessments(services: Services, now: Date): Promise<{ runs: number; ms: number }> {
  const started = performance.now();
  const centers = await services.prisma.center.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  let runs = 0;
  for (const [i, center] of centers.entries()) {
    // A city of halls gets its last quarter everywhere (the city leader's view); the months and weeks
    // only in the first hall, to keep first start short (the scheduler's first tick adds the rest).
    const periods = i === 0 ? demoPeriods(now) : demoPeriods(now).slice(0, 1);
    for (const period of periods) {
      await runAssessment(services, { centerId: center.id, period, requestedById: null });
      runs += 1;
    }
  }
  return { runs, ms: performance.now() - started };
}
