// First-inquiry responsibility (首问责任): staff register what they were asked — answered on the spot or
// handed to another window — acknowledge what was handed to them and close; supervisors and leaders
// see every inquiry of the center, warned ones flagged, filter by window, department and words, and
// export the list to Excel as filtered.
import { App, Button, Checkbox, Flex, Form, Input, Modal, Select, Space, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { INQUIRY_STATE_LABELS, INQUIRY_STATES, type InquiryDto } from "../../../../../server/src/contracts/inquiries.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { ListFilterSelect } from "../../../components/ListFilterSelect.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useListParams } from "../../../lib/useListParams.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useIntakeOptions } from "../../cases/api/cases.ts";
import { useCaseText } from "../../cases/text.ts";
import { useDepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { useHandoverTargets, useInquiriesPage, useInquiryStep } from "../api/inquiries.ts";

const FILTERS = ["state", "warned", "windowId", "departmentId", "toAcknowledge"];
const TEXT = {
  "zh-CN": {
    register: "登记首问", topic: "咨询内容", asker: "咨询人", onSpot: "当场答复", outcome: "答复内容", handover: "转交", toWindow: "转交窗口", toStaff: "转交给（可不选，窗口任何人员均可接收）",
    note: "转交说明", acknowledge: "确认接收", close: "办结", warned: "当日未办结", openedAt: "登记时间", firstStaff: "首问责任人", warnedOnly: "仅预警", window: "窗口",
    handovers: "转交情况", pending: "待接收", acknowledged: "已接收", waitingForMe: "仅待我接收", department: "部门", exportExcel: "导出 Excel",
  },
  en: {
    register: "Register an inquiry", topic: "Question", asker: "Asked by", onSpot: "Answered on the spot", outcome: "Answer", handover: "Hand over", toWindow: "To window", toStaff: "To (optional: anyone at the window may acknowledge)",
    note: "Note", acknowledge: "Acknowledge", close: "Close", warned: "Not closed the same day", openedAt: "Registered", firstStaff: "First responsible", warnedOnly: "Warned only", window: "Window",
    handovers: "Hand-overs", pending: "waiting", acknowledged: "acknowledged", waitingForMe: "Waiting for me only", department: "Department", exportExcel: "Export to Excel",
  },
} as const;

export function InquiriesPage() {
  const { lang, ct } = useCaseText();
  const it = TEXT[lang];
  const { message } = App.useApp();
  const user = useCurrentUser();
  const isStaff = user.role === "STAFF";
  const list = useListParams(FILTERS);
  const result = useInquiriesPage(list.query);
  const step = useInquiryStep();
  const options = useIntakeOptions(isStaff);
  const targets = useHandoverTargets(isStaff);
  const departments = useDepartmentNames();
  const [registering, setRegistering] = useState(false);
  const [prompt, setPrompt] = useState<{ kind: "close" | "handover"; inquiry: InquiryDto } | null>(null);
  const [form] = Form.useForm();
  const [promptForm] = Form.useForm();
  const toWindowId = Form.useWatch("toWindowId", promptForm) as number | undefined;
  const exportHref = `/api/inquiries/export.xlsx?${new URLSearchParams(Object.entries({ q: list.q, ...list.filters }).filter(([, v]) => v !== "")).toString()}`;
  const windowOptions = (targets.data?.items ?? []).map((w) => ({ value: w.windowId, label: `${w.number} ${w.name}` }));
  const staffAtTarget = (targets.data?.items ?? []).find((w) => w.windowId === toWindowId)?.staff ?? [];

  const run = (path: string, body?: unknown, after?: () => void) =>
    step.mutate(
      { path, body },
      {
        onSuccess: () => {
          after?.();
          void message.success(ct.done);
        },
        onError: (error) => void message.error(error instanceof ApiError ? error.localized(lang) : String(error)),
      },
    );

  const columns: TableColumnsType<InquiryDto> = [
    { title: it.openedAt, dataIndex: "openedAt", render: (d: string) => formatShanghaiDateTime(d) },
    { title: it.window, dataIndex: "windowNumber" },
    { title: it.topic, dataIndex: "topic", render: (topic: string, row) => <span data-testid={`inquiry-topic-${row.id}`}>{topic}</span> },
    { title: it.asker, dataIndex: "askerName", render: (n: string | null) => n ?? "—" },
    { title: it.firstStaff, dataIndex: "firstStaffName" },
    {
      title: ct.state,
      dataIndex: "state",
      render: (s: InquiryDto["state"], row) => (
        <Flex gap={4}>
          <Tag color={s === "CLOSED" ? "green" : "gold"} data-testid={`inquiry-state-${row.id}`}>{pickLabel(INQUIRY_STATE_LABELS[s], lang)}</Tag>
          {row.warnedAt && s !== "CLOSED" ? <Tag color="red">{it.warned}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: it.handovers,
      key: "handovers",
      render: (_: unknown, row) =>
        row.handovers.length === 0 ? "—" : (
          <Space direction="vertical" size={0} data-testid={`inquiry-handovers-${row.id}`}>
            {row.handovers.map((h) => (
              <Typography.Text key={h.id} type={h.acknowledgedAt ? undefined : "warning"}>
                {`→ ${it.window} ${h.toWindowNumber}${h.toStaffName ? ` ${h.toStaffName}` : ""}（${h.acknowledgedAt ? it.acknowledged : it.pending}）`}
              </Typography.Text>
            ))}
          </Space>
        ),
    },
    { title: it.outcome, dataIndex: "outcome", render: (o: string | null) => o ?? "—" },
    ...(isStaff
      ? [
          {
            title: ct.actions,
            key: "actions",
            render: (_: unknown, row: InquiryDto) => {
              if (row.state === "CLOSED") return null;
              const last = row.handovers[row.handovers.length - 1];
              const mine = row.firstStaffId === user.staffId;
              return (
                <Flex gap={4}>
                  {mine && (!last || last.acknowledgedAt) ? <Button size="small" data-testid={`inquiry-handover-${row.id}`} onClick={() => setPrompt({ kind: "handover", inquiry: row })}>{it.handover}</Button> : null}
                  {!mine && last && !last.acknowledgedAt ? <Button size="small" data-testid={`inquiry-acknowledge-${row.id}`} onClick={() => run(`/api/inquiries/${row.id}/acknowledge`)}>{it.acknowledge}</Button> : null}
                  <Button size="small" type="primary" data-testid={`inquiry-close-${row.id}`} onClick={() => setPrompt({ kind: "close", inquiry: row })}>{it.close}</Button>
                </Flex>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center">
        <PageTitle testId="inquiries-heading">{pickLabel(NAV_LABELS.inquiries, lang)}</PageTitle>
        <Flex gap={8}>
          <Button href={exportHref} data-testid="inquiries-export">{it.exportExcel}</Button>
          {isStaff ? <Button type="primary" data-testid="register-inquiry" onClick={() => setRegistering(true)}>{it.register}</Button> : null}
        </Flex>
      </Flex>
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(row) => row.id}
        testId="inquiries-table"
        filters={
          <>
            <ListFilterSelect list={list} name="state" label={ct.state} width={140} options={INQUIRY_STATES.map((s) => ({ value: s, label: pickLabel(INQUIRY_STATE_LABELS[s], lang) }))} />
            {!isStaff && departments.options.length ? (
              <ListFilterSelect list={list} name="departmentId" label={it.department} width={200} searchable options={departments.options} />
            ) : null}
            <Form.Item>
              <Checkbox checked={list.filters.warned === "1"} onChange={(e) => list.update({ filters: { warned: e.target.checked ? "1" : undefined } })}>{it.warnedOnly}</Checkbox>
            </Form.Item>
            {isStaff ? (
              <Form.Item>
                <Checkbox data-testid="inquiries-filter-waiting" checked={list.filters.toAcknowledge === "1"} onChange={(e) => list.update({ filters: { toAcknowledge: e.target.checked ? "1" : undefined } })}>{it.waitingForMe}</Checkbox>
              </Form.Item>
            ) : null}
          </>
        }
      />
      <Modal open={registering} title={it.register} okText={it.register} cancelText={ct.cancel} onCancel={() => setRegistering(false)} destroyOnHidden
        onOk={() => void form.validateFields().then((v: { windowId: number; topic: string; askerName?: string; answeredOnSpot?: boolean; outcome?: string }) =>
          run("/api/inquiries", { ...v, answeredOnSpot: Boolean(v.answeredOnSpot), askerName: v.askerName || undefined, outcome: v.outcome || undefined }, () => setRegistering(false)))}>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ windowId: options.data?.signedInWindowId ?? options.data?.windows[0]?.id }}>
          <Form.Item name="windowId" label={ct.window} rules={[{ required: true }]}>
            <Select<number> data-testid="inquiry-window" options={(options.data?.windows ?? []).map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))} />
          </Form.Item>
          <Form.Item name="topic" label={it.topic} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="askerName" label={it.asker}><Input maxLength={50} /></Form.Item>
          <Form.Item name="answeredOnSpot" valuePropName="checked"><Checkbox>{it.onSpot}</Checkbox></Form.Item>
          <Form.Item name="outcome" label={it.outcome}><Input.TextArea maxLength={500} rows={2} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={prompt !== null} title={prompt?.kind === "close" ? it.close : it.handover} cancelText={ct.cancel} onCancel={() => setPrompt(null)} destroyOnHidden
        onOk={() => void promptForm.validateFields().then((v: { outcome?: string; toWindowId?: number; toStaffId?: number; note?: string }) => {
          if (!prompt) return;
          if (prompt.kind === "close") run(`/api/inquiries/${prompt.inquiry.id}/close`, { outcome: v.outcome }, () => setPrompt(null));
          else run(`/api/inquiries/${prompt.inquiry.id}/handover`, { toWindowId: v.toWindowId, toStaffId: v.toStaffId ?? undefined, note: v.note || undefined }, () => setPrompt(null));
        })}>
        <Form form={promptForm} layout="vertical" preserve={false}>
          {prompt?.kind === "close" ? (
            <Form.Item name="outcome" label={it.outcome} rules={[{ required: true, min: 2 }]}><Input.TextArea maxLength={500} rows={3} /></Form.Item>
          ) : (
            <>
              <Form.Item name="toWindowId" label={it.toWindow} rules={[{ required: true }]}>
                <Select<number> data-testid="handover-window" showSearch={{ optionFilterProp: "label" }} options={windowOptions} onChange={() => promptForm.setFieldValue("toStaffId", undefined)} />
              </Form.Item>
              <Form.Item name="toStaffId" label={it.toStaff}>
                <Select<number> data-testid="handover-staff" allowClear options={staffAtTarget.map((s) => ({ value: s.id, label: s.name }))} />
              </Form.Item>
              <Form.Item name="note" label={it.note}><Input maxLength={500} /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
