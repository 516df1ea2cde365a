// Alerts (提醒处置): the open feed — newest first, live from /supervisor — and the history of
// acknowledged and resolved alerts, both filterable by kind, severity, window and dates. Supervisors
// and leaders acknowledge with an optional note; liaisons see their department's windows only. A new
// red alert can ring (off by default; the switch is kept in this browser).
import { App, Button, Flex, Form, Input, Modal, Select, Switch, Tag, Tabs, Typography, type TableColumnsType } from "antd";
import { BellOutlined, CheckCircleOutlined, ExclamationCircleOutlined, WarningOutlined } from "@ant-design/icons";
import { useRef, useState } from "react";
import { ALERT_KIND_LABELS, ALERT_KINDS, ALERT_SEVERITIES, ALERT_SEVERITY_LABELS, type AlertDto, type AlertSeverity } from "../../../../../server/src/contracts/alerts.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useListParams } from "../../../lib/useListParams.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { chime, setSoundEnabled, soundEnabled } from "../api/alertSound.ts";
import { useAcknowledgeAlert, useAlertStream, useAlertsPage } from "../api/alerts.ts";

const FILTERS = ["status", "kind", "severity", "from", "to"];
const TEXT = {
  "zh-CN": {
    open: "当前提醒", history: "历史记录", kind: "类型", severity: "级别", window: "窗口", message: "内容", createdAt: "发生时间", state: "处理情况",
    acknowledge: "确认处理", ackTitle: "确认处理提醒", note: "处理说明（可选）", ackBy: (who: string, at: string) => `${who} 于 ${at} 确认`, resolvedAt: (at: string) => `${at} 自动解除`,
    sound: "新红色提醒响铃", live: "实时", offline: "连接中断", dates: "日期", done: "已确认", newRed: "新的红色提醒", none: "暂无需要处理的提醒",
  },
  en: {
    open: "Open", history: "History", kind: "Kind", severity: "Severity", window: "Window", message: "Message", createdAt: "Raised", state: "Handling",
    acknowledge: "Acknowledge", ackTitle: "Acknowledge the alert", note: "Note (optional)", ackBy: (who: string, at: string) => `${who} acknowledged at ${at}`, resolvedAt: (at: string) => `resolved ${at}`,
    sound: "Ring for new red alerts", live: "Live", offline: "Disconnected", dates: "Dates", done: "Acknowledged", newRed: "New red alert", none: "Nothing to handle",
  },
} as const;

const SEVERITY_TAG: Record<AlertSeverity, { color: string; icon: React.ReactNode }> = {
  RED: { color: "red", icon: <ExclamationCircleOutlined /> },
  YELLOW: { color: "gold", icon: <WarningOutlined /> },
  INFO: { color: "blue", icon: <BellOutlined /> },
};

