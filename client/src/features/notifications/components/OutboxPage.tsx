// The SMS outbox for supervisors: every message to citizens with its delivery state, attempts and the
// last error, so failed deliveries are visible (the default provider needs no network); filterable by
// state and number, and a message that gave up can be sent again.
import { App, Button, Form, Select, Tag, type TableColumnsType } from "antd";
import { DELIVERY_STATE_LABELS, DELIVERY_STATES, type OutboxDto } from "../../../../../server/src/contracts/notifications.ts";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useListParams } from "../../../lib/useListParams.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useCaseText } from "../../cases/text.ts";
import { useOutboxPage, useRetryNotification } from "../api/outbox.ts";

const TEXT = {
  "zh-CN": { title: "短信通知发件箱", to: "接收号码", text: "内容", attempts: "尝试次数", error: "最近错误", created: "生成时间", sentAt: "发送时间", retry: "重新发送", retried: "已重新排队发送" },
  en: { title: "SMS outbox", to: "To", text: "Text", attempts: "Attempts", error: "Last error", created: "Created", sentAt: "Sent", retry: "Send again", retried: "Queued to send again" },
} as const;
const COLORS = { PENDING: "gold", SENT: "green", FAILED: "red" } as const;

export function OutboxPage() {
  const { lang, ct } = useCaseText();
  const t = TEXT[lang];
  const { message } = App.useApp();
  const user = useCurrentUser();
  const canRetry = user.role === "SUPERVISOR" || user.role === "LEADER";
  const list = useListParams(["state"]);
  const result = useOutboxPage(list.query);
  const retry = useRetryNotification();

  const columns: TableColumnsType<OutboxDto> = [
    { title: t.created, dataIndex: "createdAt", render: (d: string) => formatShanghaiDateTime(d) },
    { title: t.to, dataIndex: "recipientMasked" },
    { title: t.text, dataIndex: "text", width: 380 },
    { title: ct.state, dataIndex: "state", render: (s: OutboxDto["state"], row) => <Tag color={COLORS[s]} data-testid={`outbox-state-${row.id}`}>{pickLabel(DELIVERY_STATE_LABELS[s], lang)}</Tag> },
    { title: t.attempts, dataIndex: "attempts", align: "right" },
    { title: t.error, dataIndex: "lastError", render: (e: string | null) => e ?? "—" },
    { title: t.sentAt, dataIndex: "sentAt", render: (d: string | null) => (d ? formatShanghaiDateTime(d) : "—") },
    ...(canRetry
      ? [{
          title: ct.actions,
          key: "actions",
          render: (_: unknown, row: OutboxDto) =>
            row.state === "FAILED" ? (
              <Button size="small" data-testid={`outbox-retry-${row.id}`} loading={retry.isPending && retry.variables === row.id}
                onClick={() => retry.mutate(row.id, { onSuccess: () => void message.success(t.retried), onError: (e) => void message.error(e instanceof ApiError ? e.localized(lang) : String(e)) })}>
                {t.retry}
              </Button>
            ) : null,
        }]
      : []),
  ];
  return (
    <>
      <PageTitle testId="outbox-heading">{t.title}</PageTitle>
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(row) => row.id}
        testId="outbox-table"
        filters={
          <Form.Item label={ct.state}>
            <Select<string> allowClear data-testid="outbox-filter-state" style={{ width: 140 }} value={list.filters.state} onChange={(v) => list.update({ filters: { state: v } })}
              options={DELIVERY_STATES.map((s) => ({ value: s, label: pickLabel(DELIVERY_STATE_LABELS[s], lang) }))} />
          </Form.Item>
        }
      />
    </>
  );
}
