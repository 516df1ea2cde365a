// On a window staff member's home page: their latest monthly score and rank, and the way to the
// page that explains it.
import { Card, Flex, Statistic, Typography } from "antd";
import { Link } from "react-router";
import { useMyScores } from "../api/assessment.ts";
import { formatPoints } from "../lib/componentLabel.ts";
import { useAssessmentText } from "../text.ts";

export function MyScoreCard() {
  const { at } = useAssessmentText();
  const mine = useMyScores("MONTH", 1);
  const latest = mine.data?.periods[0];
  return (
    <Card title={at.myScoreCard} extra={<Link to="/my-assessment" data-testid="my-assessment-link">{at.viewMyScores}</Link>} data-testid="my-score-card">
      {latest ? (
        <Flex gap={48} align="end">
          <Statistic title={at.myLatest(latest.period.label)} value={formatPoints(latest.score)} />
          <Statistic title={at.rank} value={latest.rank} />
        </Flex>
      ) : (
        <Typography.Text type="secondary">{mine.isPending ? at.loading : at.notRankedYet}</Typography.Text>
      )}
    </Card>
  );
}
