// 党员责任岗 beside a result: shown, never a factor in it.
import { Tag } from "antd";
import { useAssessmentText } from "../text.ts";

export function PartyPostTag() {
  const { at } = useAssessmentText();
  return <Tag color="gold">{at.partyPost}</Tag>;
}
