// 叫号系统接口: the administrator gives the hall's queue-calling system a key (shown once, stored only
// as a hash) and revokes it when the system is replaced or the key leaks. Protocol: docs/queue-api.md.
import { Alert, Button, Form, Input, Modal, Popconfirm, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import type { CreatedQueueKey, QueueKeyDto } from "../../../../../server/src/contracts/queue.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useQueueKeyMutations, useQueueKeys } from "../api/queueKeys.ts";
import { useLiveHallText } from "../text.ts";

export function QueueKeysPage() {
  const { lang, lt } = useLiveHallText();
  const keys = useQueueKeys();
  const { create, revoke } = useQueueKeyMutations();
  const [created, setCreated] = useState<CreatedQueueKey | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const qk = lt.queueKeys;

  const columns: TableColumnsType<QueueKeyDto> = [
    { title: qk.name, dataIndex: "name" },
    { title: qk.prefix, dataIndex: "keyPrefix", render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
    { title: qk.createdAt, dataIndex: "createdAt", render: (v: string) => formatShanghaiDateTime(v) },
    { title: qk.lastUsedAt, dataIndex: "lastUsedAt", render: (v: string | null) => (v ? formatShanghaiDateTime(v) : qk.never) },
    { title: qk.state, key: "state", render: (_, k) => (k.revokedAt ? <Tag>{qk.revoked}</Tag> : <Tag color="green">{qk.active}</Tag>) },
    {
      title: qk.actions,
      key: "actions",
      render: (_, k) =>
        k.revokedAt ? null : (
          <Popconfirm title={qk.revokeConfirm} onConfirm={() => revoke.mutate(k.id)}>
            <Button size="small" danger data-testid={`queue-key-revoke-${k.id}`}>
              {qk.revoke}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  const error = keys.error ?? create.error ?? revoke.error;
  return (
    <>
      <PageTitle>{pickLabel(NAV_LABELS.queueKeys, lang)}</PageTitle>
      <Typography.Paragraph type="secondary">{qk.intro}</Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="inline" style={{ marginBottom: 16 }} onFinish={(v) => create.mutate(v.name, { onSuccess: (r) => { setCreated(r); form.resetFields(); } })}>
        <Form.Item name="name" label={qk.name} rules={[{ required: true, max: 60 }]}>
          <Input placeholder={qk.namePlaceholder} data-testid="queue-key-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="queue-key-create">
          {qk.create}
        </Button>
      </Form>
      <Table rowKey="id" columns={columns} dataSource={keys.data?.items ?? []} loading={keys.isPending} pagination={false} data-testid="queue-keys-table" />
      <Modal open={created !== null} title={qk.createdTitle} onOk={() => setCreated(null)} onCancel={() => setCreated(null)} cancelButtonProps={{ style: { display: "none" } }}>
        {created ? (
          <>
            <Typography.Paragraph copyable={{ text: created.key }} code data-testid="queue-key-value" style={{ wordBreak: "break-all" }}>
              {created.key}
            </Typography.Paragraph>
            <Alert type="warning" showIcon title={qk.shownOnce} />
          </>
        ) : null}
      </Modal>
    </>
  );
}
