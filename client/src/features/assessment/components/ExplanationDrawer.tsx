// A score opened into its components (points, weight, contribution; the lines add up to the score),
// and each component into the records behind it. The drawer keeps one level open at a time, with a
// way back, so the path from a rank to a single rating stays readable.
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Descriptions, Drawer, Flex, Skeleton, Tag, Typography } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { useExplanation, type ScoreRef } from "../api/assessment.ts";
import { formatPoints } from "../lib/componentLabel.ts";
import { periodName } from "../lib/periodName.ts";
import { useAssessmentText } from "../text.ts";
import { DecisionBadge } from "./DecisionBadge.tsx";
import { DrillDownRecords } from "./DrillDownRecords.tsx";
import { ExplanationLines } from "./ExplanationLines.tsx";

export function ExplanationDrawer({ scoreRef, onClose }: { scoreRef: ScoreRef | null; onClose: () => void }) {
  const { lang, at } = useAssessmentText();
  const explanation = useExplanation(scoreRef);
  const [component, setComponent] = useState<string | null>(null);
  const data = explanation.data;
  const close = () => {
    setComponent(null);
    onClose();
  };

  return (
    <Drawer
      open={scoreRef !== null}
      onClose={close}
      size="large"
      destroyOnHidden
      title={data ? at.explanationTitle(data.name, periodName(data.period, lang)) : at.explain}
      data-testid="explanation-drawer"
      rootClassName="assessment-explanation"
    >
      {explanation.error ? <ErrorAlert error={explanation.error} onRetry={() => void explanation.refetch()} /> : null}
      {explanation.isPending && scoreRef ? <Skeleton active /> : null}
      {data && scoreRef ? (
        <Flex vertical gap={16}>
          <Flex align="baseline" gap={16} wrap>
            <Typography.Text style={{ fontSize: 28, fontWeight: 600 }} data-testid="explanation-score" data-value={data.score}>
              {formatPoints(data.score)}
            </Typography.Text>
            <Typography.Text type="secondary">{`${at.rank} ${data.rank}`}</Typography.Text>
            <DecisionBadge decision={data.decision} reason={lang === "en" ? data.decisionReasonEn : data.decisionReason} testId="explanation-decision" />
            {data.frozen ? <Tag color="purple">{at.frozen}</Tag> : null}
          </Flex>
          <Typography.Text type="secondary">{lang === "en" ? data.decisionReasonEn : data.decisionReason}</Typography.Text>
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: "samples", label: at.samples, children: data.sampleSize },
              { key: "rules", label: at.runRuleVersion, children: data.ruleSetVersion },
              { key: "baseSat", label: at.hallSatisfaction, children: formatPoints(data.baseline.satisfaction) },
              { key: "baseCase", label: at.hallCaseOnTime, children: `${formatPoints(data.baseline.caseOnTime)}%` },
            ]}
          />
          {component === null ? (
            <ExplanationLines lines={data.lines} score={data.score} onDrill={setComponent} />
          ) : (
            <Flex vertical gap={8}>
              <Button icon={<ArrowLeftOutlined />} onClick={() => setComponent(null)} style={{ alignSelf: "flex-start" }} data-testid="drill-back">
                {at.backToComponents}
              </Button>
              <DrillDownRecords scoreRef={scoreRef} component={component} />
            </Flex>
          )}
        </Flex>
      ) : null}
    </Drawer>
  );
}
