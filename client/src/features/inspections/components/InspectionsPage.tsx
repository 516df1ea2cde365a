// Inspection records (督查记录): the center's (or, for a liaison, their department's staff's), filterable
// by window, dates and deductions, each row opening its failed items with the one-click accountability
// proposal; links to the printable day and week sheets and to a new on-the-spot inspection.
import { Button, Checkbox, Flex, Form, Input, Select, Typography, type TableColumnsType } from "antd";
import { PlusOutlined, PrinterOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import type { InspectionDto } from "../../../../../server/src/contracts/inspections.ts";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { useListParams } from "../../../lib/useListParams.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { sheetHref, useHallWindows, useInspectionsPage } from "../api/inspections.ts";
import { useInspectionText } from "../text.ts";
import { FindingActions } from "./FindingActions.tsx";

const FILTERS = ["windowId", "staffId", "from", "to", "failedOnly"];

const shanghaiToday = (): string => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

export function InspectionsPage() {
  const { lang, it } = useInspectionText();
  const user = useCurrentUser();
  const canRecord = user.role === "LEADER" || user.role === "SUPERVISOR";
  const list = useListParams(FILTERS);
  const result = useInspectionsPage(list.query);
  const windows = useHallWindows();
  const today = shanghaiToday();

  const columns: TableColumnsType<InspectionDto> = [
    { title: it.at, dataIndex: "at", render: (d: string) => formatShanghaiDateTime(d) },
    { title: it.window, key: "window", render: (_: unknown, r) => `${r.windowNumber} ${r.windowName}` },
    { title: it.staff, key: "staff", render: (_: unknown, r) => (r.staffName ? `${r.staffName}（${r.staffNo}）` : "—") },
    { title: it.totalDeduction, dataIndex: "totalDeduction", render: (n: number, r) => <Typography.Text type={n > 0 ? "danger" : undefined} data-testid={`inspection-total-${r.id}`}>{n}</Typography.Text> },
    { title: it.failedItems, key: "failed", render: (_: unknown, r) => <FindingActions inspection={r} canPropose={canRecord} /> },
    { title: it.inspector, dataIndex: "inspectorName" },
    { title: it.note, dataIndex: "note", render: (n: string | null) => n ?? "—" },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle testId="inspections-heading">{it.list}</PageTitle>
        <Flex gap={8} wrap>
          <Button icon={<PrinterOutlined />} href={sheetHref(today, "day", lang)} target="_blank" data-testid="inspections-print-day">{it.printDay}</Button>
          <Button icon={<PrinterOutlined />} href={sheetHref(today, "week", lang)} target="_blank" data-testid="inspections-print-week">{it.printWeek}</Button>
          {canRecord ? (
            <Link to="/inspections/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="inspections-new">{it.newInspection}</Button>
            </Link>
          ) : null}
        </Flex>
      </Flex>
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(r) => r.id}
        testId="inspections-table"
        filters={
          <>
            <Form.Item label={it.window}>
              <Select<string>
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ width: 200 }}
                value={list.filters.windowId}
                onChange={(v) => list.update({ filters: { windowId: v } })}
                options={(windows.data?.items ?? []).map((w) => ({ value: String(w.id), label: `${w.number} ${w.name}` }))}
              />
            </Form.Item>
            <Form.Item label={it.dates}>
              <Flex gap={4} align="center">
                <Input type="date" style={{ width: 150 }} aria-label="from" value={list.filters.from ?? ""} onChange={(e) => list.update({ filters: { from: e.target.value || undefined } })} />
                –
                <Input type="date" style={{ width: 150 }} aria-label="to" value={list.filters.to ?? ""} onChange={(e) => list.update({ filters: { to: e.target.value || undefined } })} />
              </Flex>
            </Form.Item>
            <Form.Item>
              <Checkbox checked={list.filters.failedOnly === "true"} onChange={(e) => list.update({ filters: { failedOnly: e.target.checked ? "true" : undefined } })}>
                {it.failedOnly}
              </Checkbox>
            </Form.Item>
          </>
        }
      />
    </>
  );
}
