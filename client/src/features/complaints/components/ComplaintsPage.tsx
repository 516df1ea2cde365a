// Complaints (投诉) for supervisors and leaders: everything received from the hotline, suggestion box,
// forums, appointed supervisors and the web, with its answer deadline in working days; filterable by
// state, channel, department, window and lateness, exportable to Excel as filtered. Handlers record,
// assign, link, answer and close; city leaders read.
import { Button, Checkbox, Flex, Form, Select, Space, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { COMPLAINT_CHANNEL_LABELS, COMPLAINT_CHANNELS, COMPLAINT_STATE_LABELS, COMPLAINT_STATES, type ComplaintDto } from "../../../../../server/src/contracts/complaints.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { ListFilterSelect, type FilterOption } from "../../../components/ListFilterSelect.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useListParams } from "../../../lib/useListParams.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useDepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { useComplaintsPage } from "../api/complaints.ts";
import { useWindowOptions } from "../../windows/api/windowOptions.ts";
import { useComplaintText } from "../text.ts";
import { ComplaintActions } from "./ComplaintActions.tsx";
import { RecordComplaintModal } from "./RecordComplaintModal.tsx";

const FILTERS = ["state", "channel", "departmentId", "windowId", "overdue", "mine"];
const STATE_COLORS = { OPEN: "gold", ASSIGNED: "blue", ANSWERED: "cyan", CLOSED: "default" } as const;

export function ComplaintsPage() {
  const { lang, ct } = useComplaintText();
  const user = useCurrentUser();
  const handles = user.role === "SUPERVISOR" || user.role === "LEADER";
  const list = useListParams(FILTERS);
  const result = useComplaintsPage(list.query);
  const departments = useDepartmentNames();
  const windows = useWindowOptions();
  const [recording, setRecording] = useState(false);
  const exportHref = `/api/complaints/export.xlsx?${new URLSearchParams(Object.entries({ q: list.q, ...list.filters }).filter(([, v]) => v !== "")).toString()}`;

  const columns: TableColumnsType<ComplaintDto> = [
    { title: "#", dataIndex: "id", width: 60 },
    { title: ct.receivedAt, dataIndex: "receivedAt", render: (d: string) => formatShanghaiDateTime(d) },
    { title: ct.channel, dataIndex: "channel", render: (c: ComplaintDto["channel"]) => pickLabel(COMPLAINT_CHANNEL_LABELS[c], lang) },
    {
      title: ct.content,
      dataIndex: "content",
      render: (text: string, row) => (
        <Space direction="vertical" size={0} style={{ maxWidth: 360 }}>
          <Typography.Text>{text}</Typography.Text>
          {row.complainantName ? <Typography.Text type="secondary">{`${ct.complainant}：${row.complainantName}`}</Typography.Text> : null}
          {row.answer ? <Typography.Text type="secondary">{`${ct.answered}：${row.answer}`}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: ct.subject,
      key: "subject",
      render: (_: unknown, row) => (
        <Space direction="vertical" size={0} data-testid={`complaint-subject-${row.id}`}>
          {row.windowNumber !== null ? <span>{`${ct.window} ${row.windowNumber}`}</span> : null}
          {row.staffName ? <span>{row.staffName}</span> : null}
          {row.caseNo && row.caseId ? <Link to={`/cases/${row.caseId}/notice`}>{row.caseNo}</Link> : null}
          {row.windowNumber === null && !row.staffName && !row.caseNo ? "—" : null}
        </Space>
      ),
    },
    { title: ct.assignee, dataIndex: "assignedToName", render: (n: string | null) => n ?? "—" },
    {
      title: ct.dueAt,
      dataIndex: "dueAt",
      render: (d: string, row) => (
        <Flex gap={4} align="center">
          {formatShanghaiDateTime(d)}
          {row.overdue ? <Tag color="red" data-testid={`complaint-overdue-${row.id}`}>{ct.overdue}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: ct.state,
      dataIndex: "state",
      render: (s: ComplaintDto["state"], row) => (
        <Space direction="vertical" size={2}>
          <Tag color={STATE_COLORS[s]} data-testid={`complaint-state-${row.id}`}>
            {pickLabel(COMPLAINT_STATE_LABELS[s], lang)}
            {row.substantiated === null ? "" : ` · ${row.substantiated ? ct.substantiated : ct.notSubstantiated}`}
          </Tag>
          {row.accountabilityRecordId ? (
            <Link to={`/accountability?q=${row.accountabilityRecordId}`} data-testid={`complaint-record-${row.id}`}>{ct.record_(row.accountabilityRecordId)}</Link>
          ) : null}
        </Space>
      ),
    },
    ...(handles ? [{ title: ct.actions, key: "actions", render: (_: unknown, row: ComplaintDto) => <ComplaintActions complaint={row} /> }] : []),
  ];

  const select = (key: string, label: string, options: readonly FilterOption[], width = 150) => (
    <ListFilterSelect list={list} name={key} label={label} options={options} width={width} searchable testId={`complaints-filter-${key}`} />
  );

  return (
    <>
      <Flex justify="space-between" align="center">
        <PageTitle testId="complaints-heading">{pickLabel(NAV_LABELS.complaints, lang)}</PageTitle>
        <Flex gap={8}>
          <Button href={exportHref} data-testid="complaints-export">{ct.exportExcel}</Button>
          {handles ? <Button type="primary" data-testid="record-complaint" onClick={() => setRecording(true)}>{ct.record}</Button> : null}
        </Flex>
      </Flex>
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(row) => row.id}
        testId="complaints-table"
        filters={
          <>
            {select("state", ct.state, COMPLAINT_STATES.map((s) => ({ value: s, label: pickLabel(COMPLAINT_STATE_LABELS[s], lang) })), 120)}
            {select("channel", ct.channel, COMPLAINT_CHANNELS.map((c) => ({ value: c, label: pickLabel(COMPLAINT_CHANNEL_LABELS[c], lang) })))}
            {departments.options.length ? select("departmentId", ct.department, departments.options, 200) : null}
            {select("windowId", ct.window, windows.data ?? [], 160)}
            <Form.Item>
              <Checkbox data-testid="complaints-filter-overdue" checked={list.filters.overdue === "1"} onChange={(e) => list.update({ filters: { overdue: e.target.checked ? "1" : undefined } })}>{ct.overdueOnly}</Checkbox>
            </Form.Item>
            {handles ? (
              <Form.Item>
                <Checkbox checked={list.filters.mine === "1"} onChange={(e) => list.update({ filters: { mine: e.target.checked ? "1" : undefined } })}>{ct.mineOnly}</Checkbox>
              </Form.Item>
            ) : null}
          </>
        }
      />
      {handles ? <RecordComplaintModal open={recording} onClose={() => setRecording(false)} /> : null}
    </>
  );
}
