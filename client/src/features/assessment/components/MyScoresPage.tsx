// 我的考核: a window staff member's own scores, period by period — rank, decision and every line of
// why, each line opening into the records behind it — their trend, and the published 点评 of the
// windows they work at. Only their own: the server answers nothing else to a staff account.
import { Card, Collapse, Drawer, Empty, Flex, Segmented, Skeleton, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { ASSESSMENT_PERIOD_KINDS, type AssessmentPeriodKind, type ScoreExplanationDto } from "../../../../../server/src/contracts/assessmentApi.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useMyScores, type ScoreRef } from "../api/assessment.ts";
import { formatPoints } from "../lib/componentLabel.ts";
import { periodName } from "../lib/periodName.ts";
import { useAssessmentText } from "../text.ts";
import { DecisionBadge } from "./DecisionBadge.tsx";
import { DrillDownRecords } from "./DrillDownRecords.tsx";
import { ExplanationLines } from "./ExplanationLines.tsx";
import { TrendChart } from "./TrendChart.tsx";

export function MyScoresPage() {
  const { lang, at } = useAssessmentText();
  const [kind, setKind] = useState<AssessmentPeriodKind>("MONTH");
  const mine = useMyScores(kind);
  const [drill, setDrill] = useState<{ ref: ScoreRef; component: string } | null>(null);
  const data = mine.data;

  const header = (s: ScoreExplanationDto) => (
    <Flex gap={12} align="center" wrap data-testid={`my-period-${s.period.label}`}>
      <Typography.Text strong>{periodName(s.period, lang)}</Typography.Text>
      <Typography.Text style={{ fontSize: 16, fontWeight: 600 }} data-testid={`my-score-${s.period.label}`}>
        {formatPoints(s.score)}
      </Typography.Text>
      <Typography.Text type="secondary">{`${at.rank} ${s.rank}`}</Typography.Text>
      <DecisionBadge decision={s.decision} reason={lang === "en" ? s.decisionReasonEn : s.decisionReason} />
      {s.frozen ? <Tag color="purple">{at.frozen}</Tag> : null}
    </Flex>
  );

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <div>
        <PageTitle testId="my-assessment-heading">{pickLabel(NAV_LABELS.myAssessment, lang)}</PageTitle>
        <Typography.Text type="secondary">{at.myScoresIntro}</Typography.Text>
      </div>
      <Segmented<AssessmentPeriodKind> value={kind} onChange={setKind} options={ASSESSMENT_PERIOD_KINDS.map((k) => ({ value: k, label: at.periodKinds[k] }))} style={{ alignSelf: "flex-start" }} data-testid="my-kind" />
      {mine.error ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.isPending ? <Skeleton active /> : null}
      {data ? (
        <>
          <Card size="small" title={at.trend}>
            <TrendChart height={220} testId="my-trend" points={data.trend.map((p) => ({ period: p.period.label, score: p.score, rank: p.rank }))} />
          </Card>
          {data.periods.length === 0 ? (
            <Empty description={at.notRankedYet} />
          ) : (
            <Collapse
              data-testid="my-periods"
              defaultActiveKey={[data.periods[0]!.period.label]}
              items={data.periods.map((s) => ({
                key: s.period.label,
                label: header(s),
                children: (
                  <Flex vertical gap={8}>
                    <Typography.Text type="secondary">{lang === "en" ? s.decisionReasonEn : s.decisionReason}</Typography.Text>
                    <ExplanationLines
                      lines={s.lines}
                      score={s.score}
                      testId={`my-explanation-${s.period.label}`}
                      onDrill={(component) => setDrill({ ref: { label: s.period.label, subjectKind: s.subjectKind, subjectId: s.subjectId }, component })}
                    />
                  </Flex>
                ),
              }))}
            />
          )}
          <Card size="small" title={at.myWeeklyComments}>
            {data.weeklyComments.length === 0 ? (
              <Typography.Text type="secondary">{at.noWeeklyComments}</Typography.Text>
            ) : (
              <Timeline
                items={data.weeklyComments.map((c) => ({
                  key: `${c.period.label}-${c.windowId}`,
                  children: (
                    <Flex vertical gap={2}>
                      <Typography.Text strong>{`${c.period.label} · ${c.windowName}`}</Typography.Text>
                      <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>{c.text}</Typography.Paragraph>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${c.authorName} · ${formatShanghaiDateTime(c.publishedAt)}`}</Typography.Text>
                    </Flex>
                  ),
                }))}
              />
            )}
          </Card>
        </>
      ) : null}
      <Drawer open={drill !== null} onClose={() => setDrill(null)} size="large" destroyOnHidden title={at.records}>
        {drill ? <DrillDownRecords scoreRef={drill.ref} component={drill.component} /> : null}
      </Drawer>
    </Flex>
  );
}