export function AlertsPage() {
  const { lang } = useLanguage();
  const at = TEXT[lang];
  const { message, notification } = App.useApp();
  const user = useCurrentUser();
  const canAck = user.role === "LEADER" || user.role === "SUPERVISOR";
  const list = useListParams(FILTERS);
  const status = list.filters.status === "history" ? "history" : "open";
  const result = useAlertsPage({ ...list.query, status });
  const ack = useAcknowledgeAlert();
  const [sound, setSound] = useState(soundEnabled);
  const [acking, setAcking] = useState<AlertDto | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  // A burst (the morning sweep finding many empty windows) is one notice and one chime, not dozens
  const burst = useRef({ count: 0, lastChime: 0 });
  const { connected } = useAlertStream((alert) => {
    if (alert.severity !== "RED") return;
    const now = Date.now();
    if (soundEnabled() && now - burst.current.lastChime > 3000) {
      burst.current.lastChime = now;
      chime();
    }
    burst.current.count++;
    notification.warning({
      key: "new-red-alerts",
      message: burst.current.count > 1 ? `${at.newRed} × ${burst.current.count}` : at.newRed,
      description: alert.message,
      placement: "topRight",
      onClose: () => {
        burst.current.count = 0;
      },
    });
  });

  const columns: TableColumnsType<AlertDto> = [
    {
      title: at.severity,
      dataIndex: "severity",
      render: (s: AlertSeverity) => (
        <Tag color={SEVERITY_TAG[s].color} icon={SEVERITY_TAG[s].icon}>
          {pickLabel(ALERT_SEVERITY_LABELS[s], lang)}
        </Tag>
      ),
    },
    { title: at.kind, dataIndex: "kind", render: (k: AlertDto["kind"]) => pickLabel(ALERT_KIND_LABELS[k], lang) },
    { title: at.window, key: "window", render: (_: unknown, a) => (a.windowNumber !== null ? `${a.windowNumber} ${a.windowName ?? ""}` : "—") },
    { title: at.message, dataIndex: "message", render: (m: string, a) => <span data-testid={`alert-message-${a.id}`}>{m}</span> },
    { title: at.createdAt, dataIndex: "createdAt", render: (d: string) => formatShanghaiDateTime(d) },
    {
      title: at.state,
      key: "state",
      render: (_: unknown, a) => {
        if (a.acknowledgedAt)
          return (
            <Flex vertical>
              <Typography.Text>
                <CheckCircleOutlined /> {at.ackBy(a.acknowledgedByName ?? "—", formatShanghaiDateTime(a.acknowledgedAt))}
              </Typography.Text>
              {a.ackNote ? <Typography.Text type="secondary">{a.ackNote}</Typography.Text> : null}
            </Flex>
          );
        if (a.resolvedAt) return <Typography.Text type="secondary">{at.resolvedAt(formatShanghaiDateTime(a.resolvedAt))}</Typography.Text>;
        return canAck ? (
          <Button size="small" type="primary" data-testid={`alert-ack-${a.id}`} onClick={() => setAcking(a)}>
            {at.acknowledge}
          </Button>
        ) : null;
      },
    },
  ];

  const submitAck = async () => {
    if (!acking) return;
    const { note } = await form.validateFields();
    ack.mutate(
      { id: acking.id, note: note?.trim() || undefined },
      {
        onSuccess: () => {
          setAcking(null);
          form.resetFields();
          void message.success(at.done);
        },
        onError: (error) => void message.error(error instanceof ApiError ? error.localized(lang) : String(error)),
      },
    );
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle testId="alerts-heading">{pickLabel(NAV_LABELS.alerts, lang)}</PageTitle>
        <Flex gap={16} align="center">
          <Tag color={connected ? "green" : "default"} data-testid="alerts-live">{connected ? `● ${at.live}` : `○ ${at.offline}`}</Tag>
          <label>
            <Switch
              size="small"
              checked={sound}
              data-testid="alerts-sound"
              onChange={(on) => {
                setSoundEnabled(on);
                setSound(on);
                if (on) chime();
              }}
            />{" "}
            {at.sound}
          </label>
        </Flex>
      </Flex>
      <Tabs
        activeKey={status}
        onChange={(key) => list.update({ filters: { status: key === "history" ? "history" : undefined } })}
        items={[
          { key: "open", label: at.open },
          { key: "history", label: at.history },
        ]}
      />
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(a) => a.id}
        testId="alerts-table"
        filters={
          <>
            <Form.Item label={at.kind}>
              <Select<string> allowClear style={{ width: 160 }} value={list.filters.kind} onChange={(v) => list.update({ filters: { kind: v } })} options={ALERT_KINDS.map((k) => ({ value: k, label: pickLabel(ALERT_KIND_LABELS[k], lang) }))} />
            </Form.Item>
            <Form.Item label={at.severity}>
              <Select<string> allowClear style={{ width: 100 }} value={list.filters.severity} onChange={(v) => list.update({ filters: { severity: v } })} options={ALERT_SEVERITIES.map((s) => ({ value: s, label: pickLabel(ALERT_SEVERITY_LABELS[s], lang) }))} />
            </Form.Item>
            <Form.Item label={at.dates}>
              {/* dayjs is not a dependency of ours: plain date inputs (yyyy-mm-dd, what the API takes) */}
              <Flex gap={4} align="center">
                <Input type="date" style={{ width: 150 }} aria-label="from" value={list.filters.from ?? ""} onChange={(e) => list.update({ filters: { from: e.target.value || undefined } })} />
                –
                <Input type="date" style={{ width: 150 }} aria-label="to" value={list.filters.to ?? ""} onChange={(e) => list.update({ filters: { to: e.target.value || undefined } })} />
              </Flex>
            </Form.Item>
          </>
        }
      />
      <Modal title={at.ackTitle} open={acking !== null} onCancel={() => setAcking(null)} onOk={() => void submitAck()} confirmLoading={ack.isPending} okButtonProps={{ id: "alert-ack-confirm" }}>
        <Typography.Paragraph>{acking?.message}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={at.note} rules={[{ max: 500 }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="alert-ack-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
