// 申诉复核: two lists over the same records. "Bad reviews" shows every bad review in the user's scope with
// its appeal state — window staff appeal their own from here; "Appeals" lists the appeals — center
// leaders decide the pending ones. Each row expands to the rating, the appeal and the decision, which is
// all the auditor does here: read.
import { Button, Flex, Tabs, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { APPEAL_STATE_LABELS, APPEAL_STATES, type AppealDto, type BadReviewDto } from "../../../../../server/src/contracts/appeals.ts";
import { NAV_BY_ROLE, NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ListFilterSelect } from "../../../components/ListFilterSelect.tsx";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useListParams, type ListParams } from "../../../lib/useListParams.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useDepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { useAppealLive, useAppealsPage, useBadReviewsPage } from "../api/appeals.ts";
import { useWindowOptions } from "../../windows/api/windowOptions.ts";
import { useAppealText } from "../text.ts";
import { AppealDetails } from "./AppealDetails.tsx";
import { DecideAppealModal, FileAppealModal } from "./AppealDialogs.tsx";
import { AppealStateTag } from "./AppealStateTag.tsx";
import { RatingCell } from "./RatingCell.tsx";

const FILTERS = ["tab", "state", "appealState", "departmentId", "windowId"];
/** Roles the server lets onto the /supervisor socket (realtime/io.ts) that read appeals */
const LIVE_ROLES = new Set(["LEADER", "SUPERVISOR", "LIAISON", "CITY_LEADER"]);
type Tab = "reviews" | "appeals";

/** The list's query without the tab (which only picks the list) and the other tab's filter. */
const queryOf = (list: ListParams, tab: Tab) => {
  const { tab: _tab, state, appealState, ...rest } = list.query;
  return tab === "reviews" ? { ...rest, appealState } : { ...rest, state };
};

export function AppealsPage() {
  const { lang, at } = useAppealText();
  const user = useCurrentUser();
  const list = useListParams(FILTERS);
  const tab: Tab = list.filters.tab === "appeals" ? "appeals" : "reviews";
  const isStaff = user.role === "STAFF";
  const decides = user.role === "LEADER";
  const departments = useDepartmentNames();
  const windows = useWindowOptions(!isStaff && NAV_BY_ROLE[user.role].includes("windows"));
  const reviews = useBadReviewsPage(queryOf(list, "reviews"));
  const appeals = useAppealsPage(queryOf(list, "appeals"));
  useAppealLive(LIVE_ROLES.has(user.role));
  const [appealing, setAppealing] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<number | null>(null);

  const ratingColumns = <T,>(rating: (row: T) => BadReviewDto["rating"]): TableColumnsType<T> => [
    { title: at.ratedAt, key: "ratedAt", render: (_: unknown, row) => formatShanghaiDateTime(rating(row).ratedAt) },
    { title: at.level, key: "level", render: (_: unknown, row) => <RatingCell rating={rating(row)} /> },
    { title: at.window, key: "window", render: (_: unknown, row) => (rating(row).windowNumber === null ? at.none : at.windowNo(rating(row).windowNumber!)) },
    ...(isStaff ? [] : [{ title: at.staff, key: "staff", render: (_: unknown, row: T) => rating(row).staffName ?? at.none }]),
  ];

  const reviewColumns: TableColumnsType<BadReviewDto> = [
    ...ratingColumns<BadReviewDto>((r) => r.rating),
    { title: at.appealState, key: "appeal", render: (_: unknown, row) => <AppealStateTag state={row.appeal?.state ?? null} testId={`review-appeal-state-${row.rating.id}`} /> },
    ...(isStaff
      ? [{
          title: at.actions,
          key: "actions",
          render: (_: unknown, row: BadReviewDto) =>
            row.canAppeal ? <Button size="small" type="primary" data-testid={`appeal-${row.rating.id}`} onClick={() => setAppealing(row.rating.id)}>{at.appeal}</Button> : null,
        }]
      : []),
  ];

  const appealColumns: TableColumnsType<AppealDto> = [
    { title: "#", dataIndex: "id", width: 60 },
    ...ratingColumns<AppealDto>((a) => a.rating),
    { title: at.appealReason, dataIndex: "reason", render: (r: string) => <Typography.Text style={{ maxWidth: 280, display: "inline-block" }}>{r}</Typography.Text> },
    { title: at.appealedAt, dataIndex: "createdAt", render: (d: string) => formatShanghaiDateTime(d) },
    { title: at.appealState, key: "state", render: (_: unknown, row) => <AppealStateTag state={row.state} testId={`appeal-state-${row.id}`} /> },
    ...(decides
      ? [{
          title: at.actions,
          key: "actions",
          render: (_: unknown, row: AppealDto) =>
            row.state === "PENDING" ? <Button size="small" type="primary" data-testid={`decide-${row.id}`} onClick={() => setDeciding(row.id)}>{at.decide}</Button> : null,
        }]
      : []),
  ];

  const filters = (
    <>
      {tab === "reviews"
        ? <ListFilterSelect list={list} name="appealState" label={at.appealState} width={140} testId="appeals-filter-appealState"
            options={[{ value: "NONE", label: at.notAppealed }, ...APPEAL_STATES.map((s) => ({ value: s, label: pickLabel(APPEAL_STATE_LABELS[s], lang) }))]} />
        : <ListFilterSelect list={list} name="state" label={at.appealState} width={140} testId="appeals-filter-state"
            options={APPEAL_STATES.map((s) => ({ value: s, label: pickLabel(APPEAL_STATE_LABELS[s], lang) }))} />}
      {departments.options.length && user.role !== "LIAISON" ? <ListFilterSelect list={list} name="departmentId" label={at.department} options={departments.options} width={200} searchable /> : null}
      {windows.data?.length ? <ListFilterSelect list={list} name="windowId" label={at.window} options={windows.data} width={160} searchable /> : null}
    </>
  );

  return (
    <>
      <Flex justify="space-between" align="center">
        <PageTitle testId="appeals-heading">{pickLabel(NAV_LABELS.appeals, lang)}</PageTitle>
        {user.role === "AUDITOR" || user.role === "CITY_AUDITOR" ? <Typography.Text type="secondary">{at.readOnly}</Typography.Text> : null}
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => list.update({ filters: { tab: key === "appeals" ? "appeals" : undefined, state: undefined, appealState: undefined } })}
        items={[
          {
            key: "reviews",
            label: <span data-testid="appeals-tab-reviews">{at.tabBadReviews}</span>,
            children: tab === "reviews" ? (
              <PagedTable list={list} result={reviews} columns={reviewColumns} rowKey={(r) => r.rating.id} testId="bad-reviews-table" filters={filters}
                expandable={{ expandedRowRender: (r) => <AppealDetails rating={r.rating} appeal={r.appeal} mayAttach={isStaff} /> }} />
            ) : null,
          },
          {
            key: "appeals",
            label: <span data-testid="appeals-tab-appeals">{at.tabAppeals}</span>,
            children: tab === "appeals" ? (
              <PagedTable list={list} result={appeals} columns={appealColumns} rowKey={(a) => a.id} testId="appeals-table" filters={filters}
                expandable={{ expandedRowRender: (a) => <AppealDetails rating={a.rating} appeal={a} mayAttach={isStaff} /> }} />
            ) : null,
          },
        ]}
      />
      {isStaff ? <FileAppealModal evaluationId={appealing} onClose={() => setAppealing(null)} /> : null}
      {decides ? <DecideAppealModal appealId={deciding} onClose={() => setDeciding(null)} /> : null}
    </>
  );
}
