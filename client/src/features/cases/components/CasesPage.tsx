// Cases: window staff see their own by urgency and accept/advance them; supervisors, leaders,
// liaisons and city leaders see the center's (or department's) with warning filters, live updates
// and an Excel export of what is filtered.
import { Badge, Button, Flex, Form, Select, type TableColumnsType } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { CASE_STATE_LABELS, CASE_STATE_VALUES, WARNING_VALUES, type CaseDto } from "../../../../../server/src/contracts/cases.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useListParams } from "../../../lib/useListParams.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useDepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { useCasesPage } from "../api/cases.ts";
import { useCaseLive } from "../api/useCaseLive.ts";
import { useCaseText } from "../text.ts";
import { AcceptCaseModal } from "./AcceptCaseModal.tsx";
import { CaseActions } from "./CaseActions.tsx";
import { WarningTag } from "./WarningTag.tsx";

const FILTERS = ["state", "warning", "open", "departmentId"];

export function CasesPage() {
  const { lang, ct } = useCaseText();
  const user = useCurrentUser();
  const isStaff = user.role === "STAFF";
  const list = useListParams(FILTERS);
  const result = useCasesPage(list.query);
  const live = useCaseLive(!isStaff);
  const departments = useDepartmentNames();
  const [accepting, setAccepting] = useState(false);
  const exportHref = `/api/cases/export?${new URLSearchParams(Object.entries({ q: list.q, ...list.filters }).filter(([, v]) => v !== "")).toString()}`;

  const columns: TableColumnsType<CaseDto> = [
    { title: ct.caseNo, dataIndex: "caseNo", render: (no: string, row) => <Link to={`/cases/${row.id}/notice`}>{no}</Link> },
    { title: ct.item, dataIndex: "itemName" },
    { title: ct.citizenName, dataIndex: "citizenName" },
    { title: ct.state, dataIndex: "state", render: (s: CaseDto["state"], row) => <span data-testid={`state-${row.caseNo}`}>{pickLabel(CASE_STATE_LABELS[s], lang)}</span> },
    { title: ct.warning, dataIndex: "warning", render: (w: CaseDto["warning"], row) => <WarningTag warning={w} testId={`warning-${row.caseNo}`} /> },
    { title: ct.dueAt, dataIndex: "dueAt", render: (d: string) => formatShanghaiDateTime(d) },
    { title: ct.daysLeft, dataIndex: "workingDaysLeft", align: "right", render: (n: number | null) => (n === null ? "—" : n < 0 ? ct.overdueDays(-n) : n) },
    ...(isStaff ? [] : [{ title: ct.handledBy, dataIndex: "handledByName" }, { title: ct.window, dataIndex: "windowNumber" }]),
    ...(isStaff ? [{ title: ct.actions, key: "actions", render: (_: unknown, row: CaseDto) => <CaseActions kase={row} /> }] : []),
  ];

  const filterSelect = (key: string, placeholder: string, options: { value: string; label: string }[]) => (
    <Form.Item label={placeholder}>
      <Select<string>
        allowClear
        data-testid={`filter-${key}`}
        placeholder={placeholder}
        value={list.filters[key]}
        options={options}
        onChange={(v) => list.update({ filters: { [key]: v } })}
        style={{ width: 160 }}
      />
    </Form.Item>
  );

  return (
    <>
      <Flex justify="space-between" align="center">
        <PageTitle testId="cases-heading">{isStaff ? ct.myCases : pickLabel(NAV_LABELS.cases, lang)}</PageTitle>
        <Flex gap={8} align="center">
          {!isStaff && live ? <Badge status="processing" text={ct.live} /> : null}
          {!isStaff && user.role !== "LIAISON" ? <Link to="/cases/outbox">{ct.outbox}</Link> : null}
          <Button href={exportHref} data-testid="cases-export">{ct.exportExcel}</Button>
          {isStaff ? (
            <Button type="primary" data-testid="accept-case" onClick={() => setAccepting(true)}>
              {ct.accept}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(row) => row.id}
        testId="cases-table"
        filters={
          <>
            {filterSelect("warning", ct.warning, WARNING_VALUES.map((w) => ({ value: w, label: ct.warningLabels[w] })))}
            {filterSelect("state", ct.state, CASE_STATE_VALUES.map((s) => ({ value: s, label: pickLabel(CASE_STATE_LABELS[s], lang) })))}
            {filterSelect("open", ct.openOnly, [{ value: "1", label: ct.openOnly }])}
            {!isStaff && user.role !== "LIAISON" && departments.options.length
              ? filterSelect("departmentId", ct.department, departments.options.map((d) => ({ value: String(d.value), label: d.label })))
              : null}
          </>
        }
      />
      {isStaff ? <AcceptCaseModal open={accepting} onClose={() => setAccepting(false)} /> : null}
    </>
  );
}
