// One subject's scores over the last periods of a kind, fetched and drawn.
import { Skeleton } from "antd";
import type { AssessmentPeriodKind, AssessmentSubjectKind } from "../../../../../server/src/contracts/assessmentApi.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { useTrend } from "../api/assessment.ts";
import { TrendChart } from "./TrendChart.tsx";

export function SubjectTrend({ subjectKind, subjectId, periodKind, height = 200 }: { subjectKind: AssessmentSubjectKind; subjectId: number; periodKind: AssessmentPeriodKind; height?: number }) {
  const trend = useTrend(subjectKind, subjectId, periodKind);
  if (trend.error) return <ErrorAlert error={trend.error} onRetry={() => void trend.refetch()} />;
  if (!trend.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  return (
    <TrendChart
      height={height}
      testId="trend-chart"
      points={trend.data.points.map((p) => ({ period: p.period.label, score: p.score, rank: p.rank }))}
    />
  );
}
