// 差评整改: every bad review's ticket in the user's scope — its step, the step's working-day deadline and
// lateness, the owner (谁办理谁负责), the masked callback number — filterable by state, lateness, owner and
// window. Supervisors, leaders and liaisons see new tickets arrive live; a row opens the ticket's drawer.
import { Badge, Button, Checkbox, Flex, Form, Select, Space, Tag, type TableColumnsType } from "antd";
import { useState } from "react";
import { LEVEL_LABELS, type Level } from "../../../../../server/src/contracts/indicators.ts";
import { NAV_BY_ROLE, NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { RECTIFICATION_STATE_LABELS, RECTIFICATION_STATES, type RectificationListItemDto } from "../../../../../server/src/contracts/rectifications.ts";
import { ListFilterSelect } from "../../../components/ListFilterSelect.tsx";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useListParams } from "../../../lib/useListParams.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useOwnerSearch, useRectificationLive, useRectificationsPage } from "../api/rectifications.ts";
import { useWindowOptions } from "../../windows/api/windowOptions.ts";
import { useRectificationText } from "../text.ts";
import { RectificationDrawer } from "./RectificationDrawer.tsx";

const FILTERS = ["state", "overdue", "staffId", "windowId"];
const STATE_COLORS = { VERIFY: "gold", RESOLVE: "blue", CALLBACK: "cyan", CLOSED: "default" } as const;
/** Roles the server lets onto the /supervisor socket (realtime/io.ts) */
const LIVE_ROLES = new Set(["LEADER", "SUPERVISOR", "LIAISON"]);

function OwnerFilter({ value, onChange }: { value: string | undefined; onChange: (v: string | undefined) => void }) {
  const { rt } = useRectificationText();
  const [q, setQ] = useState("");
  const found = useOwnerSearch(q, true);
  return (
    <Form.Item label={rt.owner}>
      <Select<number> allowClear style={{ width: 180 }} value={value ? Number(value) : undefined} showSearch={{ filterOption: false, onSearch: setQ }}
        loading={found.isFetching} options={found.data ?? []} onChange={(v) => onChange(v === undefined || v === null ? undefined : String(v))} data-testid="rect-filter-owner" />
    </Form.Item>
  );
}

export function RectificationsPage() {
  const { lang, rt } = useRectificationText();
  const user = useCurrentUser();
  const list = useListParams(FILTERS);
  const result = useRectificationsPage(list.query);
  const live = useRectificationLive(LIVE_ROLES.has(user.role));
  const canListStaff = NAV_BY_ROLE[user.role].includes("staff") && user.role !== "STAFF";
  const windows = useWindowOptions(NAV_BY_ROLE[user.role].includes("windows") && user.role !== "STAFF");
  const [openId, setOpenId] = useState<string | null>(null);

  const columns: TableColumnsType<RectificationListItemDto> = [
    { title: rt.openedAt, key: "openedAt", render: (_: unknown, r) => formatShanghaiDateTime(r.evaluation.ratedAt) },
    {
      title: rt.rating,
      key: "rating",
      render: (_: unknown, r) => (
        <Tag color={r.evaluation.level === 1 ? "red" : "orange"}>{pickLabel(LEVEL_LABELS[r.evaluation.level as Level] ?? { zh: String(r.evaluation.level), en: String(r.evaluation.level) }, lang)}</Tag>
      ),
    },
    { title: rt.window, key: "window", render: (_: unknown, r) => (r.evaluation.windowNumber === null ? rt.none : rt.windowNo(r.evaluation.windowNumber)) },
    { title: rt.owner, dataIndex: "ownerName", render: (n: string | null) => n ?? rt.none },
    {
      title: rt.state,
      key: "state",
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          <Tag color={STATE_COLORS[r.state]} data-testid={`rect-state-${r.id}`}>{pickLabel(RECTIFICATION_STATE_LABELS[r.state], lang)}</Tag>
          {r.overdue ? <Tag color="red" data-testid={`rect-overdue-${r.id}`}>{rt.overdue}</Tag> : r.everOverdue ? <Tag color="orange">{rt.everOverdue}</Tag> : null}
        </Space>
      ),
    },
    { title: rt.stepDueAt, key: "due", render: (_: unknown, r) => (r.closedAt ? `${rt.closedAt} ${formatShanghaiDateTime(r.closedAt)}` : r.stepDueAt ? formatShanghaiDateTime(r.stepDueAt) : rt.none) },
    { title: rt.phone, dataIndex: "citizenPhoneMasked", render: (p: string | null) => p ?? rt.none },
    {
      title: rt.actions,
      key: "actions",
      render: (_: unknown, r) => (
        <Button size="small" type={r.state === "CLOSED" ? "default" : "primary"} data-testid={`rect-open-${r.id}`} onClick={() => setOpenId(r.id)}>
          {r.state === "CLOSED" ? rt.view : rt.open}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center">
        <PageTitle testId="rectifications-heading">{pickLabel(NAV_LABELS.rectifications, lang)}</PageTitle>
        {LIVE_ROLES.has(user.role) ? <Badge status={live ? "processing" : "error"} text={live ? rt.live : rt.offline} data-testid="rect-live" /> : null}
      </Flex>
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(r) => r.id}
        testId="rectifications-table"
        filters={
          <>
            <ListFilterSelect list={list} name="state" label={rt.state} width={130} testId="rect-filter-state"
              options={RECTIFICATION_STATES.map((s) => ({ value: s, label: pickLabel(RECTIFICATION_STATE_LABELS[s], lang) }))} />
            {canListStaff ? <OwnerFilter value={list.filters.staffId} onChange={(v) => list.update({ filters: { staffId: v } })} /> : null}
            {windows.data?.length ? <ListFilterSelect list={list} name="windowId" label={rt.window} options={windows.data} width={160} searchable /> : null}
            <Form.Item>
              <Checkbox data-testid="rect-filter-overdue" checked={list.filters.overdue === "1"} onChange={(e) => list.update({ filters: { overdue: e.target.checked ? "1" : undefined } })}>{rt.overdueOnly}</Checkbox>
            </Form.Item>
          </>
        }
      />
      <RectificationDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
