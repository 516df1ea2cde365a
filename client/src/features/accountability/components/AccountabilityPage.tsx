// The accountability review queue (责任追究): proposed records first; a center leader confirms or
// dismisses each with a reason; filterable by state, kind, source, department and words (a record
// number finds that record) and exportable to Excel as filtered.
import { Button, Flex, Form, Select, Tag, type TableColumnsType } from "antd";
import {
  ACCOUNTABILITY_KIND_LABELS,
  ACCOUNTABILITY_KINDS,
  ACCOUNTABILITY_SOURCE_LABELS,
  ACCOUNTABILITY_SOURCES,
  ACCOUNTABILITY_STATE_LABELS,
  ACCOUNTABILITY_STATES,
  CONSEQUENCE_LABELS,
  type AccountabilityDto,
} from "../../../../../server/src/contracts/accountability.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { ListFilterSelect } from "../../../components/ListFilterSelect.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useListParams } from "../../../lib/useListParams.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useCaseLive } from "../../cases/api/useCaseLive.ts";
import { useDepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { useCaseText } from "../../cases/text.ts";
import { useAccountabilityPage } from "../api/accountability.ts";
import { DecisionButtons } from "./DecisionButtons.tsx";

const FILTERS = ["state", "kind", "source", "departmentId"];
const STATE_COLORS = { PROPOSED: "gold", CONFIRMED: "red", DISMISSED: "default" } as const;

export function AccountabilityPage() {
  const { lang, ct } = useCaseText();
  const user = useCurrentUser();
  const list = useListParams(FILTERS);
  const result = useAccountabilityPage(list.query);
  useCaseLive(user.role !== "STAFF");
  const departments = useDepartmentNames();
  const a = ct.accountability;
  const exportHref = `/api/accountability/export?${new URLSearchParams(Object.entries({ q: list.q, ...list.filters }).filter(([, v]) => v !== "")).toString()}`;

  const columns: TableColumnsType<AccountabilityDto> = [
    { title: "#", dataIndex: "id", width: 60 },
    { title: a.kind, dataIndex: "kind", render: (k: AccountabilityDto["kind"]) => pickLabel(ACCOUNTABILITY_KIND_LABELS[k], lang) },
    { title: a.source, dataIndex: "source", render: (src: AccountabilityDto["source"]) => pickLabel(ACCOUNTABILITY_SOURCE_LABELS[src], lang) },
    { title: a.staff, dataIndex: "staffName" },
    { title: ct.caseNo, dataIndex: "caseNo", render: (n: string | null) => n ?? "—" },
    { title: a.description, dataIndex: "description" },
    { title: a.points, dataIndex: "proposedPoints", align: "right" },
    { title: a.occurredAt, dataIndex: "occurredAt", render: (d: string) => formatShanghaiDateTime(d) },
    {
      title: ct.state,
      dataIndex: "state",
      render: (s: AccountabilityDto["state"], row) => (
        <Tag color={STATE_COLORS[s]} data-testid={`record-state-${row.id}`}>
          {pickLabel(ACCOUNTABILITY_STATE_LABELS[s], lang)}
          {row.consequence ? ` · ${pickLabel(CONSEQUENCE_LABELS[row.consequence], lang)}` : ""}
        </Tag>
      ),
    },
    { title: a.decision, dataIndex: "decisionReason", render: (r: string | null) => r ?? "—" },
    ...(user.role === "LEADER"
      ? [{ title: ct.actions, key: "decide", render: (_: unknown, row: AccountabilityDto) => (row.state === "PROPOSED" ? <DecisionButtons record={row} /> : null) }]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center">
        <PageTitle testId="accountability-heading">{pickLabel(NAV_LABELS.accountability, lang)}</PageTitle>
        <Button href={exportHref} data-testid="accountability-export">{ct.exportExcel}</Button>
      </Flex>
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(row) => row.id}
        testId="accountability-table"
        filters={
          <>
            <ListFilterSelect list={list} name="state" label={ct.state} width={140} options={ACCOUNTABILITY_STATES.map((s) => ({ value: s, label: pickLabel(ACCOUNTABILITY_STATE_LABELS[s], lang) }))} />
            <ListFilterSelect list={list} name="kind" label={a.kind} width={180} options={ACCOUNTABILITY_KINDS.map((k) => ({ value: k, label: pickLabel(ACCOUNTABILITY_KIND_LABELS[k], lang) }))} />
            <ListFilterSelect list={list} name="source" label={a.source} width={180} options={ACCOUNTABILITY_SOURCES.map((k) => ({ value: k, label: pickLabel(ACCOUNTABILITY_SOURCE_LABELS[k], lang) }))} />
            {departments.options.length ? (
              <ListFilterSelect list={list} name="departmentId" label={ct.department} width={200} searchable options={departments.options} />
            ) : null}
          </>
        }
      />
    </>
  );
}
