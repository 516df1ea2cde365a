// 简报发送记录: every mail of a released bulletin with its state (in colour and words), attempts, the
// last error and the next attempt, and where it went (the SMTP server, or the local outbox file when
// none is configured). A mail that gave up can be queued again. Filters live in the URL.
import { App, Button, Flex, Form, Select, Table, Tag, Typography, type TableColumnsType } from "antd";
import { ArrowLeftOutlined } from "@ant-design/icons";
import { useMemo } from "react";
import { Link } from "react-router";
import { DELIVERY_STATES, type BulletinDeliveryDto, type BulletinDeliveryState } from "../../../../../server/src/contracts/bulletins.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { useListParams } from "../../../lib/useListParams.ts";
import { useDeliveryPage, useRetryDelivery } from "../api/bulletins.ts";
import { isMonth, pastMonths } from "../lib/months.ts";
import { useBulletinText } from "../text.ts";

const COLORS: Record<BulletinDeliveryState, string> = { PENDING: "gold", SENT: "green", FAILED: "red" };

export function DeliveriesPage() {
  const { lang, bt } = useBulletinText();
  const { message } = App.useApp();
  const list = useListParams(["month", "state"]);
  const months = useMemo(() => pastMonths(new Date(), 24), []);
  const month = isMonth(list.filters.month) ? list.filters.month : undefined;
  const state = (DELIVERY_STATES as readonly string[]).includes(list.filters.state ?? "") ? (list.filters.state as BulletinDeliveryState) : undefined;
  const result = useDeliveryPage({ page: list.page, pageSize: list.pageSize, month, state });
  const retry = useRetryDelivery();

  const columns: TableColumnsType<BulletinDeliveryDto> = [
    { title: bt.month, dataIndex: "month", render: (m: string) => bt.monthName(m) },
    { title: bt.department, dataIndex: "departmentName" },
    { title: bt.recipient, dataIndex: "recipient", render: (r: string, d) => <span data-testid={`delivery-recipient-${d.id}`}>{r}</span> },
    {
      title: bt.state,
      key: "state",
      render: (_: unknown, d) => (
        <Flex gap={4}>
          <Tag color={COLORS[d.state]} data-testid={`delivery-state-${d.id}`} data-state={d.state}>{bt.deliveryStates[d.state]}</Tag>
          {d.resend ? <Tag color="blue">{bt.resendTag}</Tag> : null}
        </Flex>
      ),
    },
    { title: bt.attempts, dataIndex: "attempts", align: "right" },
    {
      title: bt.lastError,
      dataIndex: "lastError",
      render: (e: string | null) => (e ? <Typography.Text type="danger" ellipsis={{ tooltip: e }} style={{ maxWidth: 240 }}>{e}</Typography.Text> : "—"),
    },
    { title: bt.nextAttempt, dataIndex: "nextAttemptAt", render: (d: string | null) => (d ? formatShanghaiDateTime(d) : "—") },
    { title: bt.sentAt, dataIndex: "sentAt", render: (d: string | null) => (d ? formatShanghaiDateTime(d) : "—") },
    {
      title: bt.transport,
      key: "transport",
      render: (_: unknown, d) => (
        <span data-testid={`delivery-transport-${d.id}`} data-transport={d.transport ?? ""}>
          {d.transport === null ? (
            "—"
          ) : d.transport === "smtp" ? (
            bt.transportSmtp
          ) : (
            <Flex vertical>
              <span>{bt.transportOutbox}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: d.transport }}>
                {d.transport}
              </Typography.Text>
            </Flex>
          )}
        </span>
      ),
    },
    {
      title: bt.actions,
      key: "actions",
      fixed: "right",
      render: (_: unknown, d) =>
        d.state === "FAILED" ? (
          <Button
            size="small"
            data-testid={`delivery-retry-${d.id}`}
            loading={retry.isPending && retry.variables === d.id}
            onClick={() =>
              retry.mutate(d.id, {
                onSuccess: () => void message.success(bt.retried),
                onError: (e) => void message.error(e instanceof ApiError ? e.localized(lang) : String(e)),
              })
            }
          >
            {bt.retry}
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Link to={`/bulletins${month ? `?month=${month}` : ""}`} data-testid="deliveries-back">
        <ArrowLeftOutlined /> {bt.back}
      </Link>
      <PageTitle testId="deliveries-heading">{bt.deliveriesTitle}</PageTitle>
      <Form layout="inline" component="div" style={{ rowGap: 12 }}>
        <Form.Item label={bt.month}>
          <Select<string>
            allowClear
            placeholder={bt.allMonths}
            style={{ width: 160 }}
            value={month}
            data-testid="deliveries-month"
            onChange={(m) => list.update({ filters: { month: m } })}
            options={(month === undefined || months.includes(month) ? months : [month, ...months]).map((m) => ({ value: m, label: bt.monthName(m) }))}
          />
        </Form.Item>
        <Form.Item label={bt.state}>
          <Select<string>
            allowClear
            style={{ width: 140 }}
            value={state}
            data-testid="deliveries-state"
            onChange={(s) => list.update({ filters: { state: s } })}
            options={DELIVERY_STATES.map((s) => ({ value: s, label: bt.deliveryStates[s] }))}
          />
        </Form.Item>
      </Form>
      {result.error ? <ErrorAlert error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<BulletinDeliveryDto>
        size="middle"
        data-testid="deliveries-table"
        rowKey={(d) => d.id}
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching && result.data === undefined}
        scroll={{ x: "max-content" }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => (pageSize === list.pageSize ? list.update({ page }) : list.update({ pageSize })),
        }}
      />
    </Flex>
  );
}
