// 评价器管理: the administrator adds a pad for a window (its one-time pairing code is shown once),
// issues a new code, or revokes a pad — a connected revoked pad is told at once and stops. Each pad shows
// whether it is connected now and when it was last seen (the list refreshes itself).
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import type { DeviceDto, PairingCodeDto } from "../../../../../server/src/contracts/devices.ts";
import { windowDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { usePagedList } from "../../../lib/pagedList.ts";
import { useDeviceMutations, useDevices } from "../api/devices.ts";

const STATE_COLORS: Record<DeviceDto["state"], string> = { PAIRING: "blue", PAIRED: "green", REVOKED: "default", UNPAIRED: "orange" };

export function DevicesPage() {
  const { lang, t } = useLanguage();
  const devices = useDevices();
  const windows = usePagedList("windows", "/api/windows", windowDtoSchema, { pageSize: 500 });
  const { add, newCode, revoke } = useDeviceMutations();
  const [code, setCode] = useState<PairingCodeDto | null>(null);
  const [form] = Form.useForm<{ windowId: number; name: string }>();

  const columns: TableColumnsType<DeviceDto> = [
    { title: t.pads.window, dataIndex: "windowNumber", render: (n: number) => (lang === "en" ? `Window ${n}` : `${n}号窗口`) },
    { title: t.pads.name, dataIndex: "name" },
    { title: t.pads.state, dataIndex: "state", render: (s: DeviceDto["state"]) => <Tag color={STATE_COLORS[s]}>{t.pads.states[s]}</Tag> },
    {
      title: t.pads.lastSeen,
      key: "presence",
      render: (_, d) => (
        <Space size={4} data-testid={`pad-presence-${d.id}`}>
          {d.state === "REVOKED" ? null : <Tag color={d.online ? "green" : "default"}>{d.online ? t.pads.online : t.pads.offline}</Tag>}
          <Typography.Text type="secondary">{d.lastSeenAt ? formatShanghaiDateTime(d.lastSeenAt) : t.pads.never}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t.pads.actions,
      key: "actions",
      render: (_, d) =>
        d.state === "REVOKED" ? null : (
          <Space>
            <Button size="small" onClick={() => newCode.mutate(d.id, { onSuccess: setCode })} data-testid={`pad-code-${d.id}`}>
              {t.pads.newCode}
            </Button>
            <Popconfirm title={t.pads.revokeConfirm} onConfirm={() => revoke.mutate(d.id)}>
              <Button size="small" danger data-testid={`pad-revoke-${d.id}`}>
                {t.pads.revoke}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  const error = devices.error ?? add.error ?? newCode.error ?? revoke.error;
  return (
    <>
      <PageTitle>{pickLabel(NAV_LABELS.devices, lang)}</PageTitle>
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16 }}
        onFinish={(values) => add.mutate(values, { onSuccess: (r) => { setCode(r); form.resetFields(); } })}
      >
        <Form.Item name="windowId" label={t.pads.window} rules={[{ required: true }]}>
          <Select
            style={{ width: 240 }}
            showSearch
            optionFilterProp="label"
            data-testid="pad-window"
            options={(windows.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t.pads.name} rules={[{ required: true, max: 60 }]}>
          <Input placeholder={t.pads.namePlaceholder} data-testid="pad-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="pad-add">
          {t.pads.add}
        </Button>
      </Form>
      <Table rowKey="id" columns={columns} dataSource={devices.data?.items ?? []} loading={devices.isPending} pagination={false} data-testid="pads-table" />
      <Modal open={code !== null} title={t.pads.codeTitle} onOk={() => setCode(null)} onCancel={() => setCode(null)} cancelButtonProps={{ style: { display: "none" } }}>
        {code ? (
          <>
            <Typography.Title level={2} style={{ letterSpacing: 8, textAlign: "center" }} data-testid="pairing-code">
              {code.code}
            </Typography.Title>
            <Alert type="info" title={t.pads.codeHelp(formatShanghaiDateTime(code.expiresAt))} />
          </>
        ) : null}
      </Modal>
    </>
  );
}
