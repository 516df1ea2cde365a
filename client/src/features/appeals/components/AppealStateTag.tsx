// An appeal's state, and whether the rating still counts in scores (not by colour alone: the text says it).
import { Space, Tag } from "antd";
import { APPEAL_STATE_LABELS, type AppealState } from "../../../../../server/src/contracts/appeals.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useAppealText } from "../text.ts";

const COLORS: Record<AppealState, string> = { PENDING: "gold", UPHELD: "green", REJECTED: "default" };

export function AppealStateTag({ state, testId }: { state: AppealState | null; testId?: string }) {
  const { lang, at } = useAppealText();
  return (
    <Space size={4} wrap data-testid={testId}>
      <Tag color={state ? COLORS[state] : undefined}>{state ? pickLabel(APPEAL_STATE_LABELS[state], lang) : at.notAppealed}</Tag>
      <Tag color={state === "UPHELD" ? "cyan" : undefined}>{state === "UPHELD" ? at.excludedShort : at.countedShort}</Tag>
    </Space>
  );
}
