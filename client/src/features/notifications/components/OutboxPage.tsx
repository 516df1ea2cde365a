// The SMS outbox for supervisors: every message to citizens with its delivery state, attempts and the
// last error, so failed deliveries are visible (the default provider needs no network).
import { Tag, type TableColumnsType } from "antd";
import { z } from "zod";
import { DELIVERY_STATE_LABELS, type OutboxDto } from "../../../../../server/src/contracts/notifications.ts";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { usePagedList } from "../../../lib/pagedList.ts";
import { useListParams } from "../../../lib/useListParams.ts";
import { useCaseText } from "../../cases/text.ts";

const outboxSchema = z.custom<OutboxDto>((v) => typeof v === "object" && v !== null && "recipientMasked" in v);
const TEXT = {
  "zh-CN": { title: "短信通知发件箱", to: "接收号码", text: "内容", attempts: "尝试次数", error: "最近错误", created: "生成时间" },
  en: { title: "SMS outbox", to: "To", text: "Text", attempts: "Attempts", error: "Last error", created: "Created" },
} as const;
const COLORS = { PENDING: "gold", SENT: "green", FAILED: "red" } as const;

export function OutboxPage() {
  const { lang, ct } = useCaseText();
  const t = TEXT[lang];
  const list = useListParams(["state"]);
  const result = usePagedList("notifications", "/api/notifications", outboxSchema, list.query);
  const columns: TableColumnsType<OutboxDto> = [
    { title: t.created, dataIndex: "createdAt", render: (d: string) => formatShanghaiDateTime(d) },
    { title: t.to, dataIndex: "recipientMasked" },
    { title: t.text, dataIndex: "text" },
    { title: ct.state, dataIndex: "state", render: (s: OutboxDto["state"]) => <Tag color={COLORS[s]}>{pickLabel(DELIVERY_STATE_LABELS[s], lang)}</Tag> },
    { title: t.attempts, dataIndex: "attempts", align: "right" },
    { title: t.error, dataIndex: "lastError", render: (e: string | null) => e ?? "—" },
  ];
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <PagedTable list={list} result={result} columns={columns} rowKey={(row) => row.id} testId="outbox-table" />
    </>
  );
}
