// A released bulletin's mails by state: sent, pending, failed, each as a number in words and colour.
import { Space, Tag } from "antd";
import type { BulletinSummaryDto } from "../../../../../server/src/contracts/bulletins.ts";
import { useBulletinText } from "../text.ts";

export function DeliveryCounts({ bulletin }: { bulletin: BulletinSummaryDto }) {
  const { bt } = useBulletinText();
  const { sent, pending, failed } = bulletin.deliveries;
  return (
    <Space size={2} data-testid={`bulletin-deliveries-${bulletin.id}`} data-sent={sent} data-pending={pending} data-failed={failed} aria-label={bt.deliveryCounts(sent, pending, failed)}>
      <Tag color="green">{`${bt.deliveryStates.SENT} ${sent}`}</Tag>
      {pending > 0 ? <Tag color="gold">{`${bt.deliveryStates.PENDING} ${pending}`}</Tag> : null}
      {failed > 0 ? <Tag color="red">{`${bt.deliveryStates.FAILED} ${failed}`}</Tag> : null}
    </Space>
  );
}
