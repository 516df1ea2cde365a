// A case's urgency as a coloured tag: the same words on the workbench, the supervisor list and exports.
import { Tag } from "antd";
import type { WarningValue } from "../../../../../server/src/contracts/cases.ts";
import { useCaseText } from "../text.ts";

const COLORS: Record<WarningValue, string> = { NONE: "green", YELLOW: "gold", RED: "red" };

export function WarningTag({ warning, testId }: { warning: WarningValue; testId?: string }) {
  const { ct } = useCaseText();
  return (
    <Tag color={COLORS[warning]} data-testid={testId} data-warning={warning}>
      {ct.warningLabels[warning]}
    </Tag>
  );
}
