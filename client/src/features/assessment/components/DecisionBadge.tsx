// The quarter's decision on one ranked subject as a tag, its reason (from the engine, in both
// languages) on hover: honoured, vetoed (一票否决), below the minimum sample, outside the quota.
import { Tag, Tooltip } from "antd";
import type { DecisionCodeDto as DecisionCode } from "../../../../../server/src/contracts/assessmentApi.ts";
import { useAssessmentText } from "../text.ts";

const COLORS: Record<DecisionCode, string> = {
  HONOURED: "red",
  VETOED: "volcano",
  BELOW_MIN_SAMPLES: "default",
  OUTSIDE_QUOTA: "blue",
  NOT_HONOURED_KIND: "default",
};

export function DecisionBadge({ decision, reason, honourLabel, testId }: { decision: DecisionCode; reason: string; honourLabel?: string; testId?: string }) {
  const { at } = useAssessmentText();
  const label = decision === "HONOURED" && honourLabel ? `${at.decisions.HONOURED} · ${honourLabel}` : at.decisions[decision];
  return (
    <Tooltip title={reason}>
      <Tag color={COLORS[decision]} data-testid={testId} data-decision={decision}>
        {label}
      </Tag>
    </Tooltip>
  );
}
