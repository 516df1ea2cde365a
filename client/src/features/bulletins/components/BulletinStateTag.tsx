// A bulletin's state in colour and words (草稿 in gold, 已发布 in green), never by colour alone.
import { Tag } from "antd";
import type { BulletinState } from "../../../../../server/src/contracts/bulletins.ts";
import { useBulletinText } from "../text.ts";

const COLORS: Record<BulletinState, string> = { DRAFT: "gold", RELEASED: "green" };

export function BulletinStateTag({ state, testId }: { state: BulletinState; testId?: string }) {
  const { bt } = useBulletinText();
  return (
    <Tag color={COLORS[state]} data-testid={testId} data-state={state}>
      {bt.states[state]}
    </Tag>
  );
}
